import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdFence, mdTable, mdText } from './markdown-text';

const md = new MarkdownIt({ html: true });

describe('markdown text', () => {
  it('escapes text so it renders as itself, whatever punctuation it holds', () => {
    const nasty = '# *a* _b_ `c` [d](e) <i>f</i> ~~g~~ | h & &amp; \\ !i {j} + 1.';
    expect(md.renderInline(mdText(nasty))).toBe(md.utils.escapeHtml(nasty));
    expect(md.renderInline(mdText('one\ntwo\r\nthree'))).toBe('one<br>two<br>three');
  });

  it('keeps a pipe inside its table cell', () => {
    const html = md.render(mdTable(['k', 'v'], [[mdText('a|b'), mdText('c')]]));
    expect(html).toContain('<td>a|b</td>\n<td>c</td>');
  });

  it('fences code with more backticks than it holds', () => {
    const code = 'before\n```\nnot the end\n````\nafter';
    const tokens = md.parse(mdFence(code, 'json'), {});
    expect(tokens.map((t) => t.type)).toEqual(['fence']);
    expect(tokens[0]!.content).toBe(`${code}\n`);
    expect(tokens[0]!.info).toBe('json');
  });
});
