// What turns an English message into the user's language: \`vscode.l10n\` in the
// extension, a plain formatter or the French bundle in tests. Pure code takes one as a
// parameter, so it never imports vscode.
export interface Translator {
  t(message: string, ...args: Array<string | number | boolean>): string;
}
