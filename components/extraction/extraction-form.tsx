'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import type { AnswerSet, AnswerValue, ExtractionField } from '@/lib/domain/extraction/types';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles';
import { answerErrors, FieldInput } from './field-input';

type Saved = { values: AnswerSet; isComplete: boolean; updatedAt: string };

type Props = {
  fields: ExtractionField[];
  formVersion: number;
  initialValues: AnswerSet;
  isInitiallyComplete: boolean;
  lastSavedAt: string | null;
  save: (input: unknown) => Promise<ActionResult<Saved>>;
};

type SaveState = 'saved' | 'unsaved' | 'saving' | 'new';

/**
 * An extractor's form: explicit saves with a visible state (saved, unsaved
 * changes, saving), a draft that may leave required fields empty, and
 * "Mark complete", which the server refuses until every required field is answered.
 */
export function ExtractionForm({ fields, formVersion, initialValues, isInitiallyComplete, lastSavedAt, save }: Props) {
  const [values, setValues] = useState<AnswerSet>(initialValues);
  const [isComplete, setIsComplete] = useState(isInitiallyComplete);
  const [state, setState] = useState<SaveState>(lastSavedAt ? 'saved' : 'new');
  const [savedAt, setSavedAt] = useState(lastSavedAt);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const router = useRouter();

  // Warn before leaving with unsaved answers.
  useEffect(() => {
    if (state !== 'unsaved') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state]);

  const change = (id: string, value: AnswerValue) => {
    setValues((v) => ({ ...v, [id]: value }));
    setState('unsaved');
    setErrors((e) => {
      const { [id]: _gone, ...rest } = e;
      return rest;
    });
  };

  const submit = (complete: boolean) => {
    setState('saving');
    setMessage({});
    startTransition(async () => {
      const result = await save({ formVersion, values, complete });
      if (!result.ok) {
        setState('unsaved');
        setErrors(answerErrors(result.fieldErrors));
        setMessage({ error: result.error });
        return;
      }
      setValues(result.data.values);
      setIsComplete(result.data.isComplete);
      setSavedAt(result.data.updatedAt);
      setErrors({});
      setState('saved');
      setMessage({ success: result.data.isComplete ? 'Marked complete. A lead reconciles it with the other extraction.' : 'Draft saved.' });
      // The study's status in the header follows.
      router.refresh();
    });
  };

  const stateText =
    state === 'saving'
      ? 'Saving…'
      : state === 'unsaved'
        ? 'Unsaved changes'
        : state === 'new'
          ? 'Not saved yet'
          : `Saved${isComplete ? ' and complete' : ' as a draft'}${savedAt ? ` at ${new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : ''}`;

  return (
    <form
      className="space-y-5"
      aria-label="Extraction form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      {fields.map((field) => (
        <FieldInput key={field.id} field={field} value={values[field.id]} errors={errors[field.id]} onChange={(v) => change(field.id, v)} />
      ))}
      <div className="sticky bottom-0 -mx-5 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-5 py-3">
        <button type="submit" className={secondaryButtonClass} disabled={isPending}>
          Save draft
        </button>
        <button type="button" className={buttonClass} disabled={isPending} onClick={() => submit(true)}>
          {isComplete ? 'Save (complete)' : 'Mark complete'}
        </button>
        <span role="status" data-testid="save-state" className={`text-sm ${state === 'unsaved' ? 'text-amber-800' : 'text-slate-700'}`}>
          {stateText}
        </span>
      </div>
      <FormMessage error={message.error} success={message.success} />
    </form>
  );
}
