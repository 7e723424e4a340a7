/**
 * `npm run bench:ranking [-- --seeds N --models nb,lr,... --files Nagtegaal,Cohen --skip-timing]`
 *
 * Simulates priority screening on every labelled dataset in
 * shared/data/screening with several seeds per model and prints WSS@95,
 * WSS@100 and RRF@10 (mean, sd, min-max), next to ASReview's published
 * Naive Bayes figures; then times feature building and retraining at 10,000
 * records. Runs are spread over two worker threads.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import {
  buildFeatures,
  cleanForSimulation,
  DEFAULT_MODEL,
  MODEL_NAMES,
  pooledRelevantReferencesFound,
  pooledWorkSavedOverSampling,
  rankRecords,
  simulate,
  type FeatureOptions,
  type Label,
  type ModelSettings,
  type RankingDoc,
} from '../../lib/domain/ranking';
import { readLabelledCsv } from '../commands/simulate';
import { sharedDataPath } from '../../tests/support/shared-data';

/** A configuration to benchmark: a model plus, for baselines, other settings. */
type Variant = { name: string; model: (typeof MODEL_NAMES)[number]; settings?: Partial<ModelSettings>; features?: FeatureOptions };

/**
 * ASReview v0.9's default as closely as we can: TF-IDF of unigrams as
 * scikit-learn's defaults (raw counts, numbers kept, no min df, no stemming),
 * Naive Bayes alpha 3.822, 'double' balance. Run in the same harness, it shows
 * how much of any gap to the published figures is the harness, not the model.
 */
const ASREVIEW_LIKE: Variant = {
  name: 'asreview-0.9-nb',
  model: 'nb',
  settings: { nbAlpha: 3.822, balance: 'double' },
  features: { maxNgram: 1, minDocumentFrequency: 1, maxDocumentShare: 1, sublinearTf: false, keepNumbers: true, stem: false },
};

/**
 * NB and fully balanced LR averaged: the best six-dataset mean in this
 * session's exploration, but LR's training at 10,000 records takes seconds,
 * over the 1 s budget (see README.md), so it is not the default.
 */
const NB_LR_BALANCED: Variant = { name: 'nb+lr-balanced', model: 'nb+lr', settings: { discriminativeBalancePower: 1 } };

/** ASReview's published WSS@95 / RRF@10 for NB + TF-IDF (asreview_simulation_study_results.rst). */
const PUBLISHED: Record<string, { wss95: number; rrf10: number }> = {
  Nagtegaal_2019: { wss95: 71.7, rrf10: 65.3 },
  Cohen_2006_ACEInhibitors: { wss95: 82.9, rrf10: 90.5 },
};

type Job = { file: string; variant: Variant; seed: number };
type JobResult = Job & {
  records: number;
  included: number;
  wss95: number;
  wss100: number;
  rrf10: number;
  /** Positions (0-based) of the includes among the records screened after the two priors, and how many those are. */
  includePositions: number[];
  screenedAfterPriors: number;
  seconds: number;
};

const screeningDir = sharedDataPath('screening');

function runJob(job: Job): JobResult {
  const started = performance.now();
  const result = simulate(readCached(job.file), {
    seed: job.seed,
    model: job.variant.model,
    settings: job.variant.settings,
    featureOptions: job.variant.features,
  });
  const { records, included, wss95, wss100, rrf10 } = result;
  const afterPriors = result.sequence.slice(2);
  const includePositions = afterPriors.flatMap((label, i) => (label === 1 ? [i] : []));
  const seconds = (performance.now() - started) / 1000;
  return { ...job, records, included, wss95, wss100, rrf10, includePositions, screenedAfterPriors: afterPriors.length, seconds };
}

const csvCache = new Map<string, ReturnType<typeof readLabelledCsv>>();
function readCached(file: string) {
  let records = csvCache.get(file);
  if (!records) {
    records = readLabelledCsv(`${screeningDir}/${file}`);
    csvCache.set(file, records);
  }
  return records;
}

