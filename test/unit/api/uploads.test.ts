// Uploads over real HTTP to the stand-in (which parses multipart as a stream, like
// udata's upload_parser): the bytes arrive whole and counted, progress is reported as
// they go, and a cut connection, a proxy's 413, a refused extension or a cancel each
// fail plainly and leave the dataset as it was.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ApiClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { nodeUploadTransport } from '../../../src/api/nodeUploadTransport';
import { multipartBody, type UploadSource } from '../../../src/api/multipart';
import { describeApiError } from '../../../src/util/errorMessages';
import { extensionOf, refusedFiles } from '../../../src/commands/resourceActions';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';

const english = { t: (message: string, ...args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

/** `size` bytes in chunks of `chunk`, never all in memory. */
function generated(name: string, size: number, chunk = 64 * 1024): UploadSource & { sha1(): string } {
  const block = (index: number, length: number) => Buffer.alloc(length, index % 251);
  return {
    name,
    size,
    async *chunks() {
      for (let sent = 0, index = 0; sent < size; index++) {
        const length = Math.min(chunk, size - sent);
        sent += length;
        yield block(index, length);
      }
    },
    sha1() {
      const hash = createHash('sha1');
      for (let sent = 0, index = 0; sent < size; index++) {
        const length = Math.min(chunk, size - sent);
        sent += length;
        hash.update(block(index, length));
      }
      return hash.digest('hex');
    },
  };
}

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

const datasetId = () => standIn.data.datasets[1].id;
const resourceCount = () => standIn.data.datasets[1].resources.length;

// The Node extension host sends uploads with node:http (nodeUploadTransport), VS Code
// for the Web with fetch: both go through every case.
for (const [transportName, uploadTransport] of [
  ['node:http', nodeUploadTransport],
  ['fetch', undefined],
] as const) {
  describe(`uploading a file to a dataset (${transportName})`, () => {
    let client: ApiClient;
    before(() => {
      client = new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => SAMPLE_API_KEY, timeoutMs: 2_000, retryDelayMs: () => 5, uploadTransport });
    });

    test('the bytes arrive whole (size and SHA-1), progress counts them, the new resource is first', async () => {
      const file = generated('mesures 2026.csv', 3 * 1024 * 1024 + 17);
      const before = resourceCount();
      const progress: number[] = [];
      const resource = await client.uploadResource(datasetId(), file, { onProgress: (sent, total) => (assert.equal(total, file.size), progress.push(sent)) });
      assert.equal(resource.filesize, file.size);
      assert.equal(resource.checksum?.value, file.sha1());
      assert.equal(resource.title, 'mesures-2026.csv', "udata's normalised file name");
      assert.equal(resource.filetype, 'file');
      assert.equal(resourceCount(), before + 1);
      assert.equal(standIn.data.datasets[1].resources[0].id, resource.id, 'prepended');
      assert.deepEqual(
        progress,
        [...progress].sort((a, b) => a - b),
      );
      assert.equal(progress.at(-1), file.size);
      assert.ok(progress.length > 10, 'reported as it goes');
      // (A connection closed by an earlier test may be noted late: find this one.)
      const record = standIn.uploads.find((upload) => upload.resourceId === resource.id)!;
      assert.equal(record.size, file.size);
      assert.equal(record.sha1, file.sha1());
      assert.equal(record.complete, true);
    });

    test('Replace File: the same resource, a new file, its title now the file name (udata)', async () => {
      const rid = standIn.data.datasets[1].resources[0].id;
      const file = generated('bornes-v2.geojson', 4096);
      const resource = await client.replaceResourceFile(datasetId(), rid, file);
      assert.equal(resource.id, rid);
      assert.equal(resource.filesize, 4096);
      assert.equal(resource.title, 'bornes-v2.geojson');
      assert.equal(standIn.requests.at(-1)?.status, 200);
    });

    test('a connection cut mid-body: an "unreachable" error, no resource added', async () => {
      const before = resourceCount();
      standIn.faults.push({ path: '/upload/', resetAfterBytes: 256 * 1024, times: 1 });
      await assert.rejects(client.uploadResource(datasetId(), generated('gros.csv', 2 * 1024 * 1024)), (error: unknown) => {
        assert.ok(error instanceof ApiError, String(error));
        assert.equal(error.kind, 'offline');
        return true;
      });
      assert.equal(resourceCount(), before);
      assert.ok(standIn.uploads.every((upload) => !upload.complete));
    });

    test("a proxy's 413: said as a file too large, with what to do; no resource added", async () => {
      const before = resourceCount();
      standIn.faults.push({ path: '/upload/', tooLarge: true, times: 1 });
      const error = await client.uploadResource(datasetId(), generated('enorme.csv', 512 * 1024)).then(
        () => assert.fail('refused'),
        (caught: unknown) => caught as ApiError,
      );
      assert.equal(error.kind, 'tooLarge');
      assert.match(describeApiError(error, english), /too large for data\.gouv\.fr.*Add Remote Resource/);
      assert.equal(resourceCount(), before);
    });

    test('cancelled mid-way: the request is aborted, data.gouv.fr stores nothing', async () => {
      const before = resourceCount();
      const abort = new AbortController();
      const upload = client.uploadResource(datasetId(), generated('annule.csv', 8 * 1024 * 1024), {
        signal: abort.signal,
        onProgress: (sent) => sent > 1024 * 1024 && abort.abort(),
      });
      await assert.rejects(upload, (error: unknown) => error instanceof ApiError && error.kind === 'cancelled');
      // The stand-in sees the connection close, then forgets the partial file.
      for (let i = 0; i < 50 && !standIn.uploads.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(resourceCount(), before);
      assert.ok(standIn.uploads.every((record) => !record.complete));
    });

    test('an extension data.gouv.fr refuses: its own message (the extension checks before sending)', async () => {
      await assert.rejects(client.uploadResource(datasetId(), generated('outil.exe', 10)), (error: unknown) => {
        assert.ok(error instanceof ApiError && error.kind === 'validation');
        assert.match(error.serverMessage ?? '', /^This file type is not allowed\.The allowed file type list is available at /);
        return true;
      });
      const allowed = await client.listAllowedExtensions();
      assert.ok(allowed.includes('csv') && allowed.includes('geojson') && !allowed.includes('exe'));
      assert.deepEqual(refusedFiles(['a.CSV', 'b.exe', 'c.tar.gz', 'README'], allowed), ['b.exe', 'README']);
      assert.equal(extensionOf('archive.tar.GZ'), 'gz');
      assert.equal(extensionOf('.env'), '');
    });

    test('a file whose size changed while it was read fails instead of sending something else', async () => {
      const liar: UploadSource = {
        name: 'a.csv',
        size: 100,
        async *chunks() {
          yield Buffer.alloc(50);
        },
      };
      await assert.rejects(client.uploadResource(datasetId(), liar));
      assert.ok(standIn.uploads.every((record) => !record.complete));
    });
  });
}

describe('the multipart body', () => {
  test('has a random boundary even without a global crypto (Node 18, the extension host of VS Code 1.85)', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const empty = { name: 'a.csv', size: 0, chunks: async function* () {} };
      const first = multipartBody(empty).contentType;
      assert.match(first, /^multipart\/form-data; boundary=----datagouv-vscode-[0-9a-f]{32}$/);
      assert.notEqual(multipartBody(empty).contentType, first);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
    }
  });
});
