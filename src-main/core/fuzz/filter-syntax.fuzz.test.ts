// The search filter syntax (runs/search, experiments/search, the runs table's query box): any
// text gets clauses or an INVALID_PARAMETER_VALUE ApiError, printed clauses parse back to
// themselves, and evaluating what parsed never hangs (see like-pattern.ts for the one that did).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { parseFilter, parseOrderBy, type Clause, type OrderBy } from '../../../src-shared/search/filter-parser';
import { EXPERIMENT_SEARCH, RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import { likeMatches } from '../../../src-shared/search/like-pattern';
import { matchesAll, type SearchRecord } from '../../../src-shared/search/match-records';
import { exactly, fuzzRuns, hostileText, settles } from './fuzz-support';

// ---- printing clauses as a user would type them (aliases, quoting styles, keyword case) ----

const quote = (s: string, q: string) => q + s.replaceAll('\\', '\\\\').replaceAll(q, '\\' + q) + q;
const anyCase = (word: string) => fc.constantFrom(word, word.toLowerCase(), word[0] + word.slice(1).toLowerCase());
/** Keys that read unquoted: dotted words, as `metrics.val.loss`. */
const BARE_KEY = /^[A-Za-z_][\w\-/:]*(\.[A-Za-z_][\w\-/:]*)*$/;

const ENTITY_SPELLINGS = {
  metric: ['metric', 'metrics'],
  param: ['param', 'params', 'parameter', 'parameters'],
  tag: ['tag', 'tags'],
  attribute: ['attribute', 'attributes', 'attr', 'run'],
  dataset: ['dataset', 'datasets'],
} as const;

const userKey = fc.oneof(fc.stringMatching(/^[A-Za-z_][\w-]{0,8}(\.[A-Za-z_]\w{0,5}){0,2}$/), fc.string({ minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }));
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom("it's", 'a\\b', '"q"', '%', '_x%'));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));

const STRING_ATTRS = Object.keys(RUN_SEARCH.attributes).filter((a) => RUN_SEARCH.attributes[a] === 'string');
const NUMBER_ATTRS = Object.keys(RUN_SEARCH.attributes).filter((a) => RUN_SEARCH.attributes[a] === 'number');
const LIST_ATTRS = [...RUN_SEARCH.listAttributes];

const clause: fc.Arbitrary<Clause> = fc.oneof(
  fc.record({ type: fc.constant('metric' as const), key: userKey, comparator: fc.constantFrom('=', '!=', '>', '>=', '<', '<=' as const), value: finite }),
  fc.record({ type: fc.constantFrom('param' as const, 'tag' as const), key: userKey, comparator: fc.constantFrom('=', '!=', 'LIKE', 'ILIKE' as const), value: text }),
  fc.record({ type: fc.constantFrom('param' as const, 'tag' as const), key: userKey, comparator: fc.constantFrom('IS NULL', 'IS NOT NULL' as const), value: fc.constant(null) }),
  fc.record({ type: fc.constant('attribute' as const), key: fc.constantFrom(...STRING_ATTRS), comparator: fc.constantFrom('=', '!=', 'LIKE', 'ILIKE' as const), value: text }),
  fc.record({ type: fc.constant('attribute' as const), key: fc.constantFrom(...NUMBER_ATTRS), comparator: fc.constantFrom('=', '!=', '>', '>=', '<', '<=' as const), value: finite }),
  fc.record({ type: fc.constant('attribute' as const), key: fc.constantFrom(...LIST_ATTRS), comparator: fc.constantFrom('IN', 'NOT IN' as const), value: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('dataset' as const), key: fc.constantFrom('name', 'digest', 'context'), comparator: fc.constantFrom('=', 'LIKE', 'IN' as const), value: text }).map(
    (c): Clause => (c.comparator === 'IN' ? { ...c, value: [c.value] } : c),
  ),
);

function printIdentifier(type: Clause['type'], key: string): fc.Arbitrary<string> {
  const spellings = fc.constantFrom(...ENTITY_SPELLINGS[type]);
  const keyText = BARE_KEY.test(key) ? fc.constantFrom(key, quote(key, '`'), quote(key, '"')) : fc.constantFrom(quote(key, '`'), quote(key, '"'), quote(key, "'"));
  const qualified = fc.tuple(spellings, keyText).map(([e, k]) => `${e}.${k}`);
  // A bare attribute name is the attribute itself (`status = 'x'`).
  return type === 'attribute' ? fc.oneof(qualified, fc.constant(key)) : qualified;
}

function printClause(c: Clause): fc.Arbitrary<string> {
  const value = (v: Clause['value']): fc.Arbitrary<string> => {
    if (v === null) return fc.constant('');
    if (typeof v === 'number') return fc.constant(String(v));
    if (typeof v === 'string') return fc.constantFrom(quote(v, "'"), quote(v, '"'));
    return fc.tuple(...v.map((x) => fc.constantFrom(quote(x, "'"), quote(x, '"')))).map((xs) => `(${xs.join(', ')})`);
  };
  const comparator = c.comparator.includes(' ') || /^[A-Z]/.test(c.comparator)
    ? fc.tuple(...c.comparator.split(' ').map(anyCase)).map((ws) => ws.join(' '))
    : c.comparator === '!='
      ? fc.constantFrom('!=', '<>')
      : fc.constant(c.comparator);
  return fc.tuple(printIdentifier(c.type, c.key), comparator, value(c.value)).map(([id, op, v]) => `${id} ${op} ${v}`.trim());
}

