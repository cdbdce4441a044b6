// Chooses the transport once, at start: inside Electron the preload exposes `window.runlens`;
// served by `runlens serve` in a browser, the page talks HTTP to the server that served it.
import type { Api } from '../../../src-shared/contract';
import type { RunlensBridge } from '../../../src-shared/bridge';
import { readAuthToken } from './auth-token';
import type { EventFeed } from './event-feed';
import { httpEventFeed } from './http-event-feed';
import { createHttpApi } from './http-transport';
import { ipcEventFeed } from './ipc-event-feed';
import { createIpcApi } from './ipc-transport';

declare global {
  interface Window {
    runlens?: RunlensBridge;
  }
}

export type TransportKind = 'ipc' | 'http';

function chooseTransport(): { kind: TransportKind; api: Api; events: EventFeed; token: string } {
  const bridge = window.runlens;
  if (bridge) return { kind: 'ipc', api: createIpcApi(bridge), events: ipcEventFeed(bridge), token: '' };
  const token = readAuthToken();
  return { kind: 'http', api: createHttpApi(token), events: httpEventFeed(token), token };
}

const transport = chooseTransport();

export const api: Api = transport.api;
export const eventFeed: EventFeed = transport.events;
export const transportKind: TransportKind = transport.kind;
/** Shown in the "log a run with curl" snippet; empty under IPC or with auth off. */
export const authToken: string = transport.token;
