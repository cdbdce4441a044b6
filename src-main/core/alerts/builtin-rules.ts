// The built-in rules: always listed, apply to every run, never deleted. Only what a user may
// change of them (enabled, minutes, metric) is stored, as an override row.
import type { AlertKind, AlertRule } from '../../../src-shared/alerts';

/**
 * Keys the built-in NaN/Inf rule watches: losses by name, and the usual other names of a
 * training objective (negative log-likelihood, perplexity). Comma-separated globs, any case.
 */
export const LOSS_LIKE_KEYS = '*loss*,*nll*,*perplexity*';

export const DEFAULT_STALL_MINUTES = 10;

const BUILTIN_PREFIX = 'builtin:';

const builtin = (kind: AlertKind, minutes: number | null, metric: string | null): AlertRule => ({
  id: builtinId(kind),
  kind,
  experiment: null,
  enabled: true,
  metric,
  op: null,
  value: null,
  minutes,
});

const DEFAULTS: readonly AlertRule[] = [
  builtin('run-finished', null, null),
  builtin('run-failed', null, null),
  builtin('run-stalled', DEFAULT_STALL_MINUTES, null),
  builtin('non-finite', null, LOSS_LIKE_KEYS),
];

export function builtinId(kind: AlertKind): string {
  return `${BUILTIN_PREFIX}${kind}`;
}

export function isBuiltinId(id: string): boolean {
  return id.startsWith(BUILTIN_PREFIX);
}

/** The built-in rule with this id as shipped; null when there is none. */
export function builtinDefault(id: string): AlertRule | null {
  return DEFAULTS.find((r) => r.id === id) ?? null;
}

/** The built-ins with their stored overrides applied (an override can only touch what users may change). */
export function builtinRules(overrides: ReadonlyMap<string, AlertRule>): AlertRule[] {
  return DEFAULTS.map((d) => {
    const o = overrides.get(d.id);
    if (!o) return d;
    return {
      ...d,
      enabled: o.enabled,
      minutes: d.kind === 'run-stalled' ? (o.minutes ?? d.minutes) : null,
      metric: d.kind === 'non-finite' ? (o.metric ?? d.metric) : null,
    };
  });
}
