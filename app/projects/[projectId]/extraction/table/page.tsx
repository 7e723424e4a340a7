import type { Metadata } from 'next';
import Link from 'next/link';
import { SummaryChart } from '@/components/extraction/summary-chart';
import { cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getCharacteristicsTable } from '@/lib/server/extraction/get-characteristics-table';

export const metadata: Metadata = { title: 'Characteristics of included studies' };

// No thousands separators: a year (2021) must not read as 2,021.
const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-GB', { maximumFractionDigits: 2, useGrouping: false }));

export default async function CharacteristicsTablePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const table = await getCharacteristicsTable(actor, projectId);
  const api = `/api/v1/projects/${projectId}/extraction/table`;
  const numbers = table.summary.filter((s) => s.kind === 'number');
  const categories = table.summary.filter((s) => s.kind === 'categories');
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${projectId}/extraction`} className="text-brand-700 underline">
          Extraction
        </Link>{' '}
        / Characteristics table
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Characteristics of included studies</h1>
        <p className="text-sm text-slate-700" data-testid="table-coverage">
          {table.studies.finalised} of {table.studies.total} included {table.studies.total === 1 ? 'study' : 'studies'} finalised
          {table.formVersion ? ` (form version ${table.formVersion})` : ''}. Only finalised extractions appear here.
        </p>
        <div className="flex flex-wrap gap-2">
          <a href={`${api}?format=csv`} className={secondaryButtonClass} download>
            Download CSV
          </a>
          <a href={`${api}?format=xlsx`} className={secondaryButtonClass} download>
            Download XLSX
          </a>
        </div>
      </header>
      <section aria-labelledby="table-heading" className={cardClass}>
        <h2 id="table-heading" className="mb-3 text-lg font-semibold">
          Table
        </h2>
        {table.rows.length === 0 ? (
          <p className="text-sm text-slate-700">No study has been finalised yet.</p>
        ) : (
          <div className="max-h-[70vh] overflow-auto" tabIndex={0} role="region" aria-label="Characteristics table, scrollable">
            <table className="w-full text-left text-sm" data-testid="characteristics-table">
              <thead className="sticky top-0 bg-slate-50 text-slate-700">
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.studyId} className="border-t border-slate-100 align-top">
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className={`px-3 py-2 ${i === 1 ? 'min-w-[16rem]' : 'min-w-[8rem]'}`}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {table.rows.length ? (
        <section aria-labelledby="summary-heading" className="space-y-4">
          <h2 id="summary-heading" className="text-lg font-semibold">
            Summary counts
          </h2>
          {numbers.length ? (
            <div className={cardClass}>
              <table className="w-full max-w-3xl text-left text-sm">
                <caption className="mb-2 text-left font-medium text-slate-800">Numbers across finalised studies</caption>
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 font-medium">Field</th>
                    <th scope="col" className="py-1 text-right font-medium">Studies reporting</th>
                    <th scope="col" className="py-1 text-right font-medium">Median</th>
                    <th scope="col" className="py-1 text-right font-medium">Range</th>
                    <th scope="col" className="py-1 text-right font-medium">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {numbers.map((s) =>
                    s.kind === 'number' ? (
                      <tr key={s.fieldId} className="border-t border-slate-100 tabular-nums">
                        <th scope="row" className="py-1 font-normal">
                          {s.label}
                          {s.unit ? ` (${s.unit})` : ''}
                        </th>
                        <td className="py-1 text-right">{s.answered}</td>
                        <td className="py-1 text-right">{num(s.median)}</td>
                        <td className="py-1 text-right">{s.min === null ? '—' : `${num(s.min)}–${num(s.max)}`}</td>
                        <td className="py-1 text-right">{num(s.total)}</td>
                      </tr>
                    ) : null,
                  )}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-2">
            {categories.map((s) =>
              s.kind === 'categories' ? (
                <section key={s.fieldId} aria-labelledby={`summary-${s.fieldId}`} className={cardClass} data-testid={`summary-${s.fieldId}`}>
                  <h3 id={`summary-${s.fieldId}`} className="font-semibold">
                    By {s.label.toLowerCase()}
                  </h3>
                  {s.categories.length ? <SummaryChart categories={s.categories} /> : null}
                  <table className="mt-2 w-full text-left text-sm">
                    <caption className="sr-only">Studies by {s.label.toLowerCase()}</caption>
                    <thead className="text-slate-600">
                      <tr>
                        <th scope="col" className="py-1 font-medium">{s.label}</th>
                        <th scope="col" className="py-1 text-right font-medium">Studies</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.categories.map((c) => (
                        <tr key={c.key} className="border-t border-slate-100 tabular-nums">
                          <th scope="row" className="py-1 font-normal">{c.label}</th>
                          <td className="py-1 text-right">{c.count}</td>
                        </tr>
                      ))}
                      {s.notReported ? (
                        <tr className="border-t border-slate-100 text-slate-600 tabular-nums">
                          <th scope="row" className="py-1 font-normal">Not reported</th>
                          <td className="py-1 text-right">{s.notReported}</td>
                        </tr>
                      ) : null}
                    </tbody>
                  </table>
                </section>
              ) : null,
            )}
          </div>
        </section>
      ) : null}
    </div>
  );
}
