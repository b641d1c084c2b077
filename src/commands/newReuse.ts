// "data.gouv.fr: New Reuse…": a multi-step input (title, URL, type, topic, description,
// owner, visibility) with Back, then POST /reuses/. A refusal (400) brings the user
// back to the step of the offending field with the server's message, answers kept.
import * as vscode from 'vscode';
import type { Choice, NewReuse, Organization } from '../api/models';
import { reuseUri } from '../documents/documentUris';
import { HTTP_URL_PATTERN, LIMITS } from '../documents/reuse/reuseSchema';
import {
  askChoice,
  askDescription,
  askPublisher,
  askText,
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

const l10n = vscode.l10n;

type Field = 'title' | 'url' | 'type' | 'topic' | 'description' | 'owner' | 'private' | 'datasets';
// The dataset step is required: udata/core/reuse/models.py (visible()) hides a reuse
// that uses no dataset, and it is not indexed.
const STEPS: Field[] = ['title', 'url', 'type', 'topic', 'description', 'owner', 'private', 'datasets'];

interface Answers {
  title?: string;
  url?: string;
  type?: string;
  topic?: string;
  description?: string;
  /** An organization id, or '' for the user. */
  owner?: string;
  private?: boolean;
  /** The id of the dataset the reuse uses (more can be added afterwards). */
  dataset?: string;
}

interface Choices {
  types: Choice[];
  topics: Choice[];
  organizations: Organization[];
  /** The user's and their organizations' datasets, labelled with their organization. */
  datasets: Array<Choice & { description?: string }>;
}

export const newReuseCommand = defineCommand({
  id: 'datagouv.newReuse',
  name: 'New Reuse',
  needsSignIn: true,
  async run({ session, reuses, datasets, log }) {
    const [types, topics, me, owned] = await withNotification(l10n.t('Preparing a new reuse…'), () =>
      Promise.all([reuses.types(), reuses.topics(), session.me(), datasets.listForPick()]),
    );
    const choices: Choices = {
      types,
      topics,
      organizations: me.organizations ?? [],
      datasets: owned.map((dataset) => ({ id: dataset.id, label: dataset.title ?? dataset.id, description: dataset.organization?.name })),
    };
    const answers: Answers = {};
    await runSteps<Field>({
      name: 'New Reuse',
      title: l10n.t('New Reuse'),
      steps: STEPS,
      log,
      ask: (field, step) => askStep(field, step, answers, choices),
      async submit() {
        const reuse = await withNotification(l10n.t('Creating the reuse on data.gouv.fr…'), () => reuses.create(toNewReuse(answers)));
        await openDocument(reuseUri(reuse.id, reuse.slug));
        void inform(l10n.t('“{0}” is created on data.gouv.fr.', reuse.title ?? reuse.id));
      },
    });
  },
});

function toNewReuse(answers: Answers): NewReuse {
  return {
    title: answers.title ?? '',
    url: answers.url ?? '',
    type: answers.type ?? '',
    topic: answers.topic ?? '',
    description: answers.description ?? '',
    private: answers.private ?? false,
    ...(answers.dataset ? { datasets: [answers.dataset] } : {}),
    ...(answers.owner ? { organization: answers.owner } : {}),
  };
}

async function askStep(field: Field, step: Step, answers: Answers, choices: Choices): Promise<StepResult> {
  switch (field) {
    case 'title':
      return askTitle(step, l10n.t('Title of the reuse'), answers.title, LIMITS.titleMaxLength).then(keepAnswer(answers, 'title'));
    case 'url':
      return askText(step, l10n.t('Address of the reuse (https://…)'), answers.url, (value) =>
        new RegExp(HTTP_URL_PATTERN).test(value.trim()) ? undefined : l10n.t('A web address starting with http:// or https:// is required.'),
      ).then(([result, value]) => ((answers.url = value?.trim() ?? answers.url), result));
    case 'description':
      return askDescription(step, answers.description).then(keepAnswer(answers, 'description'));
    case 'type':
      return askChoice(step, l10n.t('Type of reuse'), choiceItems(choices.types), answers.type).then(keepAnswer(answers, 'type'));
    case 'topic':
      return askChoice(step, l10n.t('Topic'), choiceItems(choices.topics), answers.topic).then(keepAnswer(answers, 'topic'));
    case 'owner':
      return askPublisher(step, choices.organizations, answers.owner).then(keepAnswer(answers, 'owner'));
    case 'private':
      return askVisibility(
        step,
        [
          { label: `$(globe) ${l10n.t('Public reuse')}`, description: l10n.t('visible to everyone on data.gouv.fr'), value: 'public' },
          { label: `$(lock) ${l10n.t('Private reuse')}`, description: l10n.t('visible to you and your organization only'), value: 'private' },
        ],
        answers.private,
      ).then(keepAnswer(answers, 'private'));
    case 'datasets':
      // Nothing to pick (a user with no dataset): the reuse is created without one.
      if (!choices.datasets.length) return 'next';
      return askChoice(
        step,
        l10n.t('Dataset it uses (required: data.gouv.fr hides a reuse without one; add more later)'),
        choices.datasets.map((dataset) => ({ label: dataset.label, description: dataset.description, detail: dataset.id, value: dataset.id })),
        answers.dataset,
      ).then(keepAnswer(answers, 'dataset'));
  }
}
