// The store keeps one key per API origin and follows changes made by other windows.
// SecretStorage itself is VS Code's (exercised end to end); here an in-memory one
// with the same contract stands in for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKeyStore, secretNameFor } from '../../../src/auth/apiKeyStore';

function memorySecrets() {
  const values = new Map<string, string>();
  const listeners: Array<(event: { key: string }) => void> = [];
  return {
    values,
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => {
      values.set(key, value);
      listeners.forEach((listener) => listener({ key }));
    },
    delete: async (key: string) => {
      values.delete(key);
      listeners.forEach((listener) => listener({ key }));
    },
    onDidChange: (listener: (event: { key: string }) => void) => {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
    /** A change made by another window: the value moves and the event fires. */
    external(key: string, value: string | undefined) {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
      listeners.forEach((listener) => listener({ key }));
    },
  };
}

test('keys are kept per origin', async () => {
  const secrets = memorySecrets();
  const store = new ApiKeyStore(secrets as never);
  await store.set('https://www.data.gouv.fr', 'prod-key-123456');
  await store.set('https://demo.data.gouv.fr', 'demo-key-123456');
  assert.equal(await store.get('https://www.data.gouv.fr'), 'prod-key-123456');
  assert.equal(await store.get('https://demo.data.gouv.fr'), 'demo-key-123456');
  await store.delete('https://demo.data.gouv.fr');
  assert.equal(await store.get('https://demo.data.gouv.fr'), undefined);
  assert.equal(await store.get('https://www.data.gouv.fr'), 'prod-key-123456');
  assert.deepEqual([...secrets.values.keys()], [secretNameFor('https://www.data.gouv.fr')]);
});

test('a change in another window is picked up and announced', async () => {
  const secrets = memorySecrets();
  const store = new ApiKeyStore(secrets as never);
  const changed: string[] = [];
  store.onDidChange((origin) => changed.push(origin));
  assert.equal(await store.get('https://demo.data.gouv.fr'), undefined);
  secrets.external(secretNameFor('https://demo.data.gouv.fr'), 'from-elsewhere-123');
  secrets.external('some.other.extension.secret', 'x');
  assert.deepEqual(changed, ['https://demo.data.gouv.fr']);
  assert.equal(await store.get('https://demo.data.gouv.fr'), 'from-elsewhere-123');
});
