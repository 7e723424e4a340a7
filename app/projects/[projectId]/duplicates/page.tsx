import type { Metadata } from 'next';
import Link from 'next/link';
import { DuplicateReview } from '@/components/duplicates/duplicate-review';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getDuplicateCounts } from '@/lib/server/duplicates/get-duplicate-counts';
import { listPendingPairs } from '@/lib/server/duplicates/list-pending-pairs';
import { getProject } from '@/lib/server/projects/get-project';
import { decideDuplicateAction, loadPendingPairsAction, mergeAboveAction } from './actions';

export const metadata: Metadata = { title: 'Duplicates' };

export default async function DuplicatesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [project, counts, pairs] = await Promise.all([
    getProject(actor, projectId),
    getDuplicateCounts(actor, projectId),
    listPendingPairs(actor, projectId, { limit: 20 }),
  ]);
  const base = `/projects/${projectId}`;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Duplicates</h1>
          <p className="mt-1 max-w-3xl text-slate-700">
            Probable duplicates, the most likely first. Decide whether the two records are the same work: merged records leave screening but stay linked
            and can be restored from the references list; pairs marked “not the same” are never merged.
          </p>
        </div>
        <p className="flex gap-4 text-sm">
          <Link href={`${base}/import`} className="text-brand-700 underline">
            Import
          </Link>
          <Link href={`${base}/references?status=removed`} className="text-brand-700 underline">
            Removed records
          </Link>
        </p>
      </header>
      <section aria-label="Duplicate review" className={cardClass}>
        <DuplicateReview
          initialPairs={pairs}
          initialCounts={counts}
          canResolve={can(project.role, 'duplicates.resolve')}
          decide={decideDuplicateAction.bind(null, projectId)}
          mergeAbove={mergeAboveAction.bind(null, projectId)}
          loadMore={loadPendingPairsAction.bind(null, projectId)}
        />
      </section>
    </div>
  );
}
