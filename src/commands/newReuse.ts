// "data.gouv.fr: New Reuse…": a multi-step input (title, URL, type, topic, description,
// owner, visibility) with Back, then POST /reuses/. A refusal (400) brings the user
// back to the step of the offending field with the server's message, answers kept.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { Choice, NewReuse } from '../api/models';
import { reuseUri } from '../documents/documentUris';
import { HTTP_URL_PATTERN, LIMITS } from '../documents/reuse/reuseSchema';
import { describeError } from '../util/errorReporting';
import { defineCommand } from './registry';

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

type StepResult = 'next' | 'back' | 'cancel';

export const newReuseCommand = defineCommand({
  id: 'datagouv.newReuse',
  name: 'New Reuse',
  needsSignIn: true,
  async run({ session, reuses, datasets, log }) {
    const [types, topics, me, owned] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Preparing a new reuse…') },
      () => Promise.all([reuses.types(), reuses.topics(), session.me(), datasets.listForPick()]),
    );
    const choices: Choices = {
      types,
      topics,
      organizations: (me.organizations ?? []).map((org): Choice => ({ id: org.id, label: org.name })),
      datasets: owned.map((dataset) => ({ id: dataset.id, label: dataset.title ?? dataset.id, description: dataset.organization?.name })),
    };
    const answers: Answers = {};
    const errors: Partial<Record<Field, string>> = {};
    let step = 0;
    for (;;) {
      while (step < STEPS.length) {
        const result = await askStep(STEPS[step], step, answers, errors, choices);
        if (result === 'cancel') return;
        step = result === 'back' ? Math.max(0, step - 1) : step + 1;
      }
      try {
        const reuse = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating the reuse on data.gouv.fr…') },
          () => reuses.create(toNewReuse(answers)),
        );
        const document = await vscode.workspace.openTextDocument(reuseUri(reuse.id, reuse.slug));
        await vscode.window.showTextDocument(document, { preview: false });
        void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is created on data.gouv.fr.', reuse.title ?? reuse.id));
        return;
      } catch (error) {
        const field = error instanceof ApiError && error.kind === 'validation' ? firstField(error) : undefined;
        if (!field) {
          const retry = vscode.l10n.t('Try Again');
          log.error('New Reuse', error);
          const choice = await vscode.window.showErrorMessage(describeError(error), retry);
          if (choice !== retry) return;
          step = STEPS.length - 1;
          continue;
        }
        // Back to the step of the refused field, the server's words under it.
        errors[field] = (error as ApiError).fieldErrors[field === 'owner' ? 'organization' : field]?.join(' ');
        step = STEPS.indexOf(field);
      }
    }
  },
});

function firstField(error: ApiError): Field | undefined {
  for (const key of Object.keys(error.fieldErrors)) {
    const field = key === 'organization' || key === 'owner' ? 'owner' : (key as Field);
    if (key === 'datasets') return 'datasets';
    if (STEPS.includes(field)) return field;
  }
  return undefined;
}

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
      ).then(([result, value]) => ((answers.title = value ?? answers.title), result));
    case 'url':
      return askText(title, index, vscode.l10n.t('Address of the reuse (https://…)'), answers.url, serverError, (value) =>
        new RegExp(HTTP_URL_PATTERN).test(value.trim()) ? undefined : vscode.l10n.t('A web address starting with http:// or https:// is required.'),
      ).then(([result, value]) => ((answers.url = value?.trim() ?? answers.url), result));
    case 'description':
      return askText(
        title,
        index,
        vscode.l10n.t('Description (Markdown; you can write more in the editor afterwards)'),
        answers.description,
        serverError,
        (value) => (value.trim() ? undefined : vscode.l10n.t('A description is required.')),
      ).then(([result, value]) => ((answers.description = value ?? answers.description), result));
    case 'type':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Type of reuse'),
        choices.types.map((c) => ({ label: c.label, description: c.id, value: c.id })),
        answers.type,
        serverError,
      ).then(([result, value]) => ((answers.type = value ?? answers.type), result));
    case 'topic':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Topic'),
        choices.topics.map((c) => ({ label: c.label, description: c.id, value: c.id })),
        answers.topic,
        serverError,
      ).then(([result, value]) => ((answers.topic = value ?? answers.topic), result));
    case 'owner':
      return askChoice(
        title,
        index,
        vscode.l10n.t('Published by'),
        [
          { label: `$(person) ${vscode.l10n.t('Myself')}`, value: '' },
          ...choices.organizations.map((org) => ({ label: `$(organization) ${org.label}`, value: org.id })),
        ],
        answers.owner,
        serverError,
      ).then(([result, value]) => ((answers.owner = value ?? answers.owner), result));
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
      ).then(([result, value]) => ((answers.dataset = value ?? answers.dataset), result));
  }
}

function askText(
  title: string,
  index: number,
  prompt: string,
  value: string | undefined,
  serverError: string | undefined,
  validate: (value: string) => string | undefined,
): Promise<[StepResult, string | undefined]> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    input.title = title;
    input.prompt = prompt;
    input.value = value ?? '';
    input.ignoreFocusOut = true;
    input.validationMessage = serverError;
    input.buttons = index > 0 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (result: StepResult, answer?: string) => {
      if (settled) return;
      settled = true;
      resolve([result, answer]);
      input.dispose();
    };
    input.onDidTriggerButton(() => finish('back', input.value));
    input.onDidChangeValue(() => (input.validationMessage = undefined));
    input.onDidAccept(() => {
      const problem = validate(input.value);
      if (problem) input.validationMessage = problem;
      else finish('next', input.value);
    });
    input.onDidHide(() => finish('cancel'));
    input.show();
  });
}

interface ChoiceItem extends vscode.QuickPickItem {
  value: string;
}

function askChoice(
  title: string,
  index: number,
  placeholder: string,
  items: ChoiceItem[],
  current: string | undefined,
  serverError: string | undefined,
): Promise<[StepResult, string | undefined]> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<ChoiceItem>();
    pick.title = serverError ? `${title} — ${serverError}` : title;
    pick.placeholder = placeholder;
    pick.items = items;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    const selected = items.find((item) => item.value === current);
    if (selected) pick.activeItems = [selected];
    pick.buttons = index > 0 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (result: StepResult, answer?: string) => {
      if (settled) return;
      settled = true;
      resolve([result, answer]);
      pick.dispose();
    };
    pick.onDidTriggerButton(() => finish('back'));
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      if (item) finish('next', item.value);
    });
    pick.onDidHide(() => finish('cancel'));
    pick.show();
  });
}
