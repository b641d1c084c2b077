// "data.gouv.fr: New Dataset…": a multi-step input (title, description, publisher,
// license, update frequency, visibility) with Back, then POST /datasets/. The license
// and frequency choices are the platform's own. A refusal (400) brings the user back to
// the step of the offending field with the server's message, answers kept. The new
// dataset opens as a document; its files come next (Upload Resource…).
import * as vscode from 'vscode';
import type { Choice, NewDataset } from '../api/models';
import { datasetUri } from '../documents/documentUris';
import { DATASET_LIMITS } from '../documents/dataset/datasetSchema';
import { runCommand } from './commandIds';
import { askChoice, askDescription, askPublisher, askText, keepAnswer, runSteps, type StepResult } from './multiStepInput';
import { defineCommand } from './registry';
import { openDocument, withNotification } from './dialogs';

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
  organizations: Choice[];
  licenses: Choice[];
  frequencies: Choice[];
}

export const newDatasetCommand = defineCommand({
  id: 'datagouv.newDataset',
  name: 'New Dataset',
  needsSignIn: true,
  async run({ session, datasets, choices: platform, log }) {
    const [me, lists] = await withNotification(vscode.l10n.t('Preparing a new dataset…'), () => Promise.all([session.me(), platform.load()]));
    const choices: Choices = {
      organizations: (me.organizations ?? []).map((org): Choice => ({ id: org.id, label: org.name })),
      licenses: lists.licenses.map((license) => ({ id: license.id, label: license.title })),
      frequencies: lists.frequencies,
    };
    // The first organization by default: data teams publish for their organization.
    const answers: Answers = { owner: choices.organizations[0]?.id ?? '', private: true };
    await runSteps<Field>({
      name: 'New Dataset',
      steps: STEPS,
      log,
      ask: (field, index, errors) => askStep(field, index, answers, errors, choices),
      stepOf: (apiField) => {
        const field = apiField === 'organization' || apiField === 'owner' ? 'owner' : (apiField as Field);
        return STEPS.includes(field) ? field : undefined;
      },
      async submit() {
        const dataset = await withNotification(vscode.l10n.t('Creating the dataset on data.gouv.fr…'), () => datasets.create(toNewDataset(answers)));
        await openDocument(datasetUri(dataset.id, dataset.slug));
        const upload = vscode.l10n.t('Upload Resource…');
        const choice = await vscode.window.showInformationMessage(
          answers.private
            ? vscode.l10n.t('“{0}” is created on data.gouv.fr, private until you make it public. Add its files next.', dataset.title ?? dataset.id)
            : vscode.l10n.t('“{0}” is created on data.gouv.fr. Add its files next.', dataset.title ?? dataset.id),
          upload,
        );
        if (choice === upload) await runCommand('datagouv.uploadResource', { id: dataset.id, slug: dataset.slug, title: dataset.title });
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

async function askStep(field: Field, index: number, answers: Answers, errors: Partial<Record<Field, string>>, choices: Choices): Promise<StepResult> {
  const title = `${vscode.l10n.t('New Dataset')} (${index + 1}/${STEPS.length})`;
  const serverError = errors[field];
  delete errors[field];
  switch (field) {
    case 'title':
      return askText(title, index, vscode.l10n.t('Title of the dataset'), answers.title, serverError, (value) =>
        !value.trim()
          ? vscode.l10n.t('A title is required.')
          : value.length > DATASET_LIMITS.titleMaxLength
            ? vscode.l10n.t('{0} characters at most.', DATASET_LIMITS.titleMaxLength)
            : undefined,
      ).then(keepAnswer(answers, 'title'));
    case 'description':
      return askDescription(title, index, answers.description, serverError).then(keepAnswer(answers, 'description'));
    case 'owner':
      return askPublisher(title, index, choices.organizations, answers.owner, serverError, true).then(keepAnswer(answers, 'owner'));
    case 'license':
      return askChoice(
        title,
        index,
        vscode.l10n.t('License'),
        choices.licenses.map((license) => ({ label: license.label, description: license.id, value: license.id })),
        answers.license,
        serverError,
      ).then(keepAnswer(answers, 'license'));
    case 'frequency':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Update frequency'),
        choices.frequencies.map((frequency) => ({ label: frequency.label, description: frequency.id, value: frequency.id })),
        answers.frequency,
        serverError,
      ).then(keepAnswer(answers, 'frequency'));
    case 'private':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Visibility'),
        [
          {
            label: `$(lock) ${vscode.l10n.t('Private dataset')}`,
            description: vscode.l10n.t('until its files are ready; make it public afterwards'),
            value: 'private',
          },
          { label: `$(globe) ${vscode.l10n.t('Public dataset')}`, description: vscode.l10n.t('visible to everyone on data.gouv.fr'), value: 'public' },
        ],
        answers.private === undefined ? undefined : answers.private ? 'private' : 'public',
        serverError,
      ).then(([result, value]) => ((answers.private = value === undefined ? answers.private : value === 'private'), result));
  }
}
