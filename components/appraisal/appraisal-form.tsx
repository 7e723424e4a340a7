'use client';

import { useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';
import {
  APPRAISAL_ANSWER_LABELS,
  APPRAISAL_ANSWERS,
  APPRAISAL_VERDICT_LABELS,
  APPRAISAL_VERDICTS,
  type AppraisalAnswer,
  type AppraisalAnswers,
  type AppraisalVerdict,
  type ChecklistQuestion,
} from '@/lib/domain/appraisal/checklists';
import type { ActionResult } from '@/lib/validation/action-result';

type Others = { name: string; answers: AppraisalAnswers }[];

/**
 * One appraisal of one study: a radio group per question (yes, no, unclear,
 * not applicable) with an optional note, an overall verdict and a comment. In
 * consensus mode each question shows what the appraisers answered.
 */
export function AppraisalForm({
  idPrefix,
  questions,
  initial,
  others,
  submitLabel,
  save,
}: {
  idPrefix: string;
  questions: ChecklistQuestion[];
  initial: { answers: AppraisalAnswers; verdict: AppraisalVerdict | null; comment: string };
  others?: Others;
  submitLabel: string;
  save: (input: { answers: AppraisalAnswers; verdict: AppraisalVerdict | null; comment: string }) => Promise<ActionResult<{ isComplete: boolean }>>;
}) {
  const [answers, setAnswers] = useState<AppraisalAnswers>(initial.answers);
  const [verdict, setVerdict] = useState<AppraisalVerdict | ''>(initial.verdict ?? '');
  const [comment, setComment] = useState(initial.comment);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const set = (key: string, answer: AppraisalAnswer) => setAnswers({ ...answers, [key]: { ...answers[key], answer } });
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await save({ answers, verdict: verdict || null, comment });
          setMessage(result.ok ? { success: result.data.isComplete ? 'Saved: every question answered.' : 'Saved as a draft: some questions are still unanswered.' } : { error: result.error });
        });
      }}
    >
      <ol className="space-y-3">
        {questions.map((q, i) => {
          const disagree = others && others.length > 1 && new Set(others.map((o) => o.answers[q.key]?.answer ?? '')).size > 1;
          return (
            <li key={q.key}>
              <fieldset className={`rounded-md border p-3 ${disagree ? 'border-amber-400 bg-amber-50' : 'border-slate-200'}`}>
                <legend className="px-1 text-sm font-medium">
                  {i + 1}. {q.text}
                </legend>
                <div className="flex flex-wrap gap-4 text-sm">
                  {APPRAISAL_ANSWERS.map((a) => (
                    <label key={a} className="inline-flex items-center gap-1.5">
                      <input type="radio" name={`${idPrefix}-${q.key}`} value={a} checked={answers[q.key]?.answer === a} onChange={() => set(q.key, a)} />
                      {APPRAISAL_ANSWER_LABELS[a]}
                    </label>
                  ))}
                </div>
                {others?.length ? (
                  <p className="mt-1 text-xs text-slate-700">
                    {others.map((o) => `${o.name}: ${o.answers[q.key] ? APPRAISAL_ANSWER_LABELS[o.answers[q.key].answer] : 'no answer'}${o.answers[q.key]?.comment ? ` (${o.answers[q.key].comment})` : ''}`).join(' · ')}
                    {disagree ? <strong className="ml-2 text-amber-900">Appraisers differ</strong> : null}
                  </p>
                ) : null}
                <label className="mt-2 block text-xs text-slate-600" htmlFor={`${idPrefix}-${q.key}-note`}>Note on question {i + 1} (optional)</label>
                <input
                  id={`${idPrefix}-${q.key}-note`}
                  className={inputClass}
                  value={answers[q.key]?.comment ?? ''}
                  disabled={!answers[q.key]}
                  onChange={(e) => setAnswers({ ...answers, [q.key]: { ...answers[q.key], comment: e.target.value } })}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="grid gap-3 md:grid-cols-[16rem_1fr]">
        <div>
          <label className={labelClass} htmlFor={`${idPrefix}-verdict`}>Overall appraisal</label>
          <select id={`${idPrefix}-verdict`} className={inputClass} value={verdict} onChange={(e) => setVerdict(e.target.value as AppraisalVerdict | '')}>
            <option value="">Not decided</option>
            {APPRAISAL_VERDICTS.map((v) => (
              <option key={v} value={v}>{APPRAISAL_VERDICT_LABELS[v]}</option>
            ))}
          </select>
        </div>
        <div>
          <label className={labelClass} htmlFor={`${idPrefix}-comment`}>Comment</label>
          <textarea id={`${idPrefix}-comment`} rows={2} className={inputClass} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      </div>
      <FormMessage error={message.error} success={message.success} />
      <button type="submit" className={buttonClass} disabled={isPending}>
        {submitLabel}
      </button>
    </form>
  );
}
