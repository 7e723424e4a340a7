/**
 * The binary form of a feature set, so the server can keep it in the
 * database (any app server may run the next rank job).
 *
 * Feature set, little-endian, every section 4-byte aligned:
 *   u32 magic 'TFS1' | u32 rows | u32 nnz | u32 terms | u32 idBytes | u32 termBytes
 *   i32 indptr[rows + 1] | i32 indices[nnz] | f32 values[nnz] | f32 idf[terms]
 *   ids (UTF-8, '\n'-separated) | pad | terms (UTF-8, '\n'-separated)
 */
import type { FeatureSet } from './types';

const FEATURE_MAGIC = 0x31534654; // 'TFS1'
const HEADER_WORDS = 6;

const pad4 = (n: number) => (n + 3) & ~3;

export function encodeFeatures(features: FeatureSet): Uint8Array {
  assertLittleEndian();
  const encoder = new TextEncoder();
  for (const list of [features.ids, features.terms]) {
    if (list.some((s) => s.includes('\n'))) throw new Error('Feature ids and terms must not contain a line break');
  }
  const ids = encoder.encode(features.ids.join('\n'));
  const terms = encoder.encode(features.terms.join('\n'));
  const rows = features.ids.length;
  const nnz = features.indices.length;
  const termCount = features.terms.length;
  const numericBytes = 4 * (HEADER_WORDS + rows + 1 + nnz + nnz + termCount);
  const bytes = new Uint8Array(numericBytes + pad4(ids.length) + terms.length);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  header.set([FEATURE_MAGIC, rows, nnz, termCount, ids.length, terms.length]);
  let at = 4 * HEADER_WORDS;
  for (const part of [features.indptr, features.indices, features.values, features.idf]) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  bytes.set(ids, at);
  bytes.set(terms, at + pad4(ids.length));
  return bytes;
}

export function decodeFeatures(input: Uint8Array): FeatureSet {
  assertLittleEndian();
  if (input.byteLength < 4 * HEADER_WORDS) throw new Error('Not an encoded feature set');
  const bytes = alignedCopy(input);
  const buffer = bytes.buffer as ArrayBuffer;
  const [magic, rows, nnz, termCount, idBytes, termBytes] = new Uint32Array(buffer, bytes.byteOffset, HEADER_WORDS);
  if (magic !== FEATURE_MAGIC) throw new Error('Not an encoded feature set');
  let at = 4 * HEADER_WORDS;
  if (at + 4 * (rows + 1 + 2 * nnz + termCount) + pad4(idBytes) + termBytes !== bytes.length) {
    throw new Error('Encoded feature set has the wrong length');
  }
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number): T => {
    const view = make(buffer, bytes.byteOffset + at, length);
    at += 4 * length;
    return view;
  };
  const indptr = take((b, o, l) => new Int32Array(b, o, l), rows + 1);
  const indices = take((b, o, l) => new Int32Array(b, o, l), nnz);
  const values = take((b, o, l) => new Float32Array(b, o, l), nnz);
  const idf = take((b, o, l) => new Float32Array(b, o, l), termCount);
  const decoder = new TextDecoder();
  const ids = rows === 0 ? [] : decoder.decode(bytes.subarray(at, at + idBytes)).split('\n');
  const termStart = at + pad4(idBytes);
  const terms = termCount === 0 ? [] : decoder.decode(bytes.subarray(termStart, termStart + termBytes)).split('\n');
  if (ids.length !== rows || terms.length !== termCount) throw new Error('Encoded feature set is inconsistent');
  return { ids, indptr, indices, values, terms, idf };
}

/** Typed arrays use the machine's byte order; the format is little-endian (x86 and ARM as Node runs them). */
function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('Feature sets are stored little-endian');
}

/** The bytes themselves when they start 4-byte aligned in their buffer (typed-array views need that), else a copy. */
function alignedCopy(input: Uint8Array): Uint8Array {
  return input.byteOffset % 4 === 0 ? input : input.slice();
}
