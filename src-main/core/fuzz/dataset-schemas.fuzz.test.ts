// The dataset schema readers (CSV, TSV, JSONL, Parquet footers): a damaged or hostile data file
// gives columns or a problem — the promise never rejects — and the read finishes.
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readSchema } from '../datasets/schema/read-schema';
import { useTempDirs } from '../test-support/temp-dir';
import { fuzzRuns, hostileBytes, hostileText } from './fuzz-support';

const tempDir = useTempDirs();

/** Same bound as settles() (see fuzz-support.ts), for a read that is asynchronous. */
const HANG_MS = 1000;

async function expectReadSettles(path: string, format: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: reading a ${format} file took over ${HANG_MS} ms`)), HANG_MS)));
  try {
    const r = await Promise.race([readSchema(path, format), hang]);
    // Either a schema or a problem, never both nor neither.
    expect(r.problem === null).toBe(r.columns !== null);
  } finally {
    clearTimeout(timer);
  }
}

const CSV = ['id,score,ok,when,name\n1,0.5,true,2024-01-02,a\n2,1,false,2024-01-03T10:00:00Z,"b, with ""comma"""\n', 'a,b\n"multi\nline",2\n'];
const JSONL = ['{"id": 1, "x": 0.5, "tags": ["a"], "when": "2024-01-02"}\n{"id": 2, "x": NaN, "nested": {"k": null}}\n', '{"a": 1}\r\n\r\n{"a": "s"}\n'];

describe('dataset schema fuzzing', () => {
  it('damaged CSV, TSV and JSONL files give columns or a problem', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(hostileText([...CSV, ...JSONL, ...CSV.map((t) => t.replaceAll(',', '\t'))]), fc.constantFrom('csv', 'tsv', 'jsonl'), async (text, format) => {
        const path = join(dir, `d.${format}`);
        writeFileSync(path, text);
        await expectReadSettles(path, format);
      }),
      fuzzRuns(300),
    );
  });

  it('damaged Parquet files give columns or a problem', async () => {
    const dir = tempDir();
    const valid = join(dir, 'valid.parquet');
    parquetWriteFile({
      filename: valid,
      columnData: [
        { name: 'id', data: [1n, 2n, 3n], type: 'INT64' },
        { name: 'score', data: [0.5, 1.5, 2.5], type: 'DOUBLE' },
        { name: 'label', data: ['a', 'b', 'c'], type: 'STRING' },
      ],
    });
    const sample = Uint8Array.from(readFileSync(valid));
    // The footer (metadata, its length, the magic) is what the reader parses: damage it most.
    const footerDamage = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([back, bytes]) => {
      const b = Uint8Array.from(sample);
      b.set(bytes.subarray(0, back), b.length - back);
      return b;
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileBytes([sample]), footerDamage), async (bytes) => {
        const path = join(dir, 'd.parquet');
        writeFileSync(path, bytes);
        await expectReadSettles(path, 'parquet');
      }),
      fuzzRuns(300),
    );
  });
});
