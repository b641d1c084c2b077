// Text from the server or the user, made inert inside a one-line Markdown fragment
// (hovers, status bar tooltip): line breaks become spaces, every Markdown character
// is escaped.
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}
