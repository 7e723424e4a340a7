import type { Metadata } from 'next';
import { ConflictsBoard } from '@/components/conflicts/conflicts-board';
import { StageSwitch } from '@/components/ui/stage-switch';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import type { Stage } from '@/lib/domain/screening';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProject } from '@/lib/server/projects/get-project';
import { listExclusionReasons } from '@/lib/server/reasons/list-exclusion-reasons';
import { listConflicts } from '@/lib/server/screening/list-conflicts';
import { resolveAction } from './actions';

export const metadata: Metadata = { title: 'Conflicts' };



export default async function ConflictsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ stage?: string }>;
}) {
  const { projectId } = await params;
  const stage: Stage = (await searchParams).stage === 'full_text' ? 'full_text' : 'title_abstract';
  const actor = await requireSessionActor();
  const project = await getProject(actor, projectId);
  if (!can(project.role, 'screening.read-all-votes')) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Conflicts</h1>
        <p className={cardClass}>Only leads and owners see and resolve conflicts: reviewers stay blind to each other&apos;s votes.</p>
      </div>
    );
  }
  const [conflicts, reasons] = await Promise.all([listConflicts(actor, projectId, stage), listExclusionReasons(actor, projectId)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Conflicts</h1>
      <StageSwitch basePath={`/projects/${projectId}/conflicts`} current={stage} />
      <ConflictsBoard
        key={stage}
        stage={stage}
        initial={conflicts}
        reasons={reasons.map((r) => ({ id: r.id, label: r.label }))}
        resolve={resolveAction.bind(null, projectId)}
      />
    </div>
  );
}