const printedFilter = fc
  .array(clause, { minLength: 1, maxLength: 4 })
  .chain((clauses) => fc.tuple(fc.constant(clauses), fc.tuple(...clauses.map(printClause)), anyCase('AND')))
  .map(([clauses, texts, and]) => ({ clauses, text: texts.join(` ${and} `) }));

const orderBy: fc.Arbitrary<{ order: OrderBy; text: string }> = fc
  .tuple(
    fc.oneof(
      fc.record({ type: fc.constantFrom('metric' as const, 'param' as const, 'tag' as const), key: userKey }),
      fc.record({ type: fc.constant('attribute' as const), key: fc.constantFrom(...Object.keys(RUN_SEARCH.attributes)) }),
    ),
    fc.constantFrom(undefined, 'ASC', 'DESC', 'asc', 'desc'),
  )
  .chain(([{ type, key }, dir]) =>
    printIdentifier(type, key).map((id) => ({ order: { type, key, ascending: dir?.toUpperCase() !== 'DESC' }, text: dir ? `${id} ${dir}` : id })),
  );

// ---- the properties ----

const apiError = exactly(ApiError);
const VALID_SAMPLES = [
  "metrics.acc > 0.5 and params.lr = '0.01' AND tags.team LIKE 'vis%'",
  'attributes.status = "FINISHED" and run.start_time >= 100 and metrics.`val.loss` < 1e0',
  "attribute.run_id IN ('r1', 'r2') and tags.x IS NULL and params.lr IS NOT NULL",
  "dataset.context = 'training' and created > 5 and metrics.\"train/loss\" < 1 and metrics.val.loss <= -.3",
  "name LIKE 'exp%' and tags.owner = 'me'",
];

describe('filter syntax fuzzing', () => {
  it('printed clauses parse back to the same clauses', () => {
    fc.assert(
      fc.property(printedFilter, ({ clauses, text }) => {
        expect(parseFilter(text, RUN_SEARCH)).toEqual(clauses);
      }),
      fuzzRuns(1500),
    );
  });

  it('a printed order_by parses back to the same sort', () => {
    fc.assert(
      fc.property(orderBy, ({ order, text }) => {
        expect(parseOrderBy(text, RUN_SEARCH)).toEqual(order);
      }),
      fuzzRuns(500),
    );
  });

  it('any text gives clauses or an ApiError, for both schemas, without hanging', () => {
    fc.assert(
      fc.property(hostileText(VALID_SAMPLES), fc.constantFrom(RUN_SEARCH, EXPERIMENT_SEARCH), (filter, schema) => {
        settles(() => parseFilter(filter, schema), apiError);
        settles(() => parseOrderBy(filter, schema), apiError);
      }),
      fuzzRuns(3000),
    );
  });

  it('what parses evaluates against any run without throwing or hanging', () => {
    const record = fc.record({
      attributes: fc.record({ run_id: text, run_name: text, status: text, user_id: text, artifact_uri: text, start_time: finite, end_time: fc.option(finite) }),
      metrics: fc.dictionary(userKey, fc.double()),
      params: fc.dictionary(userKey, fc.string({ maxLength: 300 })),
      tags: fc.dictionary(userKey, text),
      datasets: fc.array(fc.record({ name: text, digest: text, context: fc.option(text) }), { maxLength: 2 }),
    }) as fc.Arbitrary<SearchRecord>;
    fc.assert(
      fc.property(printedFilter, record, ({ clauses }, r) => {
        settles(() => matchesAll(r, clauses), () => false);
      }),
      fuzzRuns(1000),
    );
  });
});

describe('LIKE patterns', () => {
  // The RegExp the evaluator used to compile: right, but exponential on some patterns. Here only
  // as the oracle, on inputs too short to backtrack for long.
  const oracle = (value: string, pattern: string, ci: boolean) =>
    new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, ci ? 'is' : 's').test(value);
  const small = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 10 }).map((cs) => cs.join(''));

  it('match exactly what the RegExp matched, case folding included', () => {
    const letters = ['a', 'B', 'b', 'é', 'É', 'ſ', 'K', '\u212A', '😀', '\n', '.', '*'];
    fc.assert(
      fc.property(small(letters), small([...letters, '%', '_', '%', '_']), fc.boolean(), (value, pattern, ci) => {
        expect(likeMatches(value, pattern, ci)).toBe(oracle(value, pattern, ci));
      }),
      fuzzRuns(3000),
    );
  });

  it('never hang: the pattern that took 12 s on a 50-character value (regression)', () => {
    const hostile = '%a%a%a%a%a%a%a%b';
    expect(settles(() => likeMatches('a'.repeat(6000), hostile, false), () => false)).toBe(false);
    fc.assert(
      fc.property(small(['%', 'a', '_']).map((p) => p + 'b'), fc.integer({ min: 0, max: 6000 }), fc.boolean(), (pattern, n, ci) => {
        expect(settles(() => likeMatches('a'.repeat(n), pattern, ci), () => false)).toBe(false);
      }),
      fuzzRuns(200),
    );
  });
});
