// Core events over SSE. Read with fetch rather than EventSource because EventSource cannot
// send the Authorization header.
import { authHeaders } from './auth-token';
import { parseCoreEvent } from './core-event-schema';
import type { EventFeed } from './event-feed';
import { createSseParser } from './sse-parser';

const EVENTS_PATH = '/api/v1/events';
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

export function httpEventFeed(token: string): EventFeed {
  return ({ onEvent, onState, onConnected }) => {
    const abort = new AbortController();
    let retryMs = FIRST_RETRY_MS;
    let everConnected = false;

    const readOnce = async () => {
      const response = await fetch(EVENTS_PATH, {
        headers: { ...authHeaders(token), Accept: 'text/event-stream' },
        signal: abort.signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      everConnected = true;
      retryMs = FIRST_RETRY_MS;
      onState('live');
      onConnected();
      const parser = createSseParser(({ event, data }) => {
        let payload: unknown;
        try {
          payload = JSON.parse(data);
        } catch {
          return;
        }
        const parsed = parseCoreEvent({ type: event, data: payload });
        if (parsed) onEvent(parsed);
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.push(value);
      }
    };

    const loop = async () => {
      onState('connecting');
      while (!abort.signal.aborted) {
        try {
          await readOnce();
        } catch {
          // Reconnect below, whatever went wrong: the server restarting is the usual cause.
        }
        if (abort.signal.aborted) return;
        onState(everConnected ? 'reconnecting' : 'connecting');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    };
    void loop();
    return () => abort.abort();
  };
}
