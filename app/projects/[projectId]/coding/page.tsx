import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CodebookEditor } from '@/components/coding/codebook-editor';
import { DoubleCodingPanel } from '@/components/coding/double-coding-panel';
import { cardClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { listCodes } from '@/lib/server/coding/list-codes';
import { listCodingStudies } from '@/lib/server/coding/list-coding-studies';
import { isAppError } from '@/lib/server/errors/app-error';
import { assignDoubleCodingAction, compareDoubleCodingAction, createCodeAction, deleteCodeAction, mergeCodesAction, updateCodeAction } from './actions';

export const metadata: Metadata = { title: 'Coding' };
export const dynamic = 'force-dynamic';

export default async function CodingPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [list, { codes }] = await Promise.all([listCodingStudies(actor, projectId), listCodes(actor, projectId)]).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const nameOf = (id: string) => list.coders.find((c) => c.id === id)?.name ?? 'a former member';
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Coding</h1>
        <p className="max-w-3xl text-slate-700">
          Code the included studies line by line into a shared codebook. Open a study, select a passage and press C to apply codes; group codes into
          themes here. Double-coded studies stay blind between their two coders until a lead compares them; their agreement is on the{' '}
          <Link className="text-brand-700 underline" href={`/projects/${projectId}/agreement/coding`}>
            agreement page
          </Link>
          .
        </p>
      </header>

      <section aria-labelledby="studies-heading" className={cardClass}>
        <h2 id="studies-heading" className="mb-3 text-lg font-semibold">
          Studies
        </h2>
        {list.studies.length === 0 ? (
          <p className="text-sm text-slate-700">No included studies yet: studies appear here once they are included at full-text screening.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th className="py-1">Study</th>
                <th className="pl-3 text-right">My quotes</th>
                <th className="pl-3 text-right">Quotes</th>
                <th className="pl-3">Double coding</th>
              </tr>
            </thead>
            <tbody>
              {list.studies.map((s) => (
                <tr key={s.id} className="border-t border-slate-200">
                  <td className="py-1.5 pr-2">
                    <Link className="text-brand-700 underline" href={`/projects/${projectId}/coding/studies/${s.id}`}>
                      {s.title}
                    </Link>
                    {s.year ? <span className="text-slate-500"> ({s.year})</span> : null}
                  </td>
                  <td className="text-right tabular-nums">{s.myQuotes}</td>
                  <td className="text-right tabular-nums">{s.visibleQuotes}</td>
                  <td className="pl-3 text-slate-700">
                    {s.doubleCoding ? (
                      <>
                        {s.isMyAssignment ? <span className="mr-1 rounded bg-brand-100 px-1.5 text-xs font-medium text-brand-900">Assigned to you</span> : null}
                        {nameOf(s.doubleCoding.firstCoderId)} and {nameOf(s.doubleCoding.secondCoderId)} · {s.doubleCoding.isCompared ? 'compared' : 'blind'}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="codebook-heading" className={cardClass}>
        <h2 id="codebook-heading" className="mb-3 text-lg font-semibold">
          Codebook
        </h2>
        <CodebookEditor
          projectId={projectId}
          initial={codes}
          canCreate={list.canCode}
          canManage={list.canManage}
          actions={{
            create: createCodeAction.bind(null, projectId),
            update: updateCodeAction.bind(null, projectId),
            remove: deleteCodeAction.bind(null, projectId),
            merge: mergeCodesAction.bind(null, projectId),
          }}
        />
      </section>

      {list.canManage ? (
        <section aria-labelledby="double-heading" className={cardClass}>
          <h2 id="double-heading" className="mb-3 text-lg font-semibold">
            Double coding
          </h2>
          <DoubleCodingPanel list={list} assign={assignDoubleCodingAction.bind(null, projectId)} compare={compareDoubleCodingAction.bind(null, projectId)} />
        </section>
      ) : null}
    </div>
  );
}
