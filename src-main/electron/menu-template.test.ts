// The menu bar as data: which items exist per platform and mode, their accelerators, and which
// handler each calls. Electron only builds it (app-menu.ts).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, helpLinksFrom, type MenuHandlers, type MenuInputs } from './menu-template';

type Item = MenuItemConstructorOptions;

function handlers() {
  return { addWatchedFolder: vi.fn(), exportView: vi.fn(), compare: vi.fn(), find: vi.fn(), preferences: vi.fn(), openLink: vi.fn() };
}

const links = { docs: 'https://example.com/runlens#readme', issues: 'https://example.com/runlens/issues' };
const inputs = (platform: NodeJS.Platform, isDev: boolean): MenuInputs => ({ platform, isDev, appName: 'Runlens', helpLinks: links });

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu as Item[]) : [])]);
}

function find(items: Item[], label: string): Item {
  const item = flatten(items).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

function click(item: Item): void {
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it.each(['darwin', 'linux', 'win32'] as const)('on %s, each item calls its handler with its accelerator', (platform) => {
    const h = handlers();
    const menu = buildMenuTemplate(inputs(platform, false), h);
    const expected: [string, string, keyof MenuHandlers][] = [
      ['Add Watched Folder…', 'CmdOrCtrl+O', 'addWatchedFolder'],
      ['Export…', 'CmdOrCtrl+E', 'exportView'],
      ['Compare Selected Runs', 'CmdOrCtrl+D', 'compare'],
      ['Find Runs', 'CmdOrCtrl+F', 'find'],
      ['Preferences…', 'CmdOrCtrl+,', 'preferences'],
    ];
    for (const [label, accelerator, handler] of expected) {
      const item = find(menu, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
      expect(h[handler], label).toHaveBeenCalledOnce();
    }
    click(find(menu, 'Runlens Documentation'));
    click(find(menu, 'Report an Issue'));
    expect(h.openLink.mock.calls).toEqual([[links.docs], [links.issues]]);
    // Every accelerator is used once.
    const accelerators = flatten(menu).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has no DevTools or forced reload in a packaged app, on any platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const roles = flatten(buildMenuTemplate(inputs(platform, false), handlers())).map((i) => i.role);
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('forceReload');
      expect(roles).toEqual(expect.arrayContaining(['reload', 'togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom', 'copy', 'paste', 'close']));
    }
  });

  it('has DevTools in development', () => {
    const items = flatten(buildMenuTemplate(inputs('linux', true), handlers()));
    expect(items.find((i) => i.role === 'toggleDevTools')?.accelerator).toBe('Ctrl+Shift+I');
    expect(flatten(buildMenuTemplate(inputs('darwin', true), handlers())).find((i) => i.role === 'toggleDevTools')?.accelerator).toBe('Alt+Cmd+I');
  });

  it('follows each platform: the app menu and Preferences on macOS, Quit in File elsewhere', () => {
    const mac = buildMenuTemplate(inputs('darwin', false), handlers());
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['Runlens', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect((mac[0]!.submenu as Item[]).map((i) => i.role ?? i.label)).toEqual(expect.arrayContaining(['about', 'Preferences…', 'hide', 'quit']));
    expect((mac[1]!.submenu as Item[]).some((i) => i.role === 'quit' || i.label === 'Preferences…')).toBe(false);
    const linux = buildMenuTemplate(inputs('linux', false), handlers());
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect((linux[0]!.submenu as Item[]).find((i) => i.role === 'quit')?.accelerator).toBe('CmdOrCtrl+Q');
  });

  it('leaves out a Help link that is not there', () => {
    const menu = buildMenuTemplate({ ...inputs('linux', false), helpLinks: { docs: null, issues: null } }, handlers());
    expect(menu.at(-1)!.submenu).toEqual([]);
  });
});

describe('helpLinksFrom', () => {
  it("reads package.json's homepage and bugs, https only", () => {
    expect(helpLinksFrom({ homepage: 'https://example.com/', bugs: { url: 'https://example.com/issues' } })).toEqual({ docs: 'https://example.com/', issues: 'https://example.com/issues' });
    expect(helpLinksFrom({ homepage: 'https://example.com/', bugs: 'https://example.com/b' }).issues).toBe('https://example.com/b');
    expect(helpLinksFrom({ homepage: 'javascript:alert(1)', bugs: { url: 'file:///etc/passwd' } })).toEqual({ docs: null, issues: null });
    expect(helpLinksFrom({ name: 'runlens' })).toEqual({ docs: null, issues: null });
  });
});
