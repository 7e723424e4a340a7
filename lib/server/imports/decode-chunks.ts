import 'server-only';
import { decodeBytes, type TextEncodingName } from '@/lib/domain/references';

// Windows-1252 characters for bytes 0x80-0x9F, which Node 20's decoder leaves as C1 controls.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * The encoding of a whole file, judged from its first chunk the way
 * decodeBytes judges a whole file (BOM, UTF-16 zero bytes, strict UTF-8, else
 * Windows-1252). A chunk may end inside a UTF-8 character, so up to three
 * trailing bytes are left out of the judgement unless this is the last chunk.
 */
export function detectEncoding(firstChunk: Uint8Array, isWholeFile: boolean): TextEncodingName {
  const sample = isWholeFile ? firstChunk : firstChunk.subarray(0, Math.max(0, firstChunk.length - 3));
  return decodeBytes(sample).encoding;
}

/**
 * Bytes -> text, chunk by chunk, for parseReferenceStream: the encoding is
 * detected from the first chunk, and characters split across chunks are
 * joined (TextDecoder's stream mode). A BOM is dropped.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncodingName) => void,
): AsyncGenerator<string> {
  let decode: ((bytes: Uint8Array, isLast: boolean) => string) | null = null;
  let pending: Uint8Array | null = null;
  // One chunk of look-ahead tells whether the first chunk is the whole file.
  for await (const chunk of chunks) {
    if (pending) {
      decode ??= decoderFor(pending, false, onEncoding);
      yield decode(pending, false);
    }
    pending = chunk;
  }
  if (pending) {
    decode ??= decoderFor(pending, true, onEncoding);
    yield decode(pending, true);
  } else {
    onEncoding?.('utf-8');
  }
}

function decoderFor(
  first: Uint8Array,
  isWholeFile: boolean,
  onEncoding?: (encoding: TextEncodingName) => void,
): (bytes: Uint8Array, isLast: boolean) => string {
  const encoding = detectEncoding(first, isWholeFile);
  onEncoding?.(encoding);
  if (encoding === 'windows-1252') {
    const decoder = new TextDecoder('windows-1252');
    return (bytes) =>
      decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (char) => String.fromCharCode(CP1252_HIGH[char.charCodeAt(0) - 0x80]));
  }
  const decoder = new TextDecoder(encoding);
  return (bytes, isLast) => decoder.decode(bytes, { stream: !isLast });
}
