import { countryName, toCountryCode } from './countries';
import type { AnswerErrors, AnswerSet, AnswerValue, ExtractionField } from './types';
import { YES_NO_UNCLEAR } from './types';

export const MAX_SHORT_TEXT = 500;
export const MAX_LONG_TEXT = 20_000;

/** True when a value counts as unanswered: null, undefined, blank text or an empty list. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

type Parsed = { value: AnswerValue } | { error: string };

/** Parse a number written as a number or as text ("12", "12.0", " 3.5 "); NaN for anything else. */
export function parseNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const text = value.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * One field's answer, parsed and normalised (text trimmed, numbers as numbers,
 * choices as option ids in the form's order, countries as ISO codes), or a
 * message naming the field. An option may be given by id or by its label.
 */
export function parseAnswer(field: ExtractionField, raw: unknown): Parsed {
  const name = `"${field.label}"`;
  if (isEmptyAnswer(raw)) return { value: null };
  switch (field.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: `${name} must be text.` };
      const text = String(raw).trim();
      const max = field.type === 'short_text' ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
      if (text.length > max) return { error: `${name} is ${text.length} characters long; at most ${max} are allowed.` };
      return { value: text };
    }
    case 'number': {
      const n = parseNumber(raw);
      if (Number.isNaN(n)) return { error: `${name} must be a number (got "${String(raw)}").` };
      if (field.integer && !Number.isInteger(n)) return { error: `${name} must be a whole number.` };
      if (field.min !== undefined && n < field.min) return { error: `${name} must be at least ${field.min}.` };
      if (field.max !== undefined && n > field.max) return { error: `${name} must be at most ${field.max}.` };
      return { value: n };
    }
    case 'single_choice':
    case 'multiple_choice': {
      const items = asList(raw);
      if (field.type === 'single_choice' && items.length > 1) return { error: `${name} takes one option.` };
      const ids: string[] = [];
      for (const item of items) {
        if (typeof item !== 'string') return { error: `${name} must be given as option ids or labels.` };
        const key = item.trim().toLowerCase();
        const option = field.options.find((o) => o.id === item.trim() || o.label.trim().toLowerCase() === key);
        if (!option) {
          return { error: `${name} has no option "${item}" (options: ${field.options.map((o) => o.label).join(', ')}).` };
        }
        ids.push(option.id);
      }
      const ordered = field.options.map((o) => o.id).filter((id) => ids.includes(id));
      return { value: field.type === 'single_choice' ? ordered[0] : ordered };
    }
    case 'yes_no_unclear': {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (!(YES_NO_UNCLEAR as readonly string[]).includes(text)) return { error: `${name} must be yes, no or unclear.` };
      return { value: text };
    }
    case 'date': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!isIsoDate(text)) return { error: `${name} must be a date written YYYY-MM-DD (got "${String(raw)}").` };
      return { value: text };
    }
    case 'country': {
      const codes: string[] = [];
      for (const item of asList(raw)) {
        const code = typeof item === 'string' ? toCountryCode(item) : undefined;
        if (!code) return { error: `${name}: "${String(item)}" is not a country (use an ISO 3166 code such as GB, or a name).` };
        if (!codes.includes(code)) codes.push(code);
      }
      if (!field.allowMultiple && codes.length > 1) return { error: `${name} takes one country.` };
      codes.sort((a, b) => (countryName(a) ?? a).localeCompare(countryName(b) ?? b));
      return { value: codes };
    }
  }
}

export type AnswerCheck = { values: AnswerSet; errors: AnswerErrors; missingRequired: string[] };

/**
 * Check an answer set against a form version. Every present value must fit its
 * field (type, options, range); with `requireComplete`, every required field
 * must be answered. Keys that are not fields of the version are errors. The
 * cleaned values hold only answered fields.
 */
export function validateAnswers(
  fields: readonly ExtractionField[],
  raw: Record<string, unknown>,
  options: { requireComplete: boolean; version?: number },
): AnswerCheck {
  const values: AnswerSet = {};
  const errors: AnswerErrors = {};
  const missingRequired: string[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      errors[key] = [`"${key}" is not a field of this form${options.version ? ` (version ${options.version})` : ''}.`];
    }
  }
  for (const field of fields) {
    const parsed = parseAnswer(field, raw[field.id]);
    if ('error' in parsed) {
      errors[field.id] = [parsed.error];
      continue;
    }
    if (parsed.value === null) {
      if (field.required && options.requireComplete) {
        errors[field.id] = [`"${field.label}" is required.`];
        missingRequired.push(field.id);
      }
      continue;
    }
    values[field.id] = parsed.value;
  }
  return { values, errors, missingRequired };
}

/**
 * Carry answers given against one version over to another: a value is kept
 * when the new version has a field with the same id and type and the value
 * still fits it (an option that was removed, or a number now out of range, is
 * dropped and reported).
 */
export function carryAnswers(
  from: readonly ExtractionField[],
  to: readonly ExtractionField[],
  values: AnswerSet,
): { values: AnswerSet; dropped: string[] } {
  const out: AnswerSet = {};
  const dropped: string[] = [];
  const old = new Map(from.map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(values)) {
    if (isEmptyAnswer(value)) continue;
    const before = old.get(id);
    const after = to.find((f) => f.id === id);
    if (!before || !after || before.type !== after.type) {
      dropped.push(id);
      continue;
    }
    const parsed = parseAnswer(after, value);
    if ('error' in parsed || parsed.value === null) dropped.push(id);
    else out[id] = parsed.value;
  }
  return { values: out, dropped };
}
