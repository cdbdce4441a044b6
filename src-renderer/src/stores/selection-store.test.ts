import { beforeEach, describe, expect, it } from 'vitest';
import { useSelectionStore } from './selection-store';

const visible = ['a', 'b', 'c', 'd', 'e'];
const checked = () => useSelectionStore.getState().checked;

describe('run selection', () => {
  beforeEach(() => useSelectionStore.getState().clear());

  it('toggles one run, keeping check order', () => {
    const { toggle } = useSelectionStore.getState();
    toggle('c', false, visible);
    toggle('a', false, visible);
    expect(checked()).toEqual(['c', 'a']);
    toggle('c', false, visible);
    expect(checked()).toEqual(['a']);
  });

  it('shift-click sets the range like the anchor', () => {
    const { toggle } = useSelectionStore.getState();
    toggle('b', false, visible);
    toggle('d', true, visible);
    expect(checked()).toEqual(['b', 'c', 'd']);
    toggle('c', false, visible);
    toggle('e', true, visible);
    expect(checked()).toEqual(['b']);
  });

  it('select all visible, then none', () => {
    const { toggle, toggleAll } = useSelectionStore.getState();
    toggle('z', false, ['z']);
    toggleAll(visible);
    expect(checked()).toEqual(['z', ...visible]);
    toggleAll(visible);
    expect(checked()).toEqual(['z']);
  });
});
