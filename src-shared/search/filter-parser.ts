// Parses MLflow's search filter and order_by syntax into clauses. One parser serves MLflow's
// runs/search and experiments/search routes and, later, the runs table's query box.
import { ApiError } from '../errors';
import { DATASET_KEYS, ENTITY_ALIASES, NUMERIC_COMPARATORS, STRING_COMPARATORS, type EntityType, type SearchSchema } from './filter-schema';
import { syntaxError, tokenize, type Token } from './filter-tokens';

export type Comparator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN' | 'IS NULL' | 'IS NOT NULL';

export interface Clause {
  type: EntityType;
  key: string;
  comparator: Comparator;
  /** A number for numeric comparisons, a string, a list for IN, null for IS [NOT] NULL. */
  value: number | string | string[] | null;
}

export interface OrderBy {
  type: Exclude<EntityType, 'dataset'>;
  key: string;
  ascending: boolean;
}

class Cursor {
  i = 0;
  constructor(
    readonly source: string,
    readonly tokens: Token[],
  ) {}
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  next(expected: string): Token {
    const t = this.tokens[this.i];
    if (!t) throw syntaxError(this.source, this.source.length, `expected ${expected}, found the end of the filter`);
    this.i++;
    return t;
  }
  isWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text.toUpperCase() === word;
  }
  fail(t: Token, message: string): ApiError {
    return syntaxError(this.source, t.at, message);
  }
}

/** `entity.key`, or a bare attribute name; keys may hold dots and be quoted with `, " or '. */
function parseIdentifier(c: Cursor, schema: SearchSchema): { type: EntityType; key: string; at: Token } {
  const first = c.next('an identifier such as metrics.loss');
  if (first.kind !== 'word' && first.kind !== 'quoted-key') throw c.fail(first, `expected an identifier such as metrics.loss, found '${first.text}'`);
  let type: EntityType = 'attribute';
  let key = String(first.value);
  if (c.peek()?.kind === 'dot') {
    const entity = ENTITY_ALIASES[String(first.value)];
    if (!entity || !schema.entities.has(entity)) {
      throw c.fail(first, `invalid entity type '${first.value}'; use ${[...schema.entities].map((e) => `${e}s.<key>`).join(', ')}`);
    }
    type = entity;
    c.next('.');
    const keyToken = c.next('a key after the dot');
    if (keyToken.kind === 'string' || keyToken.kind === 'quoted-key') {
      key = String(keyToken.value);
    } else if (keyToken.kind === 'word' || keyToken.kind === 'number') {
      key = keyToken.text;
      // Unquoted keys may contain dots (metrics.val.loss): glue word.word… back together.
      while (c.peek()?.kind === 'dot' && ['word', 'number'].includes(c.tokens[c.i + 1]?.kind ?? '')) {
        c.next('.');
        key += '.' + c.next('key').text;
      }
    } else {
      throw c.fail(keyToken, `expected a key after '${first.text}.', found '${keyToken.text}'`);
    }
  }
  if (type === 'attribute') {
    key = schema.attributeAliases[key] ?? key;
    if (!(key in schema.attributes) && !schema.orderOnlyAttributes.has(key)) {
      throw c.fail(first, `invalid attribute '${key}'; valid attributes are ${Object.keys(schema.attributes).join(', ')}`);
    }
  }
  if (type === 'dataset' && !DATASET_KEYS.has(key)) throw c.fail(first, `invalid dataset key '${key}'; use name, digest or context`);
  return { type, key, at: first };
}

function parseComparator(c: Cursor): Comparator {
  const t = c.next('a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL)');
  if (t.kind === 'op') return t.value as Comparator;
  const word = t.kind === 'word' ? t.text.toUpperCase() : '';
  if (word === 'LIKE' || word === 'ILIKE' || word === 'IN') return word;
  if (word === 'NOT' && c.isWord('IN')) {
    c.next('IN');
    return 'NOT IN';
  }
  if (word === 'IS') {
    const not = c.isWord('NOT');
    if (not) c.next('NOT');
    const nul = c.next('NULL');
    if (nul.text.toUpperCase() !== 'NULL') throw c.fail(nul, `expected NULL after IS${not ? ' NOT' : ''}`);
    return not ? 'IS NOT NULL' : 'IS NULL';
  }
  throw c.fail(t, `expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL), found '${t.text}'`);
}

