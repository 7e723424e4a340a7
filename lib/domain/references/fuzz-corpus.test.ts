/**
 * Fuzzing the real exports of shared/data/importers: every file cut at any
 * byte, with bytes overwritten, or with a run of lines dropped or repeated,
 * either parses or fails with a ReferenceParseError that names the format and
 * a line inside the file; nothing else ever escapes the parsers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { decodeBytes } from './decode';
import { formatLabel, ReferenceParseError } from './errors';
import { parseReferences } from './index';

// Small enough to parse thousands of times; the 1,000-record files are left to corpus.test.ts.
const MAX_BYTES = 64 * 1024;

function corpusFiles(): { name: string; bytes: Uint8Array }[] {
  const root = sharedDataPath('importers');
  const files: { name: string; bytes: Uint8Array }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.toLowerCase().endsWith('.md')) {
        const bytes = readFileSync(path);
        if (bytes.length <= MAX_BYTES) files.push({ name: relative(root, path), bytes: new Uint8Array(bytes) });
      }
    }
  };
  walk(root);
  return files;
}

/** Parses bytes as an upload would be: decoded, format detected. Returns the error message or null. */
function parseOutcome(bytes: Uint8Array): string | null {
  const { text } = decodeBytes(bytes);
  try {
    parseReferences(text);
    return null;
  } catch (error) {
    if (!(error instanceof ReferenceParseError)) throw error;
    const lines = text.split(/\r\n|\r|\n/).length;
    expect(error.message.startsWith(`${formatLabel(error.format)}: line ${error.line}: `)).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lines + 1);
    return error.message;
  }
}

function lines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe.skipIf(!hasSharedData)('real exports, damaged', () => {
  const files = hasSharedData ? corpusFiles() : [];

  it('reads a good number of the corpus files', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('a file cut off at any byte parses or names the line of its problem', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (pick, cut) => {
        const file = files[pick % files.length];
        parseOutcome(file.bytes.subarray(0, cut % (file.bytes.length + 1)));
      }),
      { numRuns: 600 },
    );
  });

  it('a file with bytes overwritten parses or names the line of its problem', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), (pick, edits) => {
        const file = files[pick % files.length];
        const bytes = file.bytes.slice();
        for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
        parseOutcome(bytes);
      }),
      { numRuns: 600 },
    );
  });

  it('a file with lines dropped or repeated parses or names the line of its problem', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.boolean(), (pick, from, length, repeat) => {
        const file = files[pick % files.length];
        const all = lines(file.bytes);
        const start = all.length === 0 ? 0 : from % all.length;
        const run = all.slice(start, start + length);
        const damaged = repeat
          ? [...all.slice(0, start + length), ...run, ...all.slice(start + length)]
          : [...all.slice(0, start), ...all.slice(start + length)];
        parseOutcome(concat(damaged));
      }),
      { numRuns: 600 },
    );
  });

  it('cutting an RIS record in half is refused with the line where the file ends', () => {
    const file = files.find((f) => f.name.endsWith('rispy__example_multiline.ris'));
    expect(file).toBeDefined();
    const text = decodeBytes(file!.bytes).text;
    const cut = text.indexOf('ER  -', text.indexOf('TY  -', text.indexOf('ER  -') + 1));
    const message = parseOutcome(new TextEncoder().encode(text.slice(0, cut)));
    expect(message).toMatch(/^RIS: line \d+: record starting at line \d+ has no ER tag \(file cut off\?\)$/);
  });
});
