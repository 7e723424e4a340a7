/**
 * Text units of a document: the lines or sentences that coding agreement is
 * counted over (never characters: two coders who mark the same sentence a few
 * characters apart agree). Offsets are UTF-16 indexes into the stored text,
 * half-open [start, end), trimmed of surrounding whitespace.
 */

export type UnitKind = 'line' | 'sentence';
export type TextUnit = { index: number; start: number; end: number };
export type LineSpan = { number: number; start: number; end: number };

/** Every line of the text (numbered from 1), without its line break; empty lines included. */
export function lineSpans(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  let number = 1;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text[i] === '\n') {
      // A CR before the LF belongs to the break, not to the line.
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      lines.push({ number, start, end });
      number += 1;
      start = i + 1;
    }
  }
  return lines;
}

/** The 1-based line number holding `offset` (an offset on a break counts to the line it ends). */
export function lineOfOffset(lines: readonly LineSpan[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return lines[low]?.number ?? 1;
}

function trimmed(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s += 1;
  while (e > s && /\s/.test(text[e - 1])) e -= 1;
  return s < e ? [s, e] : null;
}

// A sentence ends at . ! ? (with closing quotes/brackets) followed by whitespace, or at a blank line or line break.
const SENTENCE_END = /[.!?]+["'\u201d\u2019)\]]*(?=\s|$)|\n/g;

/**
 * The units of a text. Lines are split at line breaks; sentences at
 * terminal punctuation followed by whitespace, and at line breaks (extracted
 * PDF text puts headings and list items on lines of their own). Blank units
 * are skipped; the units never overlap and are in text order.
 */
export function textUnits(text: string, kind: UnitKind): TextUnit[] {
  const spans: [number, number][] = [];
  if (kind === 'line') {
    for (const line of lineSpans(text)) {
      const t = trimmed(text, line.start, line.end);
      if (t) spans.push(t);
    }
  } else {
    let start = 0;
    for (const match of text.matchAll(SENTENCE_END)) {
      const end = match.index + match[0].length;
      const t = trimmed(text, start, end);
      if (t) spans.push(t);
      start = end;
    }
    const t = trimmed(text, start, text.length);
    if (t) spans.push(t);
  }
  return spans.map(([start, end], index) => ({ index, start, end }));
}

/** Indexes of the units that a span [start, end) touches (shares at least one character with). */
export function unitsCovered(units: readonly TextUnit[], start: number, end: number): number[] {
  const out: number[] = [];
  for (const unit of units) {
    if (unit.start >= end) break;
    if (unit.end > start) out.push(unit.index);
  }
  return out;
}