if (!isMainThread) {
  parentPort!.on('message', (job: Job | null) => {
    if (job === null) process.exit(0);
    parentPort!.postMessage(runJob(job));
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '5' },
      models: { type: 'string', default: `${DEFAULT_MODEL},nb-portfolio,lr,${ASREVIEW_LIKE.name}` },
      workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      'skip-timing': { type: 'boolean', default: false },
      /** Comma-separated prefixes of dataset file names (default: all). */
      files: { type: 'string', default: '' },
    },
  });
  const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => i + 1);
  const variants: Variant[] = values.models.split(',').map((name) => {
    if (name === ASREVIEW_LIKE.name) return ASREVIEW_LIKE;
    if (name === NB_LR_BALANCED.name) return NB_LR_BALANCED;
    if (!MODEL_NAMES.includes(name as Variant['model'])) throw new Error(`Unknown model ${name}`);
    return { name: name === DEFAULT_MODEL ? `${name} (default)` : name, model: name as Variant['model'] };
  });
  const prefixes = values.files.split(',').filter(Boolean);
  const files = readdirSync(screeningDir)
    .filter((f) => f.endsWith('.csv') && (prefixes.length === 0 || prefixes.some((p) => f.startsWith(p))))
    .sort();
  const started = performance.now();
  console.log(`Priority-screening benchmark: ${files.length} datasets x ${variants.length} models x ${seeds.length} seeds, ${values.workers} worker threads`);
  console.log('Every run: records without abstract and duplicates removed, 1 random include + 1 random exclude as prior knowledge, retrained after every label.');
  console.log('Both conventions leave the two priors out (N - 2 records, includes - 1).');
  console.log("  Cohen:  WSS@r = unscreened share - (1 - r) at the first record where ceil(r x includes) are found, per run; RRF@10 = recall after floor(10% N) records; mean sd [min-max] over seeds.");
  console.log('  v0.9.3: as the ASReview simulation study (asreview 0.9.3 Analysis via asreview-statistics 0.3): recall curves averaged over the seeds first,');
  console.log('          then WSS@r = recall reached - i/N at the first index i where the mean recall >= r (i = records screened - 1); RRF@10 = mean recall at i = ceil(10% N).\n');

  // Slowest jobs first so that the two workers finish together.
  const jobs: Job[] = [];
  for (const variant of variants) for (const file of files) for (const seed of seeds) jobs.push({ file, variant, seed });
  const cost = (job: Job) => ({ nb: 1, 'nb-portfolio': 3, lr: 5, svm: 3, 'nb+lr': 12 })[job.variant.model] * (job.file.startsWith('Cohen') || job.file.startsWith('Nag') || job.file.startsWith('Kitch') ? 10 : 1);
  jobs.sort((a, b) => cost(b) - cost(a));
  const results = await runInWorkers(jobs, Number(values.workers));

  const pooled = (runs: JobResult[]) => {
    const sequences = runs.map((r) => {
      const labels = new Array<Label>(r.screenedAfterPriors).fill(0);
      for (const at of r.includePositions) labels[at] = 1;
      return labels;
    });
    return { wss95: pooledWorkSavedOverSampling(sequences, 0.95), rrf10: pooledRelevantReferencesFound(sequences, 0.1) };
  };
  const defaultRuns = (file: string) => results.filter((r) => r.file === file && r.variant.model === DEFAULT_MODEL && !r.variant.settings && !r.variant.features);

  for (const file of results.length > 0 ? files : []) {
    const first = results.find((r) => r.file === file)!;
    const name = file.replace(/\.csv$/, '');
    console.log(`${name}: ${first.records} records, ${first.included} included after cleaning`);
    console.log(
      `  ${'model'.padEnd(18)} ${'Cohen WSS@95 mean sd [min-max]'.padEnd(31)} ${'WSS@100'.padEnd(24)} ${'RRF@10'.padEnd(24)} ${'v0.9.3 WSS@95'.padEnd(14)} ${'RRF@10'.padEnd(7)} s/run`,
    );
    for (const variant of variants) {
      const runs = results.filter((r) => r.file === file && r.variant.name === variant.name);
      const secs = runs.reduce((s, r) => s + r.seconds, 0) / runs.length;
      const v0 = pooled(runs);
      console.log(
        `  ${variant.name.padEnd(18)} ${summary(runs.map((r) => r.wss95)).padEnd(31)} ${summary(runs.map((r) => r.wss100)).padEnd(24)} ${summary(runs.map((r) => r.rrf10)).padEnd(24)} ${v0.wss95.toFixed(1).padEnd(14)} ${v0.rrf10.toFixed(1).padEnd(7)} ${secs.toFixed(1)}`,
      );
    }
    const published = PUBLISHED[name];
    if (published) {
      console.log(`  ${'ASReview published'.padEnd(18)} ${'-'.padEnd(31)} ${'-'.padEnd(24)} ${'-'.padEnd(24)} ${String(published.wss95).padEnd(14)} ${String(published.rrf10).padEnd(7)} (NB + TF-IDF, 15 runs, hyper-parameters tuned on this dataset)`);
    }
  }

  if (files.some((f) => PUBLISHED[f.replace(/\.csv$/, '')] && defaultRuns(f).length > 0)) {
    console.log(`\nDefault model (${DEFAULT_MODEL}) against ASReview v0.9.3 NB + TF-IDF, WSS@95 in the study's own convention (v0.9.3, pooled over ${seeds.length} seeds):`);
  }
  for (const [name, published] of Object.entries(PUBLISHED)) {
    const runs = defaultRuns(`${name}.csv`);
    if (runs.length === 0) continue;
    const v0 = pooled(runs).wss95;
    const cohen = runs.reduce((s, r) => s + r.wss95, 0) / runs.length;
    const verdict = v0 > published.wss95 ? 'beats' : `DOES NOT beat (${(published.wss95 - v0).toFixed(1)} points short)`;
    console.log(`  ${name}: ${v0.toFixed(1)} vs ${published.wss95} -> ${verdict} the published figure; Cohen convention ${cohen.toFixed(1)}`);
  }
  console.log(`\nSimulations took ${((performance.now() - started) / 1000).toFixed(0)} s wall clock.`);
  if (!values['skip-timing']) timeAtTenThousand(files);
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

