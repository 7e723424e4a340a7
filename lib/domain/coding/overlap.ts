/**
 * Highlights that overlap: the text cut into segments, each with the set of
 * spans (quotes) covering it, so a renderer can colour each segment by all its
 * codes at once.
 */

export type Span = { id: string; start: number; end: number };
export type Segment = { start: number; end: number; spanIds: string[] };

/**
 * Cut [0, length) at every span boundary (and at `breaks`, e.g. line ends);
 * every character lands in exactly one segment; segments are contiguous and
 * in order; `spanIds` lists the spans covering the segment in input order.
 * Spans are clamped to the text.
 */
export function overlapSegments(length: number, spans: readonly Span[], breaks: readonly number[] = []): Segment[] {
  if (length <= 0) return [];
  const clamp = (x: number) => Math.max(0, Math.min(length, x));
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
  }
  for (const b of breaks) cuts.add(clamp(b));
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    segments.push({ start, end, spanIds: spans.filter((s) => s.start <= start && s.end >= end && s.end > s.start).map((s) => s.id) });
  }
  return segments;
}
