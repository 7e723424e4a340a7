/**
 * `npm run -s cli -- dedup FILE.csv`
 * Finds duplicate references in a CSV in the de-duplication benchmark format
 * (columns ID, title, year, author, pages, volume, number, ENTRYTYPE, journal;
 * optional doi, pmid, abstract) and prints JSON:
 * {"groups":[["kept","dup",...],...],"queued":[["idA","idB",score],...]}.
 * Groups are the automatic merges, the kept record first.
 */
import { readFileSync } from 'node:fs';
import { findDuplicates } from '../../lib/domain/dedup';
import { parseBenchmarkRecords } from '../../lib/domain/dedup/benchmark-csv';
import type { CliCommand } from './types';

export const command: CliCommand = {
  name: 'dedup',
  summary: 'Find duplicate references in a benchmark-format CSV; print automatic groups and queued pairs as JSON.',
  usage: 'FILE.csv',
  async run(args: string[]): Promise<number> {
    const [path, ...rest] = args;
    if (!path || rest.length > 0) {
      console.error('Usage: npm run -s cli -- dedup FILE.csv');
      return 1;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      console.error(`${path}: cannot read file (${error instanceof Error ? error.message : String(error)})`);
      return 1;
    }
    const records = parseBenchmarkRecords(text);
    if (records.length > 0 && records.some((r) => !r.id)) {
      console.error(`${path}: every row needs an ID column value`);
      return 1;
    }
    const result = findDuplicates(records);
    console.log(JSON.stringify({ groups: result.groups, queued: result.queued.map((q) => [q.a, q.b, q.score]) }));
    return 0;
  },
};
