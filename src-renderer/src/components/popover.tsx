// A button that opens a small panel beside it (column chooser, views menu, run picker). The
// panel is a non-modal dialog: Escape or a click outside closes it and focus returns to the
// button. Keys pressed inside it stop there, so the page's single-key shortcuts (j/k, /, Esc)
// do not also act on the table behind it.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './popover.css';

interface PopoverProps {
  /** The button's content. */
  trigger: ReactNode;
  triggerTitle?: string;
  /** The panel's accessible name. */
  label: string;
  testId: string;
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
  /** The ▾ after the trigger; an icon button (the bell) goes without. */
  caret?: boolean;
  triggerClassName?: string;
  /** The button's accessible name, when its content is an icon. */
  triggerLabel?: string;
  children: (close: () => void) => ReactNode;
}

export function Popover({ trigger, triggerTitle, label, testId, align = 'start', caret = true, triggerClassName, triggerLabel, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const [side, setSide] = useState(align);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  // The toolbar wraps on narrow windows, so the preferred edge may push the panel off screen:
  // measured before paint, it flips to the other edge when it would.
  useLayoutEffect(() => {
    if (!open) {
      setSide(align);
      return;
    }
    const box = panelRef.current?.getBoundingClientRect();
    // Flips at most once per opening: a window narrower than the panel keeps the preferred edge.
    if (!box || side !== align) return;
    if (side === 'end' && box.left < 0) setSide('start');
    else if (side === 'start' && box.right > document.documentElement.clientWidth) setSide('end');
  }, [open, side, align]);

  useEffect(() => {
    if (!open) return;
    // Focus the first field (a search box) or, failing that, the first control that takes focus.
    panelRef.current?.querySelector<HTMLElement>('input:not(:disabled), button:not(:disabled), [tabindex]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      className="popover"
      ref={rootRef}
      onKeyDown={(event) => {
        if (!open) return;
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={triggerTitle}
        className={triggerClassName}
        aria-label={triggerLabel}
        onClick={() => setOpen((o) => !o)}
        data-testid={`${testId}-button`}
      >
        {trigger}
        {caret && (
          <span className="popover__caret" aria-hidden>
            ▾
          </span>
        )}
      </button>
      {open && (
        <div ref={panelRef} id={panelId} role="dialog" aria-label={label} className={`popover__panel popover__panel--${side}`} data-testid={testId}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
