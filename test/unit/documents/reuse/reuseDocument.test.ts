// The projection of a reuse to its document and the checks before a save (pure code).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkReuseText, projectReuse, renderReuseDocument, type ReuseDocument } from '../../../../src/documents/reuse/reuseDocument';
import type { Translator } from '../../../../src/util/translator';
import type { Reuse } from '../../../../src/api/models';
import { generatedFiles } from '../../../../scripts/generate-schema';

const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

const reuse: Reuse = {
  id: '7e05000000000000000001aa',
  slug: 'carte',
  title: 'Carte des bornes',
  description: 'Une carte.',
  url: 'https://example.org/carte',
  type: 'application',
  topic: 'transport_and_mobility',
  tags: ['irve', 'mobilite'],
  datasets: [{ id: 'da7a00000000000000000001', title: 'Bornes' }],
  private: false,
  archived: null,
  extras: {},
  metrics: { views: 3 },
  last_modified: '2026-11-20T09:30:00.000Z',
  permissions: { edit: true, delete: true },
};
const base = projectReuse(reuse);
const text = renderReuseDocument(base);

function withChange(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(text) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2);
}

function problemsOf(saved: string): string[] {
  const check = checkReuseText(saved, base, english);
  assert.equal(check.ok, false, 'the text must be refused');
  return check.ok ? [] : check.problems.map((p) => p.message);
}

describe('projection', () => {
  test('only the editable fields, in the fixed order, 2-space JSON with a final newline', () => {
    assert.equal(
      text,
      '{\n  "title": "Carte des bornes",\n  "description": "Une carte.",\n  "url": "https://example.org/carte",\n  "type": "application",\n' +
        '  "topic": "transport_and_mobility",\n  "tags": [\n    "irve",\n    "mobilite"\n  ],\n  "datasets": [\n    "da7a00000000000000000001"\n  ],\n' +
        '  "dataservices": [],\n  "private": false,\n  "archived": null,\n  "extras": {}\n}\n',
    );
  });

  test('missing fields get neutral values', () => {
    const doc = projectReuse({ id: 'x' });
    assert.deepEqual(doc, {
      title: '',
      description: '',
      url: '',
      type: '',
      topic: '',
      tags: [],
      datasets: [],
      dataservices: [],
      private: false,
      archived: null,
      extras: {},
    } satisfies ReuseDocument);
  });
});

describe('checks before a save', () => {
  test('an unchanged text gives an empty patch; a title change gives exactly that field', () => {
    const same = checkReuseText(text, base, english);
    assert.ok(same.ok);
    assert.deepEqual(same.patch, {});
    const changed = checkReuseText(
      withChange((d) => (d.title = 'Nouveau titre')),
      base,
      english,
    );
    assert.ok(changed.ok);
    assert.deepEqual(changed.patch, { title: 'Nouveau titre' });
  });

  test('key order and whitespace do not count as changes', () => {
    const reordered = JSON.stringify({ ...JSON.parse(text), title: base.title }, null, 4);
    const check = checkReuseText(reordered, base, english);
    assert.ok(check.ok);
    assert.deepEqual(check.patch, {});
  });

  test('an object where a type is expected is quoted as written, even one whose toString is not a function (found by the property test)', () => {
    const [message] = problemsOf(withChange((doc) => (doc.type = { toString: '' })));
    assert.match(message, /"\{"toString":""\}" is not a type of reuse/);
  });

  test('broken JSON names the line and column', () => {
    const broken = text.replace('"Une carte.",', '"Une carte."');
    const [message] = problemsOf(broken);
    assert.match(message, /not valid JSON: a comma is missing at line 4, column 3/);
  });

  test('a list, a string, a number, an empty text are refused', () => {
    for (const saved of ['[1, 2]', '"text"', '42', '', 'null']) {
      const [message] = problemsOf(saved);
      assert.ok(message, saved);
    }
    assert.match(problemsOf('[]')[0], /must be a JSON object/);
  });

  test('blank title, bad enums, ftp URL, non-string tags, bad dataset ids', () => {
    assert.match(problemsOf(withChange((d) => (d.title = '   ')))[0], /"title" must not be blank/);
    assert.match(problemsOf(withChange((d) => (d.type = 'not-a-type')))[0], /"not-a-type" is not a type of reuse. Use one of: api, application/);
    assert.match(problemsOf(withChange((d) => (d.topic = 'sport')))[0], /"sport" is not a topic/);
    assert.match(problemsOf(withChange((d) => (d.url = 'ftp://x')))[0], /must be a web address starting with http/);
    assert.match(problemsOf(withChange((d) => (d.tags = ['ok-tag', 3])))[0], /Each tag must be a text/);
    assert.match(problemsOf(withChange((d) => (d.datasets = ['not-an-id'])))[0], /"not-an-id" is not one/);
    assert.match(problemsOf(withChange((d) => (d.private = 'yes')))[0], /"private" must be true or false/);
    assert.match(problemsOf(withChange((d) => (d.archived = 'yesterday')))[0], /"archived" must be a date/);
  });

  test('keys the API would silently ignore are refused, by name', () => {
    const messages = problemsOf(withChange((d) => Object.assign(d, { id: 'x', metrics: { views: 1 }, colour: 'blue' })));
    assert.ok(messages.some((m) => m.startsWith('"id" cannot be changed here')));
    assert.ok(messages.some((m) => m.startsWith('"metrics" cannot be changed here')));
    assert.ok(messages.some((m) => m.startsWith('"colour" is not a field that can be edited')));
  });

  test('a missing required key and a duplicated key are refused', () => {
    assert.match(problemsOf(withChange((d) => delete d.url))[0], /"url" is missing/);
    assert.match(problemsOf(text.replace('"title": "Carte des bornes",', '"title": "A",\n  "title": "B",'))[0], /"title" appears twice/);
  });

  test('a 5 MB description is refused before sending', () => {
    const [message] = problemsOf(withChange((d) => (d.description = 'x'.repeat(5_000_000))));
    assert.match(message, /"description" is too long: 100000 characters at most/);
  });

  test('problems point at the offending key', () => {
    const saved = withChange((d) => (d.type = 'not-a-type'));
    const check = checkReuseText(saved, base, english);
    assert.ok(!check.ok);
    const [problem] = check.problems;
    assert.equal(saved.slice(problem.offset, problem.offset + problem.length), '"not-a-type"');
    assert.equal(problem.line, 5);
  });
});

test('the generated schemas and validator are up to date (npm run generate:schema)', () => {
  const root = new URL('../../../../', import.meta.url).pathname;
  for (const [path, content] of Object.entries(generatedFiles())) {
    assert.equal(readFileSync(root + path, 'utf8'), content, `${path} is stale: run npm run generate:schema`);
  }
});
