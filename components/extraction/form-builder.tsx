'use client';

import { useMemo, useState, useTransition } from 'react';
import { isSameDefinition, slugify, uniqueId, validateFormDefinition, canonicalField } from '@/lib/domain/extraction/form-definition';
import { FIELD_TYPE_LABELS, FIELD_TYPES, type ChoiceOption, type ExtractionField, type FieldType } from '@/lib/domain/extraction/types';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';

type Props = {
  name: string;
  published: ExtractionField[];
  publishedVersion: number | null;
  template: readonly ExtractionField[];
  templateName: string;
  publish: (input: unknown) => Promise<ActionResult<{ version: number; isNewVersion: boolean }>>;
};

/** A field of another type, keeping what the two types share. */
function retype(field: ExtractionField, type: FieldType): ExtractionField {
  const base = { id: field.id, label: field.label, helpText: field.helpText, required: field.required };
  switch (type) {
    case 'number':
      return { ...base, type };
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, type, options: 'options' in field ? field.options : [{ id: 'option_1', label: 'Option 1' }, { id: 'option_2', label: 'Option 2' }] };
    case 'country':
      return { ...base, type, allowMultiple: true };
    default:
      return { ...base, type };
  }
}

/**
 * The form builder (leads): add, reorder, edit and remove fields; publishing
 * a change makes a new version. Ids of published fields and options never
 * change (answers are keyed by them); new ones follow their label.
 */
