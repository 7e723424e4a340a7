import { readFile } from 'node:fs/promises';
import { decodeBytes, parseReferences, ReferenceParseError } from '@/lib/domain/references';
import type { CliCommand } from './types';

/**
 * `npm run -s cli -- parse FILE`: reads a reference export (RIS, MEDLINE,
 * BibTeX, EndNote XML/tagged, WoS, CSV/TSV; format detected from the content)
 * and prints `{"format","records","warnings"}` as JSON. Exit code 1, with the
 * parser's message on stderr, when the file cannot be read or parsed.
 */
export const command: CliCommand = {
  name: 'parse',
  summary: 'Parse a reference export (RIS, MEDLINE, BibTeX, EndNote, WoS, CSV) and print it as JSON.',
  usage: 'FILE',
  async run(args) {
    const [file, ...extra] = args;
    if (!file || extra.length > 0) {
      console.error('parse needs exactly one FILE.');
      return 1;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    try {
      const { text } = decodeBytes(bytes);
      const { format, records, warnings } = parseReferences(text);
      const json = `${JSON.stringify({ format, records, warnings })}\n`;
      // The CLI entry calls process.exit as soon as run() returns, and stdout to
      // a pipe is asynchronous: wait until the JSON is flushed or it gets cut off.
      await new Promise<void>((resolve, reject) => process.stdout.write(json, (error) => (error ? reject(error) : resolve())));
      return 0;
    } catch (error) {
      if (!(error instanceof ReferenceParseError)) throw error;
      console.error(`${file}: ${error.message}`);
      return 1;
    }
  },
};
