// How gates, outcomes and upload progress read in the dialog, on the Models page and on the run
// page: one place, so "2/3 rules passed" and the outcome words are the same everywhere.
import type { GateResult, GateRule, PromotionOutcome, PromotionRecord } from '../../../../src-shared/promotion';

export type OutcomeTone = 'finished' | 'failed' | 'running' | 'killed' | 'warning';

export const OUTCOME_LABELS: Record<PromotionOutcome, { label: string; tone: OutcomeTone }> = {
  verified: { label: 'VERIFIED', tone: 'finished' },
  failed: { label: 'FAILED', tone: 'failed' },
  blocked: { label: 'BLOCKED', tone: 'warning' },
  cancelled: { label: 'CANCELLED', tone: 'killed' },
  running: { label: 'RUNNING', tone: 'running' },
};

/** `2/3 rules passed`, `No rules`; the count is what the user scans for. */
export function gateSummary(gate: GateResult): string {
  const total = gate.rules.length;
  if (total === 0) return 'No rules';
  const passed = gate.rules.filter((r) => r.passed).length;
  return `${passed}/${total} ${total === 1 ? 'rule' : 'rules'} passed`;
}

/** One rule a line, as the inline editor shows them; a description follows `#`. */
export function rulesToText(rules: GateRule[]): string {
  return rules.map((r) => (r.description ? `${r.expression}  # ${r.description}` : r.expression)).join('\n');
}

/** The editor's text back into rules: blank lines dropped, `# …` kept as the description. */
export function textToRules(text: string): GateRule[] {
  const rules: GateRule[] = [];
  for (const line of text.split('\n')) {
    const hash = line.indexOf('#');
    const expression = (hash >= 0 ? line.slice(0, hash) : line).trim();
    const description = hash >= 0 ? line.slice(hash + 1).trim() : '';
    if (!expression) continue;
    rules.push(description ? { expression, description } : { expression });
  }
  return rules;
}

/** Whole-percent progress, 0 when nothing is known yet (a bar should not jump to 100 for 0/0). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** Where the record landed: `v3`, a short manifest digest, or nothing yet. */
export function remoteVersionLabel(record: Pick<PromotionRecord, 'registryKind' | 'remoteVersion'>): string | null {
  const version = record.remoteVersion;
  if (!version) return null;
  if (record.registryKind === 'mlflow') return /^\d+$/.test(version) ? `v${version}` : version;
  // OCI manifests are named by digest; 12 hex characters tell them apart, like image ids.
  const digest = /^sha256:([0-9a-f]{12})/.exec(version);
  return digest ? `sha256:${digest[1]}` : version;
}
