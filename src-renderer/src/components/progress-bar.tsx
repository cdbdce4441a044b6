// A thin determinate bar for background work (exports, pushes, pulls): `value` from 0 to 1.
import './progress-bar.css';

export function ProgressBar({ value, label, tone = 'accent' }: { value: number; label: string; tone?: 'accent' | 'danger' | 'muted' }) {
  const percent = Math.round(100 * Math.min(1, Math.max(0, value)));
  return (
    <div className={`progress-bar progress-bar--${tone}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="progress-bar__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
