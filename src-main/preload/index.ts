// The only place that touches ipcRenderer: exposes the contract's single `call` entry and the
// event feed to the isolated renderer as `window.runlens`. Bundled into one CommonJS file,
// since a sandboxed preload can require nothing but electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type RunlensBridge } from '../../src-shared/bridge';
import type { CoreEvent } from '../../src-shared/events';

const bridge: RunlensBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.call, method, input),
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: CoreEvent) => listener(event);
    ipcRenderer.on(IPC_CHANNELS.event, handler);
    return () => ipcRenderer.removeListener(IPC_CHANNELS.event, handler);
  },
  revealExport: (exportId, name) => ipcRenderer.invoke(IPC_CHANNELS.revealExport, exportId, name),
};

contextBridge.exposeInMainWorld('runlens', bridge);
