import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AnswerList } from '@/components/extraction/answer-list';
import { ExtractionForm } from '@/components/extraction/extraction-form';
import { StudyStatusBadge } from '@/components/extraction/status-badge';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { carryAnswers } from '@/lib/domain/extraction/answers';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { getStudyExtraction } from '@/lib/server/extraction/get-study-extraction';
import { getProject } from '@/lib/server/projects/get-project';
import { saveExtractionAction } from '../actions';

export const metadata: Metadata = { title: 'Extract a study' };

export default async function StudyExtractionPage({ params }: { params: Promise<{ projectId: string; studyId: string }> }) {
  const { projectId, studyId } = await params;
  const actor = await requireSessionActor();
  const project = await getProject(actor, projectId);
  const view = await getStudyExtraction(actor, projectId, studyId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const base = `/projects/${projectId}/extraction`;
  const canEdit = can(project.role, 'extraction.edit');
  const isLead = can(project.role, 'extraction.finalise');
  const carried = view.mine && view.form && view.mine.formVersion !== view.form.version ? carryAnswers(view.mine.fields, view.form.fields, view.mine.values) : null;
  const droppedLabels = carried?.dropped.map((id) => view.mine!.fields.find((f) => f.id === id)?.label ?? id) ?? [];
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="text-brand-700 underline">
          Extraction
        </Link>{' '}
        / {view.study.label}
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{view.study.label}</h1>
        <p className="text-slate-700">{view.study.title}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <StudyStatusBadge status={view.status} />
          {view.others.length
            ? `Also extracting: ${view.others.map((o) => `${o.name} (${o.isComplete ? 'complete' : 'in progress'})`).join(', ')}. Their answers stay hidden until a lead finalises.`
            : 'Nobody else has started this study.'}
          {isLead && view.status !== 'not_started' ? (
            <Link href={`${base}/${studyId}/consensus`} className="text-brand-700 underline">
              Consensus view
            </Link>
          ) : null}
        </p>
      </header>
      {view.final ? (
        <section aria-labelledby="final-heading" className={cardClass}>
          <h2 id="final-heading" className="mb-3 text-lg font-semibold">
            Final values (version {view.final.formVersion})
          </h2>
          <p className="mb-3 text-sm text-slate-700">A lead finalised this study. Answers can change again only if a lead reopens it.</p>
          <AnswerList fields={view.final.fields} values={view.final.values} label="Final values" />
        </section>
      ) : !view.form ? (
        <p className={cardClass}>No extraction form has been published yet. {isLead ? <Link href={`${base}/form`} className="text-brand-700 underline">Build the form</Link> : 'A lead builds it first.'}</p>
      ) : !canEdit ? (
        <p className={cardClass}>As a viewer you can follow the extraction, but not extract.</p>
      ) : !view.canExtract ? (
        <p className={cardClass}>This study already has its extractors. You can see it in the characteristics table once a lead finalises it.</p>
      ) : (
        <section aria-labelledby="form-heading" className={cardClass}>
          <h2 id="form-heading" className="text-lg font-semibold">
            Your extraction <span className="text-sm font-normal text-slate-600">(form version {view.form.version})</span>
          </h2>
          <p className="mb-4 text-sm text-slate-600">Fields marked * are required to mark the extraction complete.</p>
          {carried && view.mine ? (
            <div className="mb-5 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
              <p>
                You answered against version {view.mine.formVersion}; the form is now at version {view.form.version}. Your answers are carried over below
                {droppedLabels.length ? `, except ${droppedLabels.join(', ')}, which no longer fit` : ''}. Saving moves them to version {view.form.version}.
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer font-medium">Your answers as given (version {view.mine.formVersion})</summary>
                <div className="mt-2">
                  <AnswerList fields={view.mine.fields} values={view.mine.values} label={`Answers as given against version ${view.mine.formVersion}`} />
                </div>
              </details>
            </div>
          ) : null}
          <ExtractionForm
            key={view.form.version}
            fields={view.form.fields}
            formVersion={view.form.version}
            initialValues={carried ? carried.values : (view.mine?.values ?? {})}
            isInitiallyComplete={!carried && !!view.mine?.isComplete}
            lastSavedAt={carried ? null : (view.mine?.updatedAt ?? null)}
            save={saveExtractionAction.bind(null, projectId, studyId)}
          />
        </section>
      )}
    </div>
  );
}
