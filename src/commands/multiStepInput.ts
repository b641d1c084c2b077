// The steps of a multi-step input (New Reuse…, New Dataset…): a text box or a pick,
// with Back from the second step on, the server's refusal shown on the step it concerns,
// and the answer kept when the user goes back.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { describeError } from '../util/errorReporting';
import type { Log } from '../util/log';

export type StepResult = 'next' | 'back' | 'cancel';

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
  steps: readonly F[];
  /** Asks one step; the server's refusal of its field, if any, is in `errors`. */
  ask(field: F, index: number, errors: Partial<Record<F, string>>): Promise<StepResult>;
  /** Sends the answers; a 400 brings the user back to the refused field. */
  submit(): Promise<void>;
  /** The step of a refused field (`organization` is the publisher's step…), or undefined. */
  stepOf(apiField: string): F | undefined;
  log: Pick<Log, 'error'>;
}

/**
 * Runs the steps (Back goes one step back, Escape cancels), then submits. A refusal of a
 * field brings the user back to its step with data.gouv.fr's words under it, every
 * answer kept; any other failure offers Try Again.
 */
export async function runSteps<F extends string>(input: MultiStep<F>): Promise<void> {
  const errors: Partial<Record<F, string>> = {};
  let step = 0;
  for (;;) {
    while (step < input.steps.length) {
      const result = await input.ask(input.steps[step], step, errors);
      if (result === 'cancel') return;
      step = result === 'back' ? Math.max(0, step - 1) : step + 1;
    }
    try {
      await input.submit();
      return;
    } catch (error) {
      const refused =
        error instanceof ApiError && error.kind === 'validation' ? Object.entries(error.fieldErrors).find(([key]) => input.stepOf(key)) : undefined;
      if (!refused) {
        const retry = vscode.l10n.t('Try Again');
        input.log.error(input.name, error);
        const choice = await vscode.window.showErrorMessage(describeError(error), retry);
        if (choice !== retry) return;
        step = input.steps.length - 1;
        continue;
      }
      const [apiField, messages] = refused;
      const field = input.stepOf(apiField) as F;
      errors[field] = messages.join(' ');
      step = input.steps.indexOf(field);
    }
  }
}

export function askText(
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

export interface ChoiceItem extends vscode.QuickPickItem {
  value: string;
}

export function askChoice(
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

/** The description step of New Reuse and New Dataset: required, in Markdown. */
export function askDescription(
  title: string,
  index: number,
  value: string | undefined,
  serverError: string | undefined,
): Promise<[StepResult, string | undefined]> {
  return askText(title, index, vscode.l10n.t('Description (Markdown; you can write more in the editor afterwards)'), value, serverError, (text) =>
    text.trim() ? undefined : vscode.l10n.t('A description is required.'),
  );
}

/** Who publishes it: the user ('') or one of their organizations (listed first when `organizationsFirst`). */
export function askPublisher(
  title: string,
  index: number,
  organizations: ReadonlyArray<{ id: string; label: string }>,
  value: string | undefined,
  serverError: string | undefined,
  organizationsFirst = false,
): Promise<[StepResult, string | undefined]> {
  const myself = { label: `$(person) ${vscode.l10n.t('Myself')}`, value: '' };
  const orgs = organizations.map((org) => ({ label: `$(organization) ${org.label}`, value: org.id }));
  return askChoice(title, index, vscode.l10n.t('Published by'), organizationsFirst ? [...orgs, myself] : [myself, ...orgs], value, serverError);
}
