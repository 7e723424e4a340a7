'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import type { DuplicateCounts, DuplicatePairView } from '@/lib/validation/references';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';
import { PairComparison } from './pair-comparison';

type Decision = 'duplicate' | 'not_duplicate';

type Props = {
  initialPairs: DuplicatePairView[];
  initialCounts: DuplicateCounts;
  canResolve: boolean;
  decide: (pairId: string, decision: Decision) => Promise<ActionResult<{ counts: DuplicateCounts }>>;
  mergeAbove: (minScore: number) => Promise<ActionResult<{ merged: number; counts: DuplicateCounts }>>;
  loadMore: (excludeIds: string[]) => Promise<ActionResult<DuplicatePairView[]>>;
};

const number = (n: number) => n.toLocaleString('en-GB');

/** Keys typed into a field are the field's, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * One pending pair at a time, side by side; S = same work, D = not the same
 * (or the buttons). The counts come back with every decision, so they stay
 * right without a reload; more pairs are fetched before the queue runs dry.
 */
export function DuplicateReview({ initialPairs, initialCounts, canResolve, decide, mergeAbove, loadMore }: Props) {
  const [pairs, setPairs] = useState(initialPairs);
  const [counts, setCounts] = useState(initialCounts);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [minScore, setMinScore] = useState('0.9');
  const busy = useRef(false);
  const current = pairs[0] ?? null;

  const refill = useCallback(
    async (rest: DuplicatePairView[], pending: number) => {
      if (rest.length >= 5 || pending <= rest.length) return;
      const more = await loadMore(rest.map((p) => p.id));
      if (more.ok) setPairs((list) => [...list, ...more.data.filter((p) => !list.some((q) => q.id === p.id))]);
    },
    [loadMore],
  );

  const run = useCallback(
    async (decision: Decision) => {
      if (!current || busy.current || !canResolve) return;
      busy.current = true;
      setIsBusy(true);
      const result = await decide(current.id, decision);
      const rest = pairs.slice(1);
      if (result.ok) {
        setCounts(result.data.counts);
        setNotice(decision === 'duplicate' ? 'Merged: the two records are one work.' : 'Kept both: marked as not the same work.');
        setError(null);
      } else {
        // Decided meanwhile by someone else (or settled by another merge): move on.
        setError(result.error);
      }
      setPairs(rest);
      busy.current = false;
      setIsBusy(false);
      await refill(rest, result.ok ? result.data.counts.pending : counts.pending);
    },
    [current, canResolve, decide, pairs, refill, counts.pending],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 's' || key === 'd') {
        event.preventDefault();
        void run(key === 's' ? 'duplicate' : 'not_duplicate');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  async function bulk() {
    const score = Number(minScore);
    if (!window.confirm(`Merge every pending pair scoring ${score} or more?`)) return;
    setIsBusy(true);
    const result = await mergeAbove(score);
    setIsBusy(false);
    if (!result.ok) return setError(result.error);
    setCounts(result.data.counts);
    setNotice(`Merged ${number(result.data.merged)} ${result.data.merged === 1 ? 'pair' : 'pairs'} scoring ${score} or more.`);
    setError(null);
    const fresh = await loadMore([]);
    if (fresh.ok) setPairs(fresh.data);
  }

  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Duplicate counts" aria-live="polite">
        <Count label="To review" value={counts.pending} testId="pending-count" />
        <Count label="Merged automatically" value={counts.mergedAutomatically} />
        <Count label="Merged by a person" value={counts.merged - counts.mergedAutomatically} />
        <Count label="Not the same" value={counts.notDuplicate} />
      </dl>
      <FormMessage error={error} success={notice} />

      {current ? (
        <div className="space-y-4">
          <PairComparison pair={current} />
          {canResolve ? (
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" className={buttonClass} onClick={() => void run('duplicate')} disabled={isBusy} aria-keyshortcuts="S">
                Same work <kbd className="rounded bg-white/20 px-1 text-xs">S</kbd>
              </button>
              <button type="button" className={secondaryButtonClass} onClick={() => void run('not_duplicate')} disabled={isBusy} aria-keyshortcuts="D">
                Not the same <kbd className="rounded bg-slate-100 px-1 text-xs">D</kbd>
              </button>
              <p className="text-xs text-slate-600">Press S or D. Merging keeps the record with votes, else the one with an abstract, else the earlier one.</p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">Only leads and owners decide on duplicates.</p>
          )}
        </div>
      ) : (
        <p className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">No probable duplicates are waiting.</p>
      )}

      {canResolve && counts.pending > 0 ? (
        <form
          aria-label="Merge pairs above a score"
          className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4"
          onSubmit={(e) => {
            e.preventDefault();
            void bulk();
          }}
        >
          <div className="w-72">
            <label htmlFor="bulk-score" className={labelClass}>
              Merge every pending pair scoring at least
            </label>
            <input id="bulk-score" type="number" min={0.4} max={1} step={0.01} value={minScore} onChange={(e) => setMinScore(e.target.value)} className={inputClass} />
          </div>
          <button type="submit" className={secondaryButtonClass} disabled={isBusy}>
            Merge all above this score
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums text-brand-900" data-testid={testId}>
        {number(value)}
      </dd>
    </div>
  );
}
