// Dataset ids in the reuse document: where the cursor is (hover, completion), what a
// hover says, and that the API gives both with small field masks.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Translator } from '../../../../src/util/translator';
import { ApiClient } from '../../../../src/api/client';
import { ApiError } from '../../../../src/api/errors';
import { escapeMarkdown } from '../../../../src/util/markdown';
import { DATASET_SUMMARY_MASK } from '../../../../src/api/fieldMasks';
import {
  completionText,
  DATASET_COMPLETION_MASK,
  referenceCompletionAt,
  referenceErrorMarkdown,
  dataserviceSummary,
  deletedReferenceMarkdown,
  referenceHoverMarkdown,
  referenceAt,
  unknownReferenceMarkdown,
  type CompletionPlace,
} from '../../../../src/documents/reuse/references';
import { projectReuse, renderReuseDocument } from '../../../../src/documents/reuse/reuseDocument';
import { OTHER_USER_API_KEY, SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';

const format = (message: string, args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
const english: Translator = { t: (message, ...args) => format(message, args) };
const frBundle = JSON.parse(readFileSync(new URL('../../../../l10n/bundle.l10n.fr.json', import.meta.url), 'utf8')) as Record<string, string>;
const french: Translator = { t: (message, ...args) => format(frBundle[message] ?? `MISSING ${message}`, args) };

const A = 'da7a00000000000000000001';
const B = 'da7a00000000000000000002';
const C = 'da7a00000000000000000003';

/** `|` marks the cursor; returns the text without it and the cursor's offset. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0 && marked.indexOf('|', offset + 1) < 0, 'one cursor');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function place(marked: string): CompletionPlace | undefined {
  const [text, offset] = at(marked);
  return referenceCompletionAt(text, offset);
}

/** The text after picking `id` at the marked place. */
function pick(marked: string, id: string): string {
  const [text, offset] = at(marked);
  const found = referenceCompletionAt(text, offset);
  assert.ok(found, `a completion place in ${marked}`);
  assert.ok(found.start <= offset && offset <= found.end, 'the range holds the cursor');
  return text.slice(0, found.start) + completionText(found, id) + text.slice(found.end);
}

const documentText = renderReuseDocument(projectReuse({ id: 'r', title: 'Carte', tags: [A], datasets: [{ id: A }, { id: B }], extras: { datasets: [C] } }));

describe('the dataset id under the cursor', () => {
  test('every character of an id string, quotes included, is on that id', () => {
    const start = documentText.indexOf(`"${B}"`);
    for (let offset = start; offset < start + 26; offset++) {
      assert.deepEqual(referenceAt(documentText, offset), { list: 'datasets', id: B, start, end: start + 26 }, `offset ${offset - start}`);
    }
    assert.equal(referenceAt(documentText, start + 26), undefined, 'after the closing quote');
    assert.equal(referenceAt(documentText, start - 1), undefined, 'before the opening quote');
  });

  test('the same id elsewhere is not a dataset reference', () => {
    const inTags = documentText.indexOf(`"${A}"`);
    assert.ok(inTags < documentText.indexOf('"datasets"'));
    assert.equal(referenceAt(documentText, inTags + 3), undefined, 'in tags');
    assert.equal(referenceAt(documentText, documentText.indexOf(C) + 3), undefined, 'in extras.datasets');
    assert.equal(referenceAt(documentText, documentText.indexOf('"datasets"') + 3), undefined, 'on the key');
  });

  test('a string that is not an id, or nested deeper, is not one', () => {
    assert.equal(referenceAt(...at('{"datasets": ["not-an-|id"]}')), undefined);
    assert.equal(referenceAt(...at(`{"datasets": [["${A}|"]]}`)), undefined);
    assert.equal(referenceAt(...at(`[{"datasets": ["${A}|"]}]`)), undefined);
    assert.equal(referenceAt(...at(`{"datasets": "${A}|"}`)), undefined);
  });

  test('an id is found in a document that does not parse', () => {
    const [text, offset] = at(`{"title": "x" "datasets": ["${A}", "${B}|", Bor ], "private": fal`);
    assert.equal(referenceAt(text, offset)?.id, B);
  });
});

describe('where an id can be completed', () => {
  test('inside a string: its whole content is replaced by the bare id', () => {
    const found = place(`{"datasets": ["${A}", "Bor|nes"]}`);
    assert.ok(found);
    assert.equal(found.quoted, true);
    assert.equal(found.typed, 'Bor');
    assert.deepEqual([...found.listed], [A]);
    assert.equal(pick(`{"datasets": ["${A}", "Bor|nes"]}`, B), `{"datasets": ["${A}", "${B}"]}`);
    assert.equal(pick('{"datasets": ["|"]}', B), `{"datasets": ["${B}"]}`);
    assert.equal(pick(`{"datasets": ["da7a|${A.slice(4)}"]}`, B), `{"datasets": ["${B}"]}`, 'a wrong id is fixed');
  });

  test('inside a string that lacks its closing quote: the quote is added', () => {
    const text = pick('{\n  "datasets": [\n    "Bor|\n  ]\n}', B);
    assert.equal(text, `{\n  "datasets": [\n    "${B}"\n  ]\n}`);
    assert.deepEqual(JSON.parse(text), { datasets: [B] });
  });

  test('right after [ or , : the id comes with its quotes', () => {
    assert.equal(pick('{"datasets": [|]}', A), `{"datasets": ["${A}"]}`);
    assert.equal(pick(`{"datasets": ["${A}", |]}`, B), `{"datasets": ["${A}", "${B}"]}`);
    assert.equal(pick(`{"datasets": ["${A}",|]}`, B), `{"datasets": ["${A}","${B}"]}`);
    const multiline = `{\n  "datasets": [\n    "${A}",\n    |\n  ]\n}`;
    assert.deepEqual(JSON.parse(pick(multiline, B)), { datasets: [A, B] });
    assert.equal(place('{"datasets": [|]}')?.quoted, false);
  });

  test('over an unquoted word being typed', () => {
    const found = place(`{"datasets": ["${A}", Bor|]}`);
    assert.ok(found);
    assert.equal(found.typed, 'Bor');
    assert.equal(found.quoted, false);
    assert.equal(pick(`{"datasets": ["${A}", Bor|]}`, B), `{"datasets": ["${A}", "${B}"]}`);
    assert.equal(pick('{"datasets": [Bo|rnes]}', B), `{"datasets": ["${B}"]}`);
    // Ids that start with digits scan as numbers: still one word.
    assert.equal(pick('{"datasets": [5a1e|]}', B), `{"datasets": ["${B}"]}`);
    assert.equal(pick('{"datasets": [null|]}', B), `{"datasets": ["${B}"]}`);
  });

  test('before another value: a comma keeps the list valid', () => {
    assert.deepEqual(JSON.parse(pick(`{"datasets": [|"${A}"]}`, B)), { datasets: [B, A] });
    assert.deepEqual(JSON.parse(pick(`{"datasets": [| "${A}"]}`, B)), { datasets: [B, A] });
    const multiline = `{\n  "datasets": [\n    Bo|\n    "${A}"\n  ]\n}`;
    const picked = pick(multiline, B);
    assert.deepEqual(JSON.parse(picked), { datasets: [B, A] });
    assert.ok(!/ \n/.test(picked), 'no trailing space');
  });

  test('in a real reuse document', () => {
    const text = renderReuseDocument(projectReuse({ id: 'r', datasets: [{ id: A }] }));
    const offset = text.indexOf(`"${A}"`) + 27;
    const found = referenceCompletionAt(text.slice(0, offset) + ', ' + text.slice(offset), offset + 2);
    assert.ok(found);
    assert.deepEqual([...found.listed], [A]);
  });

  test('nowhere else', () => {
    const nowhere = [
      `{"datasets": ["${A}"|]}`, // right after a value: it would need a comma first
      `{"datasets": ["${A}" |]}`,
      `{"datasets": [|"${A}"]}`.replace('[|', '|['), // before the array
      '{"datasets": |}',
      '{"tags": [|]}',
      '{"tags": ["|"]}',
      '{"extras": {"datasets": [|]}}',
      '{"datasets": [{"id": "|"}]}',
      '{"datasets": [[|]]}',
      '[{"datasets": [|]}]',
      '{"data|sets": []}',
      '{"title": "datasets: [|]"}',
      '|',
    ];
    for (const marked of nowhere) assert.equal(place(marked), undefined, marked);
  });

  test('the ids already listed, whatever their case, and only those of "datasets"', () => {
    const found = place(`{"tags": ["${C}"], "datasets": ["${A}", "${B.toUpperCase()}", "not-an-id", |]}`);
    assert.deepEqual([...(found?.listed ?? [])].sort(), [A, B]);
  });
});

describe('the hover of a dataset', () => {
  const dataset = {
    id: A,
    title: 'Bornes de recharge [IRVE] *2026*',
    page: 'https://www.data.gouv.fr/datasets/bornes-de-recharge/',
    organization: { id: 'o', name: 'Mairie de Saint-Rémy' },
  };

  test('title, organization and link; server text never becomes Markdown', () => {
    const markdown = referenceHoverMarkdown('datasets', dataset, english);
    assert.equal(
      markdown,
      '**Bornes de recharge \\[IRVE\\] \\*2026\\***\n\nMairie de Saint\\-Rémy\n\n' +
        '[Open on data\\.gouv\\.fr](https://www.data.gouv.fr/datasets/bornes-de-recharge/)',
    );
  });

  test('private, archived and deleted are said', () => {
    const markdown = referenceHoverMarkdown(
      'datasets',
      { ...dataset, private: true, archived: '2026-01-01T00:00:00Z', deleted: '2026-02-01T00:00:00Z' },
      english,
    );
    assert.match(markdown, /Mairie de Saint\\-Rémy · \*Deleted\* · \*Archived\* · \*Private\*/);
    assert.match(referenceHoverMarkdown('datasets', { ...dataset, private: true }, french), /\*Privé\*/);
  });

  test('no title, no organization, no usable page', () => {
    assert.equal(referenceHoverMarkdown('datasets', { id: A, title: '  ', organization: null }, english), '**Untitled dataset**');
    for (const page of ['javascript:alert(1)', 'command:workbench.action.quit', 'not a url']) {
      assert.ok(!referenceHoverMarkdown('datasets', { ...dataset, page }, english).includes(']('), page);
    }
    assert.match(referenceHoverMarkdown('datasets', { ...dataset, page: 'https://x.fr/a(b)/' }, english), /\(https:\/\/x\.fr\/a%28b%29\/\)$/);
  });

  test('an unknown id and a failure say so, in both languages', () => {
    assert.equal(unknownReferenceMarkdown('datasets', A, english), `Unknown dataset: data\\.gouv\\.fr has no dataset with this id\\.\n\n\`${A}\``);
    assert.match(unknownReferenceMarkdown('datasets', A, french), /^Jeu de données inconnu/);
    assert.match(referenceErrorMarkdown('datasets', 'No network.', english), /^The dataset could not be loaded: No network\\\.$/);
    assert.ok(!referenceErrorMarkdown('datasets', 'x', french).startsWith('MISSING'));
    assert.ok(!referenceHoverMarkdown('datasets', dataset, french).includes('MISSING'));
  });

  test('escaping', () => {
    assert.equal(escapeMarkdown('a_b\n<img src=x>'), 'a\\_b \\<img src=x\\>');
  });
});

describe('what the hover and completion fetch', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await startStandIn();
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());
  const as = (key: string | undefined) => new ApiClient({ apiUrl: standIn.apiUrl, getApiKey: () => key, timeoutMs: 2_000, retryDelayMs: () => 5 });

  test('a dataset for the hover comes with the summary mask only', async () => {
    const stored = standIn.data.datasets[1];
    const dataset = await as(SAMPLE_API_KEY).getDataset(stored.id);
    assert.equal(standIn.requests.length, 1);
    assert.equal(standIn.requests[0].fields, DATASET_SUMMARY_MASK);
    assert.deepEqual(Object.keys(dataset).sort(), ['archived', 'deleted', 'id', 'organization', 'page', 'private', 'slug', 'title']);
    assert.deepEqual(Object.keys(dataset.organization ?? {}).sort(), ['id', 'name']);
    assert.equal(dataset.title, stored.title);
    const markdown = referenceHoverMarkdown('datasets', dataset, english);
    assert.match(markdown, /Bornes de recharge/);
    assert.match(markdown, new RegExp(`\\(${dataset.page?.replace(/[.?]/g, '\\$&')}\\)$`));
  });

  test('signed out, a public dataset still answers; an unknown id is a 404', async () => {
    const stored = standIn.data.datasets[0];
    assert.equal((await as(undefined).getDataset(stored.id)).title, stored.title);
    await assert.rejects(as(SAMPLE_API_KEY).getDataset('ffffffffffffffffffffffff'), (e: unknown) => e instanceof ApiError && e.kind === 'notFound');
  });

  test("the user's datasets for completion come with the completion mask only", async () => {
    const datasets = await as(SAMPLE_API_KEY).listOrgDatasets({ fields: DATASET_COMPLETION_MASK });
    assert.equal(standIn.requests.length, 1);
    assert.equal(standIn.requests[0].fields, DATASET_COMPLETION_MASK);
    assert.ok(datasets.length >= 5);
    for (const dataset of datasets) {
      assert.ok(dataset.id && dataset.title, 'id and title');
      assert.equal(dataset.resources, undefined, 'no resources');
      assert.equal(dataset.quality, undefined, 'no quality');
      assert.ok(
        dataset.organization === null ||
          Object.keys(dataset.organization ?? {})
            .sort()
            .join() === 'id,name',
      );
    }
    assert.ok(
      datasets.some((d) => d.organization === null),
      "the user's own datasets are there too",
    );
    // Another user's organization's dataset is not offered.
    const others = await as(OTHER_USER_API_KEY).listOrgDatasets({ fields: DATASET_COMPLETION_MASK });
    const capteurs = others.find((d) => d.title?.startsWith('Capteurs'));
    assert.ok(capteurs && !datasets.some((d) => d.id === capteurs.id));
  });
});

