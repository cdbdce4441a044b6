// Python's json module (and so most notebook code) writes bare NaN, Infinity and -Infinity,
// which JSON.parse rejects. Parse strictly first (the fast, common path); only on failure
// rewrite those tokens, outside string literals, into the strings the contract accepts.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BARE_TOKENS = ['NaN', '-Infinity', 'Infinity'];

export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (strictError) {
    if (!/NaN|Infinity/.test(text)) throw strictError;
    return JSON.parse(quoteBareTokens(text));
  }
}

/**
 * One pass over the text, skipping string literals. SECURITY: a regex doing the same
 * (`"(?:[^"\\]|\\.)*"|NaN|…`) retries an unterminated string from every later quote, so a body
 * of `NaN "\"\"\"…` took quadratic time (a 1 MB request held the server for minutes), and its
 * backtracking overflowed the stack on a multi-megabyte string.
 */
function quoteBareTokens(text: string): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === QUOTE) {
      i += 1;
      while (i < text.length && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
      i += 1;
      continue;
    }
    const token = BARE_TOKENS.find((t) => text.startsWith(t, i));
    if (token === undefined) {
      i += 1;
      continue;
    }
    out.push(text.slice(copied, i), `"${token}"`);
    i += token.length;
    copied = i;
  }
  out.push(text.slice(copied));
  return out.join('');
}
