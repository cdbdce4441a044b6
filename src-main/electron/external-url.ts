// SECURITY: shell.openExternal hands a URL to the OS, which will launch whatever handles its
// scheme (file:, smb:, custom protocols). Only plain https web pages get through.

/** The URL to open, as the URL parser spells it; null unless https: on an ASCII host, without credentials. */
export function safeExternalUrl(raw: unknown): string | null {
  // Whitespace or control characters around or inside would be trimmed or dropped by the parser,
  // so what the user saw would not be what opens: refuse rather than repair.
  // eslint-disable-next-line no-control-regex -- control characters are the point
  if (typeof raw !== 'string' || raw.length > 2048 || /[\s\x00-\x1f\x7f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  // The parser turns a Unicode host into punycode (xn--): a look-alike of a real site. The pages
  // the app opens are its own links on ASCII hosts, so such a host is refused outright.
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) return null;
  return url.href;
}
