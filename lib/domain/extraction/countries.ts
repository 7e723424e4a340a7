/**
 * Countries as extraction answers: ISO 3166-1 alpha-2 codes read from a code,
 * a name or a common alias ("UK", "England"), and their names.
 */
import { COUNTRIES } from './country-list';

export { COUNTRIES };

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c.name]));
const BY_NAME = new Map(COUNTRIES.map((c) => [c.name.toLowerCase(), c.code]));
// Names people type that differ from the list's (so an API client may send "UK" or "USA").
const ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  'republic of korea': 'KR',
  korea: 'KR',
  'the netherlands': 'NL',
  holland: 'NL',
  turkey: 'TR',
  'czech republic': 'CZ',
  'russian federation': 'RU',
  'viet nam': 'VN',
  swaziland: 'SZ',
  'ivory coast': 'CI',
  uae: 'AE',
  'hong kong sar': 'HK',
};

/** The English name of an ISO 3166-1 alpha-2 code, or undefined for an unknown code. */
export function countryName(code: string): string | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/**
 * The ISO code for a code or a name, case-insensitive ("gb", "United Kingdom",
 * "UK" all give "GB"); undefined when nothing matches.
 */
export function toCountryCode(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  if (text.length === 2 && BY_CODE.has(text.toUpperCase())) return text.toUpperCase();
  const lower = text.toLowerCase();
  return BY_NAME.get(lower) ?? ALIASES[lower];
}
