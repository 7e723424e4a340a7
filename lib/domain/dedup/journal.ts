/**
 * Journal names. Databases write one journal as "Journal of Thoracic &
 * Cardiovascular Surgery", "J Thorac Cardiovasc Surg", "Jthoraccardiovascsurg",
 * "The Journal of thoracic and cardiovascular surgery" or with a subtitle;
 * comparison looks through spelling, abbreviation and alternative names.
 */
import { boundedLevenshtein } from './similarity';
import { decodeEntities, foldToAscii } from './normalize-text';

/** One spelling of a journal name: its words without stop words, run together, and their initials. */
export type JournalName = { words: string[]; compact: string; initials: string };

const STOPWORDS = new Set([
  'the', 'of', 'and', 'for', 'in', 'on', 'a', 'an', 'de', 'des', 'du', 'd', 'la', 'le', 'les', 'der', 'die', 'und', 'et', 'y', 'e', 'del', 'di',
  'electronic', 'resource', 'print', 'online',
]);

/**
 * Spellings of a journal name. One export can hold several ("Ai zheng = Aizheng =
 * Chinese journal of cancer", "Gan to Kagaku Ryoho [Japanese Journal of Cancer &
 * Chemotherapy]") or a subtitle ("... Surgery : official journal of ..."), so each
 * alternative, bracketed name and the part before a colon or dash are kept.
 */
export function journalVariants(raw: string | null | undefined): JournalName[] {
  if (!raw) return [];
  const text = raw.includes('&') ? decodeEntities(raw) : raw;
  const spellings = new Set<string>();
  for (const match of text.matchAll(/\[([^\]]*)\]/g)) spellings.add(match[1]);
  const main = text.replace(/\[[^\]]*\]/g, ' ').replace(/\([^)]*\)/g, ' ');
  for (const alternative of main.split(/\s=\s|;/)) {
    spellings.add(alternative);
    spellings.add(alternative.split(/\s*:\s|\s[-–]\s|\.(?=[A-Z][a-z]+:)/)[0]);
  }
  const out: JournalName[] = [];
  const seen = new Set<string>();
  for (const spelling of spellings) {
    const words = foldToAscii(spelling)
      .split(' ')
      .filter((w) => w && !STOPWORDS.has(w));
    const key = words.join(' ');
    if (words.length > 0 && !seen.has(key)) {
      seen.add(key);
      out.push({ words, compact: words.join(''), initials: words.map((w) => w[0]).join('') });
    }
  }
  return out;
}

/** True when the journal name says the record is from a meeting (an abstract, not the article). */
export function isMeetingJournal(raw: string | null | undefined): boolean {
  return /\b(conference|congress|meeting|symposium|proceedings|annual scientific|abstracts?)\b/i.test(raw ?? '');
}

/** Is `chunk` an abbreviation of `word`: same first letter, the rest in order ("dtsch" of "deutsches")? */
function abbreviates(chunk: string, word: string): boolean {
  if (chunk.charCodeAt(0) !== word.charCodeAt(0)) return false;
  let k = 1;
  for (let c = 1; c < chunk.length; c += 1) {
    while (k < word.length && word.charCodeAt(k) !== chunk.charCodeAt(c)) k += 1;
    if (k === word.length) return false;
    k += 1;
  }
  return true;
}

/**
 * Marks in `out` the word indices just after the words `token` can stand for,
 * starting at word `from`: one word it abbreviates ("Gynecol" of "Gynecology"),
 * or several words whose prefixes it runs together ("Cardiothorac" of "Cardio
 * thoracic"; every piece but the first at least three letters long, or "Cancer"
 * would pass for "Cance(r) R(esearch)").
 */
