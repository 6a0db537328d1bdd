/** Strips tags and collapses whitespace (roughly what a screen reader reads). */
export function getText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
