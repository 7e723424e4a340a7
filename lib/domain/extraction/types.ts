/**
 * Extraction forms: a form version is an ordered list of typed fields. Answers
 * are keyed by field id and store option ids (not labels), so a version that
 * renames an option or a field never changes what an old answer meant.
 */
export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'single_choice',
  'multiple_choice',
  'yes_no_unclear',
  'date',
  'country',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  yes_no_unclear: 'Yes / no / unclear',
  date: 'Date',
  country: 'Country',
};

export type ChoiceOption = { id: string; label: string };

type FieldBase = { id: string; label: string; helpText?: string; required: boolean };

export type TextField = FieldBase & { type: 'short_text' | 'long_text' };
export type NumberField = FieldBase & { type: 'number'; unit?: string; min?: number; max?: number; integer?: boolean };
export type ChoiceField = FieldBase & { type: 'single_choice' | 'multiple_choice'; options: ChoiceOption[] };
export type YesNoField = FieldBase & { type: 'yes_no_unclear' };
export type DateField = FieldBase & { type: 'date' };
export type CountryField = FieldBase & { type: 'country'; allowMultiple: boolean };

export type ExtractionField = TextField | NumberField | ChoiceField | YesNoField | DateField | CountryField;

export const YES_NO_UNCLEAR = ['yes', 'no', 'unclear'] as const;
export type YesNoUnclear = (typeof YES_NO_UNCLEAR)[number];
export const YES_NO_LABELS: Record<YesNoUnclear, string> = { yes: 'Yes', no: 'No', unclear: 'Unclear' };

/**
 * One field's answer as stored: text and dates are strings (dates ISO
 * YYYY-MM-DD), numbers are numbers, a single choice is an option id, a
 * multiple choice and a country a list of option ids / ISO codes. An absent
 * key or null means unanswered.
 */
export type AnswerValue = string | number | string[] | null;
export type AnswerSet = Record<string, AnswerValue>;

/** A published form version, as the domain sees it. */
export type FormVersion = { version: number; fields: ExtractionField[] };

/** Field errors keyed by field id; each message names the field. */
export type AnswerErrors = Record<string, string[]>;
