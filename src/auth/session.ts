// Who is signed in, against which API. Each (API origin, stored key) pair is one
// SessionIdentity with its own ApiClient, bound to that key: a client captured by a
// command or an open document keeps sending the key it started with, or none, never
// the key of whoever signs in later. The identity's `/me` is cached with it, so a key
// replaced by another account's (here or in another window) drops every cached
// identity at once: me, organizations, admin, the status bar.
import * as vscode from 'vscode';
import { ApiClient } from '../api/client';
import type { ExtensionHost } from '../extensionHost';
import { ApiUrlError, parseApiUrl } from '../api/apiUrl';
import type { Me } from '../api/models';
import { affectsApiUrl, readApiUrlSetting } from '../config';
import { CONTEXT_KEYS, setContext } from '../contextKeys';
import type { Log } from '../util/log';
import type { ApiKeyStore } from './apiKeyStore';

/** One API origin with one stored key (or none): what a request is sent as. */
export class SessionIdentity {
  #mePromise: Promise<Me> | undefined;
  #meValue: Me | undefined;
  readonly #announce: (identity: SessionIdentity, me: Me) => void;

  constructor(
    readonly origin: string,
    /** Grows with every change of key or origin: equal generations, same key. */
    readonly generation: number,
    /** Sends this identity's key and no other. */
    readonly client: ApiClient,
    readonly signedIn: boolean,
    announce: (identity: SessionIdentity, me: Me) => void,
  ) {
    this.#announce = announce;
  }

  /** The account behind the key, once known. */
  get knownMe(): Me | undefined {
    return this.#meValue;
  }

