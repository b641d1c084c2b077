// Belt and braces for the log: the client never logs headers, and anything that is
// logged still passes through here, where the keys known to this window are masked.

const MASK = '••••••';

export class SecretRedactor {
  readonly #secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short strings would mask ordinary words; a real key is long.
    if (secret && secret.length >= 8) this.#secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      if (result.includes(secret)) result = result.split(secret).join(MASK);
    }
    return result;
  }
}
