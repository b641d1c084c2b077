// Who is signed in, against which API. Builds the ApiClient for the configured origin,
// keeps the `datagouv.signedIn` context key true to the stored key, and tells the
// views when any of it changes (sign-in, sign-out, another window, the setting).
import * as vscode from 'vscode';
import { ApiClient } from '../api/client';
import { ApiUrlError, parseApiUrl } from '../api/apiUrl';
import type { Me } from '../api/models';
import { affectsApiUrl, readApiUrlSetting } from '../config';
import type { Log } from '../util/log';
import type { ApiKeyStore } from './apiKeyStore';

export const SIGNED_IN_CONTEXT = 'datagouv.signedIn';
/** True for platform administrators (`roles` contains `admin`): feature and badge commands. */
export const ADMIN_CONTEXT = 'datagouv.isAdmin';

export class AuthSession implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the signed-in state, the key or the API URL changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly meEmitter = new vscode.EventEmitter<Me | undefined>();
  /** Fires when the signed-in user is known (after a GET /me/), or forgotten. */
  readonly onDidLoadMe = this.meEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.meEmitter];
  private currentClient: ApiClient | undefined;
  private urlError: ApiUrlError | undefined;
  private signedIn = false;
  private mePromise: Promise<Me> | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: Log,
  ) {
    this.rebuildClient();
    this.disposables.push(
      keys.onDidChange((origin) => {
        if (origin === this.currentClient?.origin) void this.refreshState();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsApiUrl(event)) return;
        this.rebuildClient();
        void this.refreshState();
      }),
    );
  }

  /** Reads the stored key (no network) and sets the context key. */
  async initialize(): Promise<void> {
    await this.refreshState(false);
  }

  get isSignedIn(): boolean {
    return this.signedIn;
  }

  /** The client for the configured API; throws the setting's error when it is invalid. */
  get client(): ApiClient {
    if (!this.currentClient) throw this.urlError ?? new ApiUrlError('not-a-url', readApiUrlSetting());
    return this.currentClient;
  }

  get apiUrlError(): ApiUrlError | undefined {
    return this.urlError;
  }

  /** The signed-in user, fetched once per sign-in. */
  me(): Promise<Me> {
    if (!this.mePromise) {
      const pending = this.client.getMe();
      this.mePromise = pending;
      pending.then(
        (me) => this.announceMe(me),
        () => (this.mePromise = undefined),
      );
    }
    return this.mePromise;
  }

  private announceMe(me: Me | undefined): void {
    void vscode.commands.executeCommand('setContext', ADMIN_CONTEXT, !!me?.roles?.includes('admin'));
    this.meEmitter.fire(me);
  }


  /**
   * Checks the key with `GET /me/` and stores it only when the server accepts it.
   * Throws the ApiError (401 with the server's reason, offline, …) otherwise.
   */
  async signIn(apiKey: string, signal?: AbortSignal): Promise<Me> {
    const client = this.client;
    const me = await client.getMe({ apiKey, signal });
    this.log.redactor.add(apiKey);
    await this.keys.set(client.origin, apiKey);
    // Known before the state refresh, so that listeners reuse this answer.
    this.signedIn = true;
    this.mePromise = Promise.resolve(me);
    this.announceMe(me);
    this.log.info(`Signed in on ${client.origin} as ${me.slug ?? me.id}`);
    await this.refreshState();
    return me;
  }

  async signOut(): Promise<void> {
    const client = this.client;
    await this.keys.delete(client.origin);
    this.log.info(`Signed out of ${client.origin}`);
    await this.refreshState();
  }

  private rebuildClient(): void {
    const apiUrl = readApiUrlSetting();
    try {
      parseApiUrl(apiUrl);
      this.urlError = undefined;
      this.currentClient = new ApiClient({
        apiUrl,
        getApiKey: () => this.keys.get(this.currentClient?.origin ?? ''),
        logger: this.log,
      });
    } catch (error) {
      this.currentClient = undefined;
      this.urlError = error instanceof ApiUrlError ? error : new ApiUrlError('not-a-url', apiUrl);
      this.log.error(`The setting datagouv.apiUrl is not usable (${this.urlError.message}): ${apiUrl}`);
    }
  }

  private async refreshState(fire = true): Promise<void> {
    const key = this.currentClient ? await this.keys.get(this.currentClient.origin) : undefined;
    this.log.redactor.add(key);
    const signedIn = !!key;
    if (!signedIn || signedIn !== this.signedIn) {
      if (this.mePromise) this.announceMe(undefined);
      this.mePromise = undefined;
    }
    this.signedIn = signedIn;
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, signedIn);
    if (fire) this.changeEmitter.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
