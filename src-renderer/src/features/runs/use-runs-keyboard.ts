// Keyboard use of the runs table: `/` finds, j/k or arrows move, Enter opens, Esc clears, p pushes.
import { useEffect, useRef, type RefObject } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { navigate } from '../../lib/hash-router';
import { useUiStore } from '../../stores/ui-store';

/** A field that takes keys; a row's tick box does not, so j/k and p still work after ticking. */
function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) return false;
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function useRunsKeyboard(rows: RunSummary[], filterRef: RefObject<HTMLInputElement | null>, onPush: () => void) {
  // The listener is added once; it reads the newest rows and callback through these refs.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const pushRef = useRef(onPush);
  pushRef.current = onPush;

  useEffect(() => {
    const move = (delta: number) => {
      const list = rowsRef.current;
      if (list.length === 0) return;
      const { selectedRunId, select } = useUiStore.getState();
      const index = list.findIndex((run) => run.id === selectedRunId);
      const next = index < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + delta));
      select(list[next]?.id ?? null);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const inFilter = event.target === filterRef.current;
      // Other inputs (the watch-folder path) keep their keys; the filter box lets arrows,
      // Enter and Esc through so one can type a filter and go straight to a run.
      if (isTyping(event.target) && !inFilter) return;
      const typing = inFilter;
      switch (event.key) {
        case '/':
          if (typing) return;
          event.preventDefault();
          filterRef.current?.focus();
          filterRef.current?.select();
          return;
        case 'j':
        case 'k':
          if (typing) return;
          event.preventDefault();
          move(event.key === 'j' ? 1 : -1);
          return;
        case 'p':
          if (typing) return;
          event.preventDefault();
          pushRef.current();
          return;
        case 'ArrowDown':
        case 'ArrowUp':
          event.preventDefault();
          move(event.key === 'ArrowDown' ? 1 : -1);
          return;
        case 'Enter': {
          const { selectedRunId } = useUiStore.getState();
          if (selectedRunId && rowsRef.current.some((run) => run.id === selectedRunId)) {
            event.preventDefault();
            navigate({ page: 'run', runId: selectedRunId });
          }
          return;
        }
        case 'Escape':
          useUiStore.getState().setFilter('');
          if (typing) filterRef.current?.blur();
          return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [filterRef]);
}
