import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctRunColors, RUN_PALETTE, runColor } from './run-color';

const runIds = (max: number) => fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{8,32}$/), { minLength: 1, maxLength: max });

describe('run colours', () => {
  it('gives up to sixteen runs shown together sixteen different colours', () => {
    fc.assert(
      fc.property(runIds(RUN_PALETTE.length), (ids) => {
        const colors = distinctRunColors(ids);
        expect(new Set(colors.values()).size).toBe(ids.length);
      }),
    );
  });

  it('keeps each run its own colour when no run before it has that colour', () => {
    fc.assert(
      fc.property(runIds(40), (ids) => {
        const colors = distinctRunColors(ids);
        expect(colors.get(ids[0]!)).toBe(runColor(ids[0]!));
        const own = new Set<string>();
        for (const id of ids.slice(0, RUN_PALETTE.length)) {
          if (!own.has(runColor(id))) expect(colors.get(id)).toBe(runColor(id));
          own.add(colors.get(id)!);
        }
        // Past the palette, runs fall back to their own colour.
        for (const id of ids.slice(RUN_PALETTE.length)) expect(colors.get(id)).toBe(runColor(id));
      }),
    );
  });
});
