// Tokenizer for MLflow's search filter syntax (`metrics.loss < 0.3 and params.lr = '0.01'`).
// Positions are kept on every token so errors can point at the bad one.
import { ApiError } from '../errors';

export type TokenKind = 'word' | 'quoted-key' | 'string' | 'number' | 'op' | 'dot' | 'lparen' | 'rparen' | 'comma';

export interface Token {
  kind: TokenKind;
  text: string;
  /** The token's value: unquoted text for strings and keys, the number for numbers. */
  value: string | number;
  at: number;
}

export function syntaxError(source: string, at: number, message: string): ApiError {
  const near = source.slice(at, at + 20);
  return new ApiError('INVALID_PARAMETER_VALUE', `Invalid filter at character ${at + 1}${near ? `, near ${near}` : ''}: ${message}`);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][\w\-/:]*/;
const OPS = ['>=', '<=', '!=', '<>', '=', '>', '<'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        // A backslash escapes the next character (a quote inside a quoted value).
        if (source[j] === '\\' && j + 1 < source.length) {
          text += source[j + 1];
          j += 2;
          continue;
        }
        text += source[j];
        j++;
      }
      if (j >= source.length) throw syntaxError(source, i, `unterminated ${c === '`' ? 'backtick' : 'quoted'} text`);
      // A quoted string is a value, or a key right after a dot (metrics."my key"): the parser
      // decides by position. Backticks only ever quote keys.
      tokens.push({ kind: c === '`' ? 'quoted-key' : 'string', text: source.slice(i, j + 1), value: text, at: i });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: op, value: op === '<>' ? '!=' : op, at: i });
      i += op.length;
      continue;
    }
    if (c === '.' && !/^\.\d/.test(rest)) {
      tokens.push({ kind: 'dot', text: '.', value: '.', at: i });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, value: c, at: i });
      i++;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num && (tokens.length === 0 || tokens[tokens.length - 1]!.kind !== 'dot')) {
      tokens.push({ kind: 'number', text: num[0], value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest) ?? /^\d[\w\-/:]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], value: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw syntaxError(source, i, `unexpected character '${c}'`);
  }
  return tokens;
}
