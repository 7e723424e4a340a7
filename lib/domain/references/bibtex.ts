/**
 * BibTeX (Zotero, Scopus, EBSCO, JabRef ...). Entries are cut out of the text
 * by brace counting, so the parser works on chunks and never holds more than
 * the entry being read plus one chunk.
 */
import { latexToText, parseEntryBody, splitOutsideBraces } from './bibtex-entry';
import { ReferenceParseError } from './errors';
import { countNewlines } from './lines';
import { emitReference, firstText } from './normalize';
import type { FormatParser, RecordSink } from './types';

// "@article{" / "@Article (" - the entry type, then its opening delimiter.
const ENTRY_START = /^@\s*([A-Za-z][\w:.-]*)\s*([{(])/;
const MAYBE_ENTRY_START = /^@\s*[\w:.-]*\s*$/;

type OpenEntry = {
  type: string;
  line: number;
  closer: '}' | ')';
  bodyStart: number;
  scanPos: number;
  depth: number;
  inQuote: boolean;
  strayBraces: number;
};

type ScanResult = { close: number; next: number; warning: string | null };

/** A BibTeX parser writing into `sink`; see FormatParser. */
export function createBibtexParser(sink: RecordSink): FormatParser {
  const macros = new Map<string, string>();
  let buffer = '';
  let pos = 0; // everything before pos has been handled
  let line = 1; // line number at pos
  let entry: OpenEntry | null = null;
  let count = 0;
  let endsWithNewline = false;

  const advanceTo = (target: number) => {
    line += countNewlines(buffer, pos, target);
    pos = target;
  };

  const finishEntry = (open: OpenEntry, closeIndex: number, warning: string | null) => {
    const body = buffer.slice(open.bodyStart, closeIndex);
    const type = open.type.toLowerCase();
    if (type === 'comment' || type === 'preamble') return;
    const warn = (message: string) => sink.warnings.push({ line: open.line, message: `entry starting at line ${open.line} ${message}` });
    if (warning) warn(warning);
    if (open.strayBraces > 0) warn(`has ${open.strayBraces} unmatched "}" (ignored)`);
    const parsed = parseEntryBody(body, macros);
    if (parsed.problem) warn(`is malformed: ${parsed.problem}`);
    if (type === 'string') {
      for (const [name, value] of parsed.fields) macros.set(name, value);
      return;
    }
    count++;
    emitReference(sink, open.line, bibtexDraft(type, parsed.key, parsed.fields));
  };

  const process = (isEnd: boolean) => {
    while (pos < buffer.length) {
      if (!entry) {
        const at = buffer.indexOf('@', pos);
        if (at === -1) {
          advanceTo(buffer.length);
          return;
        }
        advanceTo(at);
        const head = buffer.slice(at, at + 200);
        const match = ENTRY_START.exec(head);
        if (match) {
          const bodyStart = at + match[0].length;
          entry = { type: match[1], line, closer: match[2] === '{' ? '}' : ')', bodyStart, scanPos: bodyStart, depth: 0, inQuote: false, strayBraces: 0 };
          continue;
        }
        // "@art" at the very end of a chunk may still become "@article{".
        if (!isEnd && head.length < 200 && MAYBE_ENTRY_START.test(head)) return;
        // Text outside entries is a comment in BibTeX (an e-mail address, say).
        advanceTo(at + 1);
        continue;
      }
      const found = scanForClose(entry, isEnd);
      if (!found) return;
      finishEntry(entry, found.close, found.warning);
      entry = null;
      advanceTo(found.next);
    }
  };

  // The entry's own "}" is followed by the end of the line, the next "@entry"
  // or the end of the text; any other "}" at the top level is a stray one
  // (EBSCO writes values with unbalanced braces). Null: need more text.
  const closesEntry = (from: number, isEnd: boolean): boolean | null => {
    let i = from;
    while (i < buffer.length && (buffer[i] === ' ' || buffer[i] === '\t')) i++;
    if (i >= buffer.length) return isEnd ? true : null;
    return buffer[i] === '\n' || buffer[i] === '@';
  };

  // A line that starts a new entry ends the current one, even if its braces
  // never balanced. Null: need more text.
  const startsEntry = (from: number, isEnd: boolean): boolean | null => {
    if (from >= buffer.length) return isEnd ? false : null;
    if (buffer[from] !== '@') return false;
    const head = buffer.slice(from, from + 200);
    if (ENTRY_START.test(head)) return true;
    return !isEnd && head.length < 200 && MAYBE_ENTRY_START.test(head) ? null : false;
  };

  const scanForClose = (open: OpenEntry, isEnd: boolean): ScanResult | null => {
    let i = open.scanPos;
    for (; i < buffer.length; i++) {
      const char = buffer[i];
      if (char === '\\') {
        if (i + 1 >= buffer.length && !isEnd) break;
        i++;
      } else if (char === '{') open.depth++;
      else if (char === '}') {
        if (open.depth > 0) open.depth--;
        else if (open.closer === '}') {
          const closes = closesEntry(i + 1, isEnd);
          if (closes === null) break;
          if (closes) return { close: i, next: i + 1, warning: null };
          open.strayBraces++;
        }
      } else if (char === '\n') {
        const starts = startsEntry(i + 1, isEnd);
        if (starts === null) break;
        if (starts) return { close: i, next: i + 1, warning: 'is not closed before the next entry (unbalanced braces?)' };
      } else if (open.closer === ')' && open.depth === 0) {
        // In "@article( ... )" a ")" inside a quoted value does not end the entry.
        if (char === '"') open.inQuote = !open.inQuote;
        else if (char === ')' && !open.inQuote) return { close: i, next: i + 1, warning: null };
      }
    }
    open.scanPos = Math.min(i, buffer.length);
    return null;
  };

  const compact = () => {
    const keepFrom = entry ? Math.min(pos, entry.bodyStart) : pos;
    buffer = buffer.slice(keepFrom);
    pos -= keepFrom;
    if (entry) {
      entry.bodyStart -= keepFrom;
      entry.scanPos -= keepFrom;
    }
  };

  return {
    push(text) {
      if (text.length === 0) return;
      endsWithNewline = text.endsWith('\n');
      buffer += text;
      process(false);
      compact();
    },
    end() {
      process(true);
      advanceTo(buffer.length);
      const lastLine = endsWithNewline ? Math.max(line - 1, 1) : line;
      // An entry whose braces never balanced but which ends with a lone "}" line is complete.
      const tail = entry ? buffer.slice(entry.bodyStart).trimEnd() : '';
      if (entry && /\n[ \t]*\}$/.test(tail)) {
        finishEntry(entry, entry.bodyStart + tail.length - 1, 'has unbalanced braces');
        entry = null;
      }
      if (entry) {
        throw new ReferenceParseError(
          'bibtex',
          lastLine,
          `entry starting at line ${entry.line} is not closed (file cut off?)`,
        );
      }
      if (count === 0) throw new ReferenceParseError('bibtex', lastLine, 'no BibTeX entries found (no "@type{" line)');
    },
  };
}

function bibtexDraft(type: string, key: string | null, fields: Map<string, string>) {
  const text = (name: string) => {
    const value = fields.get(name);
    return value === undefined ? null : latexToText(value);
  };
  const authors = splitOutsideBraces(fields.get('author') ?? '', /\s+and\s+/iy)
    .map(latexToText)
    .filter((name) => name.trim().toLowerCase() !== 'others');
  const keywordText = firstText(text('keywords'), text('keyword'));
  const keywords = keywordText ? keywordText.split(keywordText.includes(';') ? ';' : ',') : [];
  const url = text('url');
  const raw: [string, string[]][] = [['ENTRYTYPE', [type]]];
  if (key !== null) raw.push(['ID', [key]]);
  for (const [name, value] of fields) raw.push([name, [value]]);
  const eprintIsPubmed = /pubmed/i.test(fields.get('eprinttype') ?? '');
  return {
    title: text('title'),
    abstract: text('abstract'),
    authors,
    years: [text('year'), text('date')],
    journal: firstText(text('journal'), text('journaltitle'), text('booktitle')),
    volume: text('volume'),
    issue: firstText(text('number'), text('issue')),
    pages: text('pages')?.replace(/\s*-{2,}\s*/g, '-') ?? null,
    dois: [text('doi'), url && /doi\.org\//i.test(url) ? url : null],
    pmid: firstText(text('pmid'), eprintIsPubmed ? text('eprint') : null),
    keywords,
    url,
    type,
    language: firstText(text('language'), text('langid')),
    raw: Object.fromEntries(raw),
  };
}
