// The hover and completion providers of a reuse document's "datasets" and
// "dataservices" lists, run on the fake `vscode` against the stand-in: what they ask
// data.gouv.fr (masks, filters, how many requests) and what they show.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerReferenceHints } from '../../../../src/documents/reuse/referenceHints';
import { projectReuse, renderReuseDocument } from '../../../../src/documents/reuse/reuseDocument';
import { DATASERVICE_PAGE_MASK, DATASERVICE_SUMMARY_MASK } from '../../../../src/api/fieldMasks';
import { Log } from '../../../../src/util/log';
import { OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';
import { signedInWindow } from '../../vscodeFake/extensionParts';
import { Disposable, fake, Position, type CompletionItem, type Hover } from '../../vscodeFake/vscode';

/** The parts of a TextDocument the providers read. */
function documentOf(text: string) {
  const lines = text.split('\n');
  return {
    getText: () => text,
    offsetAt: (position: Position) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character,
    positionAt: (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return new Position(before.length - 1, before[before.length - 1].length);
    },
  };
}

const never = { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => undefined) };

describe('hover and completion of the ids a reuse document lists', () => {
  let standIn: StandIn;
  let hints: { dispose(): unknown } | undefined;
  before(async () => {
    standIn = await startStandIn();
  });
  after(() => standIn.close());
  beforeEach(() => {
    hints?.dispose();
    standIn.reset();
  });

  async function open(key: string, dataservices: string[]) {
    hints?.dispose();
    hints = registerReferenceHints((await signedInWindow(standIn.apiUrl, key)).window.session, new Log());
    const text = renderReuseDocument(
      projectReuse({ id: 'r', title: 'Carte', datasets: [{ id: standIn.data.datasets[0].id }], dataservices: dataservices.map((id) => ({ id })) }),
    );
    const document = documentOf(text);
    const hover = async (id: string): Promise<string> => {
      const answer = (await fake.hoverProviders.at(-1)!.provider.provideHover(document, document.positionAt(text.indexOf(id) + 3), never)) as Hover | undefined;
      assert.ok(answer, `a hover on ${id}`);
      return answer.contents.value;
    };
    const complete = async (list: string): Promise<CompletionItem[]> => {
      // Right after the list's `[`, where a new id may start.
      const offset = text.indexOf('[', text.indexOf(`"${list}"`)) + 1;
      return ((await fake.completionProviders.at(-1)!.provider.provideCompletionItems(document, document.positionAt(offset), never)) as CompletionItem[]) ?? [];
    };
    standIn.requests.length = 0;
    return { hover, complete };
  }

  test("hovering an API's id shows its title, organization and page, with the summary mask", async () => {
    const api = standIn.data.dataservices[0];
    const { hover } = await open(SAMPLE_API_KEY, [api.id]);
    const markdown = await hover(api.id);
    assert.match(markdown, /^\*\*API Horaires de bus en temps réel\*\*/);
    assert.match(markdown, /Agence/);
    assert.ok(markdown.endsWith(`(${new URL(standIn.apiUrl).origin}/dataservices/${api.slug}/)`), markdown);
    assert.deepEqual(
      standIn.requests.map((r) => [r.method, r.path, r.fields]),
      [['GET', `/dataservices/${api.id}/`, DATASERVICE_SUMMARY_MASK]],
    );
    // A second hover is answered from the cache.
    await hover(api.id);
    assert.equal(standIn.requests.length, 1);
  });

  test('a deleted API reads as deleted, to its owners (a marker) and to others (410)', async () => {
    const deleted = standIn.data.dataservices.find((d) => d.deleted)!;
    assert.match(await (await open(SAMPLE_API_KEY, [deleted.id])).hover(deleted.id), /\*Deleted\*/);
    const other = await open(OTHER_USER_API_KEY, [deleted.id]);
    assert.match(await other.hover(deleted.id), /^Deleted API: it was deleted on data\\\.gouv\\\.fr/);
    assert.equal(standIn.requests[0].status, 410);
  });

  test("another organization's private API is unknown (404), never an error", async () => {
    const draft = standIn.data.dataservices.find((d) => d.private)!;
    assert.match(await (await open(OTHER_USER_API_KEY, [draft.id])).hover(draft.id), /^Unknown API/);
    assert.equal(standIn.requests[0].status, 404);
  });

  test('completion in "dataservices" offers the APIs of the user\'s organizations and their own, by title, without the listed ones', async () => {
    const [bus, air, draft] = standIn.data.dataservices;
    const me = standIn.data.users[0];
    const { complete } = await open(SAMPLE_API_KEY, [air.id]);
    const items = await complete('dataservices');
    const labels = items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual(labels.sort(), [bus.title, draft.title].sort(), 'not the listed one, not the deleted one, not another organization’s');
    const byTitle = items.find((item) => typeof item.label !== 'string' && item.label.label === bus.title)!;
    // A value follows: the comma comes with it.
    assert.equal(byTitle.insertText, `"${bus.id}",`);
    assert.equal(byTitle.detail, bus.id);
    // One page per owner: each organization and the user, with the page mask.
    const lists = standIn.requests.filter((r) => r.path === '/dataservices/');
    assert.deepEqual(
      lists.map((r) => new URLSearchParams(r.query).get('organization') ?? `owner=${new URLSearchParams(r.query).get('owner')}`).sort(),
      [...standIn.data.organizations.filter((org) => me.id in org.members).map((org) => org.id), `owner=${me.id}`].sort(),
    );
    for (const request of lists) assert.equal(request.fields, DATASERVICE_PAGE_MASK);
  });

  test('completion in "datasets" still offers datasets, not APIs', async () => {
    const { complete } = await open(SAMPLE_API_KEY, []);
    const items = await complete('datasets');
    assert.ok(items.length > 0);
    assert.ok(items.every((item) => !String(item.insertText).includes('d5e7')));
    assert.ok(standIn.requests.every((r) => r.path !== '/dataservices/'));
  });
});

