import type { TPredictedRelevance } from '@/lib/validation/ranking';

/**
 * The model's view of a record, for reviewers whose leads chose to show it:
 * a small bar and the number, with what it is based on. The value is a rank
 * (the share of the review's records the model puts below this one), not a
 * probability, and the wording says so.
 */
export function PredictedRelevance({ relevance }: { relevance: TPredictedRelevance }) {
  const percent = Math.round(relevance.value * 100);
  const trainedOn = relevance.trainedOn.toLocaleString('en-GB');
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="predicted-relevance">
      <span className="font-medium">Predicted relevance {relevance.value.toFixed(2)}</span>
      <span aria-hidden="true" className="h-2 w-24 rounded-full bg-slate-200">
        <span className="block h-2 rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
      </span>
      <span className="text-slate-600">
        ranked above {percent}% of this review&apos;s records by a model trained on {trainedOn} screened {relevance.trainedOn === 1 ? 'record' : 'records'}
      </span>
    </div>
  );
}
