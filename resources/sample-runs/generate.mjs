// Regenerates the bundled sample runs (native run-folder format) deterministically:
//   node resources/sample-runs/generate.mjs
// Curves follow the shapes people know: a warmup + cosine learning-rate schedule, noisy
// power-law training loss, validation loss that turns upward when a run overfits, and one run
// whose learning rate is too high and diverges to NaN. The sentiment runs come with a dataset
// chain: a raw reviews CSV that a `prepare-reviews` run cleans, the cleaned CSV and a JSONL
// eval set as the training runs' inputs (inputs.json), and a small MLflow-style model that the
// best run outputs (outputs.json).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// JSON has no NaN: the run-folder format spells non-finite values as strings.
const round = (v) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : String(v));

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 10, 2, 9, 0, 0);

const RUNS = [
  { id: 'c1f0a1b2c3d4e5f60718293a4b5c6d01', experiment: 'cifar10-resnet', name: 'resnet18-baseline', params: { model: 'resnet18', optimizer: 'sgd', lr: 0.1, batch_size: 128, weight_decay: 0.0005, epochs: 40, seed: 1 }, quality: 1.0, overfit: 0.0, day: 0 },
  { id: 'c1f0a1b2c3d4e5f60718293a4b5c6d02', experiment: 'cifar10-resnet', name: 'resnet18-adamw', params: { model: 'resnet18', optimizer: 'adamw', lr: 0.001, batch_size: 128, weight_decay: 0.05, epochs: 40, seed: 1 }, quality: 1.08, overfit: 0.0, day: 1 },
  { id: 'c1f0a1b2c3d4e5f60718293a4b5c6d03', experiment: 'cifar10-resnet', name: 'resnet50-adamw', params: { model: 'resnet50', optimizer: 'adamw', lr: 0.001, batch_size: 256, weight_decay: 0.05, epochs: 40, seed: 1 }, quality: 1.18, overfit: 0.35, day: 2 },
  { id: 'c1f0a1b2c3d4e5f60718293a4b5c6d04', experiment: 'cifar10-resnet', name: 'resnet18-adamw-seed2', params: { model: 'resnet18', optimizer: 'adamw', lr: 0.001, batch_size: 128, weight_decay: 0.05, epochs: 40, seed: 2 }, quality: 1.07, overfit: 0.0, day: 3 },
  { id: 'c1f0a1b2c3d4e5f60718293a4b5c6d05', experiment: 'cifar10-resnet', name: 'resnet18-lr-too-high', params: { model: 'resnet18', optimizer: 'sgd', lr: 1.5, batch_size: 128, weight_decay: 0.0005, epochs: 40, seed: 1 }, quality: 0.8, overfit: 0.0, day: 4, divergeAtEpoch: 6 },
  { id: 'c1f0a1b2c3d4e5f60718293a4b5c6d06', experiment: 'cifar10-resnet', name: 'resnet34-sgd-short', params: { model: 'resnet34', optimizer: 'sgd', lr: 0.05, batch_size: 128, weight_decay: 0.0005, epochs: 40, seed: 1 }, quality: 1.05, overfit: 0.1, day: 5, killedAtEpoch: 23 },
  { id: 'a7e0b1c2d3e4f5a6b7c8d9e0f1a2b301', experiment: 'sentiment-distilbert', name: 'distilbert-lr2e-5', params: { model: 'distilbert-base-uncased', optimizer: 'adamw', lr: 0.00002, batch_size: 32, max_len: 256, epochs: 4, seed: 42 }, quality: 1.0, overfit: 0.2, day: 6, text: true },
  { id: 'a7e0b1c2d3e4f5a6b7c8d9e0f1a2b302', experiment: 'sentiment-distilbert', name: 'distilbert-lr5e-5', params: { model: 'distilbert-base-uncased', optimizer: 'adamw', lr: 0.00005, batch_size: 32, max_len: 256, epochs: 4, seed: 42 }, quality: 1.06, overfit: 0.6, day: 7, text: true },
];

