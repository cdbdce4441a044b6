import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildTrayTemplate, type TrayHandlers } from './tray-template';

function handlers() {
  return { copyRunlensSnippet: vi.fn(), copyMlflowSnippet: vi.fn(), copyEndpoint: vi.fn(), openWindow: vi.fn(), quit: vi.fn() };
}

const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);

describe('buildTrayTemplate', () => {
  it('shows the endpoint and wires each item to its handler', () => {
    const h = handlers();
    const items = buildTrayTemplate('http://127.0.0.1:5850', 'linux', h);
    expect(items[0]).toEqual({ label: 'Logging to http://127.0.0.1:5850', enabled: false });
    const wiring: [string, keyof TrayHandlers][] = [
      ['Copy Endpoint', 'copyEndpoint'],
      ['Copy Python Snippet (runlens)', 'copyRunlensSnippet'],
      ['Copy MLflow Environment (shell)', 'copyMlflowSnippet'],
      ['Open Runlens', 'openWindow'],
      ['Quit Runlens', 'quit'],
    ];
    for (const [label, handler] of wiring) {
      (byLabel(items, label)!.click as () => void)();
      expect(h[handler], label).toHaveBeenCalledOnce();
    }
  });

  it('offers the PowerShell form of the MLflow variables on Windows', () => {
    const labels = buildTrayTemplate('http://127.0.0.1:5850', 'win32', handlers()).map((i) => i.label);
    expect(labels).toContain('Copy MLflow Environment (PowerShell)');
    expect(labels).not.toContain('Copy MLflow Environment (shell)');
  });

  it('offers nothing to copy when the server is not running, but still opens and quits', () => {
    const items = buildTrayTemplate(null, 'linux', handlers());
    expect(items.map((i) => i.label ?? i.type)).toEqual(['Logging server not running', 'separator', 'Open Runlens', 'Quit Runlens']);
  });
});