describe('the stand-in pages APIs as udata does', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await startStandIn();
  });
  after(() => standIn.close());

  test('page, page_size, total, next_page; page 0 is a 400 (udata/api/__init__.py)', async () => {
    const get = (query: string) =>
      fetch(`${standIn.apiUrl}/dataservices/?${query}`).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    const first = await get('page_size=1');
    assert.equal(first.status, 200);
    assert.equal((first.body.data as unknown[]).length, 1);
    assert.equal(first.body.page, 1);
    assert.equal(first.body.page_size, 1);
    // Anonymous: public, not deleted, not private.
    assert.equal(first.body.total, standIn.data.dataservices.filter((d) => !d.private && !d.deleted && !d.archived).length);
    assert.match(String(first.body.next_page), /page=2/);
    assert.equal(first.body.previous_page, null);
    assert.equal((await get('page=0')).status, 400);
  });
});

describe('a dataset id in a reuse document opens its dataset', () => {
  test('the hover of a known dataset links to Open Dataset, trusted for that command only', async () => {
    const standIn = await startStandIn();
    try {
      const { window } = await signedInWindow(standIn.apiUrl, SAMPLE_API_KEY);
      const hints = registerReferenceHints(window.session, new Log());
      const id = standIn.data.datasets[1].id;
      const text = renderReuseDocument(projectReuse({ id: 'r', title: 'Carte', datasets: [{ id }, { id: 'ffffffffffffffffffffffff' }] }));
      const document = documentOf(text);
      const hover = async (target: string) =>
        (await fake.hoverProviders.at(-1)!.provider.provideHover(document, document.positionAt(text.indexOf(target) + 3), never)) as Hover & {
          contents: { isTrusted?: unknown };
        };
      const known = await hover(id);
      assert.match(
        known.contents.value,
        new RegExp(
          `\\[Open Dataset\\]\\(command:datagouv\\.openDataset\\?${encodeURIComponent(JSON.stringify([{ id }])).replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}\\)$`,
        ),
      );
      assert.deepEqual(known.contents.isTrusted, { enabledCommands: ['datagouv.openDataset'] });
      const unknown = await hover('ffffffffffffffffffffffff');
      assert.doesNotMatch(unknown.contents.value, /command:/);
      assert.equal(unknown.contents.isTrusted, undefined);
      hints.dispose();
    } finally {
      standIn.close();
    }
  });
});