function generate(spec, index) {
  const rand = rng(1000 + index);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const epochs = spec.params.epochs;
  const stepsPerEpoch = spec.text ? 625 : 390;
  const logEvery = 10;
  const total = epochs * stepsPerEpoch;
  const start = BASE + spec.day * DAY + index * 3_600_000;
  const msPerStep = spec.text ? 180 : 95;
  const lines = [];
  const point = (key, value, step) => lines.push(JSON.stringify({ key, value: round(value), step, timestamp: Math.round(start + step * msPerStep) }));
  const lastEpoch = spec.killedAtEpoch ?? epochs;
  let status = spec.killedAtEpoch ? 'KILLED' : 'FINISHED';
  let diverged = false;
  for (let step = 0; step < lastEpoch * stepsPerEpoch && !diverged; step += logEvery) {
    const progress = step / total;
    const warmup = Math.min(1, step / (total * 0.05));
    const lr = spec.params.lr * warmup * 0.5 * (1 + Math.cos(Math.PI * progress));
    const floor = (spec.text ? 0.18 : 0.04) / spec.quality;
    let loss = floor + (spec.text ? 0.55 : 2.2) * Math.pow(1 + step / 150, -0.55 * spec.quality);
    loss *= 1 + 0.08 * gauss();
    if (spec.divergeAtEpoch && step >= spec.divergeAtEpoch * stepsPerEpoch * 0.8) {
      const blowup = (step - spec.divergeAtEpoch * stepsPerEpoch * 0.8) / stepsPerEpoch;
      loss *= Math.exp(blowup * 6);
      if (loss > 1e6) {
        point('train/loss', NaN, step);
        diverged = true;
        status = 'FAILED';
        break;
      }
    }
    point('train/loss', loss, step);
    point('train/lr', lr, step);
    // Evaluate when this logged step crosses an epoch boundary, and after the last step.
    const isLast = step + logEvery >= lastEpoch * stepsPerEpoch;
    const epochEnded = Math.floor((step + logEvery) / stepsPerEpoch) > Math.floor(step / stepsPerEpoch);
    if (epochEnded || isLast) {
      const epoch = Math.round((step + logEvery) / stepsPerEpoch);
      const e = epoch / epochs;
      const base = floor * 1.6 + (spec.text ? 0.5 : 1.9) * Math.pow(1 + epoch * 2.5, -0.7 * spec.quality);
      const valLoss = base * (1 + spec.overfit * Math.max(0, e - 0.45) ** 2 * 4) * (1 + 0.03 * gauss());
      const acc = Math.min(0.995, (spec.text ? 0.93 : 0.965) * spec.quality ** 0.3 - valLoss * 0.12 + 0.004 * gauss());
      point('val/loss', valLoss, step);
      point('val/accuracy', acc, step);
      point('epoch', epoch, step);
    }
  }
  const lastStep = JSON.parse(lines[lines.length - 1]).step;
  const run = {
    id: spec.id,
    experiment: spec.experiment,
    name: spec.name,
    status,
    startTime: start,
    endTime: Math.round(start + lastStep * msPerStep + 5000),
    params: spec.params,
    tags: {
      'runlens.sample': 'true',
      'git.commit': (0x9a3f1c0 + index * 7919).toString(16) + '2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a2b3c',
      host: 'gpu-box-01',
      ...(diverged ? { note: 'diverged: learning rate too high' } : {}),
    },
  };
  return { run, lines };
}

