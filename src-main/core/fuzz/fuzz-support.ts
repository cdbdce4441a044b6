// Shared pieces of the fuzz suite (src-main/core/fuzz/*.fuzz.test.ts, README "Fuzzing the
// parsers"): how many runs, the two kinds of input (anything, and valid samples slightly broken),
// and the check every parser must pass — it returns or throws its documented error, and it
// does not hang.
import fc from 'fast-check';
import { vi } from 'vitest';

/** RUNLENS_LONG_FUZZ=1 runs every property this many times more (minutes instead of seconds). */
const LONG_FACTOR = 25;
const long = process.env.RUNLENS_LONG_FUZZ === '1';
// The long runs take minutes per property, past the suite's 20 s per test (vitest.config.ts).
if (long) vi.setConfig({ testTimeout: 30 * 60_000 });

/**
 * The default run's seed: the test command gives the same inputs every time, so a red build means
 * a change broke a parser, not that a new random input was drawn. New inputs come from the long
 * run (a fresh seed each time) and from RUNLENS_FUZZ_SEED, which also replays a failure.
 */
const DEFAULT_SEED = 20261126;

/** fast-check options for a property that runs `ciRuns` times in the test command. */
export function fuzzRuns(ciRuns: number): fc.Parameters<unknown> {
  const given = process.env.RUNLENS_FUZZ_SEED;
  const seed = given ? Number(given) : long ? undefined : DEFAULT_SEED;
  return { numRuns: long ? ciRuns * LONG_FACTOR : ciRuns, ...(seed !== undefined ? { seed } : {}) };
}

/**
 * Longer than any parser takes on these inputs (kilobytes at most, microseconds each) by three
 * orders of magnitude: exceeding it means a hang — a regex backtracking or a loop that does not
 * advance — never a slow machine. A synchronous hang cannot be interrupted in-process, so the
 * call is timed and judged when it returns; fast-check then shrinks it to the smallest input.
 */
const HANG_MS = 1000;

export type ErrorCheck = (e: unknown) => boolean;

/** A parser's own "this is not valid input" error: a plain Error with a reason. */
export const reasonError: ErrorCheck = (e) => e instanceof Error && e.constructor === Error && e.message.length > 0;

/** Either of two documented errors. */
export const either =
  (a: ErrorCheck, b: ErrorCheck): ErrorCheck =>
  (e) =>
    a(e) || b(e);

/** An instance of exactly this class (not a subclass of it that a bug threw, like TypeError). */
export const exactly =
  (cls: abstract new (...args: never[]) => Error): ErrorCheck =>
  (e) =>
    e instanceof Error && e.constructor === cls;

/** A parser that never throws (it reports problems instead). */
export const neverThrows: ErrorCheck = () => false;

/**
 * Calls `parse`; passes when it returns, or throws an error `documented` accepts, within the hang
 * limit. Returns the result (undefined after a documented error) for further properties.
 */
export function settles<T>(parse: () => T, documented: ErrorCheck): T | undefined {
  const started = performance.now();
  let result: T | undefined;
  try {
    result = parse();
  } catch (e) {
    if (!documented(e)) throw e;
  }
  const took = performance.now() - started;
  if (took > HANG_MS) throw new Error(`hang: one input took ${Math.round(took)} ms (limit ${HANG_MS} ms)`);
  return result;
}

/** Text fragments that steer parsers into their edge cases: quotes, escapes, nesting, odd numbers. */
const TEXT_PIECES = [
  '"', "'", '`', '\\', '{', '}', '[', ']', ',', ':', ' ', '\t', '\n', '\r', '\r\n', '\0', '#', '&', '*', '!', '|', '>', '-', '%', '_', '.', '..', '/',
  '0', '1', '-1', '1e308', '1e999', '-0', '0x1f', '.5', '9007199254740993', 'NaN', 'Infinity', '-Infinity', 'nan', 'inf', 'null', 'true', '~',
  '\uFFFD', '\uD800', '😀', 'é', '\u2028', '---', ': ', '- ', '!!python/tuple', '&a', '*a', '\\u0000', '\\ud800',
  // Keys that find Object.prototype's members in a plain-object lookup table.
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

interface Edit {
  op: 'replace' | 'insert' | 'delete' | 'truncate' | 'duplicate';
  at: number;
  len: number;
  piece: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('replace', 'insert', 'delete', 'truncate', 'duplicate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 16 }),
  piece: fc.oneof(fc.constantFrom(...TEXT_PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })),
});

function applyText(s: string, e: Edit): string {
  const at = s.length === 0 ? 0 : e.at % (s.length + 1);
  switch (e.op) {
    case 'replace':
      return s.slice(0, at) + e.piece + s.slice(at + 1);
    case 'insert':
      return s.slice(0, at) + e.piece + s.slice(at);
    case 'delete':
      return s.slice(0, at) + s.slice(at + e.len);
    case 'truncate':
      return s.slice(0, at);
    case 'duplicate':
      return s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
  }
}

/** A valid sample with a few edits: what a half-written, damaged or hostile file looks like. */
export function nearValidText(samples: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([s, edits]) => edits.reduce(applyText, s));
}

/** Anything: random text (any code points, lone surrogates included) or a valid sample broken. */
export function hostileText(samples: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: nearValidText(samples), weight: 3 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 });
}

/** Bytes to splice in: boundary values of lengths, tags and varints. */
const BYTE_PIECES = [[0], [0xff], [0x80], [0x7f], [0xff, 0xff, 0xff, 0xff], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], [0x0a, 0xff, 0xff, 0xff, 0x0f]];

/** A valid binary sample with a few bytes flipped, inserted, deleted or cut off. */
export function nearValidBytes(samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const byteEdit = fc.record({
    op: fc.constantFrom('replace', 'insert', 'delete', 'truncate', 'duplicate'),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 16 }),
    piece: fc.oneof(fc.constantFrom(...BYTE_PIECES), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })),
  });
  return fc.tuple(fc.constantFrom(...samples), fc.array(byteEdit, { minLength: 1, maxLength: 5 })).map(([sample, edits]) => {
    let b = Array.from(sample);
    for (const e of edits) {
      const at = b.length === 0 ? 0 : e.at % (b.length + 1);
      if (e.op === 'replace') b.splice(at, e.piece.length, ...e.piece);
      else if (e.op === 'insert') b.splice(at, 0, ...e.piece);
      else if (e.op === 'delete') b.splice(at, e.len);
      else if (e.op === 'truncate') b = b.slice(0, at);
      else b.splice(at + e.len, 0, ...b.slice(at, at + e.len));
    }
    return Uint8Array.from(b);
  });
}

/** Anything binary: random bytes or a valid sample broken. */
export function hostileBytes(samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof({ arbitrary: nearValidBytes(samples), weight: 3 }, { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 });
}
