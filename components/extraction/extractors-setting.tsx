'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';

/** Leads choose one or two extractors per study. */
export function ExtractorsSetting({ value, save }: { value: number; save: (input: unknown) => Promise<ActionResult<{ extractorsPerStudy: 1 | 2 }>> }) {
  const [choice, setChoice] = useState(String(value));
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await save({ extractorsPerStudy: choice });
          setMessage(result.ok ? { success: `${result.data.extractorsPerStudy === 1 ? 'One extractor' : 'Two independent extractors'} per study.` } : { error: result.error });
        });
      }}
    >
      <div>
        <label htmlFor="extractors-per-study" className={labelClass}>
          Extractors per study
        </label>
        <select id="extractors-per-study" className={`${inputClass} mt-1`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="2">Two, independently (dual extraction)</option>
          <option value="1">One</option>
        </select>
      </div>
      <button type="submit" className={secondaryButtonClass} disabled={isPending}>
        Save
      </button>
      <FormMessage error={message.error} success={message.success} />
    </form>
  );
}
