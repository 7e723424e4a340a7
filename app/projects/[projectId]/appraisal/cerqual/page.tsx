import type { Metadata } from 'next';
import Link from 'next/link';
import { CerqualForm } from '@/components/appraisal/cerqual-form';
import { cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { listCerqualAssessments } from '@/lib/server/cerqual/list-cerqual-assessments';
import { saveCerqualAction } from '../actions';

export const metadata: Metadata = { title: 'GRADE-CERQual' };

export default async function CerqualPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const overview = await listCerqualAssessments(actor, projectId);
  const api = `/api/v1/projects/${projectId}/cerqual`;
  const save = saveCerqualAction.bind(null, projectId);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">GRADE-CERQual</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Confidence in each review finding (a theme, a cell statement, or a finding written out) from four components: methodological
          limitations, coherence, adequacy of data and relevance. Each concern is explained; the overall confidence starts at high and goes down
          with the concerns. Back to <Link className="text-brand-700 underline" href={`/projects/${projectId}/appraisal`}>appraisal</Link>.
        </p>
      </header>
      <section aria-labelledby="soqf-heading" className={cardClass}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 id="soqf-heading" className="text-lg font-semibold">Summary of Qualitative Findings</h2>
          <div className="flex flex-wrap gap-2">
            <a className={secondaryButtonClass} href={`${api}?format=docx`} download>Download DOCX</a>
            <a className={secondaryButtonClass} href={`${api}?format=xlsx`} download>Download XLSX</a>
            <a className={secondaryButtonClass} href={`${api}?format=csv`} download>Download CSV</a>
          </div>
        </div>
        {overview.assessments.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">No finding assessed yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Summary of Qualitative Findings</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">#</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Summary of review finding</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Studies contributing</th>
                  <th scope="col" className="py-1 pr-3 font-medium">CERQual assessment</th>
                  <th scope="col" className="py-1 font-medium">Explanation</th>
                </tr>
              </thead>
              <tbody>
                {overview.assessments.map((a, i) => (
                  <tr key={a.id} className="border-t border-slate-100 align-top">
                    <td className="py-1.5 pr-3 tabular-nums">{i + 1}</td>
                    <th scope="row" className="py-1.5 pr-3 font-normal whitespace-pre-wrap">{a.soqf.finding}</th>
                    <td className="py-1.5 pr-3">{a.soqf.studies}</td>
                    <td className="py-1.5 pr-3 font-medium">{a.soqf.confidence}</td>
                    <td className="py-1.5 whitespace-pre-wrap">
                      {a.soqf.explanation}
                      {a.warnings.length ? <span className="mt-1 block text-xs text-amber-800">{a.warnings.join(' ')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {overview.canEdit ? (
        <>
          <section aria-labelledby="new-heading" className={cardClass}>
            <h2 id="new-heading" className="text-lg font-semibold">Assess a finding</h2>
            <div className="mt-3">
              <CerqualForm findings={overview.findings} studies={overview.studies} save={save} />
            </div>
          </section>
          {overview.assessments.map((a, i) => (
            <section key={a.id} aria-label={`Edit finding ${i + 1}`} className={cardClass}>
              <details>
                <summary className="cursor-pointer font-medium">Edit finding {i + 1}: {a.finding.slice(0, 80)}</summary>
                <div className="mt-3">
                  <CerqualForm
                    findings={overview.findings}
                    studies={overview.studies}
                    initial={{ id: a.id, themeId: a.themeId, cellStatementId: a.cellStatementId, finding: a.finding, studyIds: a.namedStudyIds, components: a.components, overall: a.overall, overallExplanation: a.overallExplanation }}
                    save={save}
                  />
                </div>
              </details>
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
