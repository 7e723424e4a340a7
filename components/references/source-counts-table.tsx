type SourceCount = {
  id: string;
  databaseName: string;
  fileName: string;
  format: string;
  searchedOn: string | null;
  identified: number;
  kept: number;
  removedAsDuplicates: number;
};

const number = (n: number) => n.toLocaleString('en-GB');

/** PRISMA's "records identified from" each source, with what de-duplication kept and removed. */
export function SourceCountsTable({ sources }: { sources: SourceCount[] }) {
  if (sources.length === 0) return <p className="text-sm text-slate-600">No search results imported yet.</p>;
  const total = (pick: (s: SourceCount) => number) => sources.reduce((sum, s) => sum + pick(s), 0);
  return (
    <table className="w-full text-left text-sm" aria-label="Records identified per source">
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="py-1 font-medium">Database</th>
          <th scope="col" className="py-1 font-medium">File</th>
          <th scope="col" className="py-1 font-medium">Searched</th>
          <th scope="col" className="py-1 text-right font-medium">Identified</th>
          <th scope="col" className="py-1 text-right font-medium">Kept</th>
          <th scope="col" className="py-1 text-right font-medium">Duplicates removed</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id} className="border-t border-slate-100">
            <td className="py-1.5">{s.databaseName}</td>
            <td className="max-w-[14rem] truncate py-1.5 text-slate-600" title={s.fileName}>
              {s.fileName} <span className="text-xs uppercase text-slate-500">{s.format}</span>
            </td>
            <td className="py-1.5 text-slate-600">{s.searchedOn ?? '—'}</td>
            <td className="py-1.5 text-right tabular-nums">{number(s.identified)}</td>
            <td className="py-1.5 text-right tabular-nums">{number(s.kept)}</td>
            <td className="py-1.5 text-right tabular-nums">{number(s.removedAsDuplicates)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-slate-200 font-semibold">
          <th scope="row" colSpan={3} className="py-1.5">
            All sources
          </th>
          <td className="py-1.5 text-right tabular-nums">{number(total((s) => s.identified))}</td>
          <td className="py-1.5 text-right tabular-nums">{number(total((s) => s.kept))}</td>
          <td className="py-1.5 text-right tabular-nums">{number(total((s) => s.removedAsDuplicates))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
