// The API key lives in VS Code's SecretStorage and nowhere else, one entry per API
// origin, so that a demo key and a production key live side by side.
import type * as vscode from 'vscode';

type Secrets = Pick<vscode.SecretStorage, 'get' | 'store' | 'delete' | 'onDidChange'>;

const PREFIX = 'datagouv.apiKey:';

export function secretNameFor(origin: string): string {
  return PREFIX + origin;
}

export class ApiKeyStore {
  readonly #cache = new Map<string, Promise<string | undefined>>();
  readonly #listeners = new Set<(origin: string) => void>();
  readonly #subscription: vscode.Disposable;
  readonly #secrets: Secrets;

  constructor(secrets: Secrets) {
    this.#secrets = secrets;
    // Fires for changes made here and in other windows: drop the cached value and tell.
    this.#subscription = secrets.onDidChange((event) => {
      if (!event.key.startsWith(PREFIX)) return;
      const origin = event.key.slice(PREFIX.length);
      this.#cache.delete(origin);
      for (const listener of this.#listeners) listener(origin);
    });
  }

  get(origin: string): Promise<string | undefined> {
    let pending = this.#cache.get(origin);
    if (!pending) {
      const reading = Promise.resolve(this.#secrets.get(secretNameFor(origin))).then((value) => value || undefined);
      // A failed read (the system keyring locked, say) is not kept: the next call tries again.
      reading.catch(() => {
        if (this.#cache.get(origin) === reading) this.#cache.delete(origin);
      });
      pending = reading;
      this.#cache.set(origin, pending);
    }
    return pending;
  }

  async set(origin: string, apiKey: string): Promise<void> {
    this.#cache.set(origin, Promise.resolve(apiKey));
    await this.#secrets.store(secretNameFor(origin), apiKey);
  }

  async delete(origin: string): Promise<void> {
    this.#cache.set(origin, Promise.resolve(undefined));
    await this.#secrets.delete(secretNameFor(origin));
  }

  /** Called with the origin whose key changed, here or in another window. */
  onDidChange(listener: (origin: string) => void): vscode.Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#listeners.clear();
  }
}
