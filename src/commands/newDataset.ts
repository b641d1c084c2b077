// "data.gouv.fr: New Dataset…": a multi-step input (title, description, publisher,
// license, update frequency, visibility) with Back, then POST /datasets/. The license
// and frequency choices are the platform's own. A refusal (400) brings the user back to
// the step of the offending field with the server's message, answers kept. The new
// dataset opens as a document; its files come next (Upload Resource…).
import * as vscode from 'vscode';
import type { Choice, NewDataset, Organization } from '../api/models';
import { datasetUri } from '../documents/documentUris';
import { DATASET_LIMITS } from '../documents/dataset/datasetSchema';
import { runCommand } from './commandIds';
import {
  askChoice,
  askDescription,
  askPublisher,
  askTitle,
  askVisibility,
  choiceItems,
  keepAnswer,
  runSteps,
  type Step,
  type StepResult,
} from './multiStepInput';
import { defineCommand } from './registry';
import { inform, openDocument, withNotification } from './dialogs';
import { referenceTo } from '../tree/nodes';

const l10n = vscode.l10n;

type Field = 'title' | 'description' | 'owner' | 'license' | 'frequency' | 'private';
const STEPS: Field[] = ['title', 'description', 'owner', 'license', 'frequency', 'private'];

interface Answers {
  title?: string;
  description?: string;
  /** An organization id, or '' for the user. */
  owner?: string;
  license?: string;
  frequency?: string;
  private?: boolean;
}

interface Choices {
  organizations: Organization[];
  licenses: Choice[];
  frequencies: Choice[];
}

export const newDatasetCommand = defineCommand({
  id: 'datagouv.newDataset',
  name: 'New Dataset',
  needsSignIn: true,
  async run({ session, datasets, choices: platform, log }) {
    const [me, lists] = await withNotification(l10n.t('Preparing a new dataset…'), () => Promise.all([session.me(), platform.load()]));
    const choices: Choices = {
      organizations: me.organizations ?? [],
      licenses: lists.licenses.map((license) => ({ id: license.id, label: license.title })),
      frequencies: lists.frequencies,
    };
    // The first organization by default: data teams publish for their organization.
    const answers: Answers = { owner: choices.organizations[0]?.id ?? '', private: true };
    await runSteps<Field>({
      name: 'New Dataset',
      title: l10n.t('New Dataset'),
      steps: STEPS,
      log,
      ask: (field, step) => askStep(field, step, answers, choices),
      async submit() {
        const dataset = await withNotification(l10n.t('Creating the dataset on data.gouv.fr…'), () => datasets.create(toNewDataset(answers)));
        await openDocument(datasetUri(dataset.id, dataset.slug));
        const upload = l10n.t('Upload Resource…');
        const choice = await inform(
          answers.private
            ? l10n.t('“{0}” is created on data.gouv.fr, private until you make it public. Add its files next.', dataset.title ?? dataset.id)
            : l10n.t('“{0}” is created on data.gouv.fr. Add its files next.', dataset.title ?? dataset.id),
          upload,
        );
        if (choice === upload) await runCommand('datagouv.uploadResource', referenceTo(dataset));
      },
    });
  },
});

function toNewDataset(answers: Answers): NewDataset {
  return {
    title: answers.title ?? '',
    description: answers.description ?? '',
    private: answers.private ?? true,
    ...(answers.license ? { license: answers.license } : {}),
    ...(answers.frequency ? { frequency: answers.frequency } : {}),
    ...(answers.owner ? { organization: answers.owner } : {}),
  };
}

async function askStep(field: Field, step: Step, answers: Answers, choices: Choices): Promise<StepResult> {
  switch (field) {
    case 'title':
      return askTitle(step, l10n.t('Title of the dataset'), answers.title, DATASET_LIMITS.titleMaxLength).then(keepAnswer(answers, 'title'));
    case 'description':
      return askDescription(step, answers.description).then(keepAnswer(answers, 'description'));
    case 'owner':
      return askPublisher(step, choices.organizations, answers.owner, true).then(keepAnswer(answers, 'owner'));
    case 'license':
      return askChoice(step, l10n.t('License'), choiceItems(choices.licenses), answers.license).then(keepAnswer(answers, 'license'));
    case 'frequency':
      return askChoice(step, l10n.t('Update frequency'), choiceItems(choices.frequencies), answers.frequency).then(keepAnswer(answers, 'frequency'));
    case 'private':
      return askVisibility(
        step,
        [
          {
            label: `$(lock) ${l10n.t('Private dataset')}`,
            description: l10n.t('until its files are ready; make it public afterwards'),
            value: 'private',
          },
          { label: `$(globe) ${l10n.t('Public dataset')}`, description: l10n.t('visible to everyone on data.gouv.fr'), value: 'public' },
        ],
        answers.private,
      ).then(keepAnswer(answers, 'private'));
  }
}
