// What the commands may do with reuses, between them and the API client: it chooses
// the field masks, and announces every change it makes, so that the views and the
// open documents follow without each command remembering to tell them.
import * as vscode from 'vscode';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { FollowersPage, NewReuse, Reuse, ReusePatch } from '../api/models';

/** A reuse as a pick or a message names it. */
const REUSE_REF_MASK = 'id,slug,title';
const REUSE_PAGE_MASK = 'id,page';
const REUSE_BADGES_MASK = 'id,badges';
/** How many reuses a search of data.gouv.fr shows. */
const SUGGESTIONS = 10;

export interface ClientSource {
  readonly client: ApiClient;
}

export class ReuseService implements vscode.Disposable {
  readonly #emitter = new vscode.EventEmitter<string | undefined>();
  /** The id of a reuse this service changed on data.gouv.fr; undefined: a new one. */
  readonly onDidChange = this.#emitter.event;

  readonly #session: ClientSource;

  constructor(session: ClientSource) {
    this.#session = session;
  }

  /** The client of the session's current identity, looked up at each call. */
  get #client(): ApiClient {
    return this.#session.client;
  }

  /** The user's reuses and their organizations' (the list a pick offers). */
  listMine(): Promise<Reuse[]> {
    return this.#client.listOrgReuses();
  }

  /** Every public reuse whose title contains `q` (any publisher's), most followed first. */
  suggest(q: string, signal?: AbortSignal): Promise<Reuse[]> {
    return this.#client.suggestReuses(q, SUGGESTIONS, { signal });
  }

  /** Id, slug and title of a reuse named by id or slug (slugs change: documents use ids). */
  reference(idOrSlug: string): Promise<Reuse> {
    return this.#client.getReuse(idOrSlug, { fields: REUSE_REF_MASK });
  }

  async title(id: string): Promise<string> {
    return (await this.reference(id)).title ?? id;
  }

  async page(id: string): Promise<string | undefined> {
    return (await this.#client.getReuse(id, { fields: REUSE_PAGE_MASK })).page;
  }

  /** Every field the API gives (Show Full JSON). */
  full(id: string, signal?: AbortSignal): Promise<Reuse> {
    return this.#client.getReuse(id, { fields: null, signal });
  }

  async create(reuse: NewReuse): Promise<Reuse> {
    const created = await this.#client.createReuse(reuse);
    this.#emitter.fire(undefined);
    return created;
  }

  async update(id: string, patch: ReusePatch): Promise<Reuse> {
    const reuse = await this.#client.updateReuse(id, patch);
    this.#emitter.fire(id);
    return reuse;
  }

  restore(id: string): Promise<Reuse> {
    return this.update(id, { deleted: null });
  }

  async delete(id: string): Promise<void> {
    await this.#client.deleteReuse(id);
    this.#emitter.fire(id);
  }

  async addDataset(id: string, datasetId: string): Promise<Reuse> {
    const reuse = await this.#client.addDatasetToReuse(id, datasetId);
    this.#emitter.fire(id);
    return reuse;
  }

  types() {
    return this.#client.getReuseTypes();
  }

  topics() {
    return this.#client.getReuseTopics();
  }

  /** Follows (already following is fine: udata answers 200) and returns the number of followers. */
  async follow(id: string): Promise<number> {
    await this.#client.followReuse(id);
    return (await this.followers(id)).total;
  }

  /** Unfollows and returns the number of followers; not following already is "done", not an error. */
  async unfollow(id: string): Promise<number> {
    try {
      await this.#client.unfollowReuse(id);
    } catch (error) {
      // udata/core/followers/api.py answers 404 when the user does not follow the object.
      if (!(error instanceof ApiError && error.kind === 'notFound')) throw error;
    }
    return (await this.followers(id)).total;
  }

  /** The followers; with `user`, whether that user is one of them (total 0 or 1). */
  followers(id: string, user?: string): Promise<FollowersPage> {
    return this.#client.getReuseFollowers(id, { user });
  }

  async setFeatured(id: string, featured: boolean): Promise<void> {
    await this.#client.setReuseFeatured(id, featured);
    this.#emitter.fire(id);
  }

  /** The badge kinds of the platform, `{kind: label}`. */
  badgeKinds(): Promise<Record<string, string>> {
    return this.#client.getReuseBadgeKinds();
  }

  async badges(id: string): Promise<string[]> {
    const reuse = await this.#client.getReuse(id, { fields: REUSE_BADGES_MASK });
    return (reuse.badges ?? []).map((badge) => badge.kind);
  }

  async addBadge(id: string, kind: string): Promise<void> {
    await this.#client.addReuseBadge(id, kind);
    this.#emitter.fire(id);
  }

  async removeBadge(id: string, kind: string): Promise<void> {
    await this.#client.removeReuseBadge(id, kind);
    this.#emitter.fire(id);
  }

  dispose(): void {
    this.#emitter.dispose();
  }
}
