// A run keeps one colour everywhere it appears (table swatch, charts, reports), so the colour
// is a pure function of the run id rather than of list position, which changes with sorting.
// Sixteen colours hashed from ids collide often in small sets (two of three runs share one
// about 1 time in 5), so a set of runs shown together gets `distinctRunColors`: each run keeps
// its own colour unless an earlier run of the set has it.

/**
 * Sixteen hues at mid lightness, so each reads on both a white and a near-black background.
 * Built from the Okabe–Ito and Tableau 10 sets, which keep neighbours apart for the common
 * red–green colour-vision deficiencies better than an evenly spaced hue wheel does.
 */
export const RUN_PALETTE = [
  '#4e79a7', // steel blue
  '#f28e2b', // orange
  '#e15759', // red
  '#59a14f', // green
  '#b07aa1', // mauve
  '#56b4e9', // sky blue
  '#d4a61c', // ochre (Tableau's yellow is too faint on white)
  '#009e73', // bluish green
  '#d55e00', // vermillion
  '#cc79a7', // reddish purple
  '#76b7b2', // teal
  '#9c755f', // brown
  '#7a6fd0', // indigo
  '#ff9da7', // pink
  '#8cb83a', // olive green
  '#a0a0a0', // neutral grey
] as const;

/** FNV-1a, 32 bit: tiny, stable across runtimes, and spreads similar ids (uuids) well. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function runColor(runId: string): string {
  return RUN_PALETTE[hash(runId) % RUN_PALETTE.length]!;
}

/**
 * Colours for runs shown together (a comparison, a report): every run its own colour, unless
 * a run listed before it already has it; then the next free palette colour. Past sixteen runs
 * colours must repeat, and each run falls back to its own.
 */
export function distinctRunColors(runIds: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<number>();
  for (const id of runIds) {
    if (colors.has(id)) continue;
    let index = hash(id) % RUN_PALETTE.length;
    if (taken.size < RUN_PALETTE.length) {
      while (taken.has(index)) index = (index + 1) % RUN_PALETTE.length;
      taken.add(index);
    }
    colors.set(id, RUN_PALETTE[index]!);
  }
  return colors;
}
