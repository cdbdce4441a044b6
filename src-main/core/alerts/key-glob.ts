// Metric-key globs for alert rules, matched without building a RegExp from user text: a rule's
// pattern can hold any character (keys do: `val/loss(x)`), and no pattern can make matching slow.

/** Alternatives are separated by commas: `*loss*,*nll*`. */
const ALTERNATIVE_SEPARATOR = ',';

export type KeyMatcher = (key: string) => boolean;

/**
 * Compiles `pattern` into a case-insensitive matcher: `*` stands for any run of characters
 * (also none), `?` for one character, everything else for itself; a key matches when it
 * matches one of the comma-separated alternatives (blanks around them are ignored).
 */
export function compileKeyGlob(pattern: string): KeyMatcher {
  const alternatives = splitGlob(pattern).map((p) => p.toLowerCase());
  return (key) => {
    const k = key.toLowerCase();
    return alternatives.some((p) => wildcardMatch(p, k));
  };
}

/** The alternatives of a pattern; an empty one (`a,,b`, a trailing comma) is a mistake to report. */
export function splitGlob(pattern: string): string[] {
  return pattern.split(ALTERNATIVE_SEPARATOR).map((p) => p.trim());
}

/**
 * Iterative wildcard matching with a single backtrack point (the last `*`): O(pattern × key)
 * at worst, never exponential, however many stars a pattern holds.
 */
function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c !== undefined && c !== '*' && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (c === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
