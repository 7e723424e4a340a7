import type { Metadata } from 'next';
import Link from 'next/link';
import { ReferenceList } from '@/components/references/reference-list';
import { SourceCountsTable } from '@/components/references/source-counts-table';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProject } from '@/lib/server/projects/get-project';
import { listSourceCounts } from '@/lib/server/references/list-source-counts';
import { ZReferenceListQuery } from '@/lib/validation/references';
import { restoreReferenceAction } from './actions';

export const metadata: Metadata = { title: 'References' };

export default async function ReferencesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const { projectId } = await params;
  const requested = (await searchParams).status;
  const actor = await requireSessionActor();
  const [project, sources] = await Promise.all([getProject(actor, projectId), listSourceCounts(actor, projectId)]);
  const canSeeStates = can(project.role, 'screening.read-all-votes') || !project.settings.blindScreening;
  const status = ZReferenceListQuery.shape.status.safeParse(typeof requested === 'string' ? requested : undefined);
  const initialStatus = status.success && (canSeeStates || ['all', 'kept', 'removed'].includes(status.data)) ? status.data : 'all';
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">References</h1>
        <Link href={`/projects/${projectId}/import`} className="text-sm text-brand-700 underline">
          Import more
        </Link>
      </header>
      <section aria-labelledby="identified-heading" className={cardClass}>
        <h2 id="identified-heading" className="mb-3 text-lg font-semibold">
          Records identified per source
        </h2>
        <SourceCountsTable sources={sources} />
      </section>
      <section aria-labelledby="list-heading" className={cardClass}>
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">
          All records
        </h2>
        <ReferenceList
          projectId={projectId}
          sources={sources.map((s) => ({ id: s.id, databaseName: s.databaseName, fileName: s.fileName }))}
          canSeeStates={canSeeStates}
          initialStatus={initialStatus}
          canRestore={can(project.role, 'duplicates.resolve')}
          restore={restoreReferenceAction.bind(null, projectId)}
        />
      </section>
    </div>
  );
}
