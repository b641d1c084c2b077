// The steps of a multi-step input (New Reuse…, New Dataset…): a text box or a pick,
// with Back from the second step on, the server's refusal shown on the step it concerns,
// and the answer kept when the user goes back.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { describeError } from '../util/errorReporting';
import type { Log } from '../util/log';

const l10n = vscode.l10n;

export type StepResult = 'next' | 'back' | 'cancel';

/** The step being asked: its title ("New Reuse (2/8)"), its place, and data.gouv.fr's refusal of its field if any. */
export interface Step {
  title: string;
  index: number;
  serverError?: string;
}

/** Keeps a step's answer in `answers[key]` (the previous one when it gave none) and passes its result on. */
export function keepAnswer<A, K extends keyof A>(answers: A, key: K): (step: readonly [StepResult, A[K] | undefined]) => StepResult {
  return ([result, value]) => {
    if (value !== undefined) answers[key] = value;
    return result;
  };
}

export interface MultiStep<F extends string> {
  /** English, for the log: "New Dataset". */
  name: string;
  /** For the user, numbered on each step: "New Dataset (2/6)". */
  title: string;
  /** The fields asked, in order; the publisher's is `owner` (the API's `organization`). */
  steps: readonly F[];
  /** Asks one step. */
  ask(field: F, step: Step): Promise<StepResult>;
  /** Sends the answers; a 400 brings the user back to the refused field. */
  submit(): Promise<void>;
  log: Pick<Log, 'error'>;
}

/**
 * Runs the steps (Back goes one step back, Escape cancels), then submits. A refusal of a
 * field brings the user back to its step with data.gouv.fr's words under it, every
 * answer kept; any other failure offers Try Again.
 */
export async function runSteps<F extends string>(input: MultiStep<F>): Promise<void> {
  const errors: Partial<Record<F, string>> = {};
  /** The step of a refused field (the API's `organization` is the publisher's step), or undefined. */
  const stepOf = (apiField: string) => input.steps.find((field) => field === (apiField === 'organization' ? 'owner' : apiField));
  let step = 0;
  for (;;) {
    while (step < input.steps.length) {
      const field = input.steps[step];
      // The server's refusal shows once, on the step's first showing after it.
      const serverError = errors[field];
      delete errors[field];
      const result = await input.ask(field, { title: `${input.title} (${step + 1}/${input.steps.length})`, index: step, serverError });
      if (result === 'cancel') return;
      step = result === 'back' ? Math.max(0, step - 1) : step + 1;
    }
    try {
      await input.submit();
      return;
    } catch (error) {
      const refused = error instanceof ApiError && error.kind === 'validation' ? Object.entries(error.fieldErrors).find(([key]) => stepOf(key)) : undefined;
      if (!refused) {
        const retry = l10n.t('Try Again');
        input.log.error(input.name, error);
        const choice = await vscode.window.showErrorMessage(describeError(error), retry);
        if (choice !== retry) return;
        step = input.steps.length - 1;
        continue;
      }
      const [apiField, messages] = refused;
      const field = stepOf(apiField) as F;
      errors[field] = messages.join(' ');
      step = input.steps.indexOf(field);
    }
  }
}

/**
 * Shows a step's text box or pick, with Back from the second step on, and resolves with
 * the first of its answers (`listen` wires them to `finish`); Escape cancels. The input is
 * disposed once answered.
 */
function showStep<I extends vscode.InputBox | vscode.QuickPick<ChoiceItem>>(
  input: I,
  index: number,
  listen: (finish: (result: StepResult, answer?: string) => void) => void,
): Promise<[StepResult, string | undefined]> {
  return new Promise((resolve) => {
    input.ignoreFocusOut = true;
    input.buttons = index > 0 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (result: StepResult, answer?: string) => {
      if (settled) return;
      settled = true;
      resolve([result, answer]);
      input.dispose();
    };
    listen(finish);
    input.onDidHide(() => finish('cancel'));
    input.show();
  });
}

export function askText(
  { title, index, serverError }: Step,
  prompt: string,
  value: string | undefined,
  validate: (value: string) => string | undefined,
): Promise<[StepResult, string | undefined]> {
  const input = vscode.window.createInputBox();
  input.title = title;
  input.prompt = prompt;
  input.value = value ?? '';
  input.validationMessage = serverError;
  return showStep(input, index, (finish) => {
    input.onDidTriggerButton(() => finish('back', input.value));
    input.onDidChangeValue(() => (input.validationMessage = undefined));
    input.onDidAccept(() => {
      const problem = validate(input.value);
      if (problem) input.validationMessage = problem;
      else finish('next', input.value);
    });
  });
}

export interface ChoiceItem extends vscode.QuickPickItem {
  value: string;
}

export function askChoice(
  { title, index, serverError }: Step,
  placeholder: string,
  items: ChoiceItem[],
  current: string | undefined,
): Promise<[StepResult, string | undefined]> {
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.title = serverError ? `${title} — ${serverError}` : title;
  pick.placeholder = placeholder;
  pick.items = items;
  pick.matchOnDescription = true;
  const selected = items.find((item) => item.value === current);
  if (selected) pick.activeItems = [selected];
  return showStep(pick, index, (finish) => {
    pick.onDidTriggerButton(() => finish('back'));
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      if (item) finish('next', item.value);
    });
  });
}

/** The items of a pick of the platform's choices (types, topics, licenses…): the label, and the id beside it. */
export function choiceItems(choices: ReadonlyArray<{ id: string; label: string }>): ChoiceItem[] {
  return choices.map((choice) => ({ label: choice.label, description: choice.id, value: choice.id }));
}

/** The title step of New Reuse and New Dataset: required, and no longer than the platform takes. */
export function askTitle(step: Step, prompt: string, value: string | undefined, maxLength: number): Promise<[StepResult, string | undefined]> {
  return askText(step, prompt, value, (text) =>
    !text.trim() ? l10n.t('A title is required.') : text.length > maxLength ? l10n.t('{0} characters at most.', maxLength) : undefined,
  );
}

/** The description step of New Reuse and New Dataset: required, in Markdown. */
export function askDescription(step: Step, value: string | undefined): Promise<[StepResult, string | undefined]> {
  return askText(step, l10n.t('Description (Markdown; you can write more in the editor afterwards)'), value, (text) =>
    text.trim() ? undefined : l10n.t('A description is required.'),
  );
}

/** Who publishes it: the user ('') or one of their organizations (listed first when `organizationsFirst`). */
export function askPublisher(
  step: Step,
  organizations: ReadonlyArray<{ id: string; name: string }>,
  value: string | undefined,
  organizationsFirst = false,
): Promise<[StepResult, string | undefined]> {
  const myself = { label: `$(person) ${l10n.t('Myself')}`, value: '' };
  const orgs = organizations.map((org) => ({ label: `$(organization) ${org.name}`, value: org.id }));
  return askChoice(step, l10n.t('Published by'), organizationsFirst ? [...orgs, myself] : [myself, ...orgs], value);
}

/** Public or private: `items` are the two choices (values 'public' and 'private'), in the order to show. */
export function askVisibility(step: Step, items: ChoiceItem[], isPrivate: boolean | undefined): Promise<[StepResult, boolean | undefined]> {
  return askChoice(step, l10n.t('Visibility'), items, isPrivate === undefined ? undefined : isPrivate ? 'private' : 'public').then(([result, value]) => [
    result,
    value === undefined ? undefined : value === 'private',
  ]);
}
