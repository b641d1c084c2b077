// Which addresses the extension links to or opens: http(s) ones only (never `javascript:`,
// `file:` or `command:`), whatever a server sends. Pure code, no vscode.

/** The parsed URL when `value` is an http(s) address; undefined otherwise (not a URL, or another scheme). */
export function webUrl(value: string | null | undefined): URL | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}
