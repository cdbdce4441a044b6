import { useRunColor } from './run-colors';

export function RunSwatch({ runId, size = 10 }: { runId: string; size?: number }) {
  const runColor = useRunColor();
  return (
    <span
      aria-hidden
      data-testid="run-swatch"
      style={{
        display: 'inline-block',
        flex: 'none',
        width: size,
        height: size,
        borderRadius: 3,
        background: runColor(runId),
      }}
    />
  );
}
