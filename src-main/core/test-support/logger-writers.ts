// Files in the shapes other loggers write them, for tests of their sources. Each follows the
// writer's own source (named below); the real writers need torch or TensorFlow, which tests here
// cannot install (DVCLive's real writer is used in e2e/formats_dvclive).
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Python's str() of a float as csv writes it. */
function pyValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/**
 * Lightning's _ExperimentWriter (lightning/fabric/loggers/csv_logs.py): rows buffered by
 * log_metrics (with `step`), written by save(); keys kept sorted; when a new key appears and the
 * file exists, the whole file is rewritten under the new header (old rows read back and written
 * again, new cells empty), then the buffered rows are appended. Excel dialect: "\r\n".
 */
export class LightningCsvWriter {
  private keys: string[] = [];
  private pending: Record<string, number>[] = [];
  readonly file: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'metrics.csv');
  }

  log(metrics: Record<string, number>, step: number): void {
    this.pending.push({ ...metrics, step });
  }

  /** The new header and old rows a rewrite would write, without the appended rows (a rewrite caught mid-write). */
  rewriteTextFor(extraKeys: string[]): string {
    const keys = [...new Set([...this.keys, ...extraKeys])].sort();
    return this.render(keys, this.readRows());
  }

  save(): void {
    if (this.pending.length === 0) return;
    const fresh = new Set<string>();
    for (const row of this.pending) for (const k of Object.keys(row)) if (!this.keys.includes(k)) fresh.add(k);
    this.keys = [...this.keys, ...fresh].sort();
    const exists = existsSync(this.file);
    if (fresh.size > 0 && exists) writeFileSync(this.file, this.render(this.keys, this.readRows()));
    const rows = this.pending.map((r) => this.keys.map((k) => (k in r ? pyValue(r[k]!) : '')).join(',') + '\r\n').join('');
    if (exists) appendFileSync(this.file, rows);
    else writeFileSync(this.file, this.keys.join(',') + '\r\n' + rows);
    this.pending = [];
  }

  private readRows(): Record<string, string>[] {
    if (!existsSync(this.file)) return [];
    const lines = readFileSync(this.file, 'utf8').split('\r\n').filter((l) => l !== '');
    const header = lines[0]!.split(',');
    return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i]!, c])));
  }

  private render(keys: string[], rows: Record<string, string>[]): string {
    return keys.join(',') + '\r\n' + rows.map((r) => keys.map((k) => r[k] ?? '').join(',') + '\r\n').join('');
  }
}

/** Keras's CSVLogger (keras/src/callbacks/csv_logger.py): header at the first epoch's end, a row per epoch, `NA` for missing keys. */
export function kerasCsv(keys: string[], rows: Record<string, number>[], sep = ','): string {
  const header = ['epoch', ...keys].join(sep) + '\r\n';
  return header + rows.map((r, epoch) => [String(epoch), ...keys.map((k) => (k in r ? pyValue(r[k]!) : 'NA'))].join(sep) + '\r\n').join('');
}

/** A DVCLive history row (dvclive/plots/metric.py): the header once, then `[timestamp\t]step\tvalue`. */
export function appendDvcliveRow(dvcliveDir: string, key: string, step: number, value: number, timestamp?: number): void {
  const file = join(dvcliveDir, 'plots', 'metrics', ...key.split('/')) + '.tsv';
  mkdirSync(dirname(file), { recursive: true });
  const leaf = key.split('/').pop()!;
  const head = existsSync(file) ? '' : (timestamp === undefined ? '' : 'timestamp\t') + `step\t${leaf}\n`;
  appendFileSync(file, head + (timestamp === undefined ? '' : `${timestamp}\t`) + `${step}\t${pyValue(value)}\n`);
}

/** trainer_state.json as TrainerState.save_to_json writes it (json.dumps indent=2, sort_keys, bare NaN). */
export function trainerStateJson(fields: { global_step: number; max_steps: number; log_history: Record<string, number>[]; best_metric?: number | null; best_model_checkpoint?: string | null }): string {
  const all: Record<string, unknown> = { best_metric: null, best_model_checkpoint: null, epoch: 0, eval_steps: 500, is_hyper_param_search: false, logging_steps: 1, num_train_epochs: 3, save_steps: 2, train_batch_size: 8, trial_name: null, ...fields };
  const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  return JSON.stringify(sorted, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `__${v}__` : v), 2).replace(/"__(NaN|Infinity|-Infinity)__"/g, '$1') + '\n';
}
