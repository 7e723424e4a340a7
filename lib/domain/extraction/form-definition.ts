import type { ChoiceField, ExtractionField } from './types';

export const MAX_FIELDS = 100;
export const MAX_OPTIONS = 100;

/** A stable id from a label: lower-case words joined by underscores ("Sample size" -> "sample_size"). */
export function slugify(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return slug || 'field';
}

/** An id from `label` that is not in `taken` (adds _2, _3 ...). */
export function uniqueId(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(label);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function isChoiceField(field: ExtractionField): field is ChoiceField {
  return field.type === 'single_choice' || field.type === 'multiple_choice';
}

/**
 * Problems with a form definition, each naming the field by its position and
 * label; empty when the form can be published. Field and option ids must be
 * unique (answers are keyed by them), choices need two options, min <= max.
 */
export function validateFormDefinition(fields: readonly ExtractionField[]): string[] {
  const problems: string[] = [];
  if (fields.length === 0) problems.push('A form needs at least one field.');
  if (fields.length > MAX_FIELDS) problems.push(`A form has at most ${MAX_FIELDS} fields.`);
  const ids = new Set<string>();
  const labels = new Set<string>();
  fields.forEach((field, index) => {
    const name = `Field ${index + 1}${field.label.trim() ? ` ("${field.label.trim()}")` : ''}`;
    if (!field.label.trim()) problems.push(`${name} needs a label.`);
    if (!/^[a-z0-9_]{1,40}$/.test(field.id)) problems.push(`${name} has an invalid id "${field.id}" (lower-case letters, digits and _).`);
    if (ids.has(field.id)) problems.push(`${name} repeats the id "${field.id}".`);
    ids.add(field.id);
    const label = field.label.trim().toLowerCase();
    if (label && labels.has(label)) problems.push(`${name} has the same label as an earlier field.`);
    labels.add(label);
    if (isChoiceField(field)) {
      if (field.options.length < 2) problems.push(`${name} needs at least two options.`);
      if (field.options.length > MAX_OPTIONS) problems.push(`${name} has more than ${MAX_OPTIONS} options.`);
      const optionIds = new Set<string>();
      const optionLabels = new Set<string>();
      field.options.forEach((option, i) => {
        if (!option.label.trim()) problems.push(`${name}: option ${i + 1} needs a label.`);
        if (optionIds.has(option.id)) problems.push(`${name}: option ${i + 1} repeats the id "${option.id}".`);
        if (optionLabels.has(option.label.trim().toLowerCase())) problems.push(`${name}: option "${option.label.trim()}" appears twice.`);
        optionIds.add(option.id);
        optionLabels.add(option.label.trim().toLowerCase());
      });
    }
    if (field.type === 'number') {
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        problems.push(`${name}: the minimum (${field.min}) is above the maximum (${field.max}).`);
      }
    }
  });
  return problems;
}

/** True when two definitions are the same (publishing an unchanged form makes no new version). */
export function isSameDefinition(a: readonly ExtractionField[], b: readonly ExtractionField[]): boolean {
  return JSON.stringify(a.map(canonicalField)) === JSON.stringify(b.map(canonicalField));
}

/** A field with its keys in one order and empty optional keys dropped, for comparison and storage. */
export function canonicalField(field: ExtractionField): ExtractionField {
  const base = {
    id: field.id,
    label: field.label.trim(),
    ...(field.helpText?.trim() ? { helpText: field.helpText.trim() } : {}),
    required: field.required,
  };
  switch (field.type) {
    case 'number':
      return {
        ...base,
        type: 'number',
        ...(field.unit?.trim() ? { unit: field.unit.trim() } : {}),
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(field.integer ? { integer: true } : {}),
      };
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, type: field.type, options: field.options.map((o) => ({ id: o.id, label: o.label.trim() })) };
    case 'country':
      return { ...base, type: 'country', allowMultiple: field.allowMultiple };
    default:
      return { ...base, type: field.type };
  }
}
