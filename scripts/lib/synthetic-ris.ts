/** A synthetic RIS export for benchmarks and fault tests (bench:import, test:faults). */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same file. */
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
 * Write `total` RIS records to `path`: seven in eight distinct works (title,
 * 1-8 authors, year, journal, volume, issue, pages, DOI for half, an abstract
 * of ~900 characters, keywords), the rest altered copies of recent ones
 * (upper-cased title, initials, no DOI, no pages). Written record by record,
 * so the generator's memory does not count against the import's.
 */
export function writeSyntheticRis(path: string, total: number, seed: number): number {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 've', 'zu', 'bra', 'cli', 'dro', 'fen', 'gal', 'hep', 'ion', 'mab', 'nol', 'tis'];
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join('');
  const vocabulary = Array.from({ length: 5000 }, word);
  const surnames = Array.from({ length: 8000 }, () => word().replace(/^./, (c) => c.toUpperCase()));
  const journals = Array.from({ length: 900 }, () => `Journal of ${pick(vocabulary)} and ${pick(vocabulary)} Research`);
  const recent: string[][] = [];
  const fd = openSync(path, 'w');
  let copies = 0;
  try {
    for (let i = 0; i < total; i += 1) {
      let lines: string[];
      if (recent.length > 100 && rand() < 0.125) {
        lines = pick(recent)
          .filter((l) => !l.startsWith('DO  -') && !l.startsWith('SP  -'))
          .map((l) => (l.startsWith('TI  -') ? l.toUpperCase() : l.startsWith('AU  -') ? l.replace(/, (\w)\w+/, ', $1.') : l));
        copies += 1;
      } else {
        const start = 1 + Math.floor(rand() * 2000);
        lines = [
          'TY  - JOUR',
          `TI  - ${Array.from({ length: 6 + Math.floor(rand() * 10) }, () => pick(vocabulary)).join(' ')}`,
          ...Array.from({ length: 1 + Math.floor(rand() * 8) }, () => `AU  - ${pick(surnames)}, ${pick(surnames)}`),
          `PY  - ${1980 + Math.floor(rand() * 45)}`,
          `JO  - ${pick(journals)}`,
          `VL  - ${1 + Math.floor(rand() * 120)}`,
          `IS  - ${1 + Math.floor(rand() * 12)}`,
          `SP  - ${start}`,
          `EP  - ${start + Math.floor(rand() * 15)}`,
          ...(rand() < 0.5 ? [`DO  - 10.1000/bench.${i}`] : []),
          `AB  - ${Array.from({ length: 120 + Math.floor(rand() * 60) }, () => pick(vocabulary)).join(' ')}.`,
          ...Array.from({ length: 3 }, () => `KW  - ${pick(vocabulary)}`),
          'ER  - ',
        ];
        recent.push(lines);
        if (recent.length > 5000) recent.splice(Math.floor(rand() * recent.length), 1);
      }
      writeSync(fd, `${lines.join('\n')}\n\n`);
    }
  } finally {
    closeSync(fd);
  }
  return copies;
}
