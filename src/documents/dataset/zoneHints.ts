// Completion of spatial zones in a dataset document: typing in "spatial.zones" asks
// data.gouv.fr's zone suggestions (`GET /spatial/zones/suggest/?q=`, udata/core/spatial/
// api.py) and offers them by name, inserting their id ("fr:commune:45200"). The list is
// incomplete by nature: VS Code asks again as the user types on.
import * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import type { Log } from '../../util/log';
import { describeError } from '../../util/errorReporting';
import { ApiError } from '../../api/errors';
import { arrayItemCompletionAt } from '../reuse/references';
import { completionItem, offsetRange } from '../completionItems';
import { DOCUMENT_SCHEME } from '../documentUris';

/** Dataset documents only, not their resources' (another depth of path). */
export const DATASET_DOCUMENT_SELECTOR: vscode.DocumentFilter = { scheme: DOCUMENT_SCHEME, language: 'json', pattern: '/datasets/*/*.json' };

const SUGGESTIONS = 20;

export function registerZoneHints(session: AuthSession, log: Log): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    DATASET_DOCUMENT_SELECTOR,
    { provideCompletionItems: (document, position, token) => zoneCompletions(session, log, document, position, token) },
    '"',
  );
}

/** data.gouv.fr's suggestions for the zone being typed in "spatial.zones". */
async function zoneCompletions(
  session: AuthSession,
  log: Log,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.CompletionList | undefined> {
  if (session.apiUrlError) return undefined;
  const place = arrayItemCompletionAt(document.getText(), document.offsetAt(position), ['spatial', 'zones']);
  // A zone id is typed whole or searched by name: from two characters on.
  if (!place || place.typed.trim().length < 2) return place ? new vscode.CompletionList([], true) : undefined;
  const abort = new AbortController();
  const subscription = token.onCancellationRequested(() => abort.abort());
  try {
    const zones = await session.client.suggestZones(place.typed.trim(), SUGGESTIONS, { signal: abort.signal });
    const range = offsetRange(document, place.start, place.end);
    const items = zones
      .filter((zone) => zone.id && !place.listed.has(zone.id))
      .map((zone, index) =>
        completionItem(
          { label: zone.name, description: zone.id, id: zone.id, filterText: `${place.typed} ${zone.name} ${zone.id}` },
          vscode.CompletionItemKind.Value,
          place,
          range,
          index,
        ),
      );
    return new vscode.CompletionList(items, true);
  } catch (error) {
    if (!(error instanceof ApiError && error.kind === 'cancelled')) log.warn(`Zone suggestions: ${describeError(error)}`);
    return undefined;
  } finally {
    subscription.dispose();
  }
}
