// GitHub-flavoured Markdown building blocks for reports: escaped text, tables, links, images and
// code fences. Everything from a run (names, params, tags) passes through `mdText`, so a value
// can neither break a table nor smuggle in markup.

/** Backslash-escapes every character CommonMark or GFM could read as markup (all are ASCII
 * punctuation, which CommonMark lets any backslash escape), and turns line breaks into <br>. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&').replace(/\r\n|\r|\n/g, '<br>');
}

export type Align = 'left' | 'right';

/** A GFM table; cells are Markdown already (escape them with mdText). */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [line(header), `|${rule.map((r) => ` ${r} `).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A link destination that needs no angle brackets: spaces, brackets and parentheses encoded. */
function destination(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

export function mdLink(text: string, url: string): string {
  return `[${text}](${destination(url)})`;
}

export function mdImage(alt: string, src: string): string {
  return `![${mdText(alt)}](${destination(src)})`;
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function mdFence(content: string, lang: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${content}${content.endsWith('\n') ? '' : '\n'}${fence}`;
}
