// The fault matrix: every fault of the network or the server, for listing (a view),
// opening (a reuse) and saving (a reuse document), against the stand-in. Each must
// give a clear sentence, send no second PUT (only GETs are retried), and leave the
// extension usable: the same action succeeds once the fault is gone.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../src/api/client';
import { describeApiError } from '../../../src/util/errorMessages';
import { ApiError, type ApiErrorKind } from '../../../src/api/errors';
import { DocumentSaveError, saveDocument } from '../../../src/documents/fs/documentSave';
import { projectReuse, renderReuseDocument } from '../../../src/documents/reuse/reuseDocument';
import { reuseKind } from '../../../src/documents/reuse/reuseKind';
import { DatasetsModel } from '../../../src/tree/treeModel';
import type { Fault, StandIn } from '../../server/standIn';
import { startStandIn } from '../../server/standIn';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { english, nodeContext } from '../tree/helpers';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

const client = () =>
  new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => SAMPLE_API_KEY, timeoutMs: 400, retryLimit: 1, retryDelayMs: () => 5, maxRetryAfterMs: 2_000 });

interface Case {
  name: string;
  fault: Fault;
  kind: ApiErrorKind;
  /** Aborts the action after this many ms (the user's Cancel). */
  cancelAfterMs?: number;
}

const CASES: Case[] = [
  { name: 'timeout', fault: { delayMs: 1_500 }, kind: 'timeout' },
  { name: 'connection reset', fault: { reset: true }, kind: 'offline' },
  { name: '500', fault: { status: 500 }, kind: 'server' },
  { name: '502 with an HTML body', fault: { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, kind: 'server' },
  { name: '429 with Retry-After', fault: { status: 429, headers: { 'Retry-After': '1' } }, kind: 'rateLimited' },
  { name: 'truncated JSON', fault: { truncate: true }, kind: 'invalidResponse' },
  { name: 'a 200 that is not JSON', fault: { status: 200, body: '<html>Maintenance en cours</html>' }, kind: 'invalidResponse' },
  { name: 'a 30-second answer, cancelled', fault: { delayMs: 30_000 }, kind: 'cancelled', cancelAfterMs: 100 },
];

const count = (method: string) => standIn.requests.filter((r) => r.method === method).length;

describe('fault matrix', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      test('listing: the view shows the sentence, and loads once the fault is gone', async () => {
        standIn.faults.push({ ...c.fault, method: 'GET', path: '/me/org_datasets/' });
        const session = { isSignedIn: true, client: client() };
        const model = new DatasetsModel(session, nodeContext());
        // A view has no Cancel: a very slow answer ends with the client's timeout.
        const roots = await model.getChildren();
        const kind = c.cancelAfterMs ? 'timeout' : c.kind;
        assert.equal(model.state, 'error');
        const [node] = roots;
        assert.equal(node.kind, 'message');
        assert.ok(node.kind === 'message' && node.message.length > 20, 'a sentence, not a code');
        assert.ok(model.lastError instanceof ApiError && model.lastError.kind === kind, String(model.lastError));
        standIn.faults.length = 0;
        model.invalidate();
        const again = await model.getChildren();
        assert.equal(model.state, 'loaded');
        assert.ok(again.length > 0);
      });

      test('opening: a typed error with a sentence, then the reuse opens', async () => {
        const id = standIn.data.reuses[0].id;
        standIn.faults.push({ ...c.fault, method: 'GET', path: `/reuses/${id}/` });
        const abort = new AbortController();
        if (c.cancelAfterMs) setTimeout(() => abort.abort(), c.cancelAfterMs);
        const error = await client()
          .getReuse(id, { signal: abort.signal })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        assert.ok(error instanceof ApiError, String(error));
        assert.equal(error.kind, c.kind);
        assert.ok(describeApiError(error, english).length > 20);
        standIn.faults.length = 0;
        assert.equal((await client().getReuse(id)).id, id);
      });

      test('saving: refused with the text kept, one PUT only, and the next save goes through', async () => {
        const id = standIn.data.reuses[0].id;
        const base = projectReuse(await client().getReuse(id));
        const text = renderReuseDocument({ ...base, title: 'Titre après la panne' });
        standIn.requests.length = 0;
        standIn.faults.push({ ...c.fault, method: 'PUT' });
        const abort = new AbortController();
        if (c.cancelAfterMs) setTimeout(() => abort.abort(), c.cancelAfterMs);
        const error = await saveDocument({ kind: reuseKind, client: client(), key: id, base, text, l10n: english, call: { signal: abort.signal } }).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(error instanceof DocumentSaveError, String(error));
        assert.equal(error.apiError?.kind, c.kind);
        assert.match(error.message, /^Not saved: .*(still in the editor)/);
        assert.ok(count('PUT') <= 1, 'never a second PUT');
        standIn.faults.length = 0;
        const saved = await saveDocument({ kind: reuseKind, client: client(), key: id, base, text, l10n: english });
        // A PUT whose answer was lost may have been stored: then nothing is sent again.
        assert.ok(saved.status === 'saved' || saved.status === 'upToDate', saved.status);
        assert.equal(saved.document.title, 'Titre après la panne');
      });
    });
  }
});