function parseList(c: Cursor): string[] {
  const open = c.next("'('");
  if (open.kind !== 'lparen') throw c.fail(open, `expected a list like ('a', 'b'), found '${open.text}'`);
  const values: string[] = [];
  for (;;) {
    const v = c.next('a quoted value');
    if (v.kind !== 'string') throw c.fail(v, `list values must be quoted strings, found '${v.text}'`);
    values.push(String(v.value));
    const sep = c.next("',' or ')'");
    if (sep.kind === 'rparen') return values;
    if (sep.kind !== 'comma') throw c.fail(sep, `expected ',' or ')', found '${sep.text}'`);
  }
}

function parseClause(c: Cursor, schema: SearchSchema): Clause {
  const { type, key, at } = parseIdentifier(c, schema);
  const comparator = parseComparator(c);
  const numeric = type === 'metric' || (type === 'attribute' && schema.attributes[key] === 'number');
  if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
    if (type !== 'param' && type !== 'tag') throw c.fail(at, `${comparator} applies only to params and tags`);
    return { type, key, comparator, value: null };
  }
  if (comparator === 'IN' || comparator === 'NOT IN') {
    const listable = type === 'dataset' || (type === 'attribute' && schema.listAttributes.has(key));
    if (!listable) throw c.fail(at, `${comparator} applies only to ${[...schema.listAttributes].join(', ')} and dataset keys`);
    return { type, key, comparator, value: parseList(c) };
  }
  const allowed = numeric ? NUMERIC_COMPARATORS : STRING_COMPARATORS;
  if (!allowed.has(comparator)) {
    throw c.fail(at, `'${comparator}' cannot compare ${numeric ? 'numbers' : 'strings'} (${type} ${key}); use ${[...allowed].join(', ')}`);
  }
  const v = c.next('a value');
  if (numeric) {
    if (v.kind !== 'number') throw c.fail(v, `expected a number for ${type === 'metric' ? 'metric' : 'attribute'} '${key}', found '${v.text}'`);
    return { type, key, comparator, value: Number(v.value) };
  }
  if (v.kind !== 'string') throw c.fail(v, `expected a quoted string for ${type} '${key}' (e.g. '${v.text}'), found '${v.text}'`);
  return { type, key, comparator, value: String(v.value) };
}

/** Parses `clause AND clause …`; an empty filter has no clauses. */
export function parseFilter(source: string | undefined | null, schema: SearchSchema): Clause[] {
  const text = source?.trim() ?? '';
  if (!text) return [];
  const c = new Cursor(text, tokenize(text));
  const clauses = [parseClause(c, schema)];
  while (c.peek()) {
    const t = c.next('AND');
    if (t.kind !== 'word' || t.text.toUpperCase() !== 'AND') {
      throw c.fail(t, t.kind === 'word' && t.text.toUpperCase() === 'OR' ? 'OR is not supported; combine clauses with AND' : `expected AND between clauses, found '${t.text}'`);
    }
    clauses.push(parseClause(c, schema));
  }
  return clauses;
}

/** Parses one order_by entry: `metrics.acc DESC`, `attributes.start_time`, `name ASC`. */
export function parseOrderBy(source: string, schema: SearchSchema): OrderBy {
  const c = new Cursor(source, tokenize(source));
  const { type, key, at } = parseIdentifier(c, schema);
  if (type === 'dataset') throw c.fail(at, 'cannot order by dataset');
  let ascending = true;
  const dir = c.peek();
  if (dir) {
    c.next('ASC or DESC');
    const word = dir.text.toUpperCase();
    if (dir.kind !== 'word' || (word !== 'ASC' && word !== 'DESC')) throw c.fail(dir, `expected ASC or DESC, found '${dir.text}'`);
    ascending = word === 'ASC';
    if (c.peek()) throw c.fail(c.peek()!, 'unexpected text after the sort direction');
  }
  return { type, key, ascending };
}
