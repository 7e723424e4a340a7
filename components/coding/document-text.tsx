'use client';

import { memo, useMemo, type CSSProperties } from 'react';
import { lineSpans } from '@/lib/domain/coding/text-units';
import { overlapSegments } from '@/lib/domain/coding/overlap';

export type Highlight = { id: string; start: number; end: number; colors: string[]; label: string };

/**
 * Background for a segment covered by codes: one band per colour, so overlaps
 * show every code; quotes overlapping with the same code are shaded darker.
 */
function segmentStyle(colors: string[], quoteCount: number): CSSProperties | undefined {
  if (!colors.length) return undefined;
  if (colors.length === 1) {
    return { backgroundColor: `${colors[0]}${quoteCount > 1 ? 'aa' : '55'}`, boxShadow: `inset 0 -${Math.min(quoteCount, 3) + 1}px 0 ${colors[0]}` };
  }
  const step = 100 / colors.length;
  const bands = colors.map((c, i) => `${c}66 ${i * step}%, ${c}66 ${(i + 1) * step}%`).join(', ');
  return { backgroundImage: `linear-gradient(to bottom, ${bands})`, outline: '1px solid #33415555' };
}

/**
 * A document's text with line numbers and coloured highlights. Every segment
 * carries its offset in the stored text (`data-start`), which is what offsets
 * are computed from; text is rendered as text, never as markup.
 */
export const DocumentText = memo(function DocumentText({ text, highlights, activeQuoteId, onHighlightClick }: { text: string; highlights: Highlight[]; activeQuoteId: string | null; onHighlightClick: (ids: string[]) => void }) {
  const lines = useMemo(() => lineSpans(text), [text]);
  const segments = useMemo(() => overlapSegments(text.length, highlights, lines.flatMap((l) => [l.start, l.end])), [text.length, highlights, lines]);
  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights]);
  let cursor = 0;
  return (
    <div className="font-serif text-[0.95rem] leading-7">
      {lines.map((line) => {
        const own: typeof segments = [];
        while (cursor < segments.length && segments[cursor].end <= line.end && segments[cursor].start >= line.start) {
          own.push(segments[cursor]);
          cursor += 1;
        }
        // Skip the segments of the line break itself (between line.end and the next line's start).
        while (cursor < segments.length && segments[cursor].start < (lines[line.number]?.start ?? Infinity) && segments[cursor].start >= line.end) cursor += 1;
        return (
          <div key={line.number} data-line={line.number} className="grid grid-cols-[3.5rem_1fr] [content-visibility:auto] [contain-intrinsic-size:auto_1.75rem]">
            <span aria-hidden className="select-none pr-3 text-right font-sans text-xs leading-7 text-slate-400">
              {line.number}
            </span>
            <div className="min-h-7 whitespace-pre-wrap break-words">
              {own.map((seg) => {
                const covering = seg.spanIds.map((id) => byId.get(id)!).filter(Boolean);
                const colors = [...new Set(covering.flatMap((h) => h.colors))];
                const isActive = activeQuoteId !== null && seg.spanIds.includes(activeQuoteId);
                return (
                  <span
                    key={seg.start}
                    data-start={seg.start}
                    data-end={seg.end}
                    title={covering.length ? `${covering.length > 1 ? `${covering.length} overlapping quotes:\n` : ''}${covering.map((h) => h.label).join('\n')}` : undefined}
                    className={`${covering.length ? 'cursor-pointer rounded-sm' : ''} ${isActive ? 'ring-2 ring-slate-800' : ''}`}
                    style={segmentStyle(colors, covering.length)}
                    onClick={covering.length ? () => onHighlightClick(seg.spanIds) : undefined}
                  >
                    {text.slice(seg.start, seg.end)}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
});
