'use client';

import { useState, useTransition } from 'react';
import type { CodingStudyList } from '@/lib/domain/coding/views';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';

/**
 * Leads choose the double-coded sample (a percentage at random with a seed,
 * or chosen studies) and its two coders, and end the blind phase of a study
 * with "Compare".
 */
export function DoubleCodingPanel({ list, assign, compare }: { list: CodingStudyList; assign: (input: unknown) => Promise<ActionResult<{ studyIds: string[] }>>; compare: (studyId: string) => Promise<ActionResult<null>> }) {
  const [mode, setMode] = useState<'percent' | 'studies'>('percent');
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const nameOf = (id: string) => list.coders.find((c) => c.id === id)?.name ?? 'former member';
  const assigned = list.studies.filter((s) => s.doubleCoding);
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          const base = { firstCoderId: d.get('firstCoderId'), secondCoderId: d.get('secondCoderId') };
          const input = mode === 'percent' ? { mode, percent: d.get('percent'), seed: d.get('seed'), ...base } : { mode, studyIds: d.getAll('studyIds'), ...base };
          startTransition(async () => {
            const result = await assign(input);
            setMessage(result.ok ? { success: `${result.data.studyIds.length} stud${result.data.studyIds.length === 1 ? 'y' : 'ies'} assigned for double coding.` } : { error: result.error });
          });
        }}
      >
        <fieldset className="flex gap-4 text-sm">
          <legend className={labelClass}>Choose the sample</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" checked={mode === 'percent'} onChange={() => setMode('percent')} /> A percentage at random
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" checked={mode === 'studies'} onChange={() => setMode('studies')} /> Chosen studies
          </label>
        </fieldset>
        {mode === 'percent' ? (
          <div className="flex gap-3">
            <label className={labelClass}>
              Percent of studies
              <input name="percent" type="number" min={1} max={100} defaultValue={10} className={inputClass} />
            </label>
            <label className={labelClass}>
              Random seed
              <input name="seed" type="number" min={0} defaultValue={1} className={inputClass} />
            </label>
          </div>
        ) : (
          <fieldset className="max-h-48 space-y-1 overflow-auto rounded border border-slate-200 p-2 text-sm">
            <legend className={labelClass}>Studies</legend>
            {list.studies.map((s) => (
              <label key={s.id} className="flex items-center gap-2">
                <input type="checkbox" name="studyIds" value={s.id} /> {s.title}
              </label>
            ))}
          </fieldset>
        )}
        <div className="flex flex-wrap gap-3">
          {(['firstCoderId', 'secondCoderId'] as const).map((field, i) => (
            <label key={field} className={labelClass}>
              {i === 0 ? 'First coder' : 'Second coder'}
              <select name={field} className={inputClass} defaultValue={list.coders[i]?.id ?? ''} required>
                {list.coders.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <FormMessage error={message.error} success={message.success} />
        <button type="submit" className={buttonClass} disabled={isPending}>
          Assign double coding
        </button>
      </form>
      {assigned.length ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Double-coded studies</caption>
          <thead className="text-slate-600">
            <tr>
              <th className="py-1">Study</th>
              <th>Coders</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {assigned.map((s) => (
              <tr key={s.id} className="border-t border-slate-200">
                <td className="py-1 pr-2">{s.title}</td>
                <td className="pr-2">
                  {nameOf(s.doubleCoding!.firstCoderId)} and {nameOf(s.doubleCoding!.secondCoderId)}
                </td>
                <td>
                  {s.doubleCoding!.isCompared ? (
                    'Compared'
                  ) : (
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      disabled={isPending}
                      aria-label={`Compare the coders of ${s.title}`}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await compare(s.id);
                          setMessage(result.ok ? { success: `The coders of “${s.title}” now see each other's quotes.` } : { error: result.error });
                        })
                      }
                    >
                      Compare
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
