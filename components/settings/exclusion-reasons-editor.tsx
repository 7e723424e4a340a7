'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { dangerButtonClass, inputClass, secondaryButtonClass } from '@/components/ui/styles';

type Reason = { id: string; label: string; usage: number };

type Props = {
  reasons: Reason[];
  canEdit: boolean;
  add: (label: string) => Promise<ActionResult>;
  move: (reasonId: string, direction: 'up' | 'down') => Promise<ActionResult>;
  remove: (reasonId: string) => Promise<ActionResult>;
};

/** The ordered full-text exclusion reasons: add, reorder, and delete those never used. */
export function ExclusionReasonsEditor({ reasons, canEdit, add, move, remove }: Props) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult>, after?: () => void) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? null : result.error);
      if (result.ok) after?.();
    });
  return (
    <div className="space-y-3">
      <FormMessage error={error} />
      <ol className="divide-y divide-slate-100 text-sm" aria-label="Exclusion reasons">
        {reasons.map((r, i) => (
          <li key={r.id} className="flex items-center justify-between gap-2 py-1.5">
            <span>
              <span className="mr-2 font-mono text-slate-500">{i + 1}</span>
              {r.label}
              {r.usage > 0 ? <span className="ml-2 text-xs text-slate-500">used {r.usage}×</span> : null}
            </span>
            {canEdit ? (
              <span className="flex gap-1">
                <button type="button" className={secondaryButtonClass} disabled={isPending || i === 0} onClick={() => run(() => move(r.id, 'up'))}>
                  Up<span className="sr-only"> {r.label}</span>
                </button>
                <button type="button" className={secondaryButtonClass} disabled={isPending || i === reasons.length - 1} onClick={() => run(() => move(r.id, 'down'))}>
                  Down<span className="sr-only"> {r.label}</span>
                </button>
                <button type="button" className={dangerButtonClass} disabled={isPending || r.usage > 0} onClick={() => run(() => remove(r.id))}>
                  Delete<span className="sr-only"> {r.label}</span>
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <form
          className="flex gap-2"
          aria-label="Add an exclusion reason"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => add(label), () => setLabel(''));
          }}
        >
          <label htmlFor="new-reason" className="sr-only">
            New reason
          </label>
          <input id="new-reason" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Wrong language" className={inputClass} />
          <button type="submit" className={secondaryButtonClass} disabled={isPending || label.trim().length < 2}>
            Add reason
          </button>
        </form>
      ) : null}
    </div>
  );
}