describe('ids of the "dataservices" list', () => {
  const text = renderReuseDocument(projectReuse({ id: 'r', title: 'Carte', datasets: [{ id: A }], dataservices: [{ id: B }] }));

  test('an id there is an API id, an id of "datasets" a dataset id', () => {
    assert.deepEqual(referenceAt(text, text.indexOf(B) + 2), { list: 'dataservices', id: B, start: text.indexOf(B) - 1, end: text.indexOf(B) + 25 });
    assert.equal(referenceAt(text, text.indexOf(A) + 2)?.list, 'datasets');
  });

  test('completion there knows its list and leaves out only its own ids', () => {
    const [withCursor, offset] = at(text.replace(`"${B}"`, `"|${B}"`));
    const found = referenceCompletionAt(withCursor, offset);
    assert.equal(found?.list, 'dataservices');
    assert.deepEqual([...(found?.listed ?? [])], [], 'the id being edited is not counted, and A is a dataset');
    const after = referenceCompletionAt(`{"datasets": ["${A}"], "dataservices": ["${B}", ]}`, `{"datasets": ["${A}"], "dataservices": ["${B}", `.length);
    assert.deepEqual([...(after?.listed ?? [])], [B]);
  });

  test('the hover of an API reads its own field names', () => {
    const markdown = referenceHoverMarkdown(
      'dataservices',
      dataserviceSummary({
        id: B,
        title: 'API Bus',
        self_web_url: 'https://www.data.gouv.fr/dataservices/api-bus/',
        archived_at: '2026-01-01T00:00:00Z',
        deleted_at: null,
        private: false,
        organization: { id: 'o', name: 'Agence' },
      }),
      english,
    );
    assert.equal(markdown, '**API Bus**\n\nAgence · *Archived*\n\n[Open on data\\.gouv\\.fr](https://www.data.gouv.fr/dataservices/api-bus/)');
    assert.equal(referenceHoverMarkdown('dataservices', { id: B, title: ' ' }, english), '**Untitled API**');
    assert.match(unknownReferenceMarkdown('dataservices', B, french), /^(?!MISSING)/);
    assert.match(deletedReferenceMarkdown('dataservices', B, french), /^(?!MISSING)/);
    assert.match(referenceErrorMarkdown('dataservices', 'x', french), /^(?!MISSING)/);
  });
});
