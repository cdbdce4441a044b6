// MLflow's LIKE: `%` matches any run of characters, `_` exactly one (a UTF-16 code unit, as a
// non-unicode RegExp's `.` does). Matched by hand rather than compiled to a RegExp: a filter
// such as `params.x LIKE '%a%a%a%a%a%a%a%b'` became /^.*a.*a…b$/, whose backtracking took
// 12 s on a 50-character value — one hostile runs/search request stalled the server. This
// greedy matcher backs up only to the last `%`, so it is at worst pattern × value steps.

/** Whether `value` matches the LIKE `pattern`; ILIKE folds case as a RegExp's `i` flag does. */
export function likeMatches(value: string, pattern: string, caseInsensitive: boolean): boolean {
  const v = caseInsensitive ? foldCase(value) : value;
  const p = caseInsensitive ? foldCase(pattern) : pattern;
  let i = 0;
  let j = 0;
  // The last `%` seen and the value position it is currently stretched to.
  let star = -1;
  let starAt = 0;
  while (i < v.length) {
    const c = p[j];
    if (c === '%') {
      star = j++;
      starAt = i;
    } else if (c !== undefined && (c === '_' || c === v[i])) {
      i++;
      j++;
    } else if (star >= 0) {
      j = star + 1;
      i = ++starAt;
    } else {
      return false;
    }
  }
  while (p[j] === '%') j++;
  return j === p.length;
}

/** ECMAScript's Canonicalize for non-unicode `i` RegExps: upper case, one code unit to one, never non-ASCII to ASCII. */
function foldCase(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    const u = c.toUpperCase();
    out += u.length === 1 && !(c.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128) ? u : c;
  }
  return out;
}
