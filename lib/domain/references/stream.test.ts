import { describe, expect, it } from 'vitest';
import { ReferenceParseError } from './errors';
import { parseReferences, parseReferenceStream } from './index';
import type { ParseResult, ParsedReference } from './types';

async function collect(chunks: Iterable<string> | AsyncIterable<string>, format?: ParseResult['format']) {
  const records: ParsedReference[] = [];
  const warnings: ParseResult['warnings'] = [];
  const formats = new Set<string>();
  let batches = 0;
  for await (const batch of parseReferenceStream(chunks, { format })) {
    batches++;
    formats.add(batch.format);
    records.push(...batch.records);
    warnings.push(...batch.warnings);
  }
  return { records, warnings, formats: [...formats], batches };
}

async function* slowly(chunks: string[]) {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

const RIS = '\uFEFFTY  - JOUR\r\nTI  - One\r\nPY  - 10 15\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Two\r\nER  - \r\n';

describe('parseReferenceStream', () => {
  it('gives the same result for every split of a small file, CRLF and BOM included', async () => {
    const whole = parseReferences(RIS);
    for (let cut = 0; cut <= RIS.length; cut++) {
      const { records, warnings, formats } = await collect([RIS.slice(0, cut), RIS.slice(cut)]);
      expect({ records, warnings, formats }).toEqual({ records: whole.records, warnings: whole.warnings, formats: ['ris'] });
    }
  });

  it('accepts one-character chunks and empty chunks from an async source', async () => {
    const chunks = [...RIS].flatMap((char) => [char, '']);
    const { records } = await collect(slowly(chunks));
    expect(records.map((r) => r.title)).toEqual(['One', 'Two']);
  });

  it('yields records before the source is finished', async () => {
    const record = (i: number) => `TY  - JOUR\nTI  - Record ${i} ${'x'.repeat(1000)}\nER  - \n`;
    const chunks = Array.from({ length: 200 }, (_, i) => record(i));
    let pulled = 0;
    async function* counting() {
      for (const chunk of chunks) {
        pulled++;
        yield chunk;
      }
    }
    const iterator = parseReferenceStream(counting());
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(pulled).toBeLessThan(chunks.length);
    await iterator.return(undefined);
  });

  it('throws ReferenceParseError from the iteration when the stream stops mid-record', async () => {
    const cut = RIS.slice(0, RIS.lastIndexOf('ER'));
    await expect(collect([cut])).rejects.toThrow(new ReferenceParseError('ris', 7, 'record starting at line 6 has no ER tag (file cut off?)'));
  });

  it('throws for an empty stream', async () => {
    await expect(collect([])).rejects.toThrow('Reference file: line 1: the file is empty');
  });

  it('honours a forced format', async () => {
    const { formats, records } = await collect(['Title\tYear\nA\t2001\n'], 'tsv');
    expect(formats).toEqual(['tsv']);
    expect(records[0]).toMatchObject({ title: 'A', year: 2001 });
  });

  it('streams BibTeX, EndNote XML and CSV in pieces too', async () => {
    const samples = [
      '@article{a,\n title = {One},\n year = 2001}\n@book{b, title={Two}}\n',
      '<xml><records><record><titles><title>One</title></titles></record><record><titles><title>Two</title></titles></record></records></xml>',
      'Title,Abstract\n"One","multi\nline"\nTwo,x\n',
      'PMID- 1\nTI  - One\n\nPMID- 2\nTI  - Two\n',
      '%0 Journal Article\n%T One\n\n%0 Book\n%T Two\n',
      'FN x\nVR 1.0\nPT J\nTI One\nER\n\nPT J\nTI Two\nER\n\nEF\n',
    ];
    for (const text of samples) {
      const whole = parseReferences(text);
      for (let size = 1; size <= 5; size++) {
        const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
        const streamed = await collect(chunks);
        expect(streamed.records).toEqual(whole.records);
        expect(streamed.records.map((r) => r.title)).toEqual(['One', 'Two']);
      }
    }
  });
});
