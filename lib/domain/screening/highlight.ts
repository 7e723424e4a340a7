/**
 * Keyword highlighting for titles and abstracts. The output is a list of text
 * segments, never HTML: the UI renders each segment as a text node, so markup
 * inside an imported abstract is shown as text and can never execute.
 *
 * Matching works on tokens (whole words, whitespace runs, single punctuation
 * marks) rather than one regular expression per term: wildcards only ever
 * stand for letters inside one word, so a term word always matches one whole
 * text word. That makes whole-word matching exact in every script and keeps
 * the cost linear in the text; a regular expression like `a*a*b` on a long
 * imported "word" would backtrack for minutes.
 */

export type HighlightKind = 'include' | 'exclude';

/** A run of the input text and whether (and how) it is highlighted. */
export type HighlightSegment = { text: string; kind: HighlightKind | null };

/** The project's highlight keywords, as the lead typed them. */
export type HighlightTermsInput = { include: readonly string[]; exclude: readonly string[] };

/** One element of a compiled term: a word pattern, a punctuation mark, or whitespace. */
export type TermToken =
  | { kind: 'word'; pattern: string[] }
  | { kind: 'mark'; char: string }
  | { kind: 'space' };

/** Terms compiled once per project and reused for every record. */
export type CompiledHighlightTerms = { include: TermToken[][]; exclude: TermToken[][] };

type TextToken = { kind: 'word' | 'mark' | 'space'; start: number; end: number; folded: string[] };

// A "word character" in any script: letters, combining marks, digits and
// connector punctuation (JavaScript's \w is ASCII-only).
const WORD_CHAR = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const SPACE_CHAR = /\s/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Case- and normalization-insensitive form, as code points. */
function fold(text: string): string[] {
  return [...text.normalize('NFC').toLowerCase()];
}

function tokenizeTerm(term: string): TermToken[] | null {
  const normalized = term.normalize('NFC').trim().replace(/\*+/g, '*');
  // A term of wildcards or punctuation alone would match every word or nothing useful.
  if (!HAS_LETTER_OR_DIGIT.test(normalized)) return null;
  const tokens: TermToken[] = [];
  let word = '';
  const flushWord = () => {
    if (word !== '') tokens.push({ kind: 'word', pattern: fold(word) });
    word = '';
  };
  for (const char of normalized) {
    if (char === '*' || char === '?' || WORD_CHAR.test(char)) {
      word += char;
    } else if (SPACE_CHAR.test(char)) {
      flushWord();
      if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space' });
    } else {
      flushWord();
      tokens.push({ kind: 'mark', char: fold(char).join('') });
    }
  }
  flushWord();
  return tokens;
}

function tokenizeText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let offset = 0;
  for (const char of text) {
    const kind = WORD_CHAR.test(char) ? 'word' : SPACE_CHAR.test(char) ? 'space' : 'mark';
    const last = tokens.at(-1);
    if (last && last.kind === kind && kind !== 'mark') {
      last.end += char.length;
    } else {
      tokens.push({ kind, start: offset, end: offset + char.length, folded: [] });
    }
    offset += char.length;
  }
  for (const token of tokens) {
    if (token.kind !== 'space') token.folded = fold(text.slice(token.start, token.end));
  }
  return tokens;
}

/**
 * Glob match of a whole word: `*` any run of characters, `?` exactly one.
 * The greedy-with-one-backtrack-point algorithm runs in O(word x pattern) at
 * worst, whatever the number of stars.
 */
function globMatches(pattern: readonly string[], word: readonly string[]): boolean {
  let p = 0;
  let w = 0;
  let star = -1;
  let resume = 0;
  while (w < word.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === word[w]))) {
      p += 1;
      w += 1;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p;
      p += 1;
      resume = w;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      w = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

function tokenMatches(term: TermToken, token: TextToken): boolean {
  if (term.kind !== token.kind) return false;
  if (term.kind === 'word') return globMatches(term.pattern, token.folded);
  if (term.kind === 'mark') return token.folded.join('') === term.char;
  return true;
}

function compileList(terms: readonly string[]): TermToken[][] {
  const seen = new Set<string>();
  const compiled: TermToken[][] = [];
  for (const term of terms) {
    const tokens = tokenizeTerm(term);
    if (tokens === null) continue;
    const key = JSON.stringify(tokens);
    if (seen.has(key)) continue;
    seen.add(key);
    compiled.push(tokens);
  }
  return compiled;
}

/**
 * Compiles highlight keywords. Matching is case-insensitive, whole-word and
 * Unicode-aware (any script; composed and decomposed accents match); `*`
 * stands for any run of letters within a word (`digit*` matches digit,
 * digital, digitally), `?` for exactly one letter (`wom?n`), and a term with
 * spaces is a phrase matching across any whitespace. Blank terms and terms
 * without a letter or digit are dropped, as are duplicates.
 */
export function compileHighlightTerms(terms: HighlightTermsInput): CompiledHighlightTerms {
  return { include: compileList(terms.include), exclude: compileList(terms.exclude) };
}

/**
 * Splits text into highlighted and plain segments. Joining the segments'
 * text gives back the input exactly. Every match of every term is marked, so
 * overlapping terms ("mental health", "health care") all highlight; where an
 * include and an exclude match overlap, the overlapping characters are marked
 * exclude: a reason to exclude is the one a screener must not miss.
 */
export function highlightText(text: string, compiled: CompiledHighlightTerms): HighlightSegment[] {
  if (text === '') return [];
  const INCLUDE = 1;
  const EXCLUDE = 2;
  const tokens = tokenizeText(text);
  const marks = new Uint8Array(text.length);
  const mark = (terms: TermToken[][], kind: number): void => {
    for (const term of terms) {
      for (let first = 0; first + term.length <= tokens.length; first += 1) {
        if (term.every((part, index) => tokenMatches(part, tokens[first + index]))) {
          marks.fill(kind, tokens[first].start, tokens[first + term.length - 1].end);
        }
      }
    }
  };
  mark(compiled.include, INCLUDE);
  mark(compiled.exclude, EXCLUDE);

  const kindOf = (value: number): HighlightKind | null =>
    value === INCLUDE ? 'include' : value === EXCLUDE ? 'exclude' : null;
  const segments: HighlightSegment[] = [];
  let start = 0;
  for (let index = 1; index <= text.length; index += 1) {
    if (index === text.length || marks[index] !== marks[start]) {
      segments.push({ text: text.slice(start, index), kind: kindOf(marks[start]) });
      start = index;
    }
  }
  return segments;
}
