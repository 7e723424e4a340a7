import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportPanel } from '@/components/imports/import-panel';
import { SourceCountsTable } from '@/components/references/source-counts-table';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { DATABASE_SUGGESTIONS, MAX_IMPORT_BYTES } from '@/lib/validation/imports';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getDuplicateCounts } from '@/lib/server/duplicates/get-duplicate-counts';
import { listImports } from '@/lib/server/imports/list-imports';
import { getProject } from '@/lib/server/projects/get-project';
import { listSourceCounts } from '@/lib/server/references/list-source-counts';

export const metadata: Metadata = { title: 'Import' };

const STATUS_LABEL = { queued: 'Waiting', running: 'Importing', succeeded: 'Imported', failed: 'Failed' } as const;

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [project, sources, imports, duplicates] = await Promise.all([
    getProject(actor, projectId),
    listSourceCounts(actor, projectId),
    listImports(actor, projectId, 20),
    getDuplicateCounts(actor, projectId),
  ]);
  const base = `/projects/${projectId}`;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Import</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Bring in the results of each database search. Duplicates are found within and across imports: certain ones are removed at once (and can be
          restored), probable ones wait for a person.
        </p>
      </header>

      <section aria-labelledby="new-import-heading" className={cardClass}>
        <h2 id="new-import-heading" className="mb-4 text-lg font-semibold">
          New import
        </h2>
        {can(project.role, 'references.import') ? (
          <ImportPanel
            projectId={projectId}
            databases={DATABASE_SUGGESTIONS}
            maxBytes={MAX_IMPORT_BYTES}
            unfinished={imports.items.filter((i) => i.status === 'queued' || i.status === 'running')}
          />
        ) : (
          <p className="text-sm text-slate-600">Only the project&apos;s leads and owners import search results.</p>
        )}
      </section>

      <section aria-labelledby="sources-heading" className={cardClass}>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="sources-heading" className="text-lg font-semibold">
            Sources
          </h2>
          <p className="flex gap-4 text-sm">
            <Link href={`${base}/references`} className="text-brand-700 underline">
              Browse references
            </Link>
            <Link href={`${base}/duplicates`} className="text-brand-700 underline">
              Review duplicates ({duplicates.pending.toLocaleString('en-GB')} pending)
            </Link>
          </p>
        </div>
        <SourceCountsTable sources={sources} />
      </section>

      {imports.items.length > 0 ? (
        <section aria-labelledby="history-heading" className={cardClass}>
          <h2 id="history-heading" className="mb-3 text-lg font-semibold">
            Recent imports
          </h2>
          <table className="w-full text-left text-sm" aria-label="Recent imports">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">File</th>
                <th scope="col" className="py-1 font-medium">Database</th>
                <th scope="col" className="py-1 font-medium">Status</th>
                <th scope="col" className="py-1 font-medium">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {imports.items.map((job) => (
                <tr key={job.id} className="border-t border-slate-100 align-top">
                  <td className="max-w-[14rem] truncate py-1.5" title={job.fileName}>
                    {job.fileName}
                  </td>
                  <td className="py-1.5">{job.databaseName}</td>
                  <td className="py-1.5">{STATUS_LABEL[job.status]}</td>
                  <td className="py-1.5 text-slate-700">
                    {job.summary
                      ? `${job.summary.records.toLocaleString('en-GB')} records, ${job.summary.duplicates.autoMerged.toLocaleString('en-GB')} merged, ${job.summary.duplicates.queued.toLocaleString('en-GB')} queued`
                      : (job.error?.message ?? job.progress.message ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
