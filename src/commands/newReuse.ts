// "data.gouv.fr: New Reuse…": a multi-step input (title, URL, type, topic, description,
// owner, visibility) with Back, then POST /reuses/. A refusal (400) brings the user
// back to the step of the offending field with the server's message, answers kept.
import * as vscode from 'vscode';
import type { Choice, NewReuse } from '../api/models';
import { reuseUri } from '../documents/documentUris';
import { HTTP_URL_PATTERN, LIMITS } from '../documents/reuse/reuseSchema';
import { askChoice, askDescription, askPublisher, askText, keepAnswer, runSteps, type StepResult } from './multiStepInput';
import { defineCommand } from './registry';
import { openDocument, withNotification } from './dialogs';

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
  organizations: Choice[];
  /** The user's and their organizations' datasets, labelled with their organization. */
  datasets: Array<Choice & { description?: string }>;
}

export const newReuseCommand = defineCommand({
  id: 'datagouv.newReuse',
  name: 'New Reuse',
  needsSignIn: true,
  async run({ session, reuses, datasets, log }) {
    const [types, topics, me, owned] = await withNotification(vscode.l10n.t('Preparing a new reuse…'), () =>
      Promise.all([reuses.types(), reuses.topics(), session.me(), datasets.listForPick()]),
    );
    const choices: Choices = {
      types,
      topics,
      organizations: (me.organizations ?? []).map((org): Choice => ({ id: org.id, label: org.name })),
      datasets: owned.map((dataset) => ({ id: dataset.id, label: dataset.title ?? dataset.id, description: dataset.organization?.name })),
    };
    const answers: Answers = {};
    await runSteps<Field>({
      name: 'New Reuse',
      steps: STEPS,
      log,
      ask: (field, index, errors) => askStep(field, index, answers, errors, choices),
      stepOf: (apiField) => {
        const field = apiField === 'organization' || apiField === 'owner' ? 'owner' : (apiField as Field);
        return STEPS.includes(field) ? field : undefined;
      },
      async submit() {
        const reuse = await withNotification(vscode.l10n.t('Creating the reuse on data.gouv.fr…'), () => reuses.create(toNewReuse(answers)));
        await openDocument(reuseUri(reuse.id, reuse.slug));
        void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is created on data.gouv.fr.', reuse.title ?? reuse.id));
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

async function askStep(field: Field, index: number, answers: Answers, errors: Partial<Record<Field, string>>, choices: Choices): Promise<StepResult> {
  const title = `${vscode.l10n.t('New Reuse')} (${index + 1}/${STEPS.length})`;
  const serverError = errors[field];
  delete errors[field];
  switch (field) {
    case 'title':
      return askText(title, index, vscode.l10n.t('Title of the reuse'), answers.title, serverError, (value) =>
        !value.trim()
          ? vscode.l10n.t('A title is required.')
          : value.length > LIMITS.titleMaxLength
            ? vscode.l10n.t('{0} characters at most.', LIMITS.titleMaxLength)
            : undefined,
      ).then(keepAnswer(answers, 'title'));
    case 'url':
      return askText(title, index, vscode.l10n.t('Address of the reuse (https://…)'), answers.url, serverError, (value) =>
        new RegExp(HTTP_URL_PATTERN).test(value.trim()) ? undefined : vscode.l10n.t('A web address starting with http:// or https:// is required.'),
      ).then(([result, value]) => ((answers.url = value?.trim() ?? answers.url), result));
    case 'description':
      return askDescription(title, index, answers.description, serverError).then(keepAnswer(answers, 'description'));
    case 'type':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Type of reuse'),
        choices.types.map((c) => ({ label: c.label, description: c.id, value: c.id })),
        answers.type,
        serverError,
      ).then(keepAnswer(answers, 'type'));
    case 'topic':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Topic'),
        choices.topics.map((c) => ({ label: c.label, description: c.id, value: c.id })),
        answers.topic,
        serverError,
      ).then(keepAnswer(answers, 'topic'));
    case 'owner':
      return askPublisher(title, index, choices.organizations, answers.owner, serverError).then(keepAnswer(answers, 'owner'));
    case 'private':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Visibility'),
        [
          { label: `$(globe) ${vscode.l10n.t('Public reuse')}`, description: vscode.l10n.t('visible to everyone on data.gouv.fr'), value: 'public' },
          { label: `$(lock) ${vscode.l10n.t('Private reuse')}`, description: vscode.l10n.t('visible to you and your organization only'), value: 'private' },
        ],
        answers.private === undefined ? undefined : answers.private ? 'private' : 'public',
        serverError,
      ).then(([result, value]) => ((answers.private = value === undefined ? answers.private : value === 'private'), result));
    case 'datasets':
      // Nothing to pick (a user with no dataset): the reuse is created without one.
      if (!choices.datasets.length) return 'next';
      return askChoice(
        title,
        index,
        vscode.l10n.t('Dataset it uses (required: data.gouv.fr hides a reuse without one; add more later)'),
        choices.datasets.map((dataset) => ({ label: dataset.label, description: dataset.description, detail: dataset.id, value: dataset.id })),
        answers.dataset,
        serverError,
      ).then(keepAnswer(answers, 'dataset'));
  }
}
