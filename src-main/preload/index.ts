// The only place that touches ipcRenderer: exposes the contract's single `call` entry, the
// event feed and the shell's commands to the isolated renderer as `window.runlens`. Bundled
// into one CommonJS file, since a sandboxed preload can require nothing but electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type RunlensBridge } from '../../src-shared/bridge';
import type { CoreEvent } from '../../src-shared/events';
import type { ShellCommand } from '../../src-shared/shell-commands';

/** Passes a channel's messages to `listener` (never the IPC event: it would expose ipcRenderer). */
function listen<T>(channel: string, listener: (message: T) => void): () => void {
  const handler = (_e: IpcRendererEvent, message: T) => listener(message);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const bridge: RunlensBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.call, method, input),
  onEvent: (listener) => listen<CoreEvent>(IPC_CHANNELS.event, listener),
  revealExport: (exportId, name) => ipcRenderer.invoke(IPC_CHANNELS.revealExport, exportId, name),
  onCommand: (listener) => listen<ShellCommand>(IPC_CHANNELS.command, listener),
};

contextBridge.exposeInMainWorld('runlens', bridge);
