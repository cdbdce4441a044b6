// Python's json module (and so most notebook code) writes bare NaN, Infinity and -Infinity,
// which JSON.parse rejects. Parse strictly first (the fast, common path); only on failure
// rewrite those tokens, outside string literals, into the strings the contract accepts.

const BARE = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g;

export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (strictError) {
    if (!/NaN|Infinity/.test(text)) throw strictError;
    const rewritten = text.replace(BARE, (token) => (token.startsWith('"') ? token : `"${token}"`));
    return JSON.parse(rewritten);
  }
}
