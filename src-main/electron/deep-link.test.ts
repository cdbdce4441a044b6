import { describe, expect, it } from 'vitest';
import { compareRoute, deepLinkFromArgv, MAX_DEEP_LINK_RUNS, parseDeepLink, runRoute } from './deep-link';

const open = (route: string) => ({ type: 'open-route', route });

describe('parseDeepLink', () => {
  it('opens a run page', () => {
    expect(parseDeepLink('runlens://run/3f2a9c')).toEqual(open('/runs/3f2a9c'));
    expect(parseDeepLink('runlens://run/my-run_01/')).toEqual(open('/runs/my-run_01'));
    expect(parseDeepLink('RUNLENS://run/abc')).toEqual(open('/runs/abc'));
  });

  it('opens a comparison, each run once', () => {
    expect(parseDeepLink('runlens://compare?runs=a1,b2')).toEqual(open('/compare?runs=a1,b2'));
    expect(parseDeepLink('runlens://compare/?runs=a1,a1,b2')).toEqual(open('/compare?runs=a1,b2'));
    expect(parseDeepLink('runlens://compare?runs=a1')).toEqual(open('/compare?runs=a1'));
  });

  it('caps the runs of a comparison', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`).join(',');
    expect(parseDeepLink(`runlens://compare?runs=${ids(MAX_DEEP_LINK_RUNS)}`)).toEqual(open(`/compare?runs=${ids(MAX_DEEP_LINK_RUNS)}`));
    expect(parseDeepLink(`runlens://compare?runs=${ids(MAX_DEEP_LINK_RUNS + 1)}`)).toBeNull();
  });

  it.each([
    // other schemes and views
    'https://run/abc',
    'app://runlens/index.html#/runs/abc',
    'javascript:alert(1)//runlens://run/abc',
    'file:///etc/passwd',
    'runlens:run/abc',
    'runlens://runs/abc',
    'runlens://evil.example/run/abc',
    'runlens://settings',
    'runlens://run',
    'runlens://run/',
    'runlens://compare',
    'runlens://compare?runs=',
    'runlens://compare?runs=a,,b',
    'runlens://compare?runs=a&runs=b',
    'runlens://compare?runs=a&baseline=b',
    'runlens://compare/x?runs=a',
    // credentials, ports, fragments, queries where none belong
    'runlens://user:pw@run/abc',
    'runlens://run:8080/abc',
    'runlens://run/abc#/settings/registries',
    'runlens://run/abc?x=1',
    // traversal and more path than an id
    'runlens://run/../settings',
    'runlens://run/abc/../../etc',
    'runlens://run/%2e%2e',
    'runlens://run/a/b',
    'runlens://run/a%2Fb',
    'runlens://run/a%5Cb',
    'runlens://run/..%2f..%2fx',
    // encoded junk and script-ish ids
    'runlens://run/%00',
    'runlens://run/abc%00',
    'runlens://run/%E0%A4%A',
    'runlens://run/<script>alert(1)</script>',
    'runlens://run/%3Cscript%3E',
    "runlens://run/abc'onmouseover='x",
    'runlens://run/abc%20def',
    'runlens://compare?runs=a,%3Cimg%20src%3Dx%3E',
    'runlens://compare?runs=a,javascript:alert(1)',
    'runlens://compare?runs=../x',
    // whitespace the parser would drop
    'runlens://run/ab\ncd',
    'runlens://run/ab\tcd',
    ' runlens://run/abc',
    'runlens://run/abc ',
    'runlens://run/abc\u0000',
    'runlens://compare?runs=a,\rb',
    // too long
    `runlens://run/${'a'.repeat(65)}`,
    `runlens://compare?runs=${'a,'.repeat(5000)}a`,
    `runlens://run/abc?${'x'.repeat(10_000)}`,
    '',
    'runlens://',
  ])('refuses %j', (raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const raw of [null, undefined, 1, {}, ['runlens://run/abc']]) expect(parseDeepLink(raw)).toBeNull();
  });

  it('builds the routes the UI reads (hash-router.ts)', () => {
    expect(runRoute('abc')).toBe('/runs/abc');
    expect(compareRoute(['a', 'b'])).toBe('/compare?runs=a,b');
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among the arguments Windows and Linux pass', () => {
    expect(deepLinkFromArgv(['/opt/Runlens/runlens', '--no-sandbox', 'runlens://run/abc'])).toEqual(open('/runs/abc'));
    expect(deepLinkFromArgv(['runlens.exe', '--allow-file-access-from-files', 'runlens://compare?runs=a,b'])).toEqual(open('/compare?runs=a,b'));
  });

  it('ignores arguments that only mention a link, and bad links', () => {
    expect(deepLinkFromArgv(['/opt/Runlens/runlens'])).toBeNull();
    expect(deepLinkFromArgv(['electron', '--url=runlens://run/abc', '/tmp/runlens://run/abc'])).toBeNull();
    expect(deepLinkFromArgv(['electron', 'runlens://run/<x>'])).toBeNull();
    expect(deepLinkFromArgv(['electron', 'runlens://run/<x>', 'runlens://run/ok'])).toEqual(open('/runs/ok'));
  });
});
