'use client';

import { useState, useTransition } from 'react';
import type { Stage } from '@/lib/domain/screening';
import type { ActionResult } from '@/lib/validation/action-result';
import type { TConflictList } from '@/lib/validation/screening-api';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';

type Item = TConflictList['items'][number];

const DECISION_STYLE: Record<string, string> = {
  include: 'bg-green-100 text-green-900',
  maybe: 'bg-amber-100 text-amber-900',
  exclude: 'bg-red-100 text-red-900',
};

type Props = {
  item: Item;
  stage: Stage;
  reasons: { id: string; label: string }[];
  resolve: (input: { referenceId: string; stage: Stage; decision: 'include' | 'exclude'; reason: string | null; note: string | null }) => Promise<ActionResult<{ state: string }>>;
  onResolved: (referenceId: string) => void;
};

/** A conflict: the votes side by side with their notes, and the lead's decision. */
export function ConflictCard({ item, stage, reasons, resolve, onResolved }: Props) {
  const [decision, setDecision] = useState<'include' | 'exclude'>('include');
  const [reason, setReason] = useState<string>(item.votes.find((v) => v.reasonId)?.reasonId ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const id = item.record.id;
  return (
    <article aria-labelledby={`title-${id}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`title-${id}`} className="font-semibold text-slate-900">
        {item.record.title ?? '(no title)'}
      </h2>
      <p className="text-sm text-slate-600">
        {[item.record.authors.slice(0, 3).join('; '), item.record.journal, item.record.year].filter(Boolean).join(' · ')}
      </p>
      <details className="mt-2 text-sm text-slate-700">
        <summary className="cursor-pointer text-brand-700">Abstract</summary>
        <p className="mt-1 whitespace-pre-line">{item.record.abstract ?? 'No abstract.'}</p>
      </details>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2" aria-label="Votes">
        {item.votes.map((v) => (
          <li key={v.reviewerId} className="rounded-md border border-slate-200 p-3 text-sm">
            <span className="font-medium">{v.reviewerName}</span>{' '}
            <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-semibold ${DECISION_STYLE[v.decision]}`}>{v.decision}</span>
            {v.reason ? <span className="block text-slate-700">Reason: {v.reason}</span> : null}
            {v.note ? <span className="block text-slate-600">Note: {v.note}</span> : null}
          </li>
        ))}
      </ul>
      <form
        aria-label={`Resolve ${item.record.title ?? 'record'}`}
        className="mt-4 grid gap-3 sm:grid-cols-[auto_1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await resolve({ referenceId: id, stage, decision, reason: decision === 'exclude' && stage === 'full_text' ? reason || null : null, note: note || null });
            if (!result.ok) return setError(result.error);
            onResolved(id);
          });
        }}
      >
        <fieldset className="flex gap-3 text-sm">
          <legend className={labelClass}>Final decision</legend>
          {(['include', 'exclude'] as const).map((d) => (
            <label key={d} className="flex items-center gap-1">
              <input type="radio" name={`decision-${id}`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
              {d === 'include' ? 'Include' : 'Exclude'}
            </label>
          ))}
        </fieldset>
        {stage === 'full_text' && decision === 'exclude' ? (
          <div>
            <label htmlFor={`reason-${id}`} className={labelClass}>
              Reason
            </label>
            <select id={`reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} required>
              <option value="">Choose a reason</option>
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span />
        )}
        <div>
          <label htmlFor={`note-${id}`} className={labelClass}>
            Note
          </label>
          <input id={`note-${id}`} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} placeholder="e.g. Discussed on 3 March" />
        </div>
        <button type="submit" className={buttonClass} disabled={isPending}>
          {isPending ? 'Resolving…' : 'Resolve'}
        </button>
      </form>
      <div className="mt-2">
        <FormMessage error={error} />
      </div>
    </article>
  );
}
