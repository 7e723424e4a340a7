'use client';

import { useEffect, useState } from 'react';

type Detail = {
  id: string;
  title: string | null;
  abstract: string | null;
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  keywords: string[];
  source: { databaseName: string; fileName: string };
  duplicateOfId: string | null;
};

/** The selected record in full (fetched on demand); every field is shown as text. */
export function ReferenceDetail({ projectId, referenceId }: { projectId: string; referenceId: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isActive = true;
    fetch(`/api/v1/projects/${projectId}/references/${referenceId}`, { cache: 'no-store' })
      .then(async (response) => {
        const body = await response.json();
        if (!isActive) return;
        if (response.ok) {
          setDetail(body as Detail);
          setError(null);
        } else setError(body?.error?.message ?? 'Could not load the record.');
      })
      .catch(() => isActive && setError('Could not load the record.'));
    return () => {
      isActive = false;
    };
  }, [projectId, referenceId]);

  if (error) return <p role="alert" className="text-sm text-red-800">{error}</p>;
  if (!detail || detail.id !== referenceId) return <p className="text-sm text-slate-600">Loading…</p>;
  const citation = [detail.journal, detail.year, detail.volume ? `${detail.volume}${detail.issue ? `(${detail.issue})` : ''}` : null, detail.pages]
    .filter(Boolean)
    .join(', ');
  return (
    <article aria-labelledby="reference-detail-title" className="space-y-2 text-sm">
      <h3 id="reference-detail-title" className="text-base font-semibold text-slate-900">
        {detail.title ?? '(no title)'}
      </h3>
      <p className="text-slate-700">{detail.authors.join('; ') || 'No authors listed'}</p>
      <p className="text-slate-600">{citation || '—'}</p>
      <p className="flex flex-wrap gap-3 text-slate-600">
        {detail.doi ? (
          <a className="text-brand-700 underline" href={`https://doi.org/${encodeURIComponent(detail.doi).replace(/%2F/g, '/')}`} target="_blank" rel="noreferrer noopener">
            DOI {detail.doi}
          </a>
        ) : null}
        {detail.pmid ? (
          <a className="text-brand-700 underline" href={`https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(detail.pmid)}/`} target="_blank" rel="noreferrer noopener">
            PMID {detail.pmid}
          </a>
        ) : null}
        <span>
          From {detail.source.databaseName} ({detail.source.fileName})
        </span>
      </p>
      <p className="whitespace-pre-line text-slate-800">{detail.abstract ?? 'No abstract.'}</p>
      {detail.keywords.length > 0 ? <p className="text-xs text-slate-600">Keywords: {detail.keywords.join('; ')}</p> : null}
    </article>
  );
}
