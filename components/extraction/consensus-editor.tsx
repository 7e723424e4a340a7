'use client';

import { useState, useTransition } from 'react';
import type { FieldComparisonStatus } from '@/lib/domain/extraction/compare';
import { formatAnswer } from '@/lib/domain/extraction/format';
import type { AnswerSet, AnswerValue, ExtractionField } from '@/lib/domain/extraction/types';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, dangerButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { answerErrors, FieldInput } from './field-input';

type Extraction = { extractorId: string; extractorName: string; isComplete: boolean; formVersion: number; values: AnswerSet; dropped: string[] };
type Final = { status: 'draft' | 'final'; values: AnswerSet; finalisedAt: string | null };

type Props = {
  fields: ExtractionField[];
  formVersion: number;
  extractions: Extraction[];
  comparison: { fieldId: string; status: FieldComparisonStatus }[];
  initialValues: AnswerSet;
  isInitiallyFinal: boolean;
  finalisedBy: string | null;
  finalise: (input: unknown) => Promise<ActionResult<Final>>;
  reopen: () => Promise<ActionResult<Final>>;
};

const STATUS_TEXT: Record<FieldComparisonStatus, string> = { agree: 'Agree', differ: 'Differ', missing: 'One missing', empty: 'Neither answered' };
const STATUS_TONE: Record<FieldComparisonStatus, string> = {
  agree: 'bg-green-100 text-green-900',
  differ: 'bg-red-100 text-red-900',
  missing: 'bg-amber-100 text-amber-900',
  empty: 'bg-slate-100 text-slate-700',
};

/**
 * The consensus view: each extractor's answer side by side, differences
 * marked, and the final value the lead picks ("Use") or edits; finalising
 * needs every required field. A finalised study shows its values and can be reopened.
 */
export function ConsensusEditor({ fields, formVersion, extractions, comparison, initialValues, isInitiallyFinal, finalisedBy, finalise, reopen }: Props) {
  const [values, setValues] = useState<AnswerSet>(initialValues);
  const [isFinal, setIsFinal] = useState(isInitiallyFinal);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const statusOf = new Map(comparison.map((c) => [c.fieldId, c.status]));
  const differing = comparison.filter((c) => c.status === 'differ' || c.status === 'missing').length;

  const set = (id: string, value: AnswerValue) => {
    setValues((v) => ({ ...v, [id]: value }));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  };

  const run = (action: () => Promise<ActionResult<Final>>, onOk: (data: Final) => string) => {
    setMessage({});
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setErrors(answerErrors(result.fieldErrors));
        setMessage({ error: result.error });
        return;
      }
      setErrors({});
      setValues(result.data.values);
      setIsFinal(result.data.status === 'final');
      setMessage({ success: onOk(result.data) });
    });
  };

  return (
    <div className="space-y-4">
      <p role="status" data-testid="consensus-summary" className="text-sm text-slate-700">
        {isFinal
          ? `Finalised${finalisedBy && isInitiallyFinal ? ` by ${finalisedBy}` : ''}: the characteristics table shows these values.`
          : differing
            ? `${differing} of ${fields.length} ${fields.length === 1 ? 'field needs' : 'fields need'} a decision (differ or one missing).`
            : 'The extractors agree on every answered field.'}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
          <caption className="sr-only">Answers of each extractor and the final value, field by field</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="w-48 px-3 py-2 font-medium">Field</th>
              {extractions.map((e) => (
                <th key={e.extractorId} scope="col" className="px-3 py-2 font-medium">
                  {e.extractorName}
                  <span className="block text-xs font-normal text-slate-600">
                    {e.isComplete ? 'complete' : 'in progress'}
                    {e.formVersion !== formVersion ? `, answered on version ${e.formVersion}` : ''}
                  </span>
                </th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium">Final value</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const status = statusOf.get(field.id) ?? 'empty';
              return (
                <tr key={field.id} data-field-row={field.id} data-status={status} className={`border-t border-slate-200 align-top ${status === 'differ' ? 'bg-red-50/60' : status === 'missing' ? 'bg-amber-50/60' : ''}`}>
                  <th scope="row" className="px-3 py-2 font-medium text-slate-800">
                    {field.label}
                    {field.required ? <span className="text-red-700"> *</span> : null}
                    <span className={`mt-1 block w-fit rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status]}`}>{STATUS_TEXT[status]}</span>
                  </th>
                  {extractions.map((e) => {
                    const text = formatAnswer(field, e.values[field.id]);
                    return (
                      <td key={e.extractorId} className="px-3 py-2">
                        <span className="block whitespace-pre-wrap">{text || <span className="text-slate-500">Not answered</span>}</span>
                        {e.dropped.includes(field.id) ? <span className="block text-xs text-amber-800">An answer given on version {e.formVersion} no longer fits.</span> : null}
                        {!isFinal && text ? (
                          <button type="button" className="mt-1 text-xs text-brand-700 underline" onClick={() => set(field.id, e.values[field.id] ?? null)}>
                            Use<span className="sr-only"> {e.extractorName}&apos;s answer for {field.label}</span>
                          </button>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="px-3 py-2">
                    {isFinal ? (
                      <span className="whitespace-pre-wrap font-medium">{formatAnswer(field, values[field.id]) || <span className="text-slate-500">Not answered</span>}</span>
                    ) : (
                      <FieldInput field={field} value={values[field.id]} errors={errors[field.id]} onChange={(v) => set(field.id, v)} idPrefix="final" isLabelHidden />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {isFinal ? (
          <button type="button" className={dangerButtonClass} disabled={isPending} onClick={() => run(reopen, () => 'Reopened: extractors may change their answers, and the study leaves the table until finalised again.')}>
            Reopen
          </button>
        ) : (
          <>
            <button type="button" className={buttonClass} disabled={isPending} onClick={() => run(() => finalise({ formVersion, values }), () => 'Finalised: the characteristics table now shows these values.')}>
              Finalise
            </button>
            <button type="button" className={secondaryButtonClass} disabled={isPending} onClick={() => setValues(initialValues)}>
              Start again
            </button>
          </>
        )}
      </div>
      <FormMessage error={message.error} success={message.success} />
    </div>
  );
}
