import type { CoreEvent } from '../../../src-shared/events';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

export interface EventFeedHandlers {
  onEvent(event: CoreEvent): void;
  onState(state: ConnectionState): void;
  /** Called each time the feed (re)connects: events sent while it was down are lost. */
  onConnected(): void;
}

/** Starts delivering core events; returns the function that stops it. */
export type EventFeed = (handlers: EventFeedHandlers) => () => void;
