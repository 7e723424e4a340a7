/**
 * Property tests: whatever text or bytes arrive, the parsers either return a
 * result or throw ReferenceParseError, and streaming agrees with whole-file
 * parsing, errors included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { formatLabel, ReferenceParseError } from './errors';
import { parseReferences, parseReferenceStream } from './index';
import { REFERENCE_FORMATS, type ParseOptions, type ParseResult, type ParsedReference, type ReferenceFormat } from './types';

// Pieces of every format, so random texts reach deep into the parsers.
const FRAGMENTS = [
  'TY  - JOUR', 'TY  -', 'ER  - ', 'ER  -', 'TI  - x', 'AU  - a', 'KW  - k', 'PY  - 2001', 'DO  - 10.1000/x', '1.',
  'PMID- 1', 'AU  - b', '      cont', 'OWN - NLM', 'LID - 10.1/x [doi]',
  '%0 Journal Article', '%T t', '%A a', '%K k',
  '@article{', '@string{a = "b"}', '@comment{', '{', '}', '(', ')', '=', ',', '"', '#', 'title = ', 'author = {a and b}', '\\"o', '\\',
  '<?xml version="1.0"?>', '<xml>', '<records>', '</records>', '<record>', '</record>', '<title>', '</title>', '&amp;', '&#233;', '<style>',
  'FN x', 'VR 1.0', 'PT J', 'ER', 'EF', 'AU x', '   y',
  'Title,Abstract,DOI', 'Title\tYear', '"a ""b""",c', ';', '\t',
  '\n', '\n', '\n', '\r\n', '\r', ' ', '\uFEFF', '\u0000', 'é', 'Ω',
];

const structuredText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

const anyFormat = fc.option(fc.constantFrom<ReferenceFormat>(...REFERENCE_FORMATS), { nil: undefined });

type Outcome = { ok: ParseResult } | { error: string };

function outcome(run: () => ParseResult): Outcome {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof ReferenceParseError)) throw error;
    expect(error.message.startsWith(`${formatLabel(error.format)}: line ${error.line}: `)).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(1);
    return { error: error.message };
  }
}

async function streamOutcome(chunks: string[], options: ParseOptions): Promise<Outcome> {
  const records: ParsedReference[] = [];
  const warnings: ParseResult['warnings'] = [];
  let format: ReferenceFormat | null = null;
  try {
    for await (const batch of parseReferenceStream(chunks, options)) {
      format = batch.format;
      records.push(...batch.records);
      warnings.push(...batch.warnings);
    }
  } catch (error) {
    if (!(error instanceof ReferenceParseError)) throw error;
    return { error: error.message };
  }
  return { ok: { format: format ?? options.format ?? 'ris', records, warnings } };
}

function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(text.slice(start, point));
    start = point;
  }
  chunks.push(text.slice(start));
  return chunks;
}

describe('parser properties', () => {
  it('arbitrary strings only ever throw ReferenceParseError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), structuredText), anyFormat, (text, format) => {
        outcome(() => parseReferences(text, { format }));
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary bytes, decoded, only ever throw ReferenceParseError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), anyFormat, (bytes, format) => {
        const { text } = decodeBytes(bytes);
        outcome(() => parseReferences(text, { format }));
      }),
      { numRuns: 1000 },
    );
  });

  it('streaming gives the same records, warnings or error as whole-text parsing', async () => {
    await fc.assert(
      fc.asyncProperty(structuredText, anyFormat, fc.array(fc.nat(), { maxLength: 8 }), async (text, format, cuts) => {
        const whole = outcome(() => parseReferences(text, { format }));
        const streamed = await streamOutcome(split(text, cuts), { format });
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
  });
});
