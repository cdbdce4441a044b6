// "Connect from a notebook": the text the tray copies to the clipboard. The URL and token are
// pasted into a shell or into Python, so each is quoted for its language rather than trusted to
// be tame (a token file edited by hand may hold anything). Electron-free: tested under Node.

export interface Endpoint {
  /** The logging server, e.g. `http://127.0.0.1:5850`. */
  url: string;
  /** The bearer token; null when the server runs without auth. */
  token: string | null;
}

/** A POSIX shell word: single quotes keep everything literal but `'`, which is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A PowerShell verbatim string: inside single quotes only a quote is special, and PowerShell
 * takes the typographic single quotes (U+2018–U+201B) for one too; each is escaped by doubling.
 */
export function powerShellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/**
 * A Python string literal holding exactly `value`: printable ASCII as is (but `\` and `"`), every
 * other code unit escaped, so no newline, quote or look-alike character can end the literal.
 */
export function pythonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** Python for a notebook cell: the runlens client reads RUNLENS_URL / RUNLENS_TOKEN (clients/python/README.md). */
export function runlensPythonSnippet({ url, token }: Endpoint): string {
  return [
    'import os',
    `os.environ["RUNLENS_URL"] = ${pythonString(url)}`,
    ...(token === null ? [] : [`os.environ["RUNLENS_TOKEN"] = ${pythonString(token)}`]),
    'import runlens',
    '',
    'run = runlens.init(experiment="notebook")',
    '',
  ].join('\n');
}

/** Shell lines for MLflow: the server takes MLFLOW_TRACKING_TOKEN as `Authorization: Bearer` (core/server/security.ts). */
export function mlflowShellSnippet({ url, token }: Endpoint): string {
  return [
    `export MLFLOW_TRACKING_URI=${shellQuote(url)}`,
    ...(token === null ? [] : [`export MLFLOW_TRACKING_TOKEN=${shellQuote(token)}`]),
    '',
  ].join('\n');
}

/** The same for PowerShell, where Windows users paste (`export` is a POSIX shell's). */
export function mlflowPowerShellSnippet({ url, token }: Endpoint): string {
  return [
    `$env:MLFLOW_TRACKING_URI = ${powerShellQuote(url)}`,
    ...(token === null ? [] : [`$env:MLFLOW_TRACKING_TOKEN = ${powerShellQuote(token)}`]),
    '',
  ].join('\n');
}
