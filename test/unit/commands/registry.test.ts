// The command table against the manifest: every contributed command is registered
// once from the one table, every id of the table is contributed, every `when` clause
// names only known context keys; and the wrapper every command gets (sign-in check,
// failures reported with their remedies).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApiError } from '../../../src/api/errors';
import { COMMAND_IDS } from '../../../src/commands/commandIds';
import { COMMANDS } from '../../../src/commands';
import { defineCommand, registerCommands, type CommandContext } from '../../../src/commands/registry';
import { CONTEXT_KEYS } from '../../../src/contextKeys';
import { fake } from '../vscodeFake/vscode';

interface Manifest {
  contributes: Record<string, unknown> & { commands: Array<{ command: string }> };
}
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Manifest;

/** Context keys VS Code itself sets that the manifest may use. */
const BUILT_IN_KEYS = new Set(['view', 'viewItem', 'resourceScheme', 'resourcePath', 'activeEditorIsReadonly', 'editorLangId', 'resourceExtname']);

function whenClauses(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) whenClauses(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'when' || key === 'enablement') && typeof inner === 'string') found.push(inner);
      else whenClauses(inner, found);
    }
  }
  return found;
}

/** The context keys a clause reads: identifiers not on the right of a comparison. */
export function keysOf(clause: string): string[] {
  const withoutRegex = clause.replace(/=~\s*\/(?:\\.|[^/])*\//g, '=~ X');
  const tokens = withoutRegex.match(/!=|==|=~|&&|\|\||[!()]|[A-Za-z_][\w.:-]*/g) ?? [];
  const keys: string[] = [];
  tokens.forEach((token, index) => {
    if (!/^[A-Za-z_]/.test(token) || token === 'true' || token === 'false') return;
    if (['==', '!=', '=~'].includes(tokens[index - 1] ?? '')) return;
    keys.push(token);
  });
  return keys;
}

describe('the command table', () => {
  test('the ids of commandIds.ts are exactly the commands of package.json', () => {
    assert.deepEqual([...COMMAND_IDS].sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  test('the table defines each id once, and every id', () => {
    const ids = COMMANDS.map((command) => command.id);
    assert.equal(new Set(ids).size, ids.length, 'an id defined twice');
    assert.deepEqual([...ids].sort(), [...COMMAND_IDS].sort());
  });

  test('every when clause names only known context keys', () => {
    const known = new Set<string>([...Object.values(CONTEXT_KEYS), ...BUILT_IN_KEYS]);
    const unknown = whenClauses(manifest.contributes).flatMap((clause) =>
      keysOf(clause)
        .filter((key) => !known.has(key))
        .map((key) => `${key} in "${clause}"`),
    );
    assert.deepEqual(unknown, []);
  });

  test('the clause reader finds keys and skips values and regular expressions', () => {
    assert.deepEqual(keysOf('view == datagouv.reuses && viewItem =~ /^reuse:editable(?!.*:archived)/ && datagouv.isAdmin'), [
      'view',
      'viewItem',
      'datagouv.isAdmin',
    ]);
    assert.deepEqual(keysOf('!datagouv.signedIn || false'), ['datagouv.signedIn']);
  });
});

describe('what registerCommands wraps every command in', () => {
  afterEach(() => {
    fake.reset();
    fake.registered.clear();
  });

  const context = (signedIn: boolean) =>
    ({ session: { isSignedIn: signedIn }, log: { error: () => undefined, show: () => undefined } }) as unknown as CommandContext;

  test('a command that needs a session, signed out: Set API Key is offered, the command does not run', async () => {
    let ran = false;
    registerCommands(context(false), [defineCommand({ id: 'datagouv.newReuse', name: 'New Reuse', needsSignIn: true, run: () => (ran = true) })]);
    fake.answers.push(undefined);
    await fake.registered.get('datagouv.newReuse')?.();
    assert.equal(ran, false);
    assert.deepEqual(
      fake.messages.map((m) => [m.kind, m.text, m.items]),
      [['warning', 'Set your data.gouv.fr API key first.', ['Set API Key']]],
    );
  });

  test('a failure is reported with its remedies, and the remedy runs', async () => {
    let keyAsked = false;
    fake.registered.set('datagouv.setApiKey', () => (keyAsked = true));
    registerCommands(context(true), [
      defineCommand({
        id: 'datagouv.deleteReuse',
        name: 'Delete Reuse',
        run: () => {
          throw new ApiError('unauthorized', { status: 401, serverMessage: 'Invalid API token' });
        },
      }),
    ]);
    fake.answers.push('Set API Key');
    await fake.registered.get('datagouv.deleteReuse')?.();
    assert.equal(fake.messages[0].kind, 'error');
    assert.match(fake.messages[0].text, /API key was refused \(Invalid API token\)/);
    assert.deepEqual(fake.messages[0].items, ['Set API Key']);
    assert.equal(keyAsked, true);
  });
});
