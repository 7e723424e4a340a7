import type { Metadata } from 'next';
import Link from 'next/link';
import { cardClass } from '@/components/ui/styles';
import { ROLE_LABELS, ROLES } from '@/lib/domain/access/permissions';
import type { RecordState } from '@/lib/domain/screening';
import { REVIEW_STAGES } from '@/lib/domain/stages';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProjectOverview } from '@/lib/server/projects/get-project-overview';

export const metadata: Metadata = { title: 'Dashboard' };

const STATE_COLUMNS = [
  { label: 'Awaiting votes', states: ['awaiting'] },
  { label: 'Included', states: ['included', 'resolved_included'] },
  { label: 'Excluded', states: ['excluded', 'resolved_excluded'] },
  { label: 'Conflicts', states: ['conflict'] },
] as const;

/** What a reviewer sees under blind screening; the overview puts "all votes in" where included would be. */
const BLIND_COLUMNS = [
  { label: 'Awaiting votes', states: ['awaiting'] },
  { label: 'All votes in', states: ['included'] },
] as const;

export default async function ProjectDashboard({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const overview = await getProjectOverview(actor, projectId);
  const { project } = overview;
  const identified = overview.sources.reduce((sum, s) => sum + s.recordCount, 0);
  const columns = overview.outcomesHidden ? BLIND_COLUMNS : STATE_COLUMNS;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{project.title}</h1>
        {project.question ? <p className="mt-2 max-w-3xl text-slate-700">{project.question}</p> : null}
      </header>

      <section aria-labelledby="records-heading" className="grid gap-4 sm:grid-cols-3">
        <h2 id="records-heading" className="sr-only">
          Records
        </h2>
        <Stat label="Records identified" value={identified} />
        <Stat label="Duplicates removed" value={overview.duplicatesRemoved} />
        <Stat label="Records to screen" value={overview.referenceCount} />
      </section>

      <section aria-labelledby="screening-heading" className={cardClass}>
        <h2 id="screening-heading" className="text-lg font-semibold">
          Screening
        </h2>
        <table className="mt-3 w-full text-left text-sm" aria-label="Records per state and stage">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">Stage</th>
              {columns.map((c) => (
                <th key={c.label} scope="col" className="py-1 text-right font-medium">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.outcomesHidden ? (
              <tr>
                <td colSpan={columns.length + 1} className="py-1 text-xs text-slate-600">
                  Blind screening is on: you see records awaiting votes and records with all their votes in, not how
                  they were decided.
                </td>
              </tr>
            ) : null}
            {(['title_abstract', 'full_text'] as const).map((stage) => (
              <tr key={stage} className="border-t border-slate-100" data-testid={`screening-${stage}`}>
                <th scope="row" className="py-1.5 font-medium">
                  <Link href={`/projects/${project.id}/screening/${stage === 'title_abstract' ? 'title-abstract' : 'full-text'}`} className="text-brand-700 underline">
                    {stage === 'title_abstract' ? 'Title/abstract' : 'Full text'}
                  </Link>
                </th>
                {columns.map((c) => (
                  <td key={c.label} className="py-1.5 text-right tabular-nums" data-column={c.label}>
                    {(c.states as readonly RecordState[]).reduce((sum, s) => sum + overview.screening[stage][s], 0).toLocaleString('en-GB')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-sm text-slate-700">
          Included studies: <span className="font-semibold tabular-nums" data-testid="study-count">{overview.studyCount}</span>
        </p>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="sources-heading" className={cardClass}>
          <h2 id="sources-heading" className="text-lg font-semibold">
            Sources
          </h2>
          {overview.sources.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No search results imported yet.</p>
          ) : (
            <table className="mt-3 w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">Database</th>
                  <th scope="col" className="py-1 font-medium">File</th>
                  <th scope="col" className="py-1 text-right font-medium">Records</th>
                </tr>
              </thead>
              <tbody>
                {overview.sources.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100">
                    <td className="py-1.5">{s.databaseName}</td>
                    <td className="py-1.5 text-slate-600">{s.fileName}</td>
                    <td className="py-1.5 text-right tabular-nums">{s.recordCount.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="team-heading" className={cardClass}>
          <h2 id="team-heading" className="text-lg font-semibold">
            Team
          </h2>
          <ul className="mt-3 grid grid-cols-2 gap-2 text-sm">
            {ROLES.map((role) => (
              <li key={role} className="flex justify-between rounded bg-slate-50 px-3 py-2">
                <span>{ROLE_LABELS[role]}s</span>
                <span className="font-medium tabular-nums">{overview.membersByRole[role]}</span>
              </li>
            ))}
          </ul>
          <Link href={`/projects/${project.id}/settings`} className="mt-3 inline-block text-sm text-brand-700 underline">
            Members and settings
          </Link>
        </section>
      </div>

      <section aria-labelledby="stages-heading" className={cardClass}>
        <h2 id="stages-heading" className="text-lg font-semibold">
          Stages
        </h2>
        <ol className="mt-3 divide-y divide-slate-100 text-sm">
          {REVIEW_STAGES.filter((s) => s.slug !== 'settings').map((stage) => (
            <li key={stage.slug} className="flex items-start justify-between gap-4 py-2">
              <span>
                <Link href={`/projects/${project.id}/${stage.slug}`} className="font-medium text-brand-700 underline">
                  {stage.label}
                </Link>
                <span className="block text-slate-600">{stage.description}</span>
              </span>
              {!stage.isBuilt ? <span className="shrink-0 text-xs text-slate-500">not built yet</span> : null}
            </li>
          ))}
        </ol>
      </section>

      {project.criteria ? (
        <section aria-labelledby="criteria-heading" className={cardClass}>
          <h2 id="criteria-heading" className="text-lg font-semibold">
            Eligibility criteria
          </h2>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{project.criteria}</p>
        </section>
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className={cardClass}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums text-brand-900">{value.toLocaleString('en-GB')}</p>
    </div>
  );
}
