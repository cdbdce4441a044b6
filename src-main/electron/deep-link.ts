// Deep links: runlens://run/<id> and runlens://compare?runs=<id>,<id> open a view of the UI.
// SECURITY: the URL comes from any web page or program on the machine, so it is parsed into a
// fixed route built here from validated run ids — nothing of it reaches the UI verbatim.
import type { ShellCommand } from '../../src-shared/shell-commands';

export const DEEP_LINK_SCHEME = 'runlens';

/** More runs than this in one link is not a comparison anyone asked for. */
export const MAX_DEEP_LINK_RUNS = 50;
const MAX_DEEP_LINK_LENGTH = 4096;

/** The same rule as the contract's runIdSchema. */
const RUN_ID = /^[\w-]{1,64}$/;

function isRunId(id: string): boolean {
  return RUN_ID.test(id);
}

/** The UI's hash route of a run page (see src-renderer/src/lib/hash-router.ts). */
export function runRoute(runId: string): string {
  return `/runs/${encodeURIComponent(runId)}`;
}

/** The UI's hash route of a comparison; run ids never hold a comma, so the list is unambiguous. */
export function compareRoute(runIds: readonly string[]): string {
  return `/compare?runs=${runIds.map(encodeURIComponent).join(',')}`;
}

function openRoute(route: string): ShellCommand {
  return { type: 'open-route', route };
}

/** The command a deep link asks for, or null for anything that is not one of ours, well formed. */
export function parseDeepLink(raw: unknown): ShellCommand | null {
  if (typeof raw !== 'string' || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  // The parser drops tabs and newlines and trims spaces, so what a page showed would not be what
  // opens: refuse them, as safeExternalUrl does.
  // eslint-disable-next-line no-control-regex -- control characters are the point
  if (/[\s\x00-\x1f\x7f]/.test(raw)) return null;
  // The URL parser would resolve dot segments away (run/../x is run/x): a link holding one is
  // not a link we made, so it is refused rather than reinterpreted.
  if (/\/(?:\.|%2e){1,2}(?=[/?#\\]|$)/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username || url.password || url.port || url.hash) return null;
  // runlens://run/<id>: the view is the URL's host, the id its one path segment.
  if (url.host === 'run' && !url.search) {
    const match = /^\/([^/]+)\/?$/.exec(url.pathname);
    return match && isRunId(match[1]!) ? openRoute(runRoute(match[1]!)) : null;
  }
  if (url.host === 'compare' && (url.pathname === '' || url.pathname === '/')) {
    const params = url.searchParams;
    if ([...params.keys()].some((k) => k !== 'runs') || params.getAll('runs').length !== 1) return null;
    const ids = [...new Set(params.get('runs')!.split(','))];
    if (ids.length === 0 || ids.length > MAX_DEEP_LINK_RUNS || !ids.every(isRunId)) return null;
    return openRoute(compareRoute(ids));
  }
  return null;
}

/**
 * The deep link among a process's arguments (Windows and Linux pass the URL on the command
 * line, on first launch and to the running instance). Only an argument that is a whole
 * runlens: URL counts, so a flag or a path that merely mentions one is ignored.
 */
export function deepLinkFromArgv(argv: readonly string[]): ShellCommand | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const command = parseDeepLink(arg);
    if (command) return command;
  }
  return null;
}
