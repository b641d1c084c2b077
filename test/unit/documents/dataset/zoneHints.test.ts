// Completion of spatial zones in a dataset document, on the fake `vscode` against the
// stand-in's zone suggestions (udata/core/spatial/api.py).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerZoneHints } from '../../../../src/documents/dataset/zoneHints';
import { Log } from '../../../../src/util/log';
import { SAMPLE_API_KEY } from '../../../server/sampleData';
import { startStandIn, type StandIn } from '../../../server/standIn';
import { signedInWindow } from '../../vscodeFake/extensionParts';
import { Disposable, fake, Position, type CompletionItem, type CompletionList } from '../../vscodeFake/vscode';

const never = { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => undefined) };

function documentOf(text: string) {
  return {
    getText: () => text,
    offsetAt: (position: Position) => position.character,
    positionAt: (offset: number) => new Position(0, offset),
  };
}

describe('zone completion in a dataset document', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await startStandIn();
  });
  after(() => standIn.close());

  async function complete(marked: string): Promise<CompletionList | undefined> {
    const { window } = await signedInWindow(standIn.apiUrl, SAMPLE_API_KEY);
    const hints = registerZoneHints(window.session, new Log());
    const offset = marked.indexOf('|');
    const document = documentOf(marked.replace('|', ''));
    standIn.requests.length = 0;
    try {
      return (await fake.completionProviders.at(-1)!.provider.provideCompletionItems(document, document.positionAt(offset), never)) as
        CompletionList | undefined;
    } finally {
      hints.dispose();
    }
  }

  test('typing a name in "spatial.zones" offers the platform\'s zones, inserting their id', async () => {
    const list = await complete('{"spatial": {"zones": ["Pari|"], "granularity": "other"}}');
    assert.ok(list?.isIncomplete, 'asked again as the user types');
    const paris = list.items.find(
      (item: CompletionItem) => typeof item.label !== 'string' && item.label.label === 'Paris' && item.label.description === 'fr:commune:75056',
    );
    assert.ok(paris, list.items.map((item) => JSON.stringify(item.label)).join());
    assert.equal(paris.insertText, 'fr:commune:75056');
    assert.deepEqual(
      standIn.requests.map((r) => [r.path, new URLSearchParams(r.query).get('q')]),
      [['/spatial/zones/suggest/', 'Pari']],
    );
  });

  test('outside "spatial.zones", or with less than two characters, nothing is asked', async () => {
    assert.equal(await complete('{"tags": ["Pari|"]}'), undefined);
    const short = await complete('{"spatial": {"zones": ["P|"]}}');
    assert.equal(short?.items.length, 0);
    assert.equal(standIn.requests.length, 0);
  });
});
