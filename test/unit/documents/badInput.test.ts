// Bad input found by probes: each gets a clear error and sends nothing — never a
// hang, a crash, or a request to the wrong place.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../../src/api/client';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { AuthSession } from '../../../src/auth/session';
import { MAX_PROBLEMS } from '../../../src/documents/jsonDocumentCheck';
import { checkReuseText, projectReuse, renderReuseDocument } from '../../../src/documents/reuse/reuseDocument';
import { reuseKind } from '../../../src/documents/reuse/reuseKind';
import { parseReuseReference } from '../../../src/documents/reuse/reuseReference';
import { Log } from '../../../src/util/log';
import { SAMPLE_API_KEY } from '../../server/sampleData';
import { startStandIn, type StandIn } from '../../server/standIn';
import { english } from '../tree/helpers';
import { EventEmitter, fake } from '../vscodeFake/vscode';

let standIn: StandIn;
before(async () => {
  standIn = await startStandIn();
});
after(() => standIn.close());

const base = projectReuse({
  id: 'x',
  title: 'Carte',
  description: 'Une carte.',
  url: 'https://example.org',
  type: 'application',
  topic: 'others',
  tags: [],
  datasets: [],
  extras: {},
});
const text = (change: (document: Record<string, unknown>) => void) => {
  const document = JSON.parse(renderReuseDocument(base)) as Record<string, unknown>;
  change(document);
  return JSON.stringify(document, null, 2);
};
const problemsOf = (saved: string) => {
  const check = checkReuseText(saved, base, english);
  assert.ok(!check.ok, 'refused');
  return check.problems;
};

describe('identifiers that are not identifiers', () => {
  test('`.` and `..` in a datagouv: path name no reuse', () => {
    for (const id of ['.', '..']) assert.equal(reuseKind.keyOf(`/reuses/${id}/x.json`), undefined);
    assert.equal(reuseKind.keyOf('/reuses/00007e050000000000000001/x.json'), '00007e050000000000000001');
    assert.equal(reuseKind.keyOf('/reuses/carte-des-bornes/x.json'), 'carte-des-bornes');
  });

  test('the client never sends a dot segment (it would reach /api/1/ itself)', async () => {
    const client = new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => SAMPLE_API_KEY });
    standIn.requests.length = 0;
    for (const id of ['.', '..']) {
      await assert.rejects(async () => client.getReuse(id));
      await assert.rejects(async () => client.updateReuse(id, { title: 'x' }));
      await assert.rejects(async () => client.deleteReuse(id));
    }
    assert.deepEqual(standIn.requests, []);
  });

  test('a pasted link with a broken % escape names nothing, and does not throw', () => {
    assert.equal(parseReuseReference('https://www.data.gouv.fr/fr/reuses/carte-%E9-x/'), undefined);
    assert.equal(parseReuseReference('https://www.data.gouv.fr/fr/reuses/%/'), undefined);
  });
});

describe('values that would not reach data.gouv.fr as written', () => {
  test('a `__proto__` key in extras is refused by name', () => {
    const saved = renderReuseDocument(base).replace('"extras": {}', '"extras": {"__proto__": {"x": 1}}');
    assert.match(problemsOf(saved)[0].message, /"__proto__" cannot be used as a key/);
  });

  test('numbers beyond 2^53 and numbers that overflow are refused with what they would become', () => {
    const big = renderReuseDocument(base).replace('"extras": {}', '"extras": {"n": 9007199254740993}');
    assert.match(problemsOf(big)[0].message, /The number 9007199254740993 cannot be sent exactly \(it would become 9007199254740992\)/);
    const huge = renderReuseDocument(base).replace('"extras": {}', '"extras": {"n": 1e400}');
    assert.match(problemsOf(huge)[0].message, /The number 1e400 cannot be sent exactly \(it would become Infinity\)/);
    const fine = renderReuseDocument(base).replace('"extras": {}', '"extras": {"n": 9007199254740991, "f": 1.5e10}');
    assert.ok(checkReuseText(fine, base, english).ok);
  });

  test('a document with thousands of problems: checked in one pass, at most a hundred listed', () => {
    const saved = text((d) => (d.tags = Array.from({ length: 20_000 }, () => 'x')));
    const started = process.hrtime.bigint();
    const problems = problemsOf(saved);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(problems.length >= 1 && problems.length <= MAX_PROBLEMS, String(problems.length));
    // Quadratic work on 20,000 problems takes tens of seconds; linear work, milliseconds.
    assert.ok(elapsedMs < 5_000, `${elapsedMs} ms`);
  });

  test('very deep nesting says what is wrong instead of overflowing the stack', () => {
    const saved = renderReuseDocument(base).replace('"extras": {}', `"extras": {"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    assert.match(problemsOf(saved)[0].message, /nested more than 64 levels deep/);
  });
});

describe('the secret storage', () => {
  test('a failed read at startup: activation goes on signed out, and the next read tries again', async () => {
    let fail = true;
    const changes = new EventEmitter<{ key: string }>();
    const secrets = {
      get: async () => {
        if (fail) throw new Error('keyring locked');
        return SAMPLE_API_KEY;
      },
      store: async () => undefined,
      delete: async () => undefined,
      onDidChange: changes.event,
    };
    fake.configuration.set('datagouv.apiUrl', standIn.apiUrl);
    const keys = new ApiKeyStore(secrets);
    const session = new AuthSession(keys, new Log());
    await session.initialize();
    assert.equal(session.isSignedIn, false);
    assert.ok(fake.log.some((line) => /secret storage failed/.test(line)));
    fail = false;
    assert.equal(await keys.get(new URL(standIn.apiUrl).origin), SAMPLE_API_KEY, 'the failure was not kept');
    session.dispose();
    keys.dispose();
  });
});

test('tags that are not a list are refused before sending (data.gouv.fr would silently drop them all)', () => {
  const saved = renderReuseDocument(base).replace('"tags": []', '"tags": "velo, irve"');
  assert.match(problemsOf(saved)[0].message, /"tags" must be a list/);
});
