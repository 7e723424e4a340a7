/**
 * `npm run -s cli -- simulate FILE.csv [--seed N] [--model nb|nb-portfolio|lr|svm|nb+lr]`
 * Simulates priority screening of a labelled CSV (columns `title`, `abstract`,
 * `label_included`; optional `duplicate_record_id`) and prints WSS@95,
 * WSS@100 and RRF@10 as JSON.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { DEFAULT_MODEL, MODEL_NAMES, simulate, type ModelName, type SimulationRecord } from '../../lib/domain/ranking';
import type { CliCommand } from './types';

/**
 * Reads a labelled screening CSV. Throws with the file and line when a
 * required column is missing or a label is not 0/1.
 */
export function readLabelledCsv(path: string): SimulationRecord[] {
  const rows: Record<string, string>[] = parse(readFileSync(path, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  if (rows.length === 0) throw new Error(`${path}: no data rows`);
  for (const column of ['title', 'abstract', 'label_included']) {
    if (!(column in rows[0])) throw new Error(`${path}: missing column "${column}"`);
  }
  return rows.map((row, i) => {
    const label = row.label_included?.trim();
    if (label !== '0' && label !== '1') {
      // +2: the header is line 1 and rows count from 0 (exact for single-line rows).
      throw new Error(`${path}: data row ${i + 1} (about line ${i + 2}): label_included must be 0 or 1, got "${label}"`);
    }
    return {
      title: row.title ?? '',
      abstract: row.abstract ?? '',
      label: label === '1' ? 1 : 0,
      duplicateOf: row.duplicate_record_id || null,
    };
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const command: CliCommand = {
  name: 'simulate',
  summary: 'Simulate priority screening of a labelled CSV; prints WSS@95, WSS@100 and RRF@10 (percent) as JSON',
  usage: `FILE.csv [--seed N] [--model ${MODEL_NAMES.join('|')}]  (default model: ${DEFAULT_MODEL})`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { seed: { type: 'string', default: '1' }, model: { type: 'string', default: DEFAULT_MODEL } },
      });
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 2;
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) {
      console.error(`Usage: npm run -s cli -- simulate ${this.usage}`);
      return 2;
    }
    const seed = Number(parsed.values.seed);
    if (!Number.isInteger(seed)) {
      console.error(`--seed must be an integer, got "${parsed.values.seed}"`);
      return 2;
    }
    const model = parsed.values.model as ModelName;
    if (!MODEL_NAMES.includes(model)) {
      console.error(`--model must be one of ${MODEL_NAMES.join(', ')}, got "${parsed.values.model}"`);
      return 2;
    }
    const result = simulate(readLabelledCsv(file), { seed, model });
    console.log(
      JSON.stringify({
        records: result.records,
        included: result.included,
        wss95: round(result.wss95),
        wss100: round(result.wss100),
        rrf10: round(result.rrf10),
      }),
    );
    return 0;
  },
};
