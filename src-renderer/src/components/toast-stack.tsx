// Toasts in the window's corner, newest nearest the corner. Each leaves after a while, unless
// the pointer or focus rests on it (someone is reading it); past a few, the rest wait behind
// "+N more", which leads to where all of them are listed.
import { useEffect, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { routeHref, type Route } from '../lib/hash-router';
import { TOASTS_SHOWN, useToastsStore, type Toast } from '../stores/toasts-store';
import './toast-stack.css';

/** Long enough to read two lines and reach for the mouse. */
const TOAST_MS = 8000;

function ToastItem({ toast }: { toast: Toast }) {
  const [held, setHeld] = useState(false);
  const dismiss = useToastsStore((s) => s.dismiss);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, toast.id, dismiss]);

  const content = (
    <>
      <span className="toast__title">{toast.title}</span>
      {toast.detail && <span className="toast__detail">{toast.detail}</span>}
    </>
  );
  return (
    <div
      className={`toast${toast.color ? ' toast--colored' : ''}`}
      style={toast.color ? ({ '--run': toast.color } as CSSProperties) : undefined}
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      data-testid="toast"
    >
      {toast.route ? (
        <a
          className="toast__main"
          href={routeHref(toast.route)}
          onClick={() => {
            toast.onOpen?.();
            dismiss(toast.id);
          }}
        >
          {content}
        </a>
      ) : (
        <div className="toast__main">{content}</div>
      )}
      <button type="button" className="quiet toast__close" onClick={() => dismiss(toast.id)} aria-label="Dismiss" title="Dismiss" data-testid="toast-dismiss">
        ✕
      </button>
    </div>
  );
}

export function ToastStack({ moreRoute }: { moreRoute: Route }) {
  const { toasts, clear } = useToastsStore(useShallow((s) => ({ toasts: s.toasts, clear: s.clear })));
  if (toasts.length === 0) return null;
  const more = toasts.length - TOASTS_SHOWN;
  return (
    <section className="toast-stack" aria-label="Notifications" aria-live="polite" data-testid="toasts">
      {toasts.slice(0, TOASTS_SHOWN).map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
      {more > 0 && (
        <div className="toast-stack__more" data-testid="toasts-more">
          <a href={routeHref(moreRoute)} onClick={clear}>
            +{more} more
          </a>
          <button type="button" className="quiet" onClick={clear}>
            Dismiss all
          </button>
        </div>
      )}
    </section>
  );
}
