import type { CodingComparison } from '@/lib/domain/coding/views';
import { cardClass } from '@/components/ui/styles';
import { CodeChip } from './code-chip';

/** Two coders side by side on one study, unit by unit; units where they differ are marked. */
export function CodingComparisonView({ comparison }: { comparison: CodingComparison }) {
  const codeOf = new Map(comparison.codes.map((c) => [c.id, c]));
  const chips = (ids: string[], other: string[]) =>
    ids.map((id) => (
      <span key={id} className={other.includes(id) ? '' : 'rounded-full ring-2 ring-amber-500'}>
        <CodeChip name={codeOf.get(id)?.name ?? 'Deleted code'} color={codeOf.get(id)?.color ?? '#999999'} />
      </span>
    ));
  return (
    <section id="comparison" aria-labelledby="comparison-heading" className={cardClass}>
      <h2 id="comparison-heading" className="text-lg font-semibold">
        Side by side: {comparison.study.title}
      </h2>
      <p className="text-sm text-slate-600">
        {comparison.seed.both} of {comparison.seed.either} codes applied by both. Codes ringed in amber were applied by one coder only on that unit.
      </p>
      <table className="mt-3 w-full table-fixed text-left text-sm">
        <caption className="sr-only">Each coded unit with each coder&apos;s codes</caption>
        <thead className="text-slate-600">
          <tr>
            <th className="w-1/2 py-1">Text</th>
            <th>{comparison.firstCoder.name}</th>
            <th>{comparison.secondCoder.name}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => {
            const differs = row.codesA.join() !== row.codesB.join();
            return (
              <tr key={row.index} className={`border-t border-slate-200 align-top ${differs ? 'bg-amber-50' : ''}`}>
                <td className="py-1.5 pr-3">
                  {row.text}
                  {differs ? <span className="sr-only"> (the coders differ)</span> : null}
                </td>
                <td className="space-x-1 space-y-1 pr-2">{chips(row.codesA, row.codesB)}</td>
                <td className="space-x-1 space-y-1">{chips(row.codesB, row.codesA)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
