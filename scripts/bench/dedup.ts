/**
 * `npm run bench:dedup [-- --details]`
 * Runs findDuplicates on the three benchmark sets of Rathbone et al. (2015) as
 * distributed by bib-dedupe (shared data, dedup/) and prints, per set, the
 * automatic and queued true/false positives, recall, precision and time; then
 * times a synthetic 50,000-record run. `--details` lists every wrong automatic
 * merge, missed duplicate and false queued pair (for tuning).
 */
import { readFileSync } from 'node:fs';
import { parseBenchmarkGroups, parseBenchmarkRecords } from '../../lib/domain/dedup/benchmark-csv';
import { evaluateDedup, findDuplicates, type DedupRecord } from '../../lib/domain/dedup';
import { hasSharedData, sharedDataPath } from '../../tests/support/shared-data';

/** bib-dedupe's published true positives (duplicate records found) per set. */
const SETS = [
  { name: 'respiratory', published: 408 },
  { name: 'cytology_screening', published: 766 },
  { name: 'haematology', published: 120 },
] as const;

const details = process.argv.includes('--details');

function describe(record: DedupRecord | undefined): string {
  if (!record) return '?';
  const authors = record.authors.slice(0, 2).join('; ');
  return `${record.id} | ${record.title ?? ''} | ${record.year ?? ''} | ${authors} | ${record.journal ?? ''} | v${record.volume ?? ''} n${record.issue ?? ''} p${record.pages ?? ''}`;
}

function printDetails(records: DedupRecord[], trueGroups: string[][], result: ReturnType<typeof findDuplicates>) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const trueGroupOf = new Map<string, number>();
  trueGroups.forEach((g, i) => g.forEach((id) => trueGroupOf.set(id, i)));
  const same = (a: string, b: string) => trueGroupOf.has(a) && trueGroupOf.get(a) === trueGroupOf.get(b);
  for (const group of result.groups) {
    if (group.every((id) => same(group[0], id))) continue;
    console.log('  WRONG AUTO GROUP');
    for (const id of group) console.log(`    ${describe(byId.get(id))}`);
  }
  const found = new Map<string, number>();
  result.groups.forEach((g, i) => g.forEach((id) => found.set(id, i)));
  const queuedTrue = new Set(result.queued.filter((q) => same(q.a, q.b)).map((q) => `${q.a}|${q.b}`));
  for (const group of trueGroups) {
    const autoParts = new Set(group.map((id) => found.get(id) ?? id));
    if (autoParts.size === 1) continue;
    const inQueue = group.some((a) => group.some((b) => queuedTrue.has(`${a}|${b}`)));
    console.log(`  SPLIT TRUE GROUP (${autoParts.size} parts${inQueue ? ', some queued' : ''})`);
    for (const id of group) console.log(`    [${found.get(id) ?? '-'}] ${describe(byId.get(id))}`);
  }
  for (const q of result.queued) {
    if (same(q.a, q.b)) continue;
    console.log(`  FALSE QUEUED ${q.score} ${q.reasons.join(', ')}`);
    console.log(`    ${describe(byId.get(q.a))}\n    ${describe(byId.get(q.b))}`);
  }
}

