import type { Metadata } from 'next';
import Link from 'next/link';
import { ConflictsBoard } from '@/components/conflicts/conflicts-board';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import type { Stage } from '@/lib/domain/screening';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProject } from '@/lib/server/projects/get-project';
import { listExclusionReasons } from '@/lib/server/reasons/list-exclusion-reasons';
import { listConflicts } from '@/lib/server/screening/list-conflicts';
import { resolveAction } from './actions';

export const metadata: Metadata = { title: 'Conflicts' };

const STAGES: { stage: Stage; label: string }[] = [
  { stage: 'title_abstract', label: 'Title/abstract' },
  { stage: 'full_text', label: 'Full text' },
];

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
      <nav aria-label="Stage" className="flex gap-2">
        {STAGES.map((s) => (
          <Link
            key={s.stage}
            href={`/projects/${projectId}/conflicts?stage=${s.stage}`}
            aria-current={s.stage === stage ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${s.stage === stage ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-800'}`}
          >
            {s.label}
          </Link>
        ))}
      </nav>
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
