import { notFound } from 'next/navigation';
import { ScreeningWorkspace } from '@/components/screening/screening-workspace';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import type { Stage } from '@/lib/domain/screening';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { getProject } from '@/lib/server/projects/get-project';
import { listExclusionReasons } from '@/lib/server/reasons/list-exclusion-reasons';
import { getScreeningProgress } from '@/lib/server/screening/get-screening-progress';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
import {
  fetchProgressAction,
  fetchQueueAction,
  notRetrievableAction,
  undoVoteAction,
  uploadFullTextAction,
  voteAction,
} from './actions';

const TITLES: Record<Stage, string> = { title_abstract: 'Title/abstract screening', full_text: 'Full-text screening' };

/** The screening page of a stage: the first records and the progress are rendered on the server. */
export async function ScreeningPage({ projectId, stage }: { projectId: string; stage: Stage }) {
  const actor = await requireSessionActor();
  const project = await getProject(actor, projectId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const progress = await getScreeningProgress(actor, projectId, stage);
  if (!can(project.role, 'screening.vote')) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{TITLES[stage]}</h1>
        <p className={cardClass}>
          As a viewer you can follow the progress, but not vote. {progress.total.toLocaleString('en-GB')} records are at this stage.
        </p>
      </div>
    );
  }
  const [queue, reasons] = await Promise.all([
    getScreeningQueue(actor, projectId, stage, { limit: 5 }),
    listExclusionReasons(actor, projectId),
  ]);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{TITLES[stage]}</h1>
        <p className="text-sm text-slate-600">
          {project.settings.blindScreening ? 'Blind: you do not see the other reviewers’ votes.' : 'Not blind: votes are visible to the team.'}{' '}
          {progress.requiredVotes} {progress.requiredVotes === 1 ? 'reviewer' : 'reviewers'} per record. Press ? for shortcuts.
        </p>
      </header>
      <ScreeningWorkspace
        projectId={projectId}
        stage={stage}
        initialQueue={queue}
        initialProgress={progress}
        criteria={project.criteria}
        highlightTerms={project.settings.highlightTerms}
        reasons={reasons.map((r) => ({ id: r.id, label: r.label }))}
        actions={{
          vote: voteAction.bind(null, projectId),
          undo: undoVoteAction.bind(null, projectId),
          fetchQueue: fetchQueueAction.bind(null, projectId, stage),
          fetchProgress: fetchProgressAction.bind(null, projectId, stage),
          uploadFullText: uploadFullTextAction.bind(null, projectId),
          setNotRetrievable: notRetrievableAction.bind(null, projectId),
        }}
      />
    </div>
  );
}