function markCoverEnds(token: string, full: string[], from: number, out: Uint8Array) {
  if (abbreviates(token, full[from])) out[from + 1] = 1;
  // positions[p] = 1 when token[0..p) is covered by prefixes of the words before w.
  let positions = new Uint8Array(token.length + 1);
  positions[0] = 1;
  for (let w = from; w < full.length; w += 1) {
    const next = new Uint8Array(token.length + 1);
    let any = false;
    const word = full[w];
    for (let p = 0; p < token.length; p += 1) {
      if (!positions[p]) continue;
      for (let len = 1; p + len <= token.length && len <= word.length; len += 1) {
        if (token.charCodeAt(p + len - 1) !== word.charCodeAt(len - 1)) break;
        if (p > 0 && len < 3) continue;
        if (p + len === token.length) {
          if (w > from) out[w + 1] = 1;
        } else {
          next[p + len] = 1;
          any = true;
        }
      }
    }
    if (!any) return;
    positions = next;
  }
}

/**
 * True when the `abbrev` words stand, in order, for the `full` words ("J Thorac
 * Cardiovasc Surg", "Jthoraccardiovascsurg" and "Dtsch Arztebl Int" for their
 * full names). With `allowSkip` full words may be left out ("Journal of
 * Trauma" of "Journal of Trauma-Injury Infection & Critical Care").
 */
export function isAbbreviationOf(abbrev: string[], full: string[], allowSkip: boolean): boolean {
  // reach[w] after t tokens: tokens 0..t-1 account for full words 0..w-1.
  let reach = new Uint8Array(full.length + 1);
  reach[0] = 1;
  for (const token of abbrev) {
    const next = new Uint8Array(full.length + 1);
    let any = false;
    for (let w = 0; w < full.length; w += 1) {
      if (!reach[w]) continue;
      if (allowSkip) reach[w + 1] = 1;
      markCoverEnds(token, full, w, next);
      any = true;
    }
    if (!any) return false;
    reach = next;
  }
  if (allowSkip) return reach.includes(1);
  return reach[full.length] === 1;
}

/** Is `part` a subsequence of `whole`? */
function isSubsequence(part: string, whole: string): boolean {
  let k = 0;
  for (let c = 0; c < whole.length && k < part.length; c += 1) if (whole[c] === part[k]) k += 1;
  return k === part.length;
}

function isContiguousPart(part: string[], whole: string[]): boolean {
  if (part.length < 3 || part.length >= whole.length) return false;
  outer: for (let start = 0; start + part.length <= whole.length; start += 1) {
    for (let k = 0; k < part.length; k += 1) if (whole[start + k] !== part[k]) continue outer;
    return true;
  }
  return false;
}

/** Journal agreement levels. */
export type JournalMatch = 'same' | 'compatible' | 'different' | 'missing';

/**
 * Compares journal names abbreviation-insensitively: 'same' when some spelling of
 * one equals (ignoring spaces, or one character in 15 lost to encoding), is the
 * acronym of, or abbreviates some spelling of the other word for word; 'compatible' when it
 * does so leaving words out, or one spelling is a run of three or more words of
 * the other.
 */
export function compareJournals(a: JournalName[], b: JournalName[]): JournalMatch {
  if (a.length === 0 || b.length === 0) return 'missing';
  let compatible = false;
  for (const va of a) {
    for (const vb of b) {
      if (va.compact === vb.compact) return 'same';
      const [shorter, longer] = va.compact.length <= vb.compact.length ? [va, vb] : [vb, va];
      // Cheap necessary conditions first: an abbreviation starts with the same letter and
      // (word for word) has its initials in order among the full name's.
      // An acronym of the whole name: "JAMA", "PNAS", "ICIS".
      if (shorter.words.length === 1 && shorter.compact.length >= 3 && shorter.compact === longer.initials) return 'same';
      const sameStart = shorter.compact[0] === longer.compact[0];
      if (sameStart && shorter.words.length <= longer.words.length && isAbbreviationOf(shorter.words, longer.words, false)) return 'same';
      const minLength = shorter.compact.length;
      const allowed = Math.floor(minLength / 15);
      if (minLength >= 15 && longer.compact.length - minLength <= allowed && boundedLevenshtein(va.compact, vb.compact, allowed) <= allowed) {
        return 'same';
      }
      if (compatible || shorter.words.length < 2) continue;
      if (isSubsequence(shorter.initials, longer.initials) && isAbbreviationOf(shorter.words, longer.words, true)) compatible = true;
      else if (isContiguousPart(shorter.words, longer.words)) compatible = true;
    }
  }
  return compatible ? 'compatible' : 'different';
}
