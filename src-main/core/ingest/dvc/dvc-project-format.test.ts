import { describe, expect, it } from 'vitest';
import { parseDvcLock, parseDvcYamlArtifacts } from './dvc-project-format';

// As `dvc repro` (DVC 3.67) writes it, with a folder out and a foreach stage added.
const LOCK = `schema: '2.0'
stages:
  prepare:
    cmd: python prepare.py
    deps:
    - path: raw.csv
      hash: md5
      md5: c3c6bc2ae8ece4bd2510dca21225c041
      size: 12
    outs:
    - path: clean.csv
      hash: md5
      md5: 5a1d1b5ad1bd9ea6d2d0f8a4cbbc7e47
      size: 12
  train:
    cmd: python train.py
    deps:
    - path: clean.csv
      hash: md5
      md5: 5a1d1b5ad1bd9ea6d2d0f8a4cbbc7e47
      size: 12
    params:
      params.yaml:
        train.epochs: 3
        train.lr: 1.0
      conf/extra.yaml:
        opt:
          name: sgd
    outs:
    - path: features
      hash: md5
      md5: ef085c9b449e0fa01a8120cada124667.dir
      size: 4
      nfiles: 2
    - path: metrics.json
      hash: md5
      md5: e5f4957673dc0b55d1bf8a8581a167b9
      size: 12
  split@test:
    cmd:
    - python split.py test
    - echo done
    deps:
    - path: https://example.com/data.csv
      etag: '"abc"'
    - path: unhashed.txt
    outs: []
`;

describe('dvc.lock', () => {
  it('reads each stage’s cmd, hashed deps and outs, and params (other files prefixed, text kept as written)', () => {
    const { value, problems } = parseDvcLock(LOCK, 'dvc.lock');
    expect(problems).toEqual([]);
    expect(value.map((s) => s.name)).toEqual(['prepare', 'train', 'split@test']);
    expect(value[0]).toMatchObject({
      cmd: 'python prepare.py',
      deps: [{ path: 'raw.csv', digest: 'md5:c3c6bc2ae8ece4bd2510dca21225c041', sizeBytes: 12, nfiles: null, folder: false }],
      outs: [{ path: 'clean.csv', digest: 'md5:5a1d1b5ad1bd9ea6d2d0f8a4cbbc7e47', sizeBytes: 12, nfiles: null, folder: false }],
      params: {},
    });
    expect(value[1]!.params).toEqual({ 'train.epochs': '3', 'train.lr': '1.0', 'conf/extra.yaml:opt.name': 'sgd' });
    expect(value[1]!.outs[0]).toEqual({ path: 'features', digest: 'md5:ef085c9b449e0fa01a8120cada124667.dir', sizeBytes: 4, nfiles: 2, folder: true });
    expect(value[2]).toMatchObject({ cmd: 'python split.py test\necho done', deps: [{ path: 'https://example.com/data.csv', digest: 'etag:"abc"' }], outs: [] });
  });

  it('gives a stage another state when anything in its entry changes, the same one otherwise', () => {
    const [a] = parseDvcLock(LOCK, 'dvc.lock').value;
    const [b] = parseDvcLock(LOCK, 'dvc.lock').value;
    const [c] = parseDvcLock(LOCK.replace('c3c6bc2ae8ece4bd2510dca21225c041', '00000000000000000000000000000000'), 'dvc.lock').value;
    expect(a!.state).toBe(b!.state);
    expect(a!.state).not.toBe(c!.state);
  });

  it('reads DVC 1 locks (stages at the top level); reports what it cannot read', () => {
    expect(parseDvcLock('s:\n  cmd: x\n  outs:\n  - path: o\n    md5: ab\n', 'l').value).toMatchObject([{ name: 's', outs: [{ digest: 'md5:ab' }] }]);
    expect(parseDvcLock('', 'l')).toEqual({ value: [], problems: [] });
    expect(parseDvcLock('stages: [', 'l').problems[0]).toMatch(/^l: not valid YAML/);
    expect(parseDvcLock("schema: '2.0'\nstages:\n  a: 3\n  b:\n    outs:\n    - md5: x\n", 'l').problems).toEqual(["l: stage 'a' is not a mapping; skipped", "l: stage 'b' outs: an entry without a path; skipped"]);
  });
});

describe('dvc.yaml', () => {
  it('names the outs that are metrics or plots, in stages and at the top level; foreach stages do not break it', () => {
    const yaml = `stages:
  train:
    cmd: python train.py
    outs: [model.pkl]
    metrics:
    - metrics.json:
        cache: false
    plots:
    - plots/roc.csv
  split:
    foreach: [train, test]
    do:
      cmd: python split.py \${item}
      outs:
      - data/\${item}.csv
plots:
- confusion.png
`;
    expect(parseDvcYamlArtifacts(yaml, 'dvc.yaml')).toEqual({ value: new Set(['confusion.png', 'metrics.json', 'plots/roc.csv']), problems: [] });
    expect(parseDvcYamlArtifacts('- a', 'dvc.yaml').problems).toEqual(['dvc.yaml: not a DVC pipeline file']);
  });
});
