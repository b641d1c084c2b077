// The extension loads in a real extension host: it activates without error and every
// command it contributes is registered with VS Code.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { EXTENSION_ID, activeProduct } from './helpers';

describe('Activation', () => {
  it('activates', async () => {
    const extension = await activeProduct();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
  });

  it('registers the main commands', async () => {
    await activeProduct();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of ['datagouv.setApiKey', 'datagouv.signOut', 'datagouv.refresh', 'datagouv.openReuse', 'datagouv.showFullJson', 'datagouv.showLog']) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  it('registers every command of its manifest', async () => {
    const extension = await activeProduct();
    const manifest = extension.packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed but not registered');
    assert.ok(manifest.contributes.commands.length >= 10);
  });
});
