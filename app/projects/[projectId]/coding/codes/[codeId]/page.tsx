import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass, cardClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';
import { CODE_POLARITIES, POLARITY_LABELS } from '@/lib/domain/coding/palette';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { listCodeQuotes } from '@/lib/server/coding/list-code-quotes';
import { listCodes } from '@/lib/server/coding/list-codes';
import { isAppError } from '@/lib/server/errors/app-error';

export const metadata: Metadata = { title: 'Quotes of a code' };
export const dynamic = 'force-dynamic';

type Search = { includeDescendants?: string; polarity?: string; cell?: string };

export default async function CodeQuotesPage({ params, searchParams }: { params: Promise<{ projectId: string; codeId: string }>; searchParams: Promise<Search> }) {
  const { projectId, codeId } = await params;
  const search = await searchParams;
  const actor = await requireSessionActor();
  const [domainId, levelId] = (search.cell ?? '').split(':');
  const filter = {
    includeDescendants: search.includeDescendants === 'true' ? 'true' : 'false',
    ...(search.polarity && (CODE_POLARITIES as readonly string[]).includes(search.polarity) ? { polarity: search.polarity } : {}),
    ...(domainId && levelId ? { domainId, levelId } : {}),
  };
  const [result, { codes }] = await Promise.all([listCodeQuotes(actor, projectId, codeId, filter), listCodes(actor, projectId)]).catch((error: unknown) => {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION')) notFound();
    throw error;
  });
  const cells = new Map<string, string>();
  for (const c of codes) for (const cell of c.frameworkCells) cells.set(`${cell.domainId}:${cell.levelId}`, `${cell.framework}: ${cell.domain} × ${cell.level}`);
  const colorOf = new Map(codes.map((c) => [c.name, c.color]));
  const csvQuery = new URLSearchParams({ ...filter, format: 'csv' }).toString();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="text-brand-700 underline" href={`/projects/${projectId}/coding`}>
          Coding
        </Link>{' '}
        / quotes
      </nav>
      <h1 className="text-2xl font-semibold">Quotes of “{result.code.name}”</h1>
      <form className={`${cardClass} flex flex-wrap items-end gap-3`} method="get">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeDescendants" value="true" defaultChecked={filter.includeDescendants === 'true'} /> Include the codes under it
        </label>
        <label className={labelClass}>
          Polarity
          <select name="polarity" className={inputClass} defaultValue={search.polarity ?? ''}>
            <option value="">Any</option>
            {CODE_POLARITIES.map((p) => (
              <option key={p} value={p}>
                {POLARITY_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Framework cell
          <select name="cell" className={inputClass} defaultValue={search.cell ?? ''}>
            <option value="">Any</option>
            {[...cells.entries()].map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          Filter
        </button>
        <a className={secondaryButtonClass} href={`/api/v1/projects/${projectId}/codes/${codeId}/quotes?${csvQuery}`} download>
          Download CSV
        </a>
      </form>
      <p role="status" className="text-sm text-slate-700">
        {result.total} quote{result.total === 1 ? '' : 's'}.
      </p>
      <ul className="space-y-2">
        {result.quotes.map((q) => (
          <li key={q.id} className={cardClass}>
            <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-900">{q.text}</blockquote>
            <p className="mt-2 text-sm text-slate-600">
              <Link className="text-brand-700 underline" href={`/projects/${projectId}/coding/studies/${q.studyId}`}>
                {q.studyTitle}
              </Link>{' '}
              · coded by {q.coderName} · {q.codeNames.map((n) => (
                <span key={n} className="mr-1 inline-flex items-center gap-1">
                  <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: colorOf.get(n) }} />
                  {n}
                </span>
              ))}
              {q.flaggedReason ? <span className="text-amber-800"> · needs placing again</span> : null}
            </p>
            {q.memo ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">Memo: {q.memo}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
