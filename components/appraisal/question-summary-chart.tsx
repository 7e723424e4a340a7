import { APPRAISAL_ANSWER_LABELS, type QuestionSummary } from '@/lib/domain/appraisal/checklists';

const COLORS = { yes: 'bg-green-700', no: 'bg-red-700', unclear: 'bg-amber-500', not_applicable: 'bg-slate-400' } as const;
const KEYS = ['yes', 'no', 'unclear', 'not_applicable'] as const;

/** The review's summary chart: for each question, the share of studies (by consensus) answered yes, no, unclear or not applicable. */
export function QuestionSummaryChart({ rows }: { rows: QuestionSummary[] }) {
  const total = rows[0] ? KEYS.reduce((n, k) => n + rows[0][k], 0) + rows[0].unanswered : 0;
  if (!total) return <p className="text-sm text-slate-600">No consensus appraisal yet: the chart shows the agreed answers.</p>;
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
        {KEYS.map((k) => (
          <li key={k} className="inline-flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm ${COLORS[k]}`} aria-hidden="true" />
            {APPRAISAL_ANSWER_LABELS[k]}
          </li>
        ))}
      </ul>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Answers per question across studies with a consensus appraisal</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="w-1/2 py-1 font-medium">Question</th>
            <th scope="col" className="py-1 font-medium">Studies (yes / no / unclear / not applicable)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const n = KEYS.reduce((s, k) => s + r[k], 0);
            return (
              <tr key={r.key} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-normal">{i + 1}. {r.text}</th>
                <td className="py-1.5">
                  <div className="flex h-4 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
                    {KEYS.map((k) => (r[k] ? <div key={k} className={COLORS[k]} style={{ width: `${(r[k] / Math.max(n, 1)) * 100}%` }} /> : null))}
                  </div>
                  <span className="text-xs text-slate-700 tabular-nums">
                    {r.yes} / {r.no} / {r.unclear} / {r.not_applicable}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
