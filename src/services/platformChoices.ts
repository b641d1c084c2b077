// What data.gouv.fr itself offers for a dataset's fields: its licenses, update
// frequencies, spatial granularities, resource types and the file extensions it
// accepts. Read once per API origin and language (anonymous GETs, in parallel) the
// first time a dataset document or an upload needs them, then kept for the session:
// these lists change with a platform release, not during a day's work.
import * as vscode from 'vscode';
import type { Choice, Granularity, License } from '../api/models';
import type { ApiClient } from '../api/client';
import type { Log } from '../util/log';
import { describeError } from '../util/errorReporting';
import type { DatasetChoices } from '../documents/dataset/datasetSchema';

export interface PlatformLists extends DatasetChoices {
  licenses: License[];
  frequencies: Choice[];
  granularities: Granularity[];
  resourceTypes: Choice[];
}

export interface ClientOfSession {
  readonly client: ApiClient;
}

export class PlatformChoices implements vscode.Disposable {
  readonly #loading = new Map<string, Promise<PlatformLists>>();
  readonly #loaded = new Map<string, PlatformLists>();
  readonly #extensions = new Map<string, Promise<string[]>>();
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires when a list arrived: the editor's schema follows. */
  readonly onDidChange = this.#changed.event;

  readonly #session: ClientOfSession;
  readonly #log: Log;
  readonly #language: () => string;

  constructor(session: ClientOfSession, log: Log, language: () => string = () => vscode.env.language) {
    this.#session = session;
    this.#log = log;
    this.#language = language;
  }

  #keyOf(client: ApiClient): string {
    return `${client.origin} ${this.#language()}`;
  }

  /** The lists of the current API, if they are loaded (checks and schemas never wait for them). */
  current(): PlatformLists | undefined {
    return this.#loaded.get(this.#keyOf(this.#session.client));
  }

  /** The lists of the current API, loading them once; a failure is not kept (the next call retries). */
  load(): Promise<PlatformLists> {
    const client = this.#session.client;
    const key = this.#keyOf(client);
    let promise = this.#loading.get(key);
    if (!promise) {
      const lang = this.#language().split('-')[0];
      promise = Promise.all([
        client.listLicenses({ lang }),
        client.listFrequencies({ lang }),
        client.listGranularities({ lang }),
        client.listResourceTypes({ lang }),
      ]).then(([licenses, frequencies, granularities, resourceTypes]) => {
        const lists = { licenses, frequencies, granularities, resourceTypes };
        this.#loaded.set(key, lists);
        this.#changed.fire();
        return lists;
      });
      promise.catch((error: unknown) => {
        this.#loading.delete(key);
        this.#log.warn(`Lists of data.gouv.fr (licenses, frequencies…): ${describeError(error)}`);
      });
      this.#loading.set(key, promise);
    }
    return promise;
  }

  /** The file extensions the platform accepts for uploads (lower case). */
  allowedExtensions(): Promise<string[]> {
    const client = this.#session.client;
    let promise = this.#extensions.get(client.origin);
    if (!promise) {
      promise = client.listAllowedExtensions().then((list) => list.map((extension) => extension.toLowerCase()));
      promise.catch(() => this.#extensions.delete(client.origin));
      this.#extensions.set(client.origin, promise);
    }
    return promise;
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
