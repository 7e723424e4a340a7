'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ActionResult } from '@/lib/validation/action-result';

/** A lead adds the JBI checklist for qualitative research, or a custom checklist (one question per line). */
export function ChecklistManager({ hasJbi, add }: { hasJbi: boolean; add: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const [name, setName] = useState('');
  const [questions, setQuestions] = useState('');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const submit = (input: unknown) =>
    startTransition(async () => {
      const result = await add(input);
      setError(result.ok ? null : result.error);
      if (result.ok) router.push(`?checklist=${result.data.id}`);
    });
  return (
    <div className="space-y-3 text-sm">
      <FormMessage error={error} />
      {!hasJbi ? (
        <button type="button" className={secondaryButtonClass} disabled={isPending} onClick={() => submit({ presetKey: 'jbi-qualitative' })}>
          Add the JBI checklist for qualitative research
        </button>
      ) : null}
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium">Custom checklist</summary>
        <form
          className="mt-3 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit({ name, questions: questions.split('\n').map((q) => q.trim()).filter(Boolean) });
          }}
        >
          <div>
            <label className={labelClass} htmlFor="checklist-name">Name</label>
            <input id="checklist-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div>
            <label className={labelClass} htmlFor="checklist-questions">Questions (one per line)</label>
            <textarea id="checklist-questions" rows={4} className={inputClass} value={questions} onChange={(e) => setQuestions(e.target.value)} />
          </div>
          <button type="submit" className={secondaryButtonClass} disabled={isPending}>Add checklist</button>
        </form>
      </details>
    </div>
  );
}
