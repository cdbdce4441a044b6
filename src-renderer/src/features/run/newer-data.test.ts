import { describe, expect, it } from 'vitest';
import type { RunDatasetInput } from '../../../../src-shared/domain';
import { outdatedInputs } from './newer-data';

const input = (name: string, newerVersion: boolean): RunDatasetInput => ({
  name,
  digest: 'd',
  sourceType: 'local',
  source: '',
  context: null,
  schema: null,
  profile: null,
  newerVersion,
});

describe('outdatedInputs', () => {
  it('names the inputs with a newer version, once each', () => {
    expect(outdatedInputs([input('a', true), input('b', false), input('a', true)])).toBe('a has a newer version');
    expect(outdatedInputs([input('a', true), input('c', true)])).toBe('a, c have a newer version');
    expect(outdatedInputs([input('b', false)])).toBeUndefined();
  });
});
