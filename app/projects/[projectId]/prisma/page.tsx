import type { Metadata } from 'next';
import { PrismaDownloads } from '@/components/prisma/prisma-downloads';
import { cardClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { getPrismaReport } from '@/lib/server/prisma/get-prisma-report';

export const metadata: Metadata = { title: 'PRISMA 2020' };

export default async function PrismaPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const report = await getPrismaReport(actor, projectId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'FORBIDDEN') return null;
    throw error;
  });
  if (!report) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">PRISMA 2020 flow diagram</h1>
        <p className={cardClass}>
          While blind screening is on, the PRISMA counts are shown to leads and viewers only: counts of included and
          excluded records, read before and after your own vote, would tell you how your co-reviewer voted.
        </p>
      </div>
    );
  }
  const failing = report.checks.filter((c) => !c.holds);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">PRISMA 2020 flow diagram</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Every number is counted from this project&apos;s data: imports, de-duplication, votes, resolutions, full texts
          and reasons. Nothing here is typed in. Reports still awaiting a full-text decision are not yet &ldquo;assessed&rdquo;.
        </p>
        <PrismaDownloads projectId={projectId} svg={report.svg} />
      </header>
      {/* The SVG is built by lib/domain/prisma with every text XML-escaped. */}
      <div className={`${cardClass} overflow-x-auto`} dangerouslySetInnerHTML={{ __html: report.svg }} />
      <section aria-labelledby="checks-heading" className={cardClass}>
        <h2 id="checks-heading" className="text-lg font-semibold">
          Arithmetic checks between boxes
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {failing.length === 0
            ? 'All checks hold.'
            : `${failing.length} of ${report.checks.length} checks do not hold yet; usually screening is still under way.`}
        </p>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">Check</th>
              <th scope="col" className="py-1 text-right font-medium">Left</th>
              <th scope="col" className="py-1 text-center font-medium">Relation</th>
              <th scope="col" className="py-1 text-right font-medium">Right</th>
              <th scope="col" className="py-1 text-right font-medium">Holds</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="py-1.5">{c.description}</td>
                <td className="py-1.5 text-right tabular-nums">{c.left.toLocaleString('en-GB')}</td>
                <td className="py-1.5 text-center">{c.relation}</td>
                <td className="py-1.5 text-right tabular-nums">{c.right.toLocaleString('en-GB')}</td>
                <td className={`py-1.5 text-right font-medium ${c.holds ? 'text-green-800' : 'text-red-700'}`}>{c.holds ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
