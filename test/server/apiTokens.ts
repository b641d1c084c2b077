// API tokens as udata 17.6 keeps them (udata/core/api_token/models.py): several per
// user, each with a name, a display prefix (`udata_` + 8 characters), dates, and a
// revocation. A user's sample `apiKey` is their first token.
import { objectId, type StoredUser } from './sampleData';

export interface StoredToken {
  id: string;
  token: string;
  name: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

const tokens = new WeakMap<StoredUser, StoredToken[]>();
let counter = 0;

/** The user's tokens, the first being their sample key. */
export function tokensOf(user: StoredUser): StoredToken[] {
  let list = tokens.get(user);
  if (!list) {
    list = [
      {
        id: objectId(0x70c, ++counter),
        token: user.apiKey,
        name: 'Clé principale',
        created_at: user.since,
        last_used_at: null,
        revoked_at: null,
        expires_at: null,
      },
    ];
    tokens.set(user, list);
  }
  return list;
}

/** udata/core/api_token/models.py (ApiToken.authenticate): the user, or why the token is refused. */
export function authenticate(users: readonly StoredUser[], key: string, now: Date): { user?: StoredUser; refused?: string } {
  for (const user of users) {
    const token = tokensOf(user).find((candidate) => candidate.token === key);
    if (!token) continue;
    if (token.revoked_at) return { refused: 'Revoked API token' };
    if (token.expires_at && Date.parse(token.expires_at) < now.getTime()) return { refused: 'Expired API token' };
    token.last_used_at = now.toISOString();
    return { user };
  }
  return { refused: 'Invalid API token' };
}

export function createToken(user: StoredUser, name: string | null, expiresAt: string | null, now: string): StoredToken {
  const token: StoredToken = {
    id: objectId(0x70c, ++counter),
    token: `udata_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
    name,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
    expires_at: expiresAt,
  };
  tokensOf(user).push(token);
  return token;
}

/** The read fields of udata's ApiToken: never the token itself, only its prefix. */
export function renderToken(token: StoredToken): Record<string, unknown> {
  return {
    id: token.id,
    name: token.name,
    token_prefix: token.token.slice(0, 'udata_'.length + 8),
    scopes: ['admin'],
    kind: 'api_key',
    created_at: token.created_at,
    last_used_at: token.last_used_at,
    user_agents: [],
    revoked_at: token.revoked_at,
    expires_at: token.expires_at,
  };
}
