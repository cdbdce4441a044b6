import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from '../../../src-shared/domain';
import type { CoreEvent, CoreEvents } from '../../../src-shared/events';
import { reportFilePath } from '../../../src-shared/report-export';
import type { Core } from '../core';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

/** Two runs over HTTP: `alpha` and `beta`, each with `loss` at steps 0..4 and a secret-looking tag. */
async function coreWithTwoRuns(): Promise<{ core: Core; ids: string[]; events: CoreEvent[] }> {
  const core = await startTestCore(tempDir(), { port: 0 });
  const events: CoreEvent[] = [];
  core.hub.subscribe((e) => events.push(e));
  const ids: string[] = [];
  for (const [name, scale] of [['alpha', 1], ['beta', 2]] as const) {
    const { run } = (await core.dispatch('createRun', { name, params: { lr: String(scale / 100) }, tags: { hf_token: 'hf-secret-value' } })) as { run: RunSummary };
    await core.dispatch('logRun', { id: run.id, metrics: [0, 1, 2, 3, 4].map((step) => ({ key: 'loss', value: scale / (step + 1), step })) });
    ids.push(run.id);
  }
  return { core, ids, events };
}

async function startExport(core: Core, body: Record<string, unknown>): Promise<string> {
  const reply = await send(core, 'POST', '/api/v1/reports', { body: JSON.stringify(body) });
  expect(reply.status).toBe(202);
  return reply.json().exportId as string;
}

async function doneOf(core: Core, events: CoreEvent[], exportId: string): Promise<CoreEvents['report.done']> {
  await core.reports.idle();
  const done = events.filter((e) => e.type === 'report.done' && e.data.exportId === exportId);
  expect(done).toHaveLength(1);
  return done[0]!.data as CoreEvents['report.done'];
}

