import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CodingComparisonView } from '@/components/coding/coding-comparison';
import { formatCoefficient, formatPercent } from '@/components/agreement/format';
import { cardClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getCodingAgreement } from '@/lib/server/coding/get-coding-agreement';
import { getCodingComparison } from '@/lib/server/coding/get-coding-comparison';
import { isAppError } from '@/lib/server/errors/app-error';

export const metadata: Metadata = { title: 'Coding agreement' };
export const dynamic = 'force-dynamic';

export default async function CodingAgreementPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ unit?: string; study?: string }> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const unit = search.unit === 'line' ? 'line' : 'sentence';
  const actor = await requireSessionActor();
  const report = await getCodingAgreement(actor, projectId, { unit }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const comparison =
    search.study && report.studies.some((s) => s.studyId === search.study) ? await getCodingComparison(actor, projectId, search.study, unit) : null;
  const base = `/projects/${projectId}/agreement/coding`;
  const o = report.overall;
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <nav aria-label="Agreement" className="text-sm">
          <Link className="text-brand-700 underline" href={`/projects/${projectId}/agreement`}>
            Screening agreement
          </Link>{' '}
          · <span aria-current="page" className="font-medium">Coding agreement</span>
        </nav>
        <h1 className="text-2xl font-semibold">Coding agreement</h1>
        <p className="max-w-3xl text-slate-700">
          How consistently two coders coded the double-coded studies: the codes both applied in a study over the codes either applied, and Cohen&apos;s
          kappa per code over text units ({unit === 'sentence' ? 'sentences' : 'lines'}), a unit counting as coded when a coder&apos;s quote with the code touches it.
        </p>
        <nav aria-label="Text unit" className="text-sm">
          Units:{' '}
          {(['sentence', 'line'] as const).map((u) => (
            <Link key={u} href={`${base}?unit=${u}${search.study ? `&study=${search.study}` : ''}`} aria-current={u === unit ? 'page' : undefined} className={`mr-2 ${u === unit ? 'font-semibold' : 'text-brand-700 underline'}`}>
              {u === 'sentence' ? 'Sentences' : 'Lines'}
            </Link>
          ))}
        </nav>
      </header>
      {report.hiddenStudies ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
          {report.hiddenStudies} double-coded stud{report.hiddenStudies === 1 ? 'y is' : 'ies are'} still blind to you and left out until a lead compares {report.hiddenStudies === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {report.studies.length === 0 ? (
        <section className={cardClass}>
          <h2 className="text-lg font-semibold">No coding agreement to show yet</h2>
          <p className="mt-2 text-sm text-slate-700">
            A lead chooses studies for double coding on the <Link className="text-brand-700 underline" href={`/projects/${projectId}/coding`}>coding page</Link>; agreement appears once both coders have coded them.
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="seed-heading" className={cardClass}>
            <h2 id="seed-heading" className="text-lg font-semibold">
              Codes applied by both coders
            </h2>
            <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid="coding-agreement-overall">
              {o.both} of {o.either} codes ({formatPercent(o.proportion)})
            </p>
            <p className="text-sm text-slate-600">Over {report.studies.length} double-coded stud{report.studies.length === 1 ? 'y' : 'ies'}, pooled.</p>
            <table className="mt-4 w-full text-left text-sm">
              <caption className="sr-only">Agreement per study</caption>
              <thead className="text-slate-600">
                <tr>
                  <th className="py-1">Study</th>
                  <th>Coders</th>
                  <th className="pl-3 text-right">Both</th>
                  <th className="pl-3 text-right">Either</th>
                  <th className="pl-3 text-right">Agreement</th>
                  <th className="pl-3">Side by side</th>
                </tr>
              </thead>
              <tbody>
                {report.studies.map((s) => (
                  <tr key={s.studyId} className="border-t border-slate-200">
                    <td className="py-1.5 pr-2">{s.studyTitle}</td>
                    <td className="pr-2">
                      {s.firstCoder.name} / {s.secondCoder.name}
                      {s.compared ? '' : ' (blind)'}
                    </td>
                    <td className="text-right tabular-nums">{s.both}</td>
                    <td className="text-right tabular-nums">{s.either}</td>
                    <td className="text-right tabular-nums">{formatPercent(s.proportion)}</td>
                    <td className="pl-3">
                      <Link className="text-brand-700 underline" href={`${base}?unit=${unit}&study=${s.studyId}#comparison`}>
                        Compare<span className="sr-only"> the coders of {s.studyTitle}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="kappa-heading" className={cardClass}>
            <h2 id="kappa-heading" className="text-lg font-semibold">
              Kappa per code over {unit === 'sentence' ? 'sentences' : 'lines'}
            </h2>
            <table className="mt-3 w-full text-left text-sm">
              <caption className="sr-only">Cohen&apos;s kappa per code</caption>
              <thead className="text-slate-600">
                <tr>
                  <th className="py-1">Code</th>
                  <th className="pl-3 text-right">Kappa</th>
                  <th className="pl-3 text-right">Agreement</th>
                  <th className="pl-3 text-right">Both</th>
                  <th className="pl-3 text-right">First only</th>
                  <th className="pl-3 text-right">Second only</th>
                  <th className="pl-3 text-right">Units</th>
                </tr>
              </thead>
              <tbody>
                {report.perCode.map((k) => (
                  <tr key={k.codeId} className="border-t border-slate-200">
                    <td className="py-1.5 pr-2">{k.codeName}</td>
                    <td className="text-right tabular-nums" title={k.reason ?? undefined}>
                      {k.kappa === null ? <span className="text-slate-500">not computed</span> : formatCoefficient(k.kappa)}
                    </td>
                    <td className="text-right tabular-nums">{formatPercent(k.percent)}</td>
                    <td className="text-right tabular-nums">{k.both}</td>
                    <td className="text-right tabular-nums">{k.onlyA}</td>
                    <td className="text-right tabular-nums">{k.onlyB}</td>
                    <td className="text-right tabular-nums">{k.units}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-600">
              Kappa is not computed for a code that no coder applied anywhere, or that both applied to every unit (one category only). JSON:{' '}
              <code>/api/v1/projects/{projectId}/agreement/coding?unit={unit}</code>
            </p>
          </section>
          {comparison ? <CodingComparisonView comparison={comparison} /> : null}
        </>
      )}
    </div>
  );
}
