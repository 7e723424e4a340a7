import type { TRankingProgress } from '@/lib/validation/ranking';

type LatestRun = NonNullable<NonNullable<TRankingProgress['detail']>['latestRun']>;

const METHODS: Record<LatestRun['method'], string> = {
  model: 'a model trained on the settled records',
  highlight: 'the include terms (there is no include and exclude to learn from yet)',
  random: 'nothing yet: no include and exclude to learn from and no include term matched, so the order is random',
};

/** What the newest ranking was based on, in a sentence. */
export function RankingStatus({ run, order }: { run: LatestRun | null; order: TRankingProgress['order'] }) {
  const orderText = order === 'relevance' ? 'most relevant first' : 'in a random order (the ranking is kept but not used)';
  if (!run) {
    return <p className="text-sm text-slate-700">Records are shown {orderText}. No ranking has run yet: the first starts when a title/abstract record is settled.</p>;
  }
  const when = new Date(run.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <p className="text-sm text-slate-700" data-testid="ranking-status">
      Records are shown {orderText}. The newest ranking ({when} UTC, {run.durationMs.toLocaleString('en-GB')} ms) used{' '}
      {METHODS[run.method]}
      {run.method === 'model'
        ? ` (${run.model}, ${plural(run.includes, 'include')} and ${plural(run.excludes, 'exclude')}).`
        : '.'}
    </p>
  );
}

const plural = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
