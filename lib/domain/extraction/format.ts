import { familyName } from '@/lib/domain/exporters/study-label';
import { isEmptyAnswer } from './answers';
import { countryName } from './countries';
import type { AnswerValue, ExtractionField, YesNoUnclear } from './types';
import { YES_NO_LABELS } from './types';

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/**
 * An answer as a person reads it, with the labels of the version it was given
 * against: option labels joined by "; ", country names, a number with its unit.
 * An option id the version does not know is shown as the id itself.
 */
export function formatAnswer(field: ExtractionField, value: AnswerValue | undefined): string {
  if (value === undefined || isEmptyAnswer(value)) return '';
  switch (field.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return `${trimNumber(n)}${field.unit ? ` ${field.unit}` : ''}`;
    }
    case 'single_choice':
    case 'multiple_choice':
      return (Array.isArray(value) ? value : [String(value)])
        .map((id) => field.options.find((o) => o.id === id)?.label ?? id)
        .join('; ');
    case 'yes_no_unclear':
      return YES_NO_LABELS[String(value) as YesNoUnclear] ?? String(value);
    case 'country':
      return (Array.isArray(value) ? value : [String(value)]).map((code) => countryName(code) ?? code).join('; ');
    default:
      return Array.isArray(value) ? value.join('; ') : String(value);
  }
}

/**
 * "First author + year" as a characteristics table labels a study:
 * "Smith 2020", "Smith and Jones 2020", "Smith et al. 2020" (family names
 * by `familyName`, as the synthesis label takes them).
 */
export function studyLabel(authors: readonly string[], year: number | null): string {
  const names = authors.filter((a) => a.trim()).map(familyName);
  const who = names.length === 0 ? 'Anonymous' : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} et al.`;
  return year ? `${who} ${year}` : `${who} (n.d.)`;
}
