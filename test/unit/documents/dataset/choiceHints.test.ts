// Completion of a dataset document's license, frequency and granularity from the
// platform's own lists, on the fake `vscode` against the stand-in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerChoiceHints } from '../../../../src/documents/dataset/choiceHints';
import { PlatformChoices } from '../../../../src/services/platformChoices';
import { Log } from '../../../../src/util/log';
import { SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';
import { signedInWindow } from '../../vscodeFake/extensionParts';
import { fake, Position, type CompletionItem } from '../../vscodeFake/vscode';

function documentOf(text: string) {
  return { getText: () => text, offsetAt: (position: Position) => position.character, positionAt: (offset: number) => new Position(0, offset) };
}

describe("completion of a dataset's license, frequency and granularity", () => {
  let standIn: StandIn;
  let choices: PlatformChoices;
  let hints: { dispose(): unknown };
  before(async () => {
    standIn = await startStandIn();
    const { window } = await signedInWindow(standIn.apiUrl, SAMPLE_API_KEY);
    choices = new PlatformChoices(window.session, new Log(), () => 'fr');
    hints = registerChoiceHints(choices, new Log());
  });
  after(() => {
    hints.dispose();
    standIn.close();
  });

  async function complete(marked: string): Promise<CompletionItem[] | undefined> {
    const offset = marked.indexOf('|');
    const document = documentOf(marked.replace('|', ''));
    return (await fake.completionProviders.at(-1)!.provider.provideCompletionItems(document, document.positionAt(offset))) as CompletionItem[] | undefined;
  }
  const labelOf = (item: CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

  test("in the license: the platform's licenses by title, inserting their id; the lists asked once, in the editor's language", async () => {
    standIn.requests.length = 0;
    const items = (await complete('{"title": "T", "license": "lo|v2", "frequency": "daily"}'))!;
    const lov2 = items.find((item) => item.insertText === 'lov2');
    assert.ok(lov2, items.map(labelOf).join());
    assert.equal(labelOf(lov2), 'Licence Ouverte / Open Licence version 2.0');
    assert.ok(items.some((item) => item.insertText === 'odc-odbl'));
    await complete('{"license": "|"}');
    const lists = standIn.requests.map((r) => `${r.path}${r.query}`);
    assert.deepEqual(lists.sort(), [
      '/datasets/frequencies/?lang=fr',
      '/datasets/licenses/?lang=fr',
      '/datasets/resource_types/?lang=fr',
      '/spatial/granularities/?lang=fr',
    ]);
    assert.ok(choices.current(), 'kept for the checks before a save');
  });

  test('after the colon of "frequency", a quoted id followed by its comma', async () => {
    const items = (await complete('{"frequency": |\n"private": false}'))!;
    const daily = items.find((item) => typeof item.label !== 'string' && item.label.description === 'daily');
    assert.ok(daily);
    assert.equal(daily.insertText, '"daily",');
  });

  test('in spatial.granularity, not in other places', async () => {
    const items = (await complete('{"spatial": {"zones": [], "granularity": "fr:com|"}}'))!;
    assert.ok(items.some((item) => item.insertText === 'fr:commune'));
    assert.equal(await complete('{"title": "li|"}'), undefined);
    assert.equal(await complete('{"lic|": "lov2"}'), undefined);
  });
});
