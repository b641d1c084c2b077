// What the commands may do with the signed-in account: metrics, API tokens (and the
// single key of older servers), organization invitations, deletion. Like the other
// services it stands between the commands and the API client.
import type { ApiClient } from '../api/client';
import type { ApiToken, MyMetrics, OrgInvitation } from '../api/models';

export interface AccountSession {
  readonly client: ApiClient;
}

export class AccountService {
  readonly #session: AccountSession;

  constructor(session: AccountSession) {
    this.#session = session;
  }

  /** The client of the session's current identity, looked up at each call. */
  get #client(): ApiClient {
    return this.#session.client;
  }

  metrics(): Promise<MyMetrics> {
    return this.#client.getMyMetrics();
  }

  tokens(): Promise<ApiToken[]> {
    return this.#client.listApiTokens();
  }

  /** A new named token; its plaintext is in the answer, once. */
  createToken(name: string): Promise<ApiToken> {
    return this.#client.createApiToken(name);
  }

  revokeToken(id: string): Promise<void> {
    return this.#client.revokeApiToken(id);
  }

  /** Older servers' single key: a new one (the old one stops working). */
  async regenerateKey(): Promise<string> {
    return (await this.#client.regenerateApiKey()).apikey;
  }

  revokeKey(): Promise<void> {
    return this.#client.clearApiKey();
  }

  invitations(): Promise<OrgInvitation[]> {
    return this.#client.listOrgInvitations();
  }

  answerInvitation(id: string, answer: 'accept' | 'refuse'): Promise<void> {
    return this.#client.answerOrgInvitation(id, answer);
  }

  /** Deletes the account of `client`: the client of the identity the user confirmed. */
  deleteAccount(client: ApiClient): Promise<void> {
    return client.deleteMe();
  }
}