export function FormBuilder({ name: initialName, published, publishedVersion, template, templateName, publish }: Props) {
  const [name, setName] = useState(initialName);
  const [fields, setFields] = useState<ExtractionField[]>(published);
  const [newType, setNewType] = useState<FieldType>('short_text');
  const [isConfirmingTemplate, setIsConfirmingTemplate] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [version, setVersion] = useState(publishedVersion);
  const [baseline, setBaseline] = useState({ name: initialName, fields: published });
  const [isPending, startTransition] = useTransition();
  const publishedIds = useMemo(() => new Set(published.map((f) => f.id)), [published]);
  const publishedOptionIds = useMemo(
    () => new Map(published.map((f) => [f.id, new Set('options' in f ? f.options.map((o) => o.id) : [])])),
    [published],
  );
  const problems = validateFormDefinition(fields);
  const isDirty = name.trim() !== baseline.name || !isSameDefinition(fields.map(canonicalField), baseline.fields);

  const update = (index: number, next: ExtractionField) => setFields((list) => list.map((f, i) => (i === index ? next : f)));
  const setLabel = (index: number, label: string) => {
    const field = fields[index];
    const id = publishedIds.has(field.id) ? field.id : uniqueId(label || 'field', fields.filter((_, i) => i !== index).map((f) => f.id));
    update(index, { ...field, label, id });
  };
  const move = (index: number, by: -1 | 1) =>
    setFields((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });
  const add = () => {
    const label = `New field ${fields.length + 1}`;
    setFields((list) => [...list, retype({ id: uniqueId(label, list.map((f) => f.id)), label, required: false, type: 'short_text' }, newType)]);
  };
  const loadTemplate = () => {
    setFields(template.map((f) => ({ ...f })));
    if (!name.trim() || name === 'Study characteristics') setName(templateName);
    setIsConfirmingTemplate(false);
    setMessage({ success: `Fields of “${templateName}” loaded. Change what you need, then publish.` });
  };
  const submit = () => {
    setMessage({});
    startTransition(async () => {
      const result = await publish({ name: name.trim(), fields });
      if (!result.ok) {
        setMessage({ error: result.fieldErrors?.fields?.join(' ') ?? result.error });
        return;
      }
      setVersion(result.data.version);
      setBaseline({ name: name.trim(), fields: fields.map(canonicalField) });
      setMessage({ success: result.data.isNewVersion ? `Published version ${result.data.version}.` : 'Nothing changed since the last version.' });
    });
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="form-name" className={labelClass}>
            Form name
          </label>
          <input id="form-name" className={`${inputClass} mt-1`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {isConfirmingTemplate ? (
          <div role="group" aria-label="Replace the fields with the template" className="flex items-center gap-2 text-sm">
            <span>Replace the {fields.length} fields with the template?</span>
            <button type="button" className={dangerButtonClass} onClick={loadTemplate}>
              Replace
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirmingTemplate(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className={secondaryButtonClass} onClick={() => (fields.length ? setIsConfirmingTemplate(true) : loadTemplate())}>
            Start from the template “{templateName}”
          </button>
        )}
      </div>

      {fields.length === 0 ? <p className="text-sm text-slate-700">No fields yet: start from the template or add fields one by one.</p> : null}
      <ol className="space-y-3">
        {fields.map((field, index) => (
          <li key={index} className="rounded-md border border-slate-200 p-4" data-testid="builder-field">
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold text-slate-800">
                Field {index + 1}
                {field.label ? `: ${field.label}` : ''} <span className="font-normal text-slate-500">({field.id})</span>
              </legend>
              <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
                <div>
                  <label htmlFor={`label-${index}`} className={labelClass}>
                    Label
                  </label>
                  <input id={`label-${index}`} className={`${inputClass} mt-1`} value={field.label} onChange={(e) => setLabel(index, e.target.value)} />
                </div>
                <div>
                  <label htmlFor={`type-${index}`} className={labelClass}>
                    Type
                  </label>
                  <select id={`type-${index}`} className={`${inputClass} mt-1`} value={field.type} onChange={(e) => update(index, retype(field, e.target.value as FieldType))}>
                    {FIELD_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {FIELD_TYPE_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {publishedIds.has(field.id) && published.find((f) => f.id === field.id)?.type !== field.type ? (
                <p className="text-xs text-amber-800">Changing a published field’s type: earlier answers keep their version, but will not carry over.</p>
              ) : null}
              <div>
                <label htmlFor={`help-${index}`} className={labelClass}>
                  Help text
                </label>
                <input id={`help-${index}`} className={`${inputClass} mt-1`} value={field.helpText ?? ''} onChange={(e) => update(index, { ...field, helpText: e.target.value })} />
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={field.required} onChange={(e) => update(index, { ...field, required: e.target.checked })} />
                Required
              </label>
              {field.type === 'number' ? <NumberSettings field={field} index={index} onChange={(f) => update(index, f)} /> : null}
              {field.type === 'country' ? (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={field.allowMultiple} onChange={(e) => update(index, { ...field, allowMultiple: e.target.checked })} />
                  Allow several countries
                </label>
              ) : null}
              {field.type === 'single_choice' || field.type === 'multiple_choice' ? (
                <OptionsEditor
                  fieldLabel={field.label || `field ${index + 1}`}
                  options={field.options}
                  lockedIds={publishedOptionIds.get(field.id) ?? new Set()}
                  onChange={(options) => update(index, { ...field, options })}
                />
              ) : null}
              <div className="flex flex-wrap gap-2">
                <button type="button" className={secondaryButtonClass} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${field.label || `field ${index + 1}`} up`}>
                  Move up
                </button>
                <button type="button" className={secondaryButtonClass} disabled={index === fields.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${field.label || `field ${index + 1}`} down`}>
                  Move down
                </button>
                <button type="button" className={dangerButtonClass} onClick={() => setFields((list) => list.filter((_, i) => i !== index))} aria-label={`Remove ${field.label || `field ${index + 1}`}`}>
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="new-field-type" className={labelClass}>
            New field type
          </label>
          <select id="new-field-type" className={`${inputClass} mt-1`} value={newType} onChange={(e) => setNewType(e.target.value as FieldType)}>
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {FIELD_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className={secondaryButtonClass} onClick={add}>
          Add field
        </button>
      </div>
      {problems.length && fields.length ? (
        <ul className="list-inside list-disc rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950" aria-label="Problems to fix before publishing">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <button type="button" className={buttonClass} disabled={isPending || problems.length > 0 || !isDirty} onClick={submit}>
          Publish version {(version ?? 0) + 1}
        </button>
        <span role="status" data-testid="builder-state" className="text-sm text-slate-700">
          {isDirty ? 'Unpublished changes' : version ? `Version ${version} is published` : 'Not published yet'}
        </span>
      </div>
      <FormMessage error={message.error} success={message.success} />
    </div>
  );
}

function NumberSettings({ field, index, onChange }: { field: Extract<ExtractionField, { type: 'number' }>; index: number; onChange: (f: ExtractionField) => void }) {
  const numberOrUndefined = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <div>
        <label htmlFor={`unit-${index}`} className={labelClass}>
          Unit
        </label>
        <input id={`unit-${index}`} className={`${inputClass} mt-1`} value={field.unit ?? ''} onChange={(e) => onChange({ ...field, unit: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`min-${index}`} className={labelClass}>
          Minimum
        </label>
        <input id={`min-${index}`} type="number" className={`${inputClass} mt-1`} value={field.min ?? ''} onChange={(e) => onChange({ ...field, min: numberOrUndefined(e.target.value) })} />
      </div>
      <div>
        <label htmlFor={`max-${index}`} className={labelClass}>
          Maximum
        </label>
        <input id={`max-${index}`} type="number" className={`${inputClass} mt-1`} value={field.max ?? ''} onChange={(e) => onChange({ ...field, max: numberOrUndefined(e.target.value) })} />
      </div>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" checked={!!field.integer} onChange={(e) => onChange({ ...field, integer: e.target.checked })} />
        Whole numbers
      </label>
    </div>
  );
}

function OptionsEditor({ fieldLabel, options, lockedIds, onChange }: { fieldLabel: string; options: ChoiceOption[]; lockedIds: Set<string>; onChange: (o: ChoiceOption[]) => void }) {
  const relabel = (i: number, label: string) =>
    onChange(
      options.map((o, j) => {
        if (j !== i) return o;
        const id = lockedIds.has(o.id) ? o.id : uniqueId(slugify(label || 'option'), options.filter((_, k) => k !== i).map((x) => x.id));
        return { id, label };
      }),
    );
  return (
    <fieldset>
      <legend className={labelClass}>Options</legend>
      <ul className="mt-1 grid gap-2 sm:grid-cols-2">
        {options.map((option, i) => (
          <li key={i} className="flex gap-2">
            <input className={inputClass} aria-label={`Option ${i + 1} of ${fieldLabel}`} value={option.label} onChange={(e) => relabel(i, e.target.value)} />
            <button type="button" className={secondaryButtonClass} onClick={() => onChange(options.filter((_, j) => j !== i))} aria-label={`Remove option ${option.label || i + 1} of ${fieldLabel}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${secondaryButtonClass} mt-2`}
        onClick={() => onChange([...options, { id: uniqueId(`option ${options.length + 1}`, options.map((o) => o.id)), label: `Option ${options.length + 1}` }])}
      >
        Add option<span className="sr-only"> to {fieldLabel}</span>
      </button>
    </fieldset>
  );
}
