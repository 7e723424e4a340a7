import { isEmptyAnswer, parseNumber } from './answers';
import type { AnswerSet, AnswerValue, ExtractionField } from './types';

/** agree: same answer after normalisation; differ: both answered differently; missing: one answered; empty: neither. */
export type FieldComparisonStatus = 'agree' | 'differ' | 'missing' | 'empty';
export type FieldComparison = { fieldId: string; status: FieldComparisonStatus; values: (AnswerValue | null)[] };
export type ExtractionComparison = {
  fields: FieldComparison[];
  counts: Record<FieldComparisonStatus, number>;
  /** Share of fields answered by at least one extractor on which all agree (null when none was answered). */
  agreement: number | null;
};

/**
 * A comparable key for an answer: text trimmed, whitespace collapsed and
 * case-folded; numbers by value ("12" = "12.0" = 12); lists as sets. Null when
 * unanswered.
 */
export function comparisonKey(field: ExtractionField, value: AnswerValue | undefined): string | null {
  if (value === undefined || isEmptyAnswer(value)) return null;
  switch (field.type) {
    case 'number': {
      const n = parseNumber(value);
      return Number.isNaN(n) ? `text:${String(value).trim().toLowerCase()}` : `n:${n}`;
    }
    case 'multiple_choice':
    case 'country':
      return (Array.isArray(value) ? value : [String(value)]).map((v) => v.trim().toUpperCase()).sort().join('|');
    case 'single_choice':
    case 'yes_no_unclear':
    case 'date':
      return String(Array.isArray(value) ? value[0] : value).trim().toLowerCase();
    default:
      return String(value).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  }
}

/**
 * Compare two (or more) extractors' answers field by field over one form's
 * fields. With a single extractor every answered field counts as agreed.
 */
export function compareExtractions(fields: readonly ExtractionField[], answerSets: readonly AnswerSet[]): ExtractionComparison {
  const counts: Record<FieldComparisonStatus, number> = { agree: 0, differ: 0, missing: 0, empty: 0 };
  const rows = fields.map((field): FieldComparison => {
    const values = answerSets.map((set) => set[field.id] ?? null);
    const keys = values.map((v) => comparisonKey(field, v));
    const answered = keys.filter((k): k is string => k !== null);
    let status: FieldComparisonStatus;
    if (answered.length === 0) status = 'empty';
    else if (answered.length < keys.length) status = 'missing';
    else status = new Set(answered).size === 1 ? 'agree' : 'differ';
    counts[status] += 1;
    return { fieldId: field.id, status, values };
  });
  const answered = counts.agree + counts.differ + counts.missing;
  return { fields: rows, counts, agreement: answered ? counts.agree / answered : null };
}

/**
 * The consensus a lead starts from: agreed answers filled in, the rest left
 * for the lead (with one extractor, that extractor's answers).
 */
export function suggestConsensus(fields: readonly ExtractionField[], answerSets: readonly AnswerSet[]): AnswerSet {
  const comparison = compareExtractions(fields, answerSets);
  const out: AnswerSet = {};
  for (const row of comparison.fields) {
    if (row.status === 'agree') out[row.fieldId] = row.values.find((v) => !isEmptyAnswer(v)) ?? null;
  }
  return out;
}