/** Wall-clock and CPU time of one call (CPU time is steadier on a busy machine). */
function timed<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function runSet(name: string, published: number) {
  const records = parseBenchmarkRecords(readFileSync(sharedDataPath('dedup', name, 'records_pre_merged.csv'), 'utf8'));
  const trueGroups = parseBenchmarkGroups(readFileSync(sharedDataPath('dedup', name, 'merged_record_ids.csv'), 'utf8'));
  const { result, ms, cpuMs } = timed(() => findDuplicates(records));
  const e = evaluateDedup(trueGroups, result);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${name}: ${records.length} records, ${e.trueDuplicates} true duplicates (bib-dedupe found ${published})`);
  console.log(`  automatic: TP ${e.auto.truePositives}, FP ${e.auto.falsePositives} (wrong pairs in groups: ${e.auto.falsePairs}), ${result.groups.length} groups`);
  console.log(`  queued:    ${e.queued.pairs} pairs, ${e.queued.truePairs} true, ${e.queued.falsePairs} false; +${e.queued.extraTruePositives} duplicates when accepted`);
  console.log(
    `  total:     TP ${e.combined.truePositives}, FP ${e.combined.falsePositives}, FN ${e.combined.falseNegatives}; recall ${pct(e.combined.recall)} (automatic ${pct(e.auto.truePositives / e.trueDuplicates)}), precision ${pct(e.combined.precision)}`,
  );
  console.log(`  time:      ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)`);
  if (details) printDetails(records, trueGroups, result);
}

/** Deterministic pseudo-random numbers (mulberry32) so every run times the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 40,000 distinct works and 10,000 altered copies of some of them (case,
 * punctuation, a translated-title bracket, initials instead of given names,
 * missing pages, abbreviated journal), shuffled.
 */
function syntheticRecords(total: number): { records: DedupRecord[]; trueGroups: string[][] } {
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 've', 'zu', 'bra', 'cli', 'dro', 'fen', 'gal', 'hep', 'ion', 'mab', 'nol', 'tis'];
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join('');
  const vocabulary = Array.from({ length: 4000 }, word);
  const surnames = Array.from({ length: 6000 }, () => word().replace(/^./, (c) => c.toUpperCase()));
  const journals = Array.from({ length: 900 }, () => `Journal of ${pick(vocabulary)} and ${pick(vocabulary)} Research`);
  const distinct = Math.round(total * 0.8);
  const records: DedupRecord[] = [];
  const groups = new Map<string, string[]>();
  for (let i = 0; i < distinct; i += 1) {
    const start = 1 + Math.floor(rand() * 2000);
    records.push({
      id: `w${i}`,
      title: Array.from({ length: 6 + Math.floor(rand() * 10) }, () => pick(vocabulary)).join(' '),
      authors: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => `${pick(surnames)}, ${pick(surnames)} ${pick(['A.', 'B.', 'J.'])}`),
      year: 1980 + Math.floor(rand() * 45),
      journal: pick(journals),
      volume: String(1 + Math.floor(rand() * 120)),
      issue: String(1 + Math.floor(rand() * 12)),
      pages: `${start}-${start + Math.floor(rand() * 15)}`,
      doi: rand() < 0.5 ? `10.1000/${i}` : null,
      pmid: null,
    });
  }
  for (let i = distinct; i < total; i += 1) {
    const source = records[Math.floor(rand() * distinct)];
    const copy: DedupRecord = {
      ...source,
      id: `d${i}`,
      title: rand() < 0.3 ? `[${source.title}]` : rand() < 0.5 ? `${source.title?.toUpperCase()}.` : source.title,
      authors: source.authors.map((a) => a.replace(/, (\w)\w+ /, ', $1. ')),
      journal: rand() < 0.5 ? (source.journal ?? '').replace('Journal of', 'J').replace(' Research', ' Res') : source.journal,
      pages: rand() < 0.2 ? null : source.pages,
      doi: rand() < 0.5 ? source.doi : null,
    };
    records.push(copy);
    groups.set(source.id, [...(groups.get(source.id) ?? [source.id]), copy.id]);
  }
  for (let i = records.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [records[i], records[j]] = [records[j], records[i]];
  }
  return { records, trueGroups: [...groups.values()] };
}

function runSynthetic(total: number) {
  const { records, trueGroups } = syntheticRecords(total);
  const { result, ms, cpuMs } = timed(() => findDuplicates(records));
  const e = evaluateDedup(trueGroups, result);
  console.log(
    `synthetic: ${records.length} records, ${e.trueDuplicates} true duplicates; automatic TP ${e.auto.truePositives}, FP ${e.auto.falsePositives}; queued ${e.queued.pairs} (${e.queued.falsePairs} false)`,
  );
  console.log(`  time:      ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)`);
}

if (!hasSharedData) {
  console.log(`Shared data not found (${sharedDataPath()}); skipping the benchmark sets.`);
} else {
  for (const set of SETS) runSet(set.name, set.published);
}
runSynthetic(50_000);
