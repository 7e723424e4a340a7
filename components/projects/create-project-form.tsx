'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState> };

export function CreateProjectForm({ action }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label="New review">
      <FormMessage error={state && !state.ok ? state.error : null} />
      <div>
        <label htmlFor="title" className={labelClass}>
          Title
        </label>
        <input id="title" name="title" required className={inputClass} placeholder="e.g. Digital mental health: barriers and facilitators" aria-describedby="title-error" />
        <FieldError id="title-error" messages={fieldErrors?.title} />
      </div>
      <div>
        <label htmlFor="question" className={labelClass}>
          Review question <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea id="question" name="question" rows={2} className={inputClass} />
      </div>
      <div>
        <label htmlFor="criteria" className={labelClass}>
          Eligibility criteria <span className="font-normal text-slate-500">(optional; shown beside each record while screening)</span>
        </label>
        <textarea id="criteria" name="criteria" rows={4} className={inputClass} />
      </div>
      <button type="submit" className={buttonClass} disabled={isPending}>
        {isPending ? 'Creating…' : 'Create review'}
      </button>
    </form>
  );
}
