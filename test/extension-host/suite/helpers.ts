// What the extension-host tests share: the product extension, the stand-in's control API
// (its address comes from the `datagouv.apiUrl` setting the run points at it), and
// signing in through the product's own "Set API Key" command.
import * as vscode from 'vscode';
import type { RecordedRequest } from '../../server/standIn';

export const EXTENSION_ID = 'datagouv-community.datagouv-vscode';

/** Two reuses of the stand-in's sample data (test/server/sampleData.ts). */
export const REUSES = {
  /** Camille may edit it (she is an admin of its organization). */
  editable: { id: '00007e050000000000000001', slug: 'carte-des-bornes-de-recharge-de-saint-remy', title: 'Carte des bornes de recharge de Saint-Rémy' },
  /** Jean's organization's: Camille may read it, not edit it. */
  readOnly: { id: '00007e050000000000000007', title: 'Capteurs citoyens : tableau de bord' },
};

export function reuseUri(reuse: { id: string; slug?: string }): vscode.Uri {
  return vscode.Uri.parse(`datagouv:/reuses/${reuse.id}/${reuse.slug ?? 'reuse'}.json`);
}

export async function activeProduct(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

export function apiUrl(): string {
  const value = vscode.workspace.getConfiguration('datagouv').get<string>('apiUrl');
  if (!value || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(value)) {
    throw new Error(`datagouv.apiUrl is ${JSON.stringify(value)}: the suite runs against the local stand-in only`);
  }
  return value.replace(/\/+$/, '');
}

async function control<T>(method: string, path: string): Promise<T> {
  const response = await fetch(`${new URL(apiUrl()).origin}/__control/${path}`, { method });
  if (!response.ok) throw new Error(`stand-in control ${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

export const standIn = {
  /** Every API request received since the last reset, oldest first. */
  requests: () => control<RecordedRequest[]>('GET', 'requests'),
  /** Fresh sample data; forgets requests and faults. */
  reset: () => control<unknown>('POST', 'reset'),
  /** What the stand-in stores for a reuse now, read without a key (public reuses). */
  async reuse(id: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${apiUrl()}/reuses/${id}/`);
    if (!response.ok) throw new Error(`GET /reuses/${id}/: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  },
};

/**
 * Signs in as a person would: runs "data.gouv.fr: Set API Key", puts the key in the
 * password box it shows and accepts it with the workbench's own accept command, so the
 * product checks the key against the stand-in (GET /me/) and stores it in its
 * SecretStorage. The extension host gives this suite (a module inside the product's
 * folder) the product's own `vscode` API object, so wrapping `window.createInputBox`
 * once hands the test the very box the command creates; nothing is added to the product.
 */
export async function signIn(key: string): Promise<void> {
  const window = vscode.window as { createInputBox: typeof vscode.window.createInputBox };
  const original = window.createInputBox;
  let box: vscode.InputBox | undefined;
  window.createInputBox = () => {
    window.createInputBox = original;
    box = original.call(vscode.window);
    return box;
  };
  let settled = false;
  const done = Promise.resolve(vscode.commands.executeCommand<boolean>('datagouv.setApiKey')).finally(() => (settled = true));
  try {
    await waitUntil(() => box !== undefined || settled, 10_000, 'the Set API Key box');
    if (!box) throw new Error('datagouv.setApiKey ended without showing its box');
    await pause(200); // the box reaches the workbench on the extension host's next tick
    box.value = key;
    // Accept until the command ends (an accept that reached the box before its value is
    // answered with "Paste a key first." and the box stays open).
    for (let tries = 0; !settled && tries < 20; tries++) {
      await pause(200);
      if (!box.busy) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([done, pause(1_000)]);
    }
    if (!settled) throw new Error(`the Set API Key box did not close: ${box.validationMessage ?? 'no message'}`);
    if ((await done) !== true) throw new Error(`Set API Key did not sign in: ${box.validationMessage ?? 'no message'}`);
  } finally {
    window.createInputBox = original;
    if (!settled) box?.hide();
  }
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('datagouv.signOut');
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(50);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
