// The account status bar: its text, and its tooltip's paragraphs (host, who, metrics,
// hint), as the user sees them once each is known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AccountStatusBar } from '../../../src/account/accountStatusBar';
import type { AuthSession } from '../../../src/auth/session';
import type { Me } from '../../../src/api/models';

interface ItemView {
  text: string;
  tooltip: { value: string } | undefined;
  backgroundColor: unknown;
}

/** A status bar on a fake session; `item` is the status bar item it created. */
function statusBar(apiUrl: string) {
  const meListeners: Array<(me: Me | undefined) => void> = [];
  const none = { dispose() {} };
  const session = {
    isSignedIn: true,
    apiUrlError: undefined,
    client: { baseUrl: new URL(apiUrl) },
    onDidLoadMe: (listener: (me: Me | undefined) => void) => (meListeners.push(listener), none),
    onDidChange: () => none,
  };
  const create = vscode.window.createStatusBarItem;
  let item: ItemView | undefined;
  vscode.window.createStatusBarItem = ((...args: Parameters<typeof create>) => (item = create(...args) as unknown as ItemView)) as typeof create;
  try {
    const bar = new AccountStatusBar(session as unknown as AuthSession);
    return { bar, item: item!, loadMe: (me: Me) => meListeners.forEach((listener) => listener(me)) };
  } finally {
    vscode.window.createStatusBarItem = create;
  }
}

test('before /me is known: the host off production, and the hint', () => {
  const { bar, item } = statusBar('https://demo.data.gouv.fr/api/1/');
  assert.equal(item.text, '$(account) signed in · demo.data.gouv.fr');
  assert.equal(item.tooltip?.value, '**data.gouv.fr** — demo\\.data\\.gouv\\.fr\n\nClick for account actions.');
  assert.ok(item.backgroundColor);
  bar.dispose();
});

test('then who is signed in, and the metrics once loaded', () => {
  const { bar, item, loadMe } = statusBar('https://www.data.gouv.fr/api/1/');
  loadMe({ id: 'u1', slug: 'ada', first_name: 'Ada', last_name: 'Lovelace' } as Me);
  assert.equal(item.text, '$(account) Ada Lovelace');
  assert.equal(item.tooltip?.value, '**data.gouv.fr** — www\\.data\\.gouv\\.fr\n\nSigned in as Ada Lovelace\n\nClick for account actions.');
  assert.equal(item.backgroundColor, undefined);
  bar.setMetrics({ datasets_count: 3, resources_availability: 0.5 });
  assert.equal(
    item.tooltip?.value,
    [
      '**data.gouv.fr** — www\\.data\\.gouv\\.fr',
      'Signed in as Ada Lovelace',
      '- My datasets: 3\n- Datasets of my organizations: —\n- My followers: —\n- Followers of my organizations: —\n- Resources available: 50 %',
      'Click for account actions.',
    ].join('\n\n'),
  );
  bar.dispose();
});
