/**
 * Reading one BibTeX entry's body ("key, field = {value}, ...") and turning
 * LaTeX-escaped values into plain Unicode text.
 */

export type BibtexEntry = {
  key: string | null;
  fields: Map<string, string>;
  /** Set when the body could not be read to the end; fields before it are kept. */
  problem: string | null;
};

const MONTHS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June',
  jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December',
};

/**
 * Parses the text between an entry's outer delimiters. `macros` holds
 * `@string` definitions seen so far; unknown macros stand for their own name.
 */
export function parseEntryBody(body: string, macros: Map<string, string>): BibtexEntry {
  const fields = new Map<string, string>();
  let pos = 0;
  const skipSpace = () => {
    while (pos < body.length && /\s/.test(body[pos])) pos++;
  };
  const readName = () => {
    const match = /^[^\s=,{}()"#]+/.exec(body.slice(pos, pos + 200));
    if (!match) return null;
    pos += match[0].length;
    return match[0];
  };

  // The key runs to the first comma (Scopus keys may hold spaces); a body whose
  // first "=" comes before any comma has no key at all.
  let key: string | null = null;
  const comma = body.indexOf(',');
  const equals = body.indexOf('=');
  if (comma !== -1 && (equals === -1 || comma < equals)) {
    key = body.slice(0, comma).trim() || null;
    pos = comma + 1;
  } else if (equals === -1) {
    key = body.trim() || null;
    pos = body.length;
  }

  let problem: string | null = null;
  // After a syntax error, carry on at the next line that starts a field
  // ("Title = {"): EBSCO writes values with unbalanced braces, and losing one
  // field beats losing the rest of the entry.
  const resync = (message: string): boolean => {
    problem ??= message;
    const next = /,\s*\n\s*(?=[A-Za-z][\w-]*\s*=)/g;
    next.lastIndex = pos;
    const match = next.exec(body);
    if (!match) return false;
    pos = match.index + match[0].length;
    return true;
  };

  fields: while (true) {
    skipSpace();
    while (body[pos] === ',') {
      pos++;
      skipSpace();
    }
    if (pos >= body.length) return { key, fields, problem };
    const name = readName();
    skipSpace();
    if (name === null || body[pos] !== '=') {
      if (resync(`expected "field = value" near "${body.slice(pos, pos + 30).trim()}"`)) continue;
      return { key, fields, problem };
    }
    pos++;
    const parts: string[] = [];
    while (true) {
      skipSpace();
      const part = readValuePart();
      if (part === null) {
        if (resync(`could not read the value of "${name}"`)) continue fields;
        return { key, fields, problem };
      }
      parts.push(part);
      skipSpace();
      if (body[pos] !== '#') break;
      pos++;
    }
    const fieldName = name.toLowerCase();
    // A repeated field keeps its first value, as BibTeX itself does.
    if (!fields.has(fieldName)) fields.set(fieldName, parts.join(''));
  }

  function readValuePart(): string | null {
    const open = body[pos];
    if (open === '{' || open === '"') {
      const close = open === '{' ? '}' : '"';
      let depth = 0;
      for (let i = pos + 1; i < body.length; i++) {
        const char = body[i];
        if (char === '\\') {
          i++;
        } else if (char === '{') depth++;
        else if (char === '}') {
          if (depth === 0 && close === '}') {
            const value = body.slice(pos + 1, i);
            pos = i + 1;
            return value;
          }
          depth--;
        } else if (char === close && depth === 0) {
          const value = body.slice(pos + 1, i);
          pos = i + 1;
          return value;
        }
      }
      return null;
    }
    const bare = /^[^\s,#{}"]+/.exec(body.slice(pos, pos + 200));
    if (!bare) return null;
    pos += bare[0].length;
    const word = bare[0];
    if (/^\d+$/.test(word)) return word;
    const lower = word.toLowerCase();
    return macros.get(lower) ?? MONTHS[lower] ?? word;
  }
}

/** Splits on a word (" and ") or separator outside braces. */
export function splitOutsideBraces(value: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(value);
      if (match && match.index === i) {
        parts.push(value.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(value.slice(start));
  return parts;
}

const SYMBOLS: Record<string, string> = {
  textless: '<', textgreater: '>', textasciitilde: '~', textasciicircum: '^', textbackslash: '\\',
  textbar: '|', textendash: '\u2013', textemdash: '\u2014', textquoteright: '\u2019',
  textquoteleft: '\u2018', textquotedblleft: '\u201c', textquotedblright: '\u201d',
  textregistered: '\u00ae', texttrademark: '\u2122', textcopyright: '\u00a9', textdegree: '\u00b0',
  textmu: '\u00b5', textpm: '\u00b1', texttimes: '\u00d7', textbullet: '\u2022', textellipsis: '\u2026',
  ss: '\u00df', o: '\u00f8', O: '\u00d8', ae: '\u00e6', AE: '\u00c6', oe: '\u0153', OE: '\u0152',
  aa: '\u00e5', AA: '\u00c5', l: '\u0142', L: '\u0141', i: '\u0131', j: '\u0237', dh: '\u00f0',
  DH: '\u00d0', th: '\u00fe', TH: '\u00de', ldots: '\u2026', dots: '\u2026', S: '\u00a7', P: '\u00b6',
  alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3', delta: '\u03b4', kappa: '\u03ba', mu: '\u03bc',
  pm: '\u00b1', times: '\u00d7', le: '\u2264', ge: '\u2265', leq: '\u2264', geq: '\u2265',
};

// Accent commands and the Unicode combining mark each one adds.
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a',
  d: '\u0323', b: '\u0331',
};

/**
 * LaTeX-escaped BibTeX text -> plain text: accents become Unicode, `\%`, `\&`
 * and friends their character, `{\textless}` "<", protective braces vanish,
 * a tie "~" is a space. Unknown commands vanish but keep their argument.
 */
export function latexToText(value: string): string {
  // Escaped braces are parked on private-use characters while the structural braces are removed.
  let text = value.replace(/\\\\/g, '\n');
  text = text.replace(
    /\\([`'^"~=.])\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))/g,
    (_m, accent: string, braced?: string, bare?: string) => `${braced ?? bare ?? ''}${ACCENTS[accent]}`,
  );
  text = text.replace(
    /\\([uvHckrdb])(?:\s*\{\s*\\?([A-Za-z])\s*\}|\s+([A-Za-z]))/g,
    (_m, accent: string, braced?: string, bare?: string) => `${braced ?? bare ?? ''}${ACCENTS[accent]}`,
  );
  text = text.replace(/(?<!\\)~/g, ' ');
  text = text.replace(/\\([%&_$#])/g, '$1').replace(/\\\{/g, '\uE000').replace(/\\\}/g, '\uE001');
  text = text.replace(/\\([A-Za-z]+)\s*(?:\{\})?/g, (_m, name: string) => SYMBOLS[name] ?? '');
  text = text.replace(/[{}]/g, '').replace(/\uE000/g, '{').replace(/\uE001/g, '}');
  return text.normalize('NFC');
}
