import { highlightText, type CompiledHighlightTerms } from '@/lib/domain/screening';

/**
 * Text with the project's highlight terms marked: include terms green, exclude
 * terms red. Imported text is rendered as text, never as markup.
 */
export function HighlightedText({ text, terms }: { text: string; terms: CompiledHighlightTerms | null }) {
  if (!terms) return <>{text}</>;
  return (
    <>
      {highlightText(text, terms).map((segment, i) =>
        segment.kind ? (
          <mark
            key={i}
            className={segment.kind === 'include' ? 'rounded bg-green-100 px-0.5 text-green-900' : 'rounded bg-red-100 px-0.5 text-red-900'}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
