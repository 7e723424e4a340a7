'use client';

import { useId, useState } from 'react';
import { COUNTRIES, countryName, toCountryCode } from '@/lib/domain/extraction/countries';
import { YES_NO_LABELS, YES_NO_UNCLEAR, type AnswerValue, type ExtractionField } from '@/lib/domain/extraction/types';
import { FieldError } from '@/components/ui/form-message';
import { inputClass, secondaryButtonClass } from '@/components/ui/styles';

type Props = {
  field: ExtractionField;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  errors?: string[];
  disabled?: boolean;
  /** Distinguishes several inputs for one field on a page (the consensus view). */
  idPrefix?: string;
  /** Hide the visible label (when a table row header already names the field). */
  isLabelHidden?: boolean;
};

const asList = (value: AnswerValue | undefined): string[] => (Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [String(value)]);

/** Answer errors keyed by field id: the server puts a "values." prefix on them. */
export function answerErrors(fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) out[key.replace(/^values\./, '')] = messages;
  return out;
}

/** One form field as an input of its type, with its label, help text, required mark and errors. */
export function FieldInput({ field, value, onChange, errors, disabled, idPrefix = 'field', isLabelHidden }: Props) {
  const id = `${idPrefix}-${field.id}`;
  const helpId = field.helpText ? `${id}-help` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const labelText = (
    <>
      {field.label}
      {field.required ? (
        <span className="text-red-700" aria-hidden="true">
          {' '}*
        </span>
      ) : null}
      {field.required ? <span className="sr-only"> (required)</span> : null}
    </>
  );
  const labelClassName = isLabelHidden ? 'sr-only' : 'block text-sm font-medium text-slate-800';
  const help = field.helpText ? (
    <p id={helpId} className="mt-1 text-xs text-slate-600">
      {field.helpText}
    </p>
  ) : null;
  const error = <FieldError id={`${id}-error`} messages={errors} />;
  const invalid = errors?.length ? true : undefined;

  if (field.type === 'single_choice' || field.type === 'multiple_choice' || field.type === 'yes_no_unclear') {
    const options = field.type === 'yes_no_unclear' ? YES_NO_UNCLEAR.map((v) => ({ id: v, label: YES_NO_LABELS[v] })) : field.options;
    const isMultiple = field.type === 'multiple_choice';
    const selected = asList(value);
    return (
      <fieldset aria-describedby={describedBy} aria-invalid={invalid} data-field={field.id}>
        <legend className={labelClassName}>{labelText}</legend>
        {help}
        <div className={`mt-1 flex flex-wrap gap-x-4 gap-y-1 ${field.type === 'yes_no_unclear' ? '' : 'sm:grid sm:grid-cols-2'}`}>
          {options.map((option) => (
            <label key={option.id} className="flex items-start gap-2 text-sm text-slate-800">
              <input
                type={isMultiple ? 'checkbox' : 'radio'}
                name={id}
                value={option.id}
                checked={selected.includes(option.id)}
                disabled={disabled}
                className="mt-0.5"
                onChange={(e) => {
                  if (!isMultiple) onChange(option.id);
                  else onChange(e.target.checked ? [...selected, option.id] : selected.filter((s) => s !== option.id));
                }}
              />
              {option.label}
            </label>
          ))}
        </div>
        {!isMultiple && selected.length > 0 && !disabled ? (
          <button type="button" className="mt-1 text-xs text-slate-600 underline" onClick={() => onChange(null)}>
            Clear<span className="sr-only"> {field.label}</span>
          </button>
        ) : null}
        {error}
      </fieldset>
    );
  }

  if (field.type === 'country') {
    return <CountryInput field={field} id={id} value={asList(value)} onChange={onChange} disabled={disabled} labelText={labelText} labelClassName={labelClassName} help={help} error={error} describedBy={describedBy} />;
  }

  const common = {
    id,
    disabled,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    'data-field': field.id,
  };
  let input: React.ReactNode;
  if (field.type === 'long_text') {
    input = <textarea {...common} rows={3} className={inputClass} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value)} />;
  } else if (field.type === 'number') {
    input = (
      <div className="flex items-center gap-2">
        <input
          {...common}
          type="text"
          inputMode="decimal"
          className={`${inputClass} max-w-[12rem]`}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
        {field.unit ? <span className="text-sm text-slate-600">{field.unit}</span> : null}
      </div>
    );
  } else if (field.type === 'date') {
    input = <input {...common} type="date" className={`${inputClass} max-w-[12rem]`} value={value ? String(value) : ''} onChange={(e) => onChange(e.target.value)} />;
  } else {
    input = <input {...common} type="text" className={inputClass} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {labelText}
      </label>
      {help}
      <div className="mt-1">{input}</div>
      {error}
    </div>
  );
}

function CountryInput({
  field,
  id,
  value,
  onChange,
  disabled,
  labelText,
  labelClassName,
  help,
  error,
  describedBy,
}: {
  field: Extract<ExtractionField, { type: 'country' }>;
  id: string;
  value: string[];
  onChange: (value: AnswerValue) => void;
  disabled?: boolean;
  labelText: React.ReactNode;
  labelClassName: string;
  help: React.ReactNode;
  error: React.ReactNode;
  describedBy?: string;
}) {
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState(false);
  const listId = useId();
  const isEditable = !disabled && (field.allowMultiple || value.length === 0);
  const add = () => {
    const code = toCountryCode(text);
    if (!code) {
      setNotFound(text.trim().length > 0);
      return;
    }
    setNotFound(false);
    setText('');
    onChange(field.allowMultiple ? [...value.filter((c) => c !== code), code] : [code]);
  };
  return (
    <div data-field={field.id}>
      {isEditable ? (
        <label htmlFor={id} className={labelClassName}>
          {labelText}
        </label>
      ) : (
        <p className={labelClassName}>{labelText}</p>
      )}
      {help}
      {value.length ? (
        <ul className="mt-1 flex flex-wrap gap-2" aria-label={`${field.label}: chosen`}>
          {value.map((code) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-full bg-brand-100 px-2 py-0.5 text-sm text-brand-900">
              {countryName(code) ?? code}
              {!disabled ? (
                <button type="button" className="ml-1 text-brand-900" aria-label={`Remove ${countryName(code) ?? code}`} onClick={() => onChange(value.filter((c) => c !== code))}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {isEditable ? (
        <div className="mt-1 flex max-w-md gap-2">
          <input
            id={id}
            type="text"
            list={listId}
            className={inputClass}
            value={text}
            aria-describedby={describedBy}
            placeholder="Type a country and press Enter"
            onChange={(e) => {
              setText(e.target.value);
              setNotFound(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className={secondaryButtonClass} onClick={add}>
            Add<span className="sr-only"> country</span>
          </button>
          <datalist id={listId}>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.name} />
            ))}
          </datalist>
        </div>
      ) : null}
      {notFound ? (
        <p className="mt-1 text-sm text-red-700" role="alert">
          “{text}” is not a country in the ISO 3166 list.
        </p>
      ) : null}
      {error}
    </div>
  );
}
