// CSV/TSV as Python's `csv` module writes it (Lightning, Keras, DVCLive all use it): a field is
// quoted when it holds the separator, a quote or a line break, and quotes inside are doubled.
// Rows end with "\r\n" (the excel dialect) or the platform's line separator.

/** Splits one line (without its line break) into fields. */
export function splitCsvLine(line: string, sep: string): string[] {
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (!line.includes('"')) return line.split(sep);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NAN = new Set(['nan', '-nan', '+nan']);
const POS_INF = new Set(['inf', '+inf', 'infinity', '+infinity']);
const NEG_INF = new Set(['-inf', '-infinity']);
/** Spellings of "no value": an empty cell, and Keras's `NA` for a key missing at an epoch. */
const MISSING = new Set(['', 'na']);

/**
 * A metric cell: a number (NaN and ±Infinity in any of Python's and JavaScript's spellings:
 * `nan`, `NaN`, `inf`, `-Infinity`…), null for a missing value, undefined for anything else.
 */
export function parseNumberCell(cell: string): number | null | undefined {
  const t = cell.trim();
  if (NUMBER.test(t)) return Number(t);
  const lower = t.toLowerCase();
  if (MISSING.has(lower)) return null;
  if (NAN.has(lower)) return NaN;
  if (POS_INF.has(lower)) return Infinity;
  if (NEG_INF.has(lower)) return -Infinity;
  return undefined;
}

/** The first line of a text, or null while it has no line break yet (still being written). */
export function firstLine(text: string): string | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  return text.endsWith('\r', nl) ? text.slice(0, nl - 1) : text.slice(0, nl);
}
