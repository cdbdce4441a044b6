import type { RunlensBridge } from '../../../src-shared/bridge';
import { parseCoreEvent } from './core-event-schema';
import type { EventFeed } from './event-feed';

/** Core events over the preload bridge: the main process is always there, so always live. */
export function ipcEventFeed(bridge: RunlensBridge): EventFeed {
  return ({ onEvent, onState, onConnected }) => {
    const stop = bridge.onEvent((candidate) => {
      const event = parseCoreEvent(candidate);
      if (event) onEvent(event);
    });
    onState('live');
    onConnected();
    return stop;
  };
}
