// Every open document is bound to the API origin and the account that opened it: a
// save is sent only as that account, to that API. A key replaced by the same account's
// new key is fine; another account, another API or no key at all refuses the save with
// words that say who opened it and where, and how to go on.
import type { Translator } from '../../util/translator';
import type { Me } from '../../api/models';
import { personName } from '../../tree/format';

/** What the file system needs of a session identity (src/auth/session.ts). */
export interface IdentityLike {
  readonly origin: string;
  readonly generation: number;
  readonly signedIn: boolean;
  readonly knownMe: Me | undefined;
  me(): Promise<Me>;
}

export interface DocumentBinding {
  origin: string;
  /** The identity that opened it, in this session (not kept across restarts). */
  identity?: IdentityLike;
  accountId?: string;
  accountName?: string;
}

export type BindingVerdict = { ok: true } | { ok: false; message: string };

export function bindingOf(identity: IdentityLike): DocumentBinding {
  const me = identity.knownMe;
  return { origin: identity.origin, identity, accountId: me?.id, accountName: me ? accountName(me) : undefined };
}

/** Fills in the account once the identity's `/me` is known. */
export async function completeBinding(binding: DocumentBinding): Promise<void> {
  if (binding.accountId || !binding.identity?.signedIn) return;
  try {
    const me = await binding.identity.me();
    binding.accountId = me.id;
    binding.accountName = accountName(me);
  } catch {
    // Unknown for now: the check at save time asks again, or refuses.
  }
}

export function accountName(me: Me): string {
  const name = personName(me);
  return name ? `${name} (${me.slug ?? me.id})` : (me.slug ?? me.id);
}

/**
 * May `current` save a document bound to `binding`? Asks `/me` only when the key
 * changed since the document was opened (then the account ids must match).
 */
export async function checkBinding(binding: DocumentBinding, current: IdentityLike, l10n: Translator): Promise<BindingVerdict> {
  if (binding.identity === current) return { ok: true };
  // Who opened it, asked with the opener's own key when not known yet: the message names them.
  await completeBinding(binding);
  const opener = binding.accountName ?? l10n.t('another account');
  if (binding.origin !== current.origin) {
    return {
      ok: false,
      message: l10n.t(
        'Not saved: this document was opened on {0} as {1}, and the extension now uses {2}. Your changes are still in the editor: set datagouv.apiUrl back to {0} and save again, or copy your text and open the document again.',
        binding.origin,
        opener,
        current.origin,
      ),
    };
  }
  if (!current.signedIn) {
    return {
      ok: false,
      message: l10n.t(
        'Not saved: you are signed out of {0}. Your changes are still in the editor: set the API key of {1} ("data.gouv.fr: Set API Key") and save again.',
        current.origin,
        opener,
      ),
    };
  }
  const me = await current.me();
  if (binding.accountId && binding.accountId === me.id) {
    binding.identity = current;
    return { ok: true };
  }
  return {
    ok: false,
    message: l10n.t(
      'Not saved: this document was opened as {0}, and you are now signed in as {1}. Your changes are still in the editor: sign in as {0} again to save them, or copy your text and open the document again.',
      opener,
      accountName(me),
    ),
  };
}
