import { describe, expect, it } from 'vitest';
import { errorField, fieldMessage } from './rule-error';

describe('rule errors', () => {
  it('finds the field a message names and says the rest under it', () => {
    expect(errorField('minutes: Too small: expected number to be >=1')).toBe('minutes');
    expect(fieldMessage('minutes: Too small: expected number to be >=1')).toBe('Too small: expected number to be >=1');
  });

  it('leaves a message naming no field of the form whole', () => {
    for (const message of ['A threshold rule needs the value to cross', 'constructor: x', 'At most 500 alert rules can exist; delete some first']) {
      expect(errorField(message)).toBeNull();
      expect(fieldMessage(message)).toBe(message);
    }
  });
});
