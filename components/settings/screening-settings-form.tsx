'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/action-result';
import { SCREENING_ORDER_LABELS, SCREENING_ORDERS, withRankingDefaults, type TScreeningOrder } from '@/lib/validation/ranking';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';

type Props = {
  settings: {
    reviewersRequired: { title_abstract: number; full_text: number };
    blindScreening: boolean;
    highlightTerms: { include: string[]; exclude: string[] };
    screeningOrder?: { title_abstract: TScreeningOrder; full_text: TScreeningOrder };
    showPredictedRelevance?: boolean;
  };
  criteria: string;
  canEdit: boolean;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Leads set reviewers per stage, blinding, criteria, highlight terms, the queue order and whether reviewers see predicted relevance. */
export function ScreeningSettingsForm({ settings: stored, criteria, canEdit, action }: Props) {
  const settings = withRankingDefaults(stored);
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label="Screening settings">
      <FormMessage error={state && !state.ok ? state.error : null} success={state?.ok ? state.message : null} />
      <fieldset disabled={!canEdit} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ['titleAbstractReviewers', 'Reviewers per record at title/abstract', settings.reviewersRequired.title_abstract],
              ['fullTextReviewers', 'Reviewers per record at full text', settings.reviewersRequired.full_text],
            ] as const
          ).map(([name, label, value]) => (
            <div key={name}>
              <label htmlFor={name} className={labelClass}>
                {label}
              </label>
              <select id={name} name={name} defaultValue={value} className={inputClass}>
                {[1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <FieldError id={`${name}-error`} messages={errors?.[name]} />
            </div>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="blindScreening" defaultChecked={settings.blindScreening} />
          Blind screening: reviewers do not see each other&apos;s votes (leads always do)
        </label>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-4" aria-describedby="order-hint">
          <legend className="px-1 text-sm font-semibold text-slate-800">Order of the records</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {(
              [
                ['titleAbstractOrder', 'Title/abstract screening', settings.screeningOrder.title_abstract],
                ['fullTextOrder', 'Full-text screening', settings.screeningOrder.full_text],
              ] as const
            ).map(([name, label, value]) => (
              <div key={name}>
                <label htmlFor={name} className={labelClass}>
                  {label}
                </label>
                <select id={name} name={name} defaultValue={value} className={inputClass} aria-describedby={`${name}-error`}>
                  {SCREENING_ORDERS.map((order) => (
                    <option key={order} value={order}>
                      {SCREENING_ORDER_LABELS[order]}
                    </option>
                  ))}
                </select>
                <FieldError id={`${name}-error`} messages={errors?.[name]} />
              </div>
            ))}
          </div>
          <p id="order-hint" className="text-xs text-slate-600">
            Most relevant first: after each title/abstract record is settled, a model learns from the decisions so far and
            reorders what is left (full text uses the title/abstract ranking). Until there is an include and an exclude,
            records matching the include terms come first, then a random order. Every record still goes to as many
            reviewers as set above.
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="showPredictedRelevance" defaultChecked={settings.showPredictedRelevance} />
            Show the predicted relevance to reviewers beside each title/abstract record (it may sway their judgement)
          </label>
        </fieldset>
        <div>
          <label htmlFor="criteria" className={labelClass}>
            Eligibility criteria (shown beside each record)
          </label>
          <textarea id="criteria" name="criteria" rows={5} defaultValue={criteria} className={inputClass} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="includeTerms" className={labelClass}>
              Include terms (green)
            </label>
            <textarea id="includeTerms" name="includeTerms" rows={3} defaultValue={settings.highlightTerms.include.join('\n')} className={inputClass} aria-describedby="terms-hint" />
          </div>
          <div>
            <label htmlFor="excludeTerms" className={labelClass}>
              Exclude terms (red)
            </label>
            <textarea id="excludeTerms" name="excludeTerms" rows={3} defaultValue={settings.highlightTerms.exclude.join('\n')} className={inputClass} aria-describedby="terms-hint" />
          </div>
        </div>
        <p id="terms-hint" className="text-xs text-slate-600">
          One term per line (or separated by commas). Use * for any ending (digit* matches digital, digitally) and ? for one letter; phrases are allowed.
        </p>
        {canEdit ? (
          <button type="submit" className={buttonClass} disabled={isPending}>
            {isPending ? 'Saving…' : 'Save screening settings'}
          </button>
        ) : (
          <p className="text-sm text-slate-600">Only leads and owners change these settings.</p>
        )}
      </fieldset>
    </form>
  );
}
