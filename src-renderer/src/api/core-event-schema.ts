// Events arrive from another process (IPC) or over the network (SSE), so each is checked
// before it reaches a store. The check covers the fields the UI keys on; the rest of a run
// summary is the core's to get right, and the contract types describe it.
import { z } from 'zod';
import { ALERT_KINDS } from '../../../src-shared/alerts';
import type { CoreEvent } from '../../../src-shared/events';

const runShape = z.looseObject({
  id: z.string(),
  status: z.string(),
  params: z.record(z.string(), z.string()),
  tags: z.record(z.string(), z.string()),
  metrics: z.array(z.looseObject({ key: z.string() })),
});

// The fields every push or pull event carries.
const syncCounts = {
  jobId: z.string(),
  direction: z.enum(['push', 'pull']),
  remote: z.string(),
};

/** Numbers that are not JSON numbers (NaN, ±Infinity) travel as strings (see WireNumber). */
const wireNumber = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);

const alertShape = z.object({
  id: z.number().int(),
  ruleId: z.string(),
  kind: z.enum(ALERT_KINDS),
  runId: z.string(),
  runName: z.string(),
  experiment: z.string(),
  message: z.string(),
  metric: z.string().nullable(),
  value: wireNumber.nullable(),
  step: z.number().nullable(),
  raisedAt: z.number(),
  read: z.boolean(),
});

const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alert.raised'), data: z.object({ alert: alertShape }) }),
  z.object({ type: z.literal('alerts.read'), data: z.object({ ids: z.array(z.number().int()).nullable() }) }),
  z.object({ type: z.literal('run.updated'), data: z.object({ run: runShape }) }),
  z.object({
    type: z.literal('points.appended'),
    data: z.object({ runId: z.string(), keys: z.array(z.string()) }),
  }),
  z.object({ type: z.literal('watch.changed'), data: z.object({ root: z.looseObject({ path: z.string() }) }) }),
  z.object({ type: z.literal('datasets.changed'), data: z.object({ names: z.array(z.string()) }) }),
  z.object({
    type: z.literal('promotion.progress'),
    data: z.object({
      promotionId: z.string(),
      phase: z.enum(['gate', 'upload', 'register', 'verify', 'done']),
      file: z.string().nullable(),
      bytesDone: z.number(),
      bytesTotal: z.number(),
      fileBytesDone: z.number().optional(),
      fileBytesTotal: z.number().optional(),
    }),
  }),
  z.object({
    type: z.literal('report.progress'),
    data: z.object({ exportId: z.string(), phase: z.string(), done: z.number(), total: z.number() }),
  }),
  z.object({
    type: z.literal('report.done'),
    data: z.object({ exportId: z.string(), files: z.array(z.object({ name: z.string(), bytes: z.number() })), error: z.string().optional() }),
  }),
  z.object({
    type: z.literal('sync.progress'),
    data: z.looseObject({
      ...syncCounts,
      runsDone: z.number(),
      runsTotal: z.number(),
      points: z.number(),
      pointsTotal: z.number(),
      bytes: z.number(),
      bytesTotal: z.number(),
      currentRun: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('sync.done'),
    data: z.looseObject({
      ...syncCounts,
      outcome: z.enum(['done', 'failed', 'cancelled']),
      runs: z.array(z.object({ localId: z.string(), remoteId: z.string() })),
      points: z.number(),
      bytes: z.number(),
      error: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('promotion.updated'),
    data: z.object({
      record: z.looseObject({
        id: z.string(),
        runId: z.string(),
        registry: z.string(),
        remoteName: z.string(),
        outcome: z.enum(['verified', 'failed', 'blocked', 'cancelled', 'running']),
        gate: z.looseObject({ passed: z.boolean(), rules: z.array(z.looseObject({ expression: z.string(), passed: z.boolean(), detail: z.string() })) }),
      }),
    }),
  }),
]);

/** The event, or null when it is malformed or of a type this UI does not know. */
export function parseCoreEvent(candidate: unknown): CoreEvent | null {
  const result = eventSchema.safeParse(candidate);
  return result.success ? (candidate as CoreEvent) : null;
}
