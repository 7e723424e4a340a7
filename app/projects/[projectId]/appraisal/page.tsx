import type { Metadata } from 'next';
import Link from 'next/link';
import { AppraisalForm } from '@/components/appraisal/appraisal-form';
import { ChecklistManager } from '@/components/appraisal/checklist-manager';
import { QuestionSummaryChart } from '@/components/appraisal/question-summary-chart';
import { cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { agreedAnswers, APPRAISAL_VERDICT_LABELS } from '@/lib/domain/appraisal/checklists';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getAppraisalOverview } from '@/lib/server/appraisal/get-appraisal-overview';
import { addChecklistAction, saveAppraisalAction } from './actions';

export const metadata: Metadata = { title: 'Appraisal' };

export default async function AppraisalPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ checklist?: string; study?: string }> }) {
  const { projectId } = await params;
  const { checklist: wantedChecklist, study: wantedStudy } = await searchParams;
  const actor = await requireSessionActor();
  const overview = await getAppraisalOverview(actor, projectId, wantedChecklist && /^[0-9a-f-]{36}$/i.test(wantedChecklist) ? { checklistId: wantedChecklist } : {});
  const checklist = overview.checklists.find((c) => c.id === overview.checklistId);
  const base = `/projects/${projectId}/appraisal`;
  const here = (study?: string) => `${base}?checklist=${overview.checklistId}${study ? `&study=${study}` : ''}`;
  const open = overview.studies.find((s) => s.studyId === wantedStudy);
  const exportBase = `/api/v1/projects/${projectId}/exports/appraisals?checklistId=${overview.checklistId}`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Appraisal</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Each included study is appraised by two team members independently; a lead then records the consensus. Appraisers see their own answers
          and the consensus, never each other&apos;s. Confidence in each finding is graded on the{' '}
          <Link className="text-brand-700 underline" href={`${base}/cerqual`}>GRADE-CERQual</Link> page.
        </p>
      </header>

      {overview.checklists.length > 1 ? (
        <nav aria-label="Checklists" className="flex flex-wrap gap-2">
          {overview.checklists.map((c) => (
            <Link key={c.id} href={`${base}?checklist=${c.id}`} aria-current={c.id === overview.checklistId ? 'page' : undefined} className={`rounded-md border px-3 py-1.5 text-sm ${c.id === overview.checklistId ? 'border-brand-600 bg-brand-100 font-medium' : 'border-slate-300 bg-white'}`}>
              {c.name}
            </Link>
          ))}
        </nav>
      ) : null}

      {!checklist ? (
        <p className={cardClass}>No checklist yet. {overview.canManageChecklists ? 'Add the JBI checklist below.' : 'A lead adds one.'}</p>
      ) : (
        <>
          <section aria-labelledby="studies-heading" className={cardClass}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <h2 id="studies-heading" className="text-lg font-semibold">{checklist.name}</h2>
                <p className="mt-1 max-w-3xl text-xs text-slate-600">{checklist.source}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                <a className={secondaryButtonClass} href={`${exportBase}&format=xlsx`} download>Download XLSX</a>
                <a className={secondaryButtonClass} href={`${exportBase}&format=docx`} download>Download DOCX</a>
                <a className={secondaryButtonClass} href={`${exportBase}&format=csv`} download>Download CSV</a>
              </div>
            </div>
            {overview.studies.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">No included study yet: studies are the records included at full-text screening.</p>
            ) : (
              <div className="mt-3 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Appraisal per study</caption>
                  <thead className="text-slate-600">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">Study</th>
                      <th scope="col" className="py-1 pr-3 font-medium">My appraisal</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Appraisals</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Consensus</th>
                      <th scope="col" className="py-1 font-medium"><span className="sr-only">Open</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.studies.map((s) => (
                      <tr key={s.studyId} className={`border-t border-slate-100 ${s.studyId === wantedStudy ? 'bg-brand-100/40' : ''}`}>
                        <th scope="row" className="py-1.5 pr-3 font-normal">
                          <span className="font-medium">{s.label}</span>
                          <span className="block text-xs text-slate-600">{s.title}</span>
                        </th>
                        <td className="py-1.5 pr-3">{s.mine ? `${s.mine.summary.label}${s.mine.isComplete ? '' : ' (draft)'}` : <span className="text-slate-600">not yet</span>}</td>
                        <td className="py-1.5 pr-3 tabular-nums">{s.independentCount}</td>
                        <td className="py-1.5 pr-3">
                          {s.consensus ? `${s.consensus.summary.label}${s.consensus.verdict ? `, ${APPRAISAL_VERDICT_LABELS[s.consensus.verdict].toLowerCase()}` : ''}` : <span className="text-slate-600">none</span>}
                          {s.disagreements?.length ? <span className="block text-xs text-amber-800">{s.disagreements.length} questions differ</span> : null}
                        </td>
                        <td className="py-1.5">
                          <Link className="text-brand-700 underline" href={here(s.studyId)}>
                            {overview.canAppraise ? 'Appraise' : 'Open'}<span className="sr-only"> {s.label}</span>
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {open ? (
            <section aria-labelledby="open-heading" className={cardClass}>
              <h2 id="open-heading" className="text-lg font-semibold">{open.label}: {open.title}</h2>
              {overview.canAppraise ? (
                <div className="mt-3">
                  <h3 className="mb-2 font-medium">My appraisal</h3>
                  <AppraisalForm
                    key={`mine-${open.studyId}`}
                    idPrefix="mine"
                    questions={checklist.questions}
                    initial={{ answers: open.mine?.answers ?? {}, verdict: open.mine?.verdict ?? null, comment: open.mine?.comment ?? '' }}
                    submitLabel="Save my appraisal"
                    save={saveAppraisalAction.bind(null, projectId, open.studyId, checklist.id, 'independent')}
                  />
                </div>
              ) : null}
              {overview.canFinalise && open.finishOwnFirst ? (
                <div className="mt-6 border-t border-slate-200 pt-4">
                  <h3 className="mb-2 font-medium">Consensus</h3>
                  <p className="text-sm text-slate-700" role="status">
                    Finish your own appraisal of this study first: the other appraisals and the consensus open once yours is complete.
                  </p>
                </div>
              ) : overview.canFinalise ? (
                <div className="mt-6 border-t border-slate-200 pt-4">
                  <h3 className="mb-2 font-medium">Consensus</h3>
                  {open.independent && open.independent.length ? null : <p className="mb-2 text-sm text-slate-600">No independent appraisal yet.</p>}
                  <AppraisalForm
                    key={`consensus-${open.studyId}`}
                    idPrefix="consensus"
                    questions={checklist.questions}
                    initial={{
                      answers: open.consensus?.answers ?? agreedAnswers(checklist.questions, (open.independent ?? []).map((a) => a.answers)),
                      verdict: open.consensus?.verdict ?? null,
                      comment: open.consensus?.comment ?? '',
                    }}
                    others={(open.independent ?? []).map((a) => ({ name: a.appraiserName, answers: a.answers }))}
                    submitLabel="Save consensus"
                    save={saveAppraisalAction.bind(null, projectId, open.studyId, checklist.id, 'consensus')}
                  />
                </div>
              ) : open.consensus ? (
                <p className="mt-3 text-sm">Consensus: {open.consensus.summary.label}{open.consensus.comment ? ` - ${open.consensus.comment}` : ''}</p>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="summary-heading" className={cardClass}>
            <h2 id="summary-heading" className="text-lg font-semibold">Summary by question</h2>
            <div className="mt-3">
              <QuestionSummaryChart rows={overview.byQuestion} />
            </div>
          </section>
        </>
      )}

      {overview.canManageChecklists ? (
        <section aria-labelledby="checklists-heading" className={cardClass}>
          <h2 id="checklists-heading" className="text-lg font-semibold">Checklists</h2>
          <div className="mt-3">
            <ChecklistManager hasJbi={overview.checklists.some((c) => c.presetKey === 'jbi-qualitative')} add={addChecklistAction.bind(null, projectId)} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
