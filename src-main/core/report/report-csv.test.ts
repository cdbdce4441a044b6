import { describe, expect, it } from 'vitest';
import { csvField, metricsCsv, paramsCsv } from './report-csv';
import type { ReportData } from './report-data';

const data: ReportData = {
  baseline: 'r1',
  runs: [
    { id: 'r1', name: 'plain', experiment: 'e', status: 'FINISHED', startTime: 1, endTime: 2, sourceKind: 'api', sourcePath: null, tags: {} },
    { id: 'r2', name: 'with, comma "and" quotes', experiment: 'e', status: 'RUNNING', startTime: 3, endTime: null, sourceKind: 'api', sourcePath: null, tags: {} },
  ],
  params: [{ key: 'note', values: { r1: 'line1\nline2', r2: null }, differs: true }],
  metrics: [
    {
      key: 'loss',
      logScale: true,
      direction: 'min',
      byRun: { r1: { last: 0.5, lastStep: 3, min: 0.25, minStep: 2, max: 1, maxStep: 0, deltaVsBaseline: 0 } },
    },
  ],
};

describe('report CSV (RFC 4180)', () => {
  it('quotes fields holding commas, quotes or line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });

  it('writes runs × params and runs × metric summaries with CRLF line ends', () => {
    expect(paramsCsv(data)).toBe('run_id,run_name,note\r\nr1,plain,"line1\nline2"\r\nr2,"with, comma ""and"" quotes",\r\n');
    expect(metricsCsv(data)).toBe(
      'run_id,run_name,metric,last,last_step,min,min_step,max,max_step,delta_vs_baseline\r\n' +
        'r1,plain,loss,0.5,3,0.25,2,1,0,0\r\n' +
        'r2,"with, comma ""and"" quotes",loss,,,,,,,\r\n',
    );
  });
});
