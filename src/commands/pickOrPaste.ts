// A quick pick of listed objects (type to filter) that also accepts a pasted id, slug
// or data.gouv.fr link: the one shape of "which reuse?" and "which dataset?".
import * as vscode from 'vscode';
import { describeError } from '../util/errorReporting';

export interface PickOrPasteOptions<T extends { id: string }> {
  title: string;
  placeholder: string;
  /** Loads the list; undefined when there is nothing to list (signed out). */
  load?: () => Promise<Array<vscode.QuickPickItem & { target: T }>>;
  /** Shown instead of the placeholder when there is nothing to list. */
  placeholderWhenNotListed?: string;
  /** Reads a pasted value; undefined when it names nothing. */
  parse(value: string): T | undefined;
  /** The label of the item that stands for a pasted value. */
  pastedLabel(target: T): string;
}

export function pickOrPaste<T extends { id: string; slug?: string }>(options: PickOrPasteOptions<T>): Promise<T | undefined> {
  type Item = vscode.QuickPickItem & { target: T };
  const picker = vscode.window.createQuickPick<Item>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.matchOnDescription = true;
  let listed: Item[] = [];

  const render = () => {
    const pasted = options.parse(picker.value);
    const known = pasted && listed.some((item) => item.target.id === pasted.id || (item.target.slug && item.target.slug === pasted.id));
    picker.items = [...(pasted && !known ? [{ label: `$(link) ${options.pastedLabel(pasted)}`, alwaysShow: true, target: pasted }] : []), ...listed];
  };

  if (options.load) {
    picker.busy = true;
    options
      .load()
      .then((items) => {
        listed = items;
        render();
      })
      .catch((error: unknown) => (picker.placeholder = describeError(error)))
      .finally(() => (picker.busy = false));
  } else if (options.placeholderWhenNotListed) {
    picker.placeholder = options.placeholderWhenNotListed;
  }

  return new Promise((resolve) => {
    let done = false;
    picker.onDidChangeValue(render);
    picker.onDidAccept(() => {
      const target = picker.selectedItems[0]?.target ?? options.parse(picker.value);
      if (!target) return;
      done = true;
      resolve(target);
      picker.hide();
    });
    picker.onDidHide(() => {
      if (!done) resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}
