import type { CompiledHighlightTerms } from '@/lib/domain/screening';
import type { TPredictedRelevance } from '@/lib/validation/ranking';
import type { TQueueRecord } from '@/lib/validation/screening-api';
import { HighlightedText } from './highlighted-text';
import { PredictedRelevance } from './predicted-relevance';

type Props = {
  /** `predictedRelevance` is present only when the leads show it to reviewers. */
  record: TQueueRecord & { predictedRelevance?: TPredictedRelevance | null };
  terms: CompiledHighlightTerms | null;
};

/** One record as a reviewer reads it: title, authors, source, abstract, keywords (and the predicted relevance, when shown). */
export function RecordView({ record, terms }: Props) {
  const citation = [record.journal, record.year, record.volume && `${record.volume}${record.issue ? `(${record.issue})` : ''}`, record.pages]
    .filter(Boolean)
    .join(' · ');
  return (
    <article aria-labelledby="record-title" className="space-y-3">
      <h2 id="record-title" className="text-xl font-semibold leading-snug text-slate-900">
        <HighlightedText text={record.title ?? '(no title)'} terms={terms} />
      </h2>
      {record.authors.length > 0 ? (
        <p className="text-sm text-slate-700">
          {record.authors.slice(0, 8).join('; ')}
          {record.authors.length > 8 ? ` and ${record.authors.length - 8} more` : ''}
        </p>
      ) : null}
      <p className="text-sm text-slate-600">
        {citation || 'No journal details'}
        {record.doi ? (
          <>
            {' · '}
            <a className="text-brand-700 underline" href={`https://doi.org/${record.doi}`} target="_blank" rel="noreferrer noopener">
              doi:{record.doi}
            </a>
          </>
        ) : null}
        {record.pmid ? ` · PMID ${record.pmid}` : ''}
      </p>
      {record.predictedRelevance ? <PredictedRelevance relevance={record.predictedRelevance} /> : null}
      <div className="max-w-prose whitespace-pre-line text-base leading-relaxed text-slate-800">
        {record.abstract ? <HighlightedText text={record.abstract} terms={terms} /> : <p className="italic text-slate-500">No abstract.</p>}
      </div>
      {record.keywords.length > 0 ? (
        <p className="text-sm text-slate-600">
          <span className="font-medium">Keywords: </span>
          <HighlightedText text={record.keywords.join('; ')} terms={terms} />
        </p>
      ) : null}
    </article>
  );
}