function summary(values: number[]): string {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return `${mean.toFixed(1)} ${sd.toFixed(1)} [${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}]`;
}

/**
 * tsx hooks the main thread only, so a worker first registers tsx's
 * CommonJS loader (tsx runs this package's scripts as CommonJS) and then
 * loads this file, which sees it is a worker.
 */
function workerBootstrap(): string {
  const require = createRequire(import.meta.url);
  const tsxApi = require.resolve('tsx/cjs/api');
  const self = fileURLToPath(import.meta.url);
  return `require(${JSON.stringify(tsxApi)}).register(); require(${JSON.stringify(self)});`;
}

function runInWorkers(jobs: Job[], workerCount: number): Promise<JobResult[]> {
  return new Promise((resolve, reject) => {
    if (jobs.length === 0) return resolve([]);
    const results: JobResult[] = [];
    let next = 0;
    let done = 0;
    const lastProgress = { at: performance.now() };
    for (let w = 0; w < Math.max(1, workerCount); w++) {
      const worker = new Worker(workerBootstrap(), { eval: true });
      const feed = () => worker.postMessage(next < jobs.length ? jobs[next++] : null);
      worker.on('message', (result: JobResult) => {
        results.push(result);
        done++;
        if (performance.now() - lastProgress.at > 30_000) {
          lastProgress.at = performance.now();
          process.stderr.write(`  ... ${done}/${jobs.length} simulations done\n`);
        }
        if (done === jobs.length) resolve(results);
        feed();
      });
      worker.on('error', reject);
      feed();
    }
  });
}

/**
 * Retrain-and-score time at 10,000 records: synthetic records made by pairing
 * the title of one real record with the abstract of another (all datasets
 * pooled, cleaned), labelled with ~5% includes like a real review.
 */
function timeAtTenThousand(files: string[]) {
  const pool = files.flatMap((f) => cleanForSimulation(readCached(f)).records);
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const docs: RankingDoc[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `r${i}`,
    title: pool[Math.floor(next() * pool.length)].title,
    abstract: pool[Math.floor(next() * pool.length)].abstract,
  }));
  console.log(`\nTiming at 10,000 synthetic records (titles and abstracts resampled from ${pool.length} real ones), one thread:`);
  let t = performance.now();
  const features = buildFeatures(docs);
  const nnz = features.values.length;
  console.log(`  buildFeatures: ${(performance.now() - t).toFixed(0)} ms (${features.terms.length} n-grams, ${nnz} non-zeros; cache and reuse)`);
  for (const labelled of [500, 2_000, 9_000]) {
    const labels = new Map<string, Label>();
    for (let i = 0; i < labelled; i++) labels.set(`r${i}`, next() < 0.05 || i === 0 ? 1 : 0);
    const cells: string[] = [];
    for (const model of MODEL_NAMES) {
      rankRecords(features, labels, { model, seed: 1 }); // warm-up (JIT)
      const times: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        t = performance.now();
        rankRecords(features, labels, { model, seed: 1 });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      cells.push(`${model} ${times[1].toFixed(0)} ms`);
    }
    console.log(`  rankRecords (retrain from scratch + score + sort), ${labelled} labelled: ${cells.join(', ')} (median of 3)`);
  }
}
