/**
 * Text plumbing shared by the parsers: line-ending normalisation that works
 * across chunk boundaries, and an adapter that turns a line handler into a
 * FormatParser.
 */
import type { FormatParser } from './types';

/**
 * Normalises chunks to LF line endings and drops a leading BOM. A chunk that
 * ends in "\r" is held back one character, because the next chunk may begin
 * with the "\n" of the same CRLF.
 */
export function createTextNormalizer(): { push(chunk: string): string; end(): string } {
  let isFirst = true;
  let pendingCr = false;
  return {
    push(chunk: string): string {
      let text = chunk;
      if (isFirst && text.length > 0) {
        isFirst = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (pendingCr) text = `\r${text}`;
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      return text.replace(/\r\n?/g, '\n');
    },
    end(): string {
      const rest = pendingCr ? '\n' : '';
      pendingCr = false;
      return rest;
    },
  };
}

/** Normalises a whole text at once (the non-streaming path). */
export function normalizeText(text: string): string {
  const normalizer = createTextNormalizer();
  return normalizer.push(text) + normalizer.end();
}

export type LineHandler = {
  /** One line without its terminator; `number` is 1-based. */
  line(text: string, number: number): void;
  /** Called once after the last line; `lastLine` is the number of the last line. */
  end(lastLine: number): void;
};

/**
 * Splits normalised text into lines for a line-based format. A final line
 * without a terminator is still a line; a trailing "\n" does not add an empty one.
 */
export function lineParser(handler: LineHandler): FormatParser {
  let partial = '';
  let lineNumber = 0;
  return {
    push(text: string): void {
      if (text.length === 0) return;
      let start = 0;
      let newline = text.indexOf('\n');
      if (newline !== -1 && partial.length > 0) {
        lineNumber++;
        handler.line(partial + text.slice(0, newline), lineNumber);
        partial = '';
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      while (newline !== -1) {
        lineNumber++;
        handler.line(text.slice(start, newline), lineNumber);
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      partial += text.slice(start);
    },
    end(): void {
      if (partial.length > 0) {
        lineNumber++;
        handler.line(partial, lineNumber);
        partial = '';
      }
      handler.end(Math.max(lineNumber, 1));
    },
  };
}

/** Counts "\n" in text[from, to). A bounded loop: indexOf would run on past `to`. */
export function countNewlines(text: string, from = 0, to = text.length): number {
  let count = 0;
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