describe('exportReport and the report file route', () => {
  it('answers an id at once, reports progress, then serves the JSON file as a download without secrets', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const exportId = await startExport(core, { runIds: ids, baseline: ids[1], format: 'json', series: 200 });
      expect(exportId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{8}$/);
      const done = await doneOf(core, events, exportId);
      expect(done.error).toBeUndefined();
      expect(done.files).toHaveLength(1);
      const [file] = done.files;
      expect(file!.name).toMatch(/^runlens-report-\d{8}-\d{6}\.json$/);
      // A UI that missed the event (reconnecting) reads the same end back.
      const status = await send(core, 'GET', `/api/v1/reports/${exportId}`);
      expect(status.json()).toEqual({ exportId, done });
      const progress = events.filter((e) => e.type === 'report.progress' && e.data.exportId === exportId);
      expect(progress.length).toBeGreaterThan(0);
      // Progress comes before the end, never after it.
      expect(events.findIndex((e) => e === progress.at(-1))).toBeLessThan(events.findIndex((e) => e.type === 'report.done'));

      const download = await send(core, 'GET', reportFilePath(exportId, file!.name));
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/json');
      expect(download.headers['content-disposition']).toContain(`attachment; filename="${file!.name}"`);
      expect(Buffer.byteLength(download.body)).toBe(file!.bytes);
      const report = JSON.parse(download.body) as { runs: { name: string }[]; baseline: string };
      expect(report.runs.map((r) => r.name)).toEqual(['alpha', 'beta']);
      expect(report.baseline).toBe(ids[1]);
      expect(download.body).not.toContain('hf-secret-value');
    } finally {
      await core.close();
    }
  });

  it('makes an HTML report linking each run to its page on this server', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const exportId = await startExport(core, { runIds: ids, format: 'html', sections: ['runs', 'summary'] });
      const done = await doneOf(core, events, exportId);
      expect(done.error).toBeUndefined();
      expect(done.files[0]!.name).toMatch(/^runlens-report-\d{8}-\d{6}\.html$/);
      const download = await send(core, 'GET', reportFilePath(exportId, done.files[0]!.name));
      expect(download.headers['content-type']).toBe('text/html; charset=utf-8');
      // A report holds script: it must never render as a page of the app's origin.
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
      expect(download.headers['content-security-policy']).toContain('sandbox');
      for (const id of ids) expect(download.body).toContain(`${core.server!.url}#/runs/${id}`);
      expect(download.body).toContain('alpha');
      expect(download.body).toContain('beta');
    } finally {
      await core.close();
    }
  });

  it('lists every file of a Markdown export with image files, each downloadable by its relative name; inline makes one file', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const withFiles = await startExport(core, { runIds: ids, format: 'md', sections: ['summary', 'charts'], markdownImages: 'files' });
      const done = await doneOf(core, events, withFiles);
      expect(done.error).toBeUndefined();
      const [main, ...images] = done.files;
      expect(main!.name).toMatch(/^runlens-report-\d{8}-\d{6}\.md$/);
      expect(images.length).toBeGreaterThan(0);
      const markdown = (await send(core, 'GET', reportFilePath(withFiles, main!.name))).body;
      for (const image of images) {
        expect(image.name).toContain('/');
        expect(markdown).toContain(image.name);
        const reply = await send(core, 'GET', reportFilePath(withFiles, image.name));
        expect(reply.status).toBe(200);
        expect(reply.headers['content-type']).toBe('image/svg+xml');
        expect(reply.body).toContain('<svg');
      }

      const inline = await startExport(core, { runIds: ids, format: 'md', sections: ['summary', 'charts'] });
      const inlineDone = await doneOf(core, events, inline);
      expect(inlineDone.files).toHaveLength(1);
      expect((await send(core, 'GET', reportFilePath(inline, inlineDone.files[0]!.name))).body).toContain('data:image/svg+xml');
    } finally {
      await core.close();
    }
  });

  it('lists both files of a CSV export, each downloadable', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const exportId = await startExport(core, { runIds: ids, format: 'csv' });
      const done = await doneOf(core, events, exportId);
      expect(done.files.map((f) => f.name).sort()).toEqual(['metrics.csv', 'params.csv']);
      const metrics = await send(core, 'GET', reportFilePath(exportId, 'metrics.csv'));
      expect(metrics.status).toBe(200);
      expect(metrics.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(metrics.body).toContain('loss');
    } finally {
      await core.close();
    }
  });

  it("keeps every step for series 'full' (JSON)", async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const exportId = await startExport(core, { runIds: ids, format: 'json', series: 'full' });
      const done = await doneOf(core, events, exportId);
      const body = (await send(core, 'GET', reportFilePath(exportId, done.files[0]!.name))).json() as { series: { step: number[]; exact: boolean }[] };
      expect(body.series.map((s) => [s.step, s.exact])).toEqual([
        [[0, 1, 2, 3, 4], true],
        [[0, 1, 2, 3, 4], true],
      ]);
    } finally {
      await core.close();
    }
  });

  it('ends an export of an unknown run with report.done carrying the message, and no files', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const { exportId } = (await core.dispatch('exportReport', { runIds: [ids[0], 'nosuchrun'], format: 'json' })) as { exportId: string };
      // The work starts after the id is answered: it is running now.
      expect(await core.dispatch('getReportExport', { id: exportId })).toEqual({ exportId, done: null });
      const done = await doneOf(core, events, exportId);
      expect(done.files).toEqual([]);
      expect(done.error).toContain('nosuchrun');
    } finally {
      await core.close();
    }
  });

  it("carries the view's log scales and directions into the report's metric rows", async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const exportId = await startExport(core, { runIds: ids, format: 'json', metrics: ['loss'], logKeys: ['loss'], directions: { loss: 'max' } });
      const done = await doneOf(core, events, exportId);
      const report = JSON.parse((await send(core, 'GET', reportFilePath(exportId, done.files[0]!.name))).body) as { metrics: { key: string; logScale: boolean; direction: string }[] };
      expect(report.metrics.map(({ key, logScale, direction }) => ({ key, logScale, direction }))).toEqual([{ key: 'loss', logScale: true, direction: 'max' }]);

      // Without `metrics` the keys are known once the runs are read: the export ends naming the stray key.
      const stray = await doneOf(core, events, await startExport(core, { runIds: ids, format: 'json', logKeys: ['nosuchkey'] }));
      expect(stray.files).toEqual([]);
      expect(stray.error).toContain('nosuchkey');
    } finally {
      await core.close();
    }
  });

  it('refuses bad input at once with 400 INVALID_PARAMETER_VALUE', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      for (const body of [
        { runIds: ids, format: 'docx' },
        { runIds: [], format: 'html' },
        { runIds: ids, format: 'html', series: 'full' },
        { runIds: ids, format: 'json', series: 123 },
        { runIds: ids, format: 'html', sections: [] },
        { runIds: ids, format: 'html', baseline: 'other' },
        { runIds: ids, format: 'html', metrics: ['loss'], logKeys: ['acc'] },
        { runIds: ids, format: 'html', metrics: ['loss'], directions: { acc: 'max' } },
        { runIds: ids, format: 'html', directions: { loss: 'down' } },
        { runIds: ids, format: 'html', logKeys: 'loss' },
      ]) {
        const reply = await send(core, 'POST', '/api/v1/reports', { body: JSON.stringify(body) });
        expect(reply.status, JSON.stringify(body)).toBe(400);
        expect(reply.json().error_code).toBe('INVALID_PARAMETER_VALUE');
      }
      await core.reports.idle();
      expect(events.filter((e) => e.type.startsWith('report.'))).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('answers 404 RESOURCE_DOES_NOT_EXIST for unknown exports and files, and refuses paths out of the export', async () => {
    const { core, ids, events } = await coreWithTwoRuns();
    try {
      const exportId = await startExport(core, { runIds: ids, format: 'csv' });
      await doneOf(core, events, exportId);
      // A file beside the exports folder that a traversal would reach.
      writeFileSync(join(core.reports.dir, 'outside.txt'), 'not yours');

      for (const path of [
        reportFilePath('20260101-000000-00000000', 'metrics.csv'),
        reportFilePath(exportId, 'nothing.csv'),
        reportFilePath('not-an-id', 'metrics.csv'),
        '/api/v1/reports/20260101-000000-00000000',
        `/api/v1/reports/${exportId}/files/`,
      ]) {
        const reply = await send(core, 'GET', path);
        expect(reply.status, path).toBe(404);
        expect(['RESOURCE_DOES_NOT_EXIST', 'ENDPOINT_NOT_FOUND']).toContain(reply.json().error_code);
      }
      expect((await send(core, 'GET', reportFilePath(exportId, 'nothing.csv'))).json().error_code).toBe('RESOURCE_DOES_NOT_EXIST');

      for (const path of [`/api/v1/reports/${exportId}/files/..%2Foutside.txt`, `/api/v1/reports/${exportId}/files/%2E%2E/outside.txt`, `/api/v1/reports/..%2F${exportId}/files/metrics.csv`]) {
        const reply = await send(core, 'GET', path);
        expect(reply.status, path).toBeGreaterThanOrEqual(400);
        expect(reply.body).not.toContain('not yours');
      }
      // Downloads need the token like every API route.
      expect((await send(core, 'GET', reportFilePath(exportId, 'metrics.csv'), { auth: false })).status).toBe(401);
    } finally {
      await core.close();
    }
  });
});
