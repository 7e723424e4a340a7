/**
 * Tokenisation of titles and abstracts for TF-IDF: lower-cased word tokens
 * without accents, stop words or bare numbers, plus the bigrams of the
 * remaining tokens ("randomised controlled", "controlled trial").
 */

/**
 * English function words that carry no topic. Words such as "not", "no",
 * "without" are kept on purpose: in eligibility text they can matter
 * ("non-randomised", "without control group").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either else etc ever every few for from ' +
    'further had has have having he her here hers herself him himself his how however i if in into is it its ' +
    'itself just me might more most must my myself nor of off on once only or other our ours ourselves out over ' +
    'own per same she should since so some such than that the their theirs them themselves then there these they ' +
    'this those through thus to too under until up upon us very via was we were what when where whether which ' +
    'while who whom whose why will with within would yet you your yours yourself yourselves'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const DIGITS_ONLY = /^\p{N}+$/u;

/**
 * Splits text into word tokens: NFKD-folded (so "é" matches "e"), lower-case,
 * letters and digits only (hyphens and punctuation split words), at least two
 * characters, no stop words, no bare numbers (years and counts are noise for
 * relevance, and differ between otherwise similar abstracts).
 */
export function tokenize(text: string, options: { keepNumbers?: boolean; stem?: boolean } = {}): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  const tokens: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const token = match[0];
    if (token.length < 2 || STOP_WORDS.has(token)) continue;
    if (!options.keepNumbers && DIGITS_ONLY.test(token)) continue;
    tokens.push(options.stem ? stem(token) : token);
  }
  return tokens;
}

/**
 * All n-grams of lengths 1..maxN over consecutive tokens, joined by a space.
 * Stop words were removed before, so "effect of nudges" yields "effect nudges",
 * as scikit-learn's TfidfVectorizer does.
 */
export function ngrams(tokens: readonly string[], maxN = 2): string[] {
  const out: string[] = tokens.slice();
  for (let n = 2; n <= maxN; n++) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  }
  return out;
}

const VOWEL = /[aeiouy]/;

/**
 * A light English stemmer, so that "nudge", "nudges", "nudged" and "nudging"
 * (or "prescribe", "prescribing") count as one feature: with a handful of
 * labelled includes, each inflection seen separately is evidence wasted.
 * Plurals follow Harman's S-stemmer (JASIS 1991); then -ing/-ed, a final -e
 * and a doubled final consonant are removed when a stem of 3+ letters with a
 * vowel remains. Deliberately conservative: no derivational suffixes.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  // British and American spellings meet: randomised/randomized, behaviour/behavior.
  if (w.length > 6) w = w.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  if (w.length > 5) w = w.replace(/our(s?)$/, 'or$1');
  if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('es') && !/[aeo]es$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('s') && !/(us|ss|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= 3 && VOWEL.test(base)) {
      w = base;
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  const n = w.length;
  if (n >= 4 && w[n - 1] === w[n - 2] && !/[aeiouys]/.test(w[n - 1])) w = w.slice(0, -1);
  return w;
}
