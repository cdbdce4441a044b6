import './skeleton.css';

/** Placeholder bars while data loads, shaped roughly like what will replace them. */
export function Skeleton({ rows = 1, height = 14 }: { rows?: number; height?: number }) {
  return (
    <div className="skeleton" data-testid="skeleton" aria-busy>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__bar" style={{ height, width: `${70 + ((i * 37) % 30)}%` }} />
      ))}
    </div>
  );
}

export function Spinner() {
  return <span className="spinner" role="status" aria-label="Loading" />;
}
