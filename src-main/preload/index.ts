import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('runlens', {});
