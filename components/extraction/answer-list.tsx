import { formatAnswer } from '@/lib/domain/extraction/format';
import type { AnswerSet, ExtractionField } from '@/lib/domain/extraction/types';

/** Answers read-only, each with the label its own form version gave it. */
export function AnswerList({ fields, values, label }: { fields: ExtractionField[]; values: AnswerSet; label: string }) {
  return (
    <dl aria-label={label} className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
      {fields.map((field) => (
        <div key={field.id} className="contents">
          <dt className="font-medium text-slate-600">{field.label}</dt>
          <dd className="text-slate-900">{formatAnswer(field, values[field.id]) || <span className="text-slate-500">Not answered</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
