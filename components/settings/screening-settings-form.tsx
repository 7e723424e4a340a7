'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';

type Props = {
  settings: { reviewersRequired: { title_abstract: number; full_text: number }; blindScreening: boolean; highlightTerms: { include: string[]; exclude: string[] } };
  criteria: string;
  canEdit: boolean;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Leads set reviewers per stage, blinding, criteria and highlight terms. */
export function ScreeningSettingsForm({ settings, criteria, canEdit, action }: Props) {
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
