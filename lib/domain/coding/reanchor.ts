/**
 * Moving quotes onto a new version of a document's text, so that a corrected
 * or fuller text never silently shifts a coding onto other words:
 * 1. the quoted text occurs exactly once in the new text: it moves there;
 * 2. it occurs several times: the occurrence whose surrounding text (context
 *    before and after in the old version) matches best, nearest the old
 *    position on a tie;
 * 3. it no longer occurs (edited words): flagged, with the reason, for a coder to place again.
 */

export type AnchoredSpan = { id: string; start: number; end: number; text: string };
export type Reanchored =
  | { id: string; status: 'exact' | 'context'; start: number; end: number }
  | { id: string; status: 'flagged'; reason: string };

const CONTEXT = 40;

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    i = haystack.indexOf(needle, i + 1);
  }
  return out;
}

/** Characters in common at the end of a and the end of b (suffix) or at their starts (prefix). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Re-anchor each span of `oldText` onto `newText`. The span's `text` is what was quoted. */
export function reanchorSpans(oldText: string, newText: string, spans: readonly AnchoredSpan[]): Reanchored[] {
  return spans.map((span) => {
    const quoted = span.text;
    const found = occurrences(newText, quoted);
    if (found.length === 1) return { id: span.id, status: 'exact', start: found[0], end: found[0] + quoted.length };
    if (found.length === 0) {
      return { id: span.id, status: 'flagged', reason: 'The quoted words are no longer in the new version of the text.' };
    }
    const before = oldText.slice(Math.max(0, span.start - CONTEXT), span.start);
    const after = oldText.slice(span.end, span.end + CONTEXT);
    const scored = found.map((at) => ({
      at,
      score:
        commonSuffix(before, newText.slice(Math.max(0, at - CONTEXT), at)) +
        commonPrefix(after, newText.slice(at + quoted.length, at + quoted.length + CONTEXT)),
      distance: Math.abs(at - span.start),
    }));
    scored.sort((x, y) => y.score - x.score || x.distance - y.distance);
    const [best, second] = scored;
    if (second && second.score === best.score && best.score === 0) {
      return { id: span.id, status: 'flagged', reason: `The quoted words occur ${found.length} times in the new version and their context matches none.` };
    }
    return { id: span.id, status: 'context', start: best.at, end: best.at + quoted.length };
  });
}
