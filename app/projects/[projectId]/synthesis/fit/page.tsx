import type { Metadata } from 'next';
import Link from 'next/link';
import { cardClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getFrameworkFit } from '@/lib/server/synthesis/get-framework-fit';

export const metadata: Metadata = { title: 'Framework fit' };

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

export default async function FrameworkFitPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const fit = await getFrameworkFit(actor, projectId);
  const metrics: { label: string; value: (f: (typeof fit)[number]) => string; hint: string }[] = [
    { label: 'Coded quotes mapped', value: (f) => `${f.mappedQuotes} of ${f.codedQuotes} (${pct(f.shareMapped)})`, hint: 'Quotes with a code (or a code above it) mapped into the framework.' },
    { label: 'Codes used that reach the framework', value: (f) => `${f.codesMapped} of ${f.codesUsed}`, hint: 'Codes applied to quotes, mapped directly or through a parent.' },
    { label: 'Studies in the matrix', value: (f) => `${f.studiesCovered} of ${f.studiesCoded} coded`, hint: 'Studies with at least one coding in some cell.' },
    { label: 'Cells', value: (f) => `${f.cells} (${f.domains} domains, ${f.themes} themes, ${f.levels} levels)`, hint: 'Rows (themes, or domains without themes) times levels.' },
    { label: 'Empty cells', value: (f) => `${f.emptyCells} (${pct(f.cells ? f.emptyCells / f.cells : null)})`, hint: 'Cells no study reaches.' },
    { label: 'Cells resting on one study', value: (f) => String(f.singleStudyCells), hint: 'Findings a single study carries.' },
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Framework fit</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          The same codings measured against each framework of the project: how much of the coded material each holds, how many of its cells stay
          empty, and how many rest on a single study. Map the codes to every framework you compare on the{' '}
          <Link className="text-brand-700 underline" href={`/projects/${projectId}/synthesis`}>Synthesis</Link> page.
        </p>
      </header>
      {fit.length === 0 ? (
        <p className={cardClass}>No framework yet: add two or more on the Synthesis page to compare them.</p>
      ) : (
        <div className={`${cardClass} overflow-x-auto`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Framework fit, side by side</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Measure</th>
                {fit.map((f) => (
                  <th key={f.frameworkId} scope="col" className="py-1 pr-3 font-medium">
                    <Link className="text-brand-700 underline" href={`/projects/${projectId}/synthesis?framework=${f.frameworkId}`}>{f.name}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.label} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-1.5 pr-3 font-normal">
                    {m.label}
                    <span className="block text-xs text-slate-500">{m.hint}</span>
                  </th>
                  {fit.map((f) => (
                    <td key={f.frameworkId} className="py-1.5 pr-3 tabular-nums">{m.value(f)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
