/**
 * Text normalisation for titles (and the helpers journals and authors share).
 * Databases decorate the same title differently: HTML markup, translated-title
 * brackets, "[Review] [45 refs]", erratum notes, language tags. These are
 * removed so that the remaining words are the work's own.
 */

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', kappa: 'κ', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', tau: 'τ', omega: 'ω',
};

/** Decodes the HTML entities that exports leave in titles (`&amp;`, `&#946;`, `&#x3b2;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', κ: 'kappa', λ: 'lambda', μ: 'mu', π: 'pi', σ: 'sigma', τ: 'tau', ω: 'omega', '&': 'and',
};
// Letters NFKD does not decompose.
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ı: 'i' };

const SPELLED = /[αβγδεκλμπστω&]/;
const SPELLED_ALL = new RegExp(SPELLED.source, 'g');
const LETTER = /[ßæøœłđı]/;
const LETTER_ALL = new RegExp(LETTER.source, 'g');

/**
 * Lower case ASCII: diacritics stripped (NFKD), Greek letters spelled out, "&" as "and",
 * a "?" inside a word (an export's stand-in for a lost character) dropped, every
 * other non-alphanumeric run a single space. Plain ASCII text skips Unicode
 * normalisation: this runs for every title, author and journal.
 */
export function foldToAscii(text: string): string {
  let folded = text.toLowerCase();
  if (/[^\u0000-\u007f]/.test(folded)) {
    folded = folded.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (LETTER.test(folded)) folded = folded.replace(LETTER_ALL, (c) => LETTERS[c]);
  }
  if (SPELLED.test(folded)) folded = folded.replace(SPELLED_ALL, (c) => ` ${GREEK[c]} `);
  if (folded.includes('?')) folded = folded.replace(/(?<=[a-z])\?+(?=[a-z])/g, '');
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The words of `text` as foldToAscii would give them. */
export function foldedWords(text: string): string[] {
  if (!/[^\u0000-\u007f]/.test(text) && !text.includes('&') && !text.includes('?')) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const folded = foldToAscii(text);
  return folded ? folded.split(' ') : [];
}

const LANG =
  'english|spanish|french|german|japanese|chinese|russian|italian|portuguese|polish|dutch|czech|hungarian|turkish|korean|danish|swedish|norwegian|finnish|hebrew|greek|croatian|serbian|slovak|slovenian|romanian|bulgarian|ukrainian|persian|arabic|lithuanian|estonian|latvian|catalan';
// Notes databases append in square brackets; removing them leaves the title proper.
const BRACKET_NOTE = new RegExp(
  String.raw`\[(?:review|[a-z]+ review|article in [a-z ]+|[a-z]+ abstract|abstract[^\]]*|\d+ refs?|in process|letter|editorial|comment|see comments?|\d{1,3}|(?:${LANG})(?:,? (?:and )?(?:${LANG}))*)\]`,
  'gi',
);
// Notes that run to the end of the title, often cut off without a closing bracket.
const TRAILING_NOTE =
  /\s*(?:\[|\.\s*\[?)\s*(?:erratum (?:appears )?in|corrected and republished in|retraction in|comment (?:in|on)|update (?:in|of)|republished (?:in|from)|original(?:ly)? published in)\b.*$/i;
const TRAILING_WORDS = ['erratum', 'republished', 'retraction', 'comment', 'update', 'original'];
const PAREN_NOTE = /\((?:provisional abstract|structured abstract|multiple letters|review|abstract|letter|editorial|author'?s? (?:transl|translation)|[a-z]+ abstract)\)/gi;

/**
 * Removes what databases add around a title: HTML tags, `<ORIGINAL>` foreign
 * titles, bracketed notes ("[Review] [45 refs]", "[Article in Spanish]",
 * "[Japanese]"), erratum and comment notes, " LA: Chi", and the brackets that
 * mark a translated title. Keeps case and punctuation (used for display and
 * for reply/erratum detection).
 */
export function cleanTitle(raw: string): string {
  // The includes() checks skip regular expressions that cannot match; most titles have no notes.
  let title = raw.includes('&') ? decodeEntities(raw) : raw;
  if (title.includes('<')) {
    // EMBASE appends the original-language title after <ORIGINAL>; it would only dilute similarity.
    title = title.replace(/<\s*original\s*>.*$/is, ' ').replace(/<[^>]*>/g, ' ');
  }
  const lower = title.toLowerCase();
  if (TRAILING_WORDS.some((word) => lower.includes(word))) title = title.replace(TRAILING_NOTE, ' ');
  if (title.includes('[')) for (let i = 0; i < 3; i += 1) title = title.replace(BRACKET_NOTE, ' ');
  if (title.includes('(')) title = title.replace(PAREN_NOTE, ' ');
  title = title.replace(/\s+LA:\s*[A-Za-z]+\s*$/, ' ');
  title = title.trim();
  // A whole title in brackets is a translation ("[A study of ...]"); the brackets carry no meaning.
  title = title.replace(/^["'\s]*\[(.*)\][\s."']*$/s, '$1');
  return title.replace(/^["']+|["']+$/g, '').trim();
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };
// "ii" to "ix" are numerals anywhere; "i", "v" and "x" only after a word that takes a number
// ("part I", "type V"), since elsewhere they are letters ("integrin alpha v beta 3", "factor X").
const ROMAN_WORD = /\b(?:ii|iii|iv|vi|vii|viii|ix)\b|\b(?<=(?:part|phase|type|stage|grade|class|level|cin|section|chapter) )[ivx]\b/;
const ROMAN_WORDS = new RegExp(ROMAN_WORD.source, 'g');

/**
 * Title for comparison: cleaned, folded to ASCII words, Roman numerals as digits
 * ("Part II" and "part 2" agree). Empty string when there is no title.
 */
export function normalizeTitle(raw: string | null | undefined): string {
  if (!raw) return '';
  // "10 000" and "10000" are one number.
  const folded = foldToAscii(cleanTitle(raw)).replace(/\b(\d{1,3}) (\d{3})\b/g, '$1$2');
  // The first test is a cheap filter; the lookbehind of ROMAN_WORD is slower.
  return /\b[ivx]{1,4}\b/.test(folded) && ROMAN_WORD.test(folded) ? folded.replace(ROMAN_WORDS, (word) => ROMAN[word]) : folded;
}

/**
 * The normalised title without spaces, with British "ae"/"oe" spellings folded:
 * "alpha v beta 3" and "alphavbeta3", "haemolytic" and "hemolytic" agree.
 */
export function compactTitle(normalized: string): string {
  return normalized.replace(/ |[ao](?=e)/g, '');
}

/** Kinds of record that share a title with the article they refer to but are separate works. */
export type TitleKind = 'erratum' | 'reply' | 'retraction' | 'article';

/** Classifies a title (and optional type) as erratum, comment/reply, retraction notice or ordinary article. */
export function titleKind(raw: string | null | undefined, type?: string | null): TitleKind {
  const t = (raw ?? '').trim();
  const kind = (type ?? '').toLowerCase();
  // Web of Science titles a correction "Original title (vol 142, pg 310, 2003)".
  if (/^(?:erratum|errata|correction|corrigendum)\b/i.test(t) || /\(vol\.? \d+,? pg\.? \d+/i.test(t) || /\berratum|correction/.test(kind)) {
    return 'erratum';
  }
  if (/^(?:notice of )?retract(?:ion|ed)\b/i.test(t) || /retraction/.test(kind)) return 'retraction';
  if (
    /^(?:re|in reply|reply|response|comment|comments|letter)\s*[:.]/i.test(t) ||
    // Not "Response to ...": many articles are about the response to a treatment.
    /^(?:reply to|comment on|comments on|in reply to|authors'? reply)\b/i.test(t) ||
    /[-–:.]\s*(?:reply|response)\s*\.?$/i.test(t) ||
    /\b(?:authors?'?s?'? reply|authors?'?s?'? response|reply of the authors?)\s*\.?$/i.test(t)
  ) {
    return 'reply';
  }
  return 'article';
}

/**
 * Titles a journal reuses issue after issue ("Editor's comments", "Editorial",
 * "In this issue", "Book reviews") or too short to tell works apart: for these a
 * different issue number means a different item.
 */
export function isRecurringTitle(normalized: string): boolean {
  return (
    normalized.replace(/ /g, '').length < 25 ||
    /\b(?:editor|editors|editorial|introduction|preface|foreword|in this issue|news|announcements?|highlights|book reviews?|correspondence|commentary)\b/.test(normalized)
  );
}

/** Part number of a multi-part article ("Part 2", "part II"), or null. */
export function partNumber(normalized: string): string | null {
  const match = /\bpart (\d+|[a-h])\b/.exec(normalized);
  return match ? match[1] : null;
}

/** Numbers written in a title ("phase 3", "2009 update"), sorted, as one string per number. */
export function titleNumbers(normalized: string): string[] {
  const numbers = normalized.match(/\b\d+\b/g);
  return numbers ? numbers.map((n) => String(Number(n))).sort() : [];
}
