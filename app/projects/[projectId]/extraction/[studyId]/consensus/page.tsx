import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConsensusEditor } from '@/components/extraction/consensus-editor';
import { StudyStatusBadge } from '@/components/extraction/status-badge';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { getExtractionConsensus } from '@/lib/server/extraction/get-extraction-consensus';
import { getProject } from '@/lib/server/projects/get-project';
import { finaliseAction, reopenAction } from '../../actions';

export const metadata: Metadata = { title: 'Extraction consensus' };

export default async function ConsensusPage({ params }: { params: Promise<{ projectId: string; studyId: string }> }) {
  const { projectId, studyId } = await params;
  const actor = await requireSessionActor();
  const project = await getProject(actor, projectId);
  const base = `/projects/${projectId}/extraction`;
  if (!can(project.role, 'extraction.finalise')) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Extraction consensus</h1>
        <p className={cardClass}>Only leads compare extractions and finalise them: extractors stay independent of each other.</p>
      </div>
    );
  }
  const loaded = await getExtractionConsensus(actor, projectId, studyId).then(
    (found) => ({ view: found, refusal: null }),
    (error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      // No form yet, or (a lead who is one of the study's extractors) their own extraction is not complete.
      if (isAppError(error) && error.code === 'CONFLICT') return { view: null, refusal: error.message };
      throw error;
    },
  );
  const { view, refusal } = loaded;
  if (!view) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Extraction consensus</h1>
        {refusal && !/no extraction form/i.test(refusal) ? (
          <p className={cardClass} role="status">
            {refusal}{' '}
            <Link href={`${base}/${studyId}`} className="text-brand-700 underline">
              Open your extraction
            </Link>
          </p>
        ) : (
          <p className={cardClass}>
            No extraction form has been published yet. <Link href={`${base}/form`} className="text-brand-700 underline">Build the form</Link>
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="text-brand-700 underline">
          Extraction
        </Link>{' '}
        / {view.study.label} / Consensus
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Consensus: {view.study.label}</h1>
        <p className="text-slate-700">{view.study.title}</p>
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <StudyStatusBadge status={view.status} /> Form version {view.form.version}
        </p>
      </header>
      <section className={cardClass} aria-label="Consensus">
        {view.extractions.length === 0 ? (
          <p>Nobody has extracted this study yet.</p>
        ) : (
          <ConsensusEditor
            fields={view.form.fields}
            formVersion={view.form.version}
            extractions={view.extractions}
            comparison={view.comparison}
            initialValues={view.consensus && view.consensus.formVersion === view.form.version ? view.consensus.values : { ...view.suggested, ...(view.consensus?.values ?? {}) }}
            isInitiallyFinal={view.consensus?.status === 'final'}
            finalisedBy={view.consensus?.finalisedBy ?? null}
            finalise={finaliseAction.bind(null, projectId, studyId)}
            reopen={reopenAction.bind(null, projectId, studyId)}
          />
        )}
      </section>
    </div>
  );
}
