// The app's modal dialogs (promote, export): a native <dialog> opened with showModal, so the
// browser traps focus and turns Esc into `cancel`; a header with a title, a line under it and a
// close button. Each dialog decides what Esc and the close button do (ask first, or just close).
import { useEffect, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

interface ModalDialogProps {
  /** For the title's id and the test ids: `<name>-dialog`, `<name>-title`, `<name>-close`. */
  name: string;
  title: string;
  subtitle: ReactNode;
  /** The dialog's current stage, for tests and styles (`data-step`). */
  step: string;
  width: number;
  /** Esc and the ✕ button. */
  onDismiss: () => void;
  /** The dialog has closed (the browser may close it on a second Esc whatever onDismiss did). */
  onClose: () => void;
  children: ReactNode;
}

export function ModalDialog({ name, title, subtitle, step, width, onDismiss, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    // Opening twice throws in older Chromium (React's dev mode runs effects twice).
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal-dialog ${name}-dialog`}
      style={{ width: `min(${width}px, calc(100vw - 32px))` }}
      aria-labelledby={`${name}-title`}
      data-testid={`${name}-dialog`}
      data-step={step}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
      onClose={onClose}
      // Keys stop here: the pages behind have single-key shortcuts (j/k, /, Esc).
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="modal-dialog__head">
        <div>
          <h2 id={`${name}-title`}>{title}</h2>
          <p className="muted modal-dialog__sub">{subtitle}</p>
        </div>
        <button type="button" className="quiet" onClick={onDismiss} aria-label="Close" title="Close (Esc)" data-testid={`${name}-close`}>
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
