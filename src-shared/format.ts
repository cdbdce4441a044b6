// Number and time formats for dense tables, chart axes and reports: short, fixed in locale
// ('en-US'), so column widths, tests and exported reports do not shift with the machine's locale.

const SUFFIXES = ['', 'k', 'M', 'B', 'T'] as const;

function trimZeros(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}

function exponential(n: number, digits: number): string {
  // `3.4e-5`, not `3.4e-5` with a `+` for positive exponents: `1.2e+20` → `1.2e20`.
  const [mantissa = '', exponent = ''] = n.toExponential(digits).split('e');
  return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
}

/** A metric value in at most `digits` significant digits: `0.4213`, `1.23k`, `3.4e-5`, `NaN`. */
export function formatNumber(n: number, digits = 4): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs < 1e-3 || abs >= 1e15) return exponential(n, digits - 1);
  if (abs < 1000) return trimZeros(n.toPrecision(digits));
  const tier = Math.min(Math.floor(Math.log10(abs) / 3), SUFFIXES.length - 1);
  const scaled = n / 10 ** (tier * 3);
  return `${trimZeros(scaled.toPrecision(Math.min(digits, 3)))}${SUFFIXES[tier]}`;
}

/** Axis ticks: three significant digits is enough to tell ticks apart and keeps labels narrow. */
export function formatTick(n: number): string {
  return formatNumber(n, 3);
}

/** Exact integers with thousands separators: point counts, steps in tooltips. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, compact and sortable by eye: `2025-11-25 14:03`. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** For a table cell: `Nov 25 14:03` this year, `2024-11-25` before (the time matters less then). */
export function formatDateCompact(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  if (d.getFullYear() !== new Date(now).getFullYear()) return formatDateTime(ms).slice(0, 10);
  return `${MONTHS[d.getMonth()]} ${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local time with seconds, for the run header. */
export function formatDateTimeSeconds(ms: number): string {
  return `${formatDateTime(ms)}:${pad(new Date(ms).getSeconds())}`;
}

/** `42s`, `3m 12s`, `1h 04m`, `2d 3h`: two units at most. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${pad(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${pad(m % 60)}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** File sizes in 1024 steps, three significant digits: `512 B`, `1.5 KB`, `12.3 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? String(Math.round(value)) : trimZeros(value.toPrecision(3));
  return `${digits} ${BYTE_UNITS[unit]}`;
}
