import type { ParsedInput } from '../../../src-shared/contract';
import type { Alert, AlertRule } from '../../../src-shared/alerts';
import { ApiError } from '../../../src-shared/errors';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';

const NOT_YET = () => new ApiError('INTERNAL_ERROR', 'alerts are not built yet');

export interface AlertDeps {
  store: Store;
  hub: EventHub;
  now: () => number;
}

/** Evaluates alert rules over what runs log and keeps the alerts raised. */
export class AlertService {
  constructor(readonly deps: AlertDeps) {}

  rules(_experiment?: string): AlertRule[] {
    throw NOT_YET();
  }

  saveRule(_input: ParsedInput<'saveAlertRule'>): AlertRule {
    throw NOT_YET();
  }

  deleteRule(_id: string): boolean {
    throw NOT_YET();
  }

  list(_runId: string | undefined, _limit: number): { alerts: Alert[]; unread: number } {
    throw NOT_YET();
  }

  markRead(_ids?: number[]): number {
    throw NOT_YET();
  }

  /** Starts listening to the core's events and the stall timer. */
  start(): void {}

  close(): void {}
}
