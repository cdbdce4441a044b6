// What the Electron preload exposes to the renderer as `window.runlens`.
// IPC results follow `{ok: true, value} | {ok: false, error}` so errors keep their code across
// the process boundary (Electron would otherwise flatten a thrown error into a string).
import type { CoreEvent } from './events';
import type { ApiErrorBody } from './errors';
import type { MethodName } from './contract';
import type { ShellCommand } from './shell-commands';

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export interface RunlensBridge {
  call(method: MethodName, input: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Shows a file an export made in the system's file manager; the main process resolves it inside <data>/exports. */
  revealExport(exportId: string, name: string): Promise<IpcResult<null>>;
  /** Subscribes to what the shell asks of the UI (menus, deep links, notification clicks); returns the unsubscribe function. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

/** The IPC channel names; used only by the preload and the Electron shell's ipc module. */
export const IPC_CHANNELS = { call: 'runlens:call', event: 'runlens:event', revealExport: 'runlens:reveal-export', command: 'runlens:command' } as const;
