import 'server-only';
import { COMPARED_FIELDS, type ComparedField, type DuplicateRecordView, type FieldComparison } from '@/lib/validation/references';

/** Case, accents, punctuation and spacing do not make two values different to a reader. */
function normalize(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function text(record: DuplicateRecordView, field: ComparedField): string | null {
  const value = record[field];
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.map((a) => normalize(a.split(',')[0] ?? a)).join(';') : null;
  const s = normalize(String(value));
  return s === '' ? null : s;
}

/** Field by field, what the review page marks. Authors compare by surname, in order. */
export function compareRecords(a: DuplicateRecordView, b: DuplicateRecordView): Record<ComparedField, FieldComparison> {
  const out = {} as Record<ComparedField, FieldComparison>;
  for (const field of COMPARED_FIELDS) {
    const x = text(a, field);
    const y = text(b, field);
    out[field] = x === null && y === null ? 'both-missing' : x === null || y === null ? 'missing' : x === y ? 'same' : 'different';
  }
  return out;
}
