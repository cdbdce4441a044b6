// The snippets are checked by the interpreters they are pasted into: a real POSIX shell and a
// real Python must read back exactly the URL and token that went in, however hostile.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mlflowPowerShellSnippet, mlflowShellSnippet, powerShellQuote, pythonString, runlensPythonSnippet, shellQuote } from './connect-snippets';

const HOSTILE = [
  'plain-token_123',
  "it's",
  `"; echo injected #`,
  `'; echo injected; '`,
  '$(echo injected)`id`${HOME}',
  'back\\slash\\',
  'new\nline\r\n',
  'tab\there',
  '\u2028\u2029 line separators',
  'ünïcödé 😀',
  '\\u0041 \\x41 \\N{LATIN SMALL LETTER A}',
  '"""',
  "'''",
  '\ud800 lone surrogate',
  '',
];

/** What a shell sees in the variable after running the snippet. */
function shellValue(snippet: string, variable: string): string {
  return execFileSync('sh', ['-c', `${snippet}printf '%s' "$${variable}"`], { encoding: 'utf8' });
}

/** What Python holds in os.environ after running the snippet up to (not including) the import of runlens. */
function pythonValues(snippet: string): { url: string; token: string | null } {
  const setup = snippet.slice(0, snippet.indexOf('import runlens'));
  const script = `${setup}\nimport json\nprint(json.dumps([os.environ["RUNLENS_URL"], os.environ.get("RUNLENS_TOKEN")]))`;
  const [url, token] = JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } })) as [string, string | null];
  return { url, token };
}

describe('connect snippets', () => {
  it('a shell reads back exactly the URL and token, whatever they hold', () => {
    for (const value of HOSTILE.filter((v) => !v.includes('\ud800'))) {
      const snippet = mlflowShellSnippet({ url: `http://127.0.0.1:5850/${value}`, token: value });
      expect(shellValue(snippet, 'MLFLOW_TRACKING_TOKEN')).toBe(value);
      expect(shellValue(snippet, 'MLFLOW_TRACKING_URI')).toBe(`http://127.0.0.1:5850/${value}`);
    }
  });

  it('Python reads back exactly the URL and token, whatever they hold', () => {
    for (const value of HOSTILE.filter((v) => !v.includes('\ud800'))) {
      expect(pythonValues(runlensPythonSnippet({ url: `http://127.0.0.1:1/${value}`, token: value }))).toEqual({ url: `http://127.0.0.1:1/${value}`, token: value });
    }
  });

  it('leaves the token out when the server runs without auth', () => {
    const endpoint = { url: 'http://127.0.0.1:5850', token: null };
    expect(mlflowShellSnippet(endpoint)).toBe("export MLFLOW_TRACKING_URI='http://127.0.0.1:5850'\n");
    expect(runlensPythonSnippet(endpoint)).not.toContain('RUNLENS_TOKEN');
    expect(pythonValues(runlensPythonSnippet(endpoint))).toEqual({ url: 'http://127.0.0.1:5850', token: null });
  });

  it('shows the snippets as a user would paste them', () => {
    expect(mlflowShellSnippet({ url: 'http://127.0.0.1:5850', token: 'abc' })).toBe("export MLFLOW_TRACKING_URI='http://127.0.0.1:5850'\nexport MLFLOW_TRACKING_TOKEN='abc'\n");
    expect(runlensPythonSnippet({ url: 'http://127.0.0.1:5850', token: 'abc' })).toBe(
      'import os\nos.environ["RUNLENS_URL"] = "http://127.0.0.1:5850"\nos.environ["RUNLENS_TOKEN"] = "abc"\nimport runlens\n\nrun = runlens.init(experiment="notebook")\n',
    );
  });

  it('quotes for PowerShell, typographic quotes included (no PowerShell here to run it)', () => {
    expect(mlflowPowerShellSnippet({ url: 'http://127.0.0.1:5850', token: 'abc' })).toBe("$env:MLFLOW_TRACKING_URI = 'http://127.0.0.1:5850'\n$env:MLFLOW_TRACKING_TOKEN = 'abc'\n");
    expect(mlflowPowerShellSnippet({ url: 'http://127.0.0.1:5850', token: null })).not.toContain('TOKEN');
    expect(powerShellQuote("it's $(calc) `n")).toBe("'it''s $(calc) `n'");
    expect(powerShellQuote('a\u2018b\u2019c\u201ad\u201be')).toBe("'a\u2018\u2018b\u2019\u2019c\u201a\u201ad\u201b\u201be'");
    // Every quote PowerShell knows comes in pairs inside, so none can end the string.
    for (const value of HOSTILE) expect(powerShellQuote(value).slice(1, -1).replace(/(['\u2018-\u201b])\1/g, '')).not.toMatch(/['\u2018-\u201b]/);
  });

  it('quotes so that nothing but the value survives', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    expect(pythonString('a"b\\c\n\u2028😀')).toBe('"a\\"b\\\\c\\u000a\\u2028\\U0001f600"');
    expect(pythonString('\ud800')).toBe('"\\ud800"');
    // Only printable ASCII in the literal: no character can end it or the line.
    for (const value of HOSTILE) expect(pythonString(value)).toMatch(/^"[\x20-\x7e]*"$/);
  });
});
