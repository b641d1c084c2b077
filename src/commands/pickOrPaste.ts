// A quick pick of listed objects (type to filter) that also accepts a pasted id, slug
// or data.gouv.fr link: the one shape of "which reuse?" and "which dataset?". It may
// also search data.gouv.fr when what is typed matches nothing listed: the answers are
// then all the pick shows (a quick pick hides separators while it filters, so each
// item says where it comes from).
import * as vscode from 'vscode';
import { debouncedSearch } from '../util/debouncedSearch';
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
  /**
   * Searches beyond the list, once it is loaded, when the text typed (3 characters or
   * more, not a pasted reference) matches no listed item; debounced, the previous
   * request aborted.
   */
  search?(query: string, signal: AbortSignal): Promise<Array<vscode.QuickPickItem & { target: T }>>;
}

/**
 * The `parse` of a pick of reuses or datasets: a pasted id, slug or link, read by
 * `parseReference` (documents/reuse/reuseReference.ts), names the target by its id or slug.
 */
export function pastedTarget(parseReference: (value: string) => { idOrSlug: string } | undefined): (value: string) => { id: string } | undefined {
  return (value) => {
    const reference = parseReference(value);
    return reference ? { id: reference.idOrSlug } : undefined;
  };
}

export function pickOrPaste<T extends { id: string; slug?: string }>(options: PickOrPasteOptions<T>): Promise<T | undefined> {
  type Item = vscode.QuickPickItem & { target: T };
  const picker = vscode.window.createQuickPick<Item>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.matchOnDescription = true;
  let listed: Item[] = [];
  let loaded = !options.load;
  let found: Item[] = [];
  let [loading, searching] = [false, false];
  const showBusy = () => (picker.busy = loading || searching);

  const render = () => {
    const pasted = options.parse(picker.value);
    const known = pasted && listed.some((item) => item.target.id === pasted.id || (item.target.slug && item.target.slug === pasted.id));
    // (What a search finds is never listed: it runs only when no listed title matches.)
    picker.items = [...(pasted && !known ? [{ label: `$(link) ${options.pastedLabel(pasted)}`, alwaysShow: true, target: pasted }] : []), ...listed, ...found];
  };

  const search =
    options.search &&
    debouncedSearch({
      run: options.search,
      onAnswer: (items) => {
        found = items.map((item) => ({ ...item, alwaysShow: true }));
        render();
      },
      onError: (error) => {
        found = [{ label: `$(error) ${describeError(error)}`, alwaysShow: true } as Item];
        render();
      },
      onBusy: (busy) => {
        searching = busy;
        showBusy();
      },
    });
  /** Searches when the text matches nothing listed (as the quick pick filters: a case-insensitive substring). */
  const update = () => {
    const query = picker.value.trim();
    const needle = query.toLowerCase();
    const unmatched =
      loaded && query.length >= 3 && !options.parse(query) && !listed.some((item) => `${item.label} ${item.description ?? ''}`.toLowerCase().includes(needle));
    if (!unmatched) found = [];
    search?.search(unmatched ? query : undefined);
    render();
  };

  if (options.load) {
    loading = true;
    showBusy();
    options
      .load()
      .then((items) => {
        listed = items;
        loaded = true;
        update();
      })
      .catch((error: unknown) => (picker.placeholder = describeError(error)))
      .finally(() => {
        loading = false;
        showBusy();
      });
  } else if (options.placeholderWhenNotListed) {
    picker.placeholder = options.placeholderWhenNotListed;
  }

  return new Promise((resolve) => {
    let done = false;
    picker.onDidChangeValue(update);
    picker.onDidAccept(() => {
      const target = picker.selectedItems[0]?.target ?? options.parse(picker.value);
      if (!target) return;
      done = true;
      resolve(target);
      picker.hide();
    });
    picker.onDidHide(() => {
      if (!done) resolve(undefined);
      search?.dispose();
      picker.dispose();
    });
    picker.show();
  });
}