for (const [i, spec] of RUNS.entries()) {
  const dir = join(here, spec.experiment, spec.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { run, lines } = generate(spec, i);
  writeFileSync(join(dir, 'run.json'), JSON.stringify(run, null, 2) + '\n');
  writeFileSync(join(dir, 'metrics.jsonl'), lines.join('\n') + '\n');
  writeArtifacts(join(dir, 'artifacts'), spec, run);
}

/** A training config and a confusion-matrix summary, as real runs leave beside their logs. */
function writeArtifacts(dir, spec, run) {
  mkdirSync(dir, { recursive: true });
  const config = [
    `# ${spec.name}`,
    `model: ${spec.params.model}`,
    'optimizer:',
    `  name: ${spec.params.optimizer}`,
    `  lr: ${spec.params.lr}`,
    `  weight_decay: ${spec.params.weight_decay ?? 0.01}`,
    `batch_size: ${spec.params.batch_size}`,
    `epochs: ${spec.params.epochs}`,
    `seed: ${spec.params.seed}`,
    `data: ${spec.text ? 'imdb-reviews/v3' : 'cifar10/v2'}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'config.yaml'), config);
  const summary = { status: run.status, final_epoch: spec.killedAtEpoch ?? spec.params.epochs, git_commit: run.tags['git.commit'] };
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
}

// ---- The dataset chain: raw reviews → prepare-reviews → clean reviews → training runs → model ----

const SENTIMENT = join(here, 'sentiment-distilbert');
const PREPARE = { id: 'a7e0b1c2d3e4f5a6b7c8d9e0f1a2b300', name: 'prepare-reviews', start: BASE + 5 * DAY + 18 * 3_600_000 };
// A run folder's inputs.json may name files inside the folder or by absolute path, never `../`
// (a folder must not reach into its neighbours), and shipped samples know no absolute path. So
// each training run keeps a copy of the data it read under data/: the same bytes are the same
// digest, so the copy is the very version prepare-reviews wrote.
const TRAIN_INPUTS = [
  { path: 'data/reviews-clean.csv', name: 'imdb-reviews/clean', context: 'train' },
  { path: 'data/reviews-eval.jsonl', name: 'imdb-reviews/eval', context: 'validation' },
];
/** The run whose model is kept: the lower learning rate overfits less. */
const MODEL_RUN = 'distilbert-lr2e-5';

const OPENERS = ['I watched this', 'Saw this film', 'Caught this movie', 'Rented this', 'We streamed this', 'Finally saw this'];
const WHEN = ['last night', 'on a plane', 'with friends', 'on a rainy Sunday', 'at the cinema', 'twice'];
const GOOD = ['the acting is superb', 'a gripping story', 'the score is beautiful', 'funny and warm', 'smart, tight writing', 'it stays with you'];
const BAD = ['the plot makes no sense', 'painfully slow', 'wooden dialogue', 'a forgettable mess', 'the ending ruins it', 'two hours I will not get back'];
const CLOSERS = ['Recommended.', 'Would watch again.', 'Skip it.', 'Not for me.', '', 'Eight out of ten.'];

function csvField(value) {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const csvLine = (fields) => fields.map(csvField).join(',');

/**
 * ~200 scraped reviews as they come: ratings 1–10, a few duplicates (re-scraped), a few empty
 * texts, and stray whitespace. The cleaned set drops duplicates and empties, trims, and turns the
 * rating into a 0/1 label (rating ≥ 6 is positive).
 */
function reviews() {
  const rand = rng(77);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const raw = [];
  for (let i = 0; i < 200; i++) {
    const positive = rand() < 0.52;
    const rating = positive ? 6 + Math.floor(rand() * 5) : 1 + Math.floor(rand() * 5);
    const parts = [`${pick(OPENERS)} ${pick(WHEN)}: ${pick(positive ? GOOD : BAD)}, ${pick(positive ? GOOD : BAD)}.`, pick(CLOSERS)];
    let text = parts.join(' ').trim();
    if (i % 37 === 5) text = '';
    if (i % 23 === 11) text = `  ${text}  `;
    const duplicateOf = i % 29 === 17 ? raw[i - 3] : null;
    raw.push(
      duplicateOf
        ? { ...duplicateOf, id: 10_000 + i }
        : { id: 10_000 + i, review: text, rating, source: pick(['imdb', 'imdb', 'letterboxd']), fetched_at: new Date(BASE - (200 - i) * 3_600_000).toISOString() },
    );
  }
  const seen = new Set();
  const clean = [];
  for (const r of raw) {
    const text = r.review.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    clean.push({ id: r.id, text, label: r.rating >= 6 ? 1 : 0, rating: r.rating });
  }
  const evalRand = rng(78);
  const evalSet = [];
  for (let i = 0; i < 40; i++) {
    const positive = evalRand() < 0.5;
    const g = (list) => list[Math.floor(evalRand() * list.length)];
    evalSet.push({ text: `${g(OPENERS)} ${g(WHEN)}: ${g(positive ? GOOD : BAD)}.`, label: positive ? 1 : 0 });
  }
  return { raw, clean, evalSet };
}

/**
 * A fine-tuned classifier head as safetensors (little-endian u64 header length, JSON header,
 * then the f32 data), beside an MLmodel file as `mlflow.transformers` writes one.
 */
function writeModel(dir) {
  mkdirSync(dir, { recursive: true });
  const rand = rng(99);
  const weights = Float32Array.from({ length: 2 * 16 + 2 }, () => Number(((rand() - 0.5) * 0.2).toFixed(4)));
  const header = JSON.stringify({
    __metadata__: { format: 'pt' },
    'classifier.bias': { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
    'classifier.weight': { dtype: 'F32', shape: [2, 16], data_offsets: [8, 136] },
  });
  const padded = header.padEnd(Math.ceil(header.length / 8) * 8, ' ');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(padded.length));
  const data = Buffer.from(new Float32Array([...weights.slice(32), ...weights.slice(0, 32)]).buffer);
  writeFileSync(join(dir, 'model.safetensors'), Buffer.concat([length, Buffer.from(padded), data]));
  writeFileSync(
    join(dir, 'MLmodel'),
    [
      'artifact_path: model',
      'flavors:',
      '  python_function:',
      '    env:',
      '      virtualenv: python_env.yaml',
      '    loader_module: mlflow.transformers',
      '    python_version: 3.11.9',
      '  transformers:',
      '    code: null',
      '    framework: pt',
      '    instance_type: TextClassificationPipeline',
      '    pipeline_model_type: DistilBertForSequenceClassification',
      '    source_model_name: distilbert-base-uncased',
      '    task: text-classification',
      '    transformers_version: 4.44.2',
      `model_uuid: 5e1f0c2a9b7d4e3f8a6c1b2d3e4f5a6b`,
      'run_id: a7e0b1c2d3e4f5a6b7c8d9e0f1a2b301',
      'signature:',
      `  inputs: '[{"type": "string", "name": "text", "required": true}]'`,
      `  outputs: '[{"type": "string", "name": "label", "required": true}, {"type": "double", "name": "score", "required": true}]'`,
      `utc_time_created: '${new Date(BASE + 6 * DAY + 6 * 3_600_000).toISOString().replace('T', ' ').replace('Z', '')}'`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'requirements.txt'), 'mlflow==2.17.0\ntorch==2.4.1\ntransformers==4.44.2\n');
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ architectures: ['DistilBertForSequenceClassification'], id2label: { 0: 'NEGATIVE', 1: 'POSITIVE' }, max_position_embeddings: 512, model_type: 'distilbert' }, null, 2) + '\n',
  );
}

const writeJson = (file, value) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

function writeDatasetChain() {
  const { raw, clean, evalSet } = reviews();
  rmSync(join(SENTIMENT, 'data'), { recursive: true, force: true });
  const rawHeader = ['id', 'review', 'rating', 'source', 'fetched_at'];
  const rawText = [csvLine(rawHeader), ...raw.map((r) => csvLine(rawHeader.map((k) => r[k])))].join('\n') + '\n';
  const cleanHeader = ['id', 'text', 'label', 'rating'];
  const cleanText = [csvLine(cleanHeader), ...clean.map((r) => csvLine(cleanHeader.map((k) => r[k])))].join('\n') + '\n';
  const evalText = evalSet.map((r) => JSON.stringify(r)).join('\n') + '\n';

  const prepDir = join(SENTIMENT, PREPARE.name);
  rmSync(prepDir, { recursive: true, force: true });
  mkdirSync(join(prepDir, 'artifacts'), { recursive: true });
  mkdirSync(join(prepDir, 'data'), { recursive: true });
  writeFileSync(join(prepDir, 'data', 'reviews-raw.csv'), rawText);
  writeFileSync(join(prepDir, 'artifacts', 'reviews-clean.csv'), cleanText);
  writeJson(join(prepDir, 'run.json'), {
    id: PREPARE.id,
    experiment: 'sentiment-distilbert',
    name: PREPARE.name,
    status: 'FINISHED',
    startTime: PREPARE.start,
    endTime: PREPARE.start + 42_000,
    params: { min_chars: 1, dedupe: 'exact', positive_from_rating: 6 },
    tags: { 'runlens.sample': 'true', host: 'gpu-box-01', stage: 'data' },
  });
  const counts = { rows_in: raw.length, rows_out: clean.length, dropped_empty: raw.filter((r) => !r.review.trim()).length, positive_share: Number((clean.filter((r) => r.label === 1).length / clean.length).toFixed(4)) };
  writeFileSync(
    join(prepDir, 'metrics.jsonl'),
    Object.entries(counts)
      .map(([key, value]) => JSON.stringify({ key, value, step: 0, timestamp: PREPARE.start + 40_000 }))
      .join('\n') + '\n',
  );
  writeJson(join(prepDir, 'inputs.json'), [{ path: 'data/reviews-raw.csv', name: 'imdb-reviews/raw', context: 'source' }]);
  writeJson(join(prepDir, 'outputs.json'), [{ path: 'artifacts/reviews-clean.csv', name: 'imdb-reviews/clean', kind: 'dataset' }]);

  for (const spec of RUNS.filter((r) => r.text)) {
    const dir = join(here, spec.experiment, spec.name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'reviews-clean.csv'), cleanText);
    writeFileSync(join(dir, 'data', 'reviews-eval.jsonl'), evalText);
    writeJson(join(dir, 'inputs.json'), TRAIN_INPUTS);
    if (spec.name === MODEL_RUN) {
      writeModel(join(dir, 'artifacts', 'model'));
      writeJson(join(dir, 'outputs.json'), [{ kind: 'model', name: 'distilbert-sentiment', path: 'artifacts/model' }]);
    }
  }
}

writeDatasetChain();
