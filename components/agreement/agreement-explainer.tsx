const BANDS = [
  ['below 0', 'poor'],
  ['0 to 0.20', 'slight'],
  ['0.21 to 0.40', 'fair'],
  ['0.41 to 0.60', 'moderate'],
  ['0.61 to 0.80', 'substantial'],
  ['0.81 to 1', 'almost perfect'],
] as const;

/** What the numbers mean, in plain words, and the Landis and Koch bands as a reading aid. */
export function AgreementExplainer() {
  return (
    <div className="grid gap-6 text-sm text-slate-700 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-3">
        <p>
          <strong>Percent agreement</strong> is the share of records on which the reviewers gave the same answer. In
          screening it is high even by chance, because most records are plainly irrelevant and both reviewers exclude them.
        </p>
        <p>
          <strong>Cohen&apos;s kappa</strong> corrects for that: it is the agreement beyond what chance would give,
          (observed − chance) / (1 − chance). 1 is perfect agreement, 0 is no better than chance, below 0 is worse than
          chance. It compares two reviewers on the records both of them screened.
        </p>
        <p>
          <strong>Weighted kappa</strong> treats exclude, maybe and include as ordered, so a maybe against an include counts
          as a smaller disagreement than an exclude against an include (linear: half a disagreement; quadratic: a quarter).
          As in R&apos;s irr package, the weights are spread over the answers actually used.
        </p>
        <p>
          <strong>Fleiss&apos; kappa</strong> extends kappa to any number of reviewers, on records that each got the same
          number of votes. <strong>Krippendorff&apos;s alpha</strong> uses every vote, also when reviewers screened
          different records; 0.80 or more is usually taken as reliable.
        </p>
        <p>
          <strong>When kappa cannot be computed</strong>, the page says why. If both reviewers used a single answer
          throughout (say, excluded every record), chance agreement is 100% and kappa would divide zero by zero; percent
          agreement is still shown. Kappa also needs at least two records screened by both reviewers.
        </p>
      </div>
      <table className="self-start text-sm">
        <caption className="mb-2 text-left font-medium text-slate-800">
          Landis and Koch (1977) bands: a reading aid, not a verdict
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-1 text-left font-medium">Kappa</th>
            <th scope="col" className="px-3 py-1 text-left font-medium">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {BANDS.map(([range, band]) => (
            <tr key={band} className="border-t border-slate-100">
              <td className="px-3 py-1 tabular-nums">{range}</td>
              <td className="px-3 py-1">{band}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
