/**
 * Normalisation of authors, journals, pages, volume, issue and identifiers.
 * Each function turns one field as exported by some database into a form two
 * exports of the same work agree on.
 */
import { decodeEntities, foldedWords } from './normalize-text';

/** An author reduced to what survives every export style: surname and initials. */
export type AuthorKey = {
  /** Surname letters without spaces or particles' spaces: "van Kemenade" -> "vankemenade". */
  surname: string;
  /** Last word of the surname, so that "van Schalkwyk" and "Schalkwyk" still agree. */
  tail: string;
  initials: string;
  /** Given-name words of three letters or more, space-separated and space-padded: recognises swapped names. */
  given: string;
  /** A collective author ("ALTS Group", "Study Group of ..."), written too variously to compare. */
  isGroup: boolean;
};

const GROUP_WORDS = /\b(?:group|study|trial|consortium|collaborat\w*|investigators|committee|society|association|network|working|team)\b/i;

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'phd']);

/**
 * Parses "Surname, Given", "Surname AB" (PubMed) or "Given Surname" into surname and
 * initials. Returns null for "et al." and empty names.
 */
export function parseAuthor(raw: string): AuthorKey | null {
  const text = (raw.includes('&') ? decodeEntities(raw) : raw).trim();
  if (!text || /^et\.? al\.?,?$/i.test(text)) return null;
  let surname: string;
  let given: string;
  const comma = text.indexOf(',');
  if (comma >= 0) {
    surname = text.slice(0, comma);
    given = text.slice(comma + 1);
  } else {
    const tokens = text.split(/\s+/);
    const last = tokens[tokens.length - 1];
    if (tokens.length > 1 && /^[A-Z]{1,3}$/.test(last)) {
      surname = tokens.slice(0, -1).join(' ');
      given = last.split('').join(' ');
    } else {
      surname = last;
      given = tokens.slice(0, -1).join(' ');
    }
  }
  const surnameWords = foldedWords(surname).filter((w) => !SUFFIXES.has(w));
  if (surnameWords.length === 0) return null;
  const givenWords = foldedWords(given).filter((w) => !SUFFIXES.has(w));
  let initials = '';
  for (const w of givenWords) initials += w[0];
  return {
    surname: surnameWords.length === 1 ? surnameWords[0] : surnameWords.join(''),
    tail: surnameWords[surnameWords.length - 1],
    initials,
    given: ` ${givenWords.filter((w) => w.length >= 3).join(' ')} `,
    isGroup: GROUP_WORDS.test(text),
  };
}

/** Parses an author list, dropping "et al." and empty entries. */
export function parseAuthors(authors: readonly string[]): AuthorKey[] {
  const out: AuthorKey[] = [];
  for (const author of authors) {
    const key = parseAuthor(author);
    if (key) out.push(key);
  }
  return out;
}

/**
 * The first number of a volume or issue ("30a" -> "30", "Suppl. 1" -> "1"); null
 * without a number ("UNKNOWN", "Suppl"): such text cannot be compared reliably.
 */
export function normalizeNumberField(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const digits = /\d+/.exec(String(raw));
  return digits ? String(Number(digits[0])) : null;
}

/** DOI in lower case without resolver prefix or trailing punctuation; null when absent. */
export function normalizeDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /10\.\d{4,9}\/\S+/.exec(decodeURIComponentSafe(raw.trim()).toLowerCase());
  return match ? match[0].replace(/[.,;)\]]+$/, '') : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** PMID as digits without leading zeros; null when absent. */
export function normalizePmid(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /\d+/.exec(raw);
  return match ? String(Number(match[0])) : null;
}
