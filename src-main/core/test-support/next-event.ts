import type { CoreEvent } from '../../../src-shared/events';
import type { Core } from '../core';

/** Resolves with the first core event that matches: tests wait for the event, never sleep. */
export function nextEvent(core: Core, match: (e: CoreEvent) => boolean): Promise<CoreEvent> {
  return new Promise((done) => {
    const off = core.hub.subscribe((e) => {
      if (match(e)) {
        off();
        done(e);
      }
    });
  });
}
