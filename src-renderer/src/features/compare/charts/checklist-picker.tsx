// A button that opens a searchable list of checkboxes: the key picker and the group-by picker.
// Closes on Escape or a click outside; the search box has focus when it opens.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface PickerOption {
  value: string;
  /** Shown after the value, muted: why it is listed first, what it holds. */
  hint?: string;
}

interface ChecklistPickerProps {
  label: ReactNode;
  testId: string;
  options: PickerOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  placeholder: string;
  /** Extra buttons under the search box (defaults, clear). */
  actions?: ReactNode;
}

export function ChecklistPicker({ label, testId, options, selected, onChange, placeholder, actions }: ChecklistPickerProps) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const needle = search.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.value.toLowerCase().includes(needle)) : options;
  const chosen = new Set(selected);
  const toggle = (value: string) => onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div className="checklist-picker" ref={rootRef} data-testid={testId}>
      <button type="button" className="checklist-picker__button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label} ▾
      </button>
      {open && (
        <div className="checklist-picker__popover" role="dialog">
          <input
            autoFocus
            type="search"
            className="checklist-picker__search"
            placeholder={placeholder}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid={`${testId}-search`}
          />
          {actions && <div className="checklist-picker__actions">{actions}</div>}
          <ul className="checklist-picker__list">
            {shown.map((o) => (
              <li key={o.value}>
                <label>
                  <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} data-testid={`${testId}-option`} data-value={o.value} />
                  <span className="mono checklist-picker__value">{o.value}</span>
                  {o.hint && <span className="muted checklist-picker__hint">{o.hint}</span>}
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="muted checklist-picker__none">Nothing matches.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
