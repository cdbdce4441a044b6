// Which colour a run is drawn in. Outside any set it is the run's own colour; a page showing
// runs together (a comparison) provides colours that differ within the set, and every swatch,
// line and dot inside it asks here, so tables and charts agree.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { distinctRunColors, runColor } from '../../../src-shared/run-color';

const RunColorsContext = createContext<(runId: string) => string>(runColor);

export function RunColorsProvider({ runIds, children }: { runIds: readonly string[]; children: ReactNode }) {
  const colorOf = useMemo(() => {
    const colors = distinctRunColors(runIds);
    return (runId: string) => colors.get(runId) ?? runColor(runId);
  }, [runIds]);
  return <RunColorsContext.Provider value={colorOf}>{children}</RunColorsContext.Provider>;
}

export function useRunColor(): (runId: string) => string {
  return useContext(RunColorsContext);
}
