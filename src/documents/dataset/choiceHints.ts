// Completion of a dataset document's license, update frequency and spatial granularity
// from data.gouv.fr's own lists (`GET /datasets/licenses/`, `/datasets/frequencies/`,
// `/spatial/granularities/`, read once per server and language by PlatformChoices):
// each offered by its label, inserting its id. The JSON schema the editor has leaves
// these values open, so that a platform with other licenses is served as well.
import * as vscode from 'vscode';
import type { PlatformChoices, PlatformLists } from '../../services/platformChoices';
import type { Log } from '../../util/log';
import { describeError } from '../../util/errorReporting';
import { propertyValueCompletionAt } from '../reuse/references';
import { completionItem, offsetRange } from '../completionItems';
import { DATASET_DOCUMENT_SELECTOR } from './zoneHints';

interface Choice {
  id: string;
  label: string;
}

/** The choices of each property, from the platform's lists. */
const PROPERTIES: Array<{ path: string[]; choices(lists: PlatformLists): Choice[] }> = [
  { path: ['license'], choices: (lists) => lists.licenses.map((license) => ({ id: license.id, label: license.title })) },
  { path: ['frequency'], choices: (lists) => lists.frequencies },
  { path: ['spatial', 'granularity'], choices: (lists) => lists.granularities.map((granularity) => ({ id: granularity.id, label: granularity.name })) },
];

export function registerChoiceHints(choices: PlatformChoices, log: Log): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    DATASET_DOCUMENT_SELECTOR,
    { provideCompletionItems: (document, position) => choiceCompletions(choices, log, document, position) },
    '"',
  );
}

/** The platform's choices for the license, frequency or granularity being typed. */
async function choiceCompletions(
  choices: PlatformChoices,
  log: Log,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<vscode.CompletionItem[] | undefined> {
  const text = document.getText();
  const offset = document.offsetAt(position);
  for (const property of PROPERTIES) {
    const place = propertyValueCompletionAt(text, offset, property.path);
    if (!place) continue;
    let lists: PlatformLists;
    try {
      lists = await choices.load();
    } catch (error) {
      log.warn(`Completion of ${property.path.join('.')}: ${describeError(error)}`);
      return undefined;
    }
    const range = offsetRange(document, place.start, place.end);
    return property
      .choices(lists)
      .map((choice, index) =>
        completionItem(
          { label: choice.label, description: choice.id, id: choice.id, filterText: `${choice.id} ${choice.label}` },
          vscode.CompletionItemKind.EnumMember,
          place,
          range,
          index,
        ),
      );
  }
  return undefined;
}
