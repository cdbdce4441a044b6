import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './external-url';

describe('safeExternalUrl', () => {
  it('lets plain https pages through, as the parser spells them', () => {
    expect(safeExternalUrl('https://github.com/runlens/runlens/issues')).toBe('https://github.com/runlens/runlens/issues');
    expect(safeExternalUrl('https://Example.COM/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeExternalUrl('HTTPS://example.com')).toBe('https://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'http://example.com/',
    'smb://evil/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'app://runlens/index.html',
    'runlens://run/abc',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://:pass@example.com/',
    ' https://example.com/',
    'https://example.com/ ',
    '\thttps://example.com/',
    'https://exa\nmple.com/',
    'https://example.com/\u0000',
    'java\tscript:alert(1)',
    'https://xn--80ak6aa92e.com/',
    'https://аpple.com/',
    'https://gіthub.com/login',
    '//example.com/',
    'example.com',
    '',
    'https://',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const raw of [null, undefined, 42, {}, ['https://example.com/'], new URL('https://example.com/')]) expect(safeExternalUrl(raw)).toBeNull();
  });
});
