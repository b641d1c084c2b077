// What the completion providers of the documents have alike (dataset and API ids in a
// reuse, zones and the platform's choices in a dataset): an item offered by its label,
// inserting an id over the place references.ts found, in the order it was given.
import * as vscode from 'vscode';
import { completionText, type CompletionPlace } from './reuse/references';

/** Where an item goes: the range it replaces, and the quotes or comma around the id. */
export type InsertionPlace = Pick<CompletionPlace, 'start' | 'end' | 'before' | 'after'>;

/** One thing to offer: what the list shows, and the id it inserts. */
export interface CompletionOffer {
  label: string;
  description: string;
  id: string;
  /** What VS Code matches the typed text against. */
  filterText: string;
}

/** The range of the text between two offsets of a document. */
export function offsetRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** The item for `offer`, the `index`-th of its list. */
export function completionItem(
  offer: CompletionOffer,
  kind: vscode.CompletionItemKind,
  place: InsertionPlace,
  range: vscode.Range,
  index: number,
): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: offer.label, description: offer.description }, kind);
  item.insertText = completionText(place, offer.id);
  item.range = range;
  item.filterText = offer.filterText;
  // The order of the list as given (the server's: most relevant or most recent first).
  item.sortText = String(index).padStart(6, '0');
  return item;
}
