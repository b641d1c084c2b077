// What the commands may do with the signed-in account: metrics, API tokens (and the
// single key of older servers), organization invitations, deletion. Like the other
// services it stands between the commands and the API client.
import type { ApiClient } from '../api/client';
import type { ApiToken, MyMetrics, OrgInvitation } from '../api/models';

export interface AccountSession {
  readonly client: ApiClient;
}

export class AccountService {
  constructor(private readonly session: AccountSession) {}

  metrics(): Promise<MyMetrics> {
    return this.session.client.getMyMetrics();
  }

  tokens(): Promise<ApiToken[]> {
    return this.session.client.listApiTokens();
  }

  /** A new named token; its plaintext is in the answer, once. */
  createToken(name: string): Promise<ApiToken> {
    return this.session.client.createApiToken(name);
  }

  revokeToken(id: string): Promise<void> {
    return this.session.client.revokeApiToken(id);
  }

  /** Older servers' single key: a new one (the old one stops working). */
  async regenerateKey(): Promise<string> {
    return (await this.session.client.regenerateApiKey()).apikey;
  }

  revokeKey(): Promise<void> {
    return this.session.client.clearApiKey();
  }

  invitations(): Promise<OrgInvitation[]> {
    return this.session.client.listOrgInvitations();
  }

  answerInvitation(id: string, answer: 'accept' | 'refuse'): Promise<void> {
    return this.session.client.answerOrgInvitation(id, answer);
  }

  /** Deletes the account of `client`: the client of the identity the user confirmed. */
  deleteAccount(client: ApiClient): Promise<void> {
    return client.deleteMe();
  }
}