  /** `GET /me/` with this identity's key, once; `fresh` reads it again. */
  me(fresh = false): Promise<Me> {
    if (!this.#mePromise || fresh) {
      const pending = this.client.getMe();
      this.#mePromise = pending;
      pending.then(
        (me) => {
          if (this.#mePromise !== pending) return;
          this.#meValue = me;
          this.#announce(this, me);
        },
        () => {
          if (this.#mePromise === pending) this.#mePromise = undefined;
        },
      );
    }
    return this.#mePromise;
  }

  /** A `/me` already read with this key (by the sign-in check). */
  adopt(me: Me): void {
    this.#mePromise = Promise.resolve(me);
    this.#meValue = me;
  }
}

export class AuthSession implements vscode.Disposable {
  readonly #changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the signed-in state, the key or the API URL changed. */
  readonly onDidChange = this.#changeEmitter.event;
  readonly #meEmitter = new vscode.EventEmitter<Me | undefined>();
  /** Fires when the signed-in user is known (after a GET /me/), or forgotten. */
  readonly onDidLoadMe = this.#meEmitter.event;
  readonly #disposables: vscode.Disposable[] = [this.#changeEmitter, this.#meEmitter];
  #apiUrl = readApiUrlSetting();
  #urlError: ApiUrlError | undefined;
  #current: SessionIdentity | undefined;
  /** The key `current` was built with; undefined before the store was first read. */
  #currentKey: { value: string | undefined } | undefined;
  #generations = 0;
  readonly #keys: ApiKeyStore;
  readonly #log: Log;
  /** Which extension host runs us: how uploads are sent, and where failures come from. */
  readonly #host: Pick<ExtensionHost, 'kind' | 'uploadTransport'>;

  constructor(keys: ApiKeyStore, log: Log, host: Pick<ExtensionHost, 'kind' | 'uploadTransport'> = { kind: 'node' }) {
    this.#keys = keys;
    this.#log = log;
    this.#host = host;
    this.#readApiUrl();
    this.#disposables.push(
      keys.onDidChange((origin) => {
        if (origin === this.#current?.origin) void this.#refreshState();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsApiUrl(event)) return;
        this.#readApiUrl();
        void this.#refreshState();
      }),
    );
  }

  /** Reads the stored key (no network) and sets the context key. */
  async initialize(): Promise<void> {
    await this.#refreshState(false);
  }

  get isSignedIn(): boolean {
    return !!this.#current?.signedIn;
  }

  /** Who requests are sent as now; throws the setting's error when the API URL is invalid. */
  get identity(): SessionIdentity {
    if (!this.#current) throw this.#urlError ?? new ApiUrlError('not-a-url', this.#apiUrl);
    return this.#current;
  }

  /** The client of the current identity (see `identity`). */
  get client(): ApiClient {
    return this.identity.client;
  }

  get apiUrlError(): ApiUrlError | undefined {
    return this.#urlError;
  }

  /** Whether the key in use starts with a token's display prefix (`udata_` + 8 characters). */
  usesToken(prefix: string | undefined): boolean {
    return !!prefix && !!this.#currentKey?.value?.startsWith(prefix);
  }

  /** The signed-in user, fetched once per key. */
  me(): Promise<Me> {
    return this.identity.me();
  }

  /**
   * Checks the key with `GET /me/` and stores it only when the server accepts it.
   * Throws the ApiError (401 with the server's reason, offline, …) otherwise.
   */
  async signIn(apiKey: string, signal?: AbortSignal): Promise<Me> {
    const client = this.client;
    const me = await client.getMe({ apiKey, signal });
    this.#log.redactor.add(apiKey);
    await this.#keys.set(client.origin, apiKey);
    // Known before the state refresh, so that listeners reuse this answer.
    this.#useKey(client.origin, apiKey).adopt(me);
    this.#announceMe(this.#current, me);
    this.#log.info(`Signed in on ${client.origin} as ${me.slug ?? me.id}`);
    await this.#refreshState();
    return me;
  }

  async signOut(): Promise<void> {
    const origin = this.client.origin;
    await this.#keys.delete(origin);
    this.#log.info(`Signed out of ${origin}`);
    await this.#refreshState();
  }

  #readApiUrl(): void {
    this.#apiUrl = readApiUrlSetting();
    let base: URL;
    try {
      base = parseApiUrl(this.#apiUrl);
      this.#urlError = undefined;
    } catch (error) {
      this.#urlError = error instanceof ApiUrlError ? error : new ApiUrlError('not-a-url', this.#apiUrl);
      this.#log.error(`The setting datagouv.apiUrl is not usable (${this.#urlError.message}): ${this.#apiUrl}`);
      this.#currentKey = undefined;
      this.#replace(undefined);
      return;
    }
    if (this.#current?.client.baseUrl.href === base.href) return;
    // Until the store is read (refreshState), requests read this origin's key themselves.
    this.#currentKey = undefined;
    this.#replace(this.#newIdentity(base.origin, () => this.#keys.get(base.origin), false));
  }

  /** The identity for this origin and key: the current one when nothing changed. */
  #useKey(origin: string, apiKey: string | undefined): SessionIdentity {
    if (this.#current && this.#currentKey && this.#current.origin === origin && this.#currentKey.value === apiKey) return this.#current;
    this.#currentKey = { value: apiKey };
    const identity = this.#newIdentity(origin, () => apiKey, !!apiKey);
    this.#replace(identity);
    return identity;
  }

  #newIdentity(origin: string, getApiKey: () => Promise<string | undefined> | string | undefined, signedIn: boolean): SessionIdentity {
    const client = new ApiClient({
      apiUrl: this.#apiUrl,
      getApiKey,
      logger: this.#log,
      uploadTransport: this.#host.uploadTransport,
      inBrowser: this.#host.kind === 'web',
    });
    return new SessionIdentity(origin, ++this.#generations, client, signedIn, (identity, me) => this.#announceMe(identity, me));
  }

  #replace(identity: SessionIdentity | undefined): void {
    const previous = this.#current;
    this.#current = identity;
    if (previous?.knownMe) this.#announceMe(identity, undefined);
  }

  #announceMe(identity: SessionIdentity | undefined, me: Me | undefined): void {
    if (identity !== this.#current) return;
    setContext(CONTEXT_KEYS.isAdmin, !!me?.roles?.includes('admin'));
    this.#meEmitter.fire(me);
  }

  async #refreshState(fire = true): Promise<void> {
    const origin = this.#current?.origin;
    let key: string | undefined;
    try {
      key = origin ? await this.#keys.get(origin) : undefined;
    } catch (error) {
      // The secret store could not be read: signed out for now, never a failed
      // activation; the next change (or Set API Key) reads it again.
      this.#log.error('Reading the API key from the secret storage failed', error);
    }
    this.#log.redactor.add(key);
    if (origin && this.#current?.origin === origin) this.#useKey(origin, key);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedIn, this.isSignedIn);
    if (fire) this.#changeEmitter.fire();
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
