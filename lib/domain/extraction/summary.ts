import { isEmptyAnswer, parseNumber } from './answers';
import { countryName } from './countries';
import type { AnswerSet, ExtractionField, YesNoUnclear } from './types';
import { YES_NO_LABELS } from './types';

/** A final extraction with the fields of the version it was given against. */
export type FinalExtraction = { fields: readonly ExtractionField[]; values: AnswerSet };

export type CategoryCount = { key: string; label: string; count: number };
export type CategorySummary = {
  kind: 'categories';
  fieldId: string;
  label: string;
  /** Studies with an answer; a multiple choice may count one study under several categories. */
  answered: number;
  notReported: number;
  categories: CategoryCount[];
};
export type NumberSummary = {
  kind: 'number';
  fieldId: string;
  label: string;
  unit: string | null;
  answered: number;
  notReported: number;
  median: number | null;
  min: number | null;
  max: number | null;
  total: number | null;
};
export type FieldSummary = CategorySummary | NumberSummary;

/** The median of a list of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function categoryLabel(current: ExtractionField, own: ExtractionField | undefined, key: string): string {
  if (current.type === 'country') return countryName(key) ?? key;
  if (current.type === 'yes_no_unclear') return YES_NO_LABELS[key as YesNoUnclear] ?? key;
  if (current.type === 'single_choice' || current.type === 'multiple_choice') {
    const fromCurrent = current.options.find((o) => o.id === key)?.label;
    const fromOwn = own && (own.type === 'single_choice' || own.type === 'multiple_choice') ? own.options.find((o) => o.id === key)?.label : undefined;
    return fromCurrent ?? fromOwn ?? key;
  }
  return key;
}

/**
 * Summary counts over the final extractions, one entry per countable field of
 * the current form: choice, yes/no and country fields as counts per category
 * (most frequent first, then by label), numbers as median and range (and a
 * total when the field has a unit, e.g. participants).
 * An answer counts under a field when its own version had a field with the
 * same id and type; text and date fields are not summarised.
 */
export function summariseExtractions(currentFields: readonly ExtractionField[], finals: readonly FinalExtraction[]): FieldSummary[] {
  const summaries: FieldSummary[] = [];
  for (const field of currentFields) {
    const answers = finals.map((f) => {
      const own = f.fields.find((x) => x.id === field.id && x.type === field.type);
      return { own, value: own ? f.values[field.id] : undefined };
    });
    const answered = answers.filter((a) => a.value !== undefined && !isEmptyAnswer(a.value));
    if (field.type === 'number') {
      const numbers = answered.map((a) => parseNumber(a.value)).filter((n) => !Number.isNaN(n));
      summaries.push({
        kind: 'number',
        fieldId: field.id,
        label: field.label,
        unit: field.unit ?? null,
        answered: numbers.length,
        notReported: finals.length - numbers.length,
        median: median(numbers),
        min: numbers.length ? Math.min(...numbers) : null,
        max: numbers.length ? Math.max(...numbers) : null,
        // A total means something for counts of a unit (participants), not for years or scores.
        total: numbers.length && field.unit ? numbers.reduce((s, n) => s + n, 0) : null,
      });
      continue;
    }
    if (!['single_choice', 'multiple_choice', 'yes_no_unclear', 'country'].includes(field.type)) continue;
    const counts = new Map<string, CategoryCount>();
    for (const { own, value } of answered) {
      const keys = Array.isArray(value) ? value : [String(value)];
      for (const key of new Set(keys)) {
        const entry = counts.get(key) ?? { key, label: categoryLabel(field, own, key), count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
    summaries.push({
      kind: 'categories',
      fieldId: field.id,
      label: field.label,
      answered: answered.length,
      notReported: finals.length - answered.length,
      categories: [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    });
  }
  return summaries;
}
