import type { InputHTMLAttributes } from 'react';
import { FieldError } from '@/components/ui/form-message';
import { inputClass, labelClass } from '@/components/ui/styles';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'> & {
  name: string;
  label: string;
  /** A hint shown under the input and read with it. */
  hint?: string;
  /** The field's server-side errors, if any. */
  errors?: string[];
};

/** A labelled input with its hint and errors linked by aria-describedby; the input's id is its name. */
export function TextField({ name, label, hint, errors, ...input }: Props) {
  const hintId = hint ? `${name}-hint` : null;
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className={labelClass}>
        {label}
      </label>
      <input id={name} name={name} className={inputClass} aria-describedby={[hintId, errorId].filter(Boolean).join(' ')} {...input} />
      {hint ? (
        <p id={hintId!} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}
