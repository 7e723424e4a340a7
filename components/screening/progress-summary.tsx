import type { TProgress } from '@/lib/validation/screening-api';

/** Mine, remaining and team progress at a stage, as bars with their numbers. */
export function ProgressSummary({ progress }: { progress: TProgress }) {
  const mineTotal = progress.mine.voted + progress.mine.remaining;
  return (
    <section aria-label="Progress" className="space-y-3 text-sm">
      <Bar label="My votes" value={progress.mine.voted} max={mineTotal} detail={`${progress.mine.remaining.toLocaleString('en-GB')} left for me`} />
      <Bar label="Team: records with all their votes" value={progress.complete} max={progress.total} detail={`of ${progress.total.toLocaleString('en-GB')} records`} />
      {progress.byState ? (
        <dl className="grid grid-cols-3 gap-2 text-center">
          <Count label="Included" value={progress.byState.included + progress.byState.resolved_included} />
          <Count label="Excluded" value={progress.byState.excluded + progress.byState.resolved_excluded} />
          <Count label="Conflicts" value={progress.byState.conflict} />
        </dl>
      ) : (
        <p className="text-xs text-slate-600">Blind screening: how many were included, excluded or in conflict is hidden until it is switched off.</p>
      )}
      {progress.team.length > 0 ? (
        <ul className="space-y-0.5 text-xs text-slate-600" aria-label="Votes per reviewer">
          {progress.team.map((t) => (
            <li key={t.reviewerId} className="flex justify-between">
              <span>{t.name}</span>
              <span className="tabular-nums">{t.votes.toLocaleString('en-GB')} votes</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Bar({ label, value, max, detail }: { label: string; value: number; max: number; detail: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div>
      <div className="flex justify-between">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="tabular-nums text-slate-600">
          {value.toLocaleString('en-GB')} ({pct}%)
        </span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} className="mt-1 h-2 rounded-full bg-slate-200">
        <div className="h-2 rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-0.5 text-xs text-slate-500">{detail}</p>
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded bg-slate-50 py-1">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="font-semibold tabular-nums">{value.toLocaleString('en-GB')}</dd>
    </div>
  );
}
