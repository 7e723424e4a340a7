/**
 * Page fields. Exports write the same pages as "91-92", "91-2", "S385S-389",
 * "e43268" (an electronic article number), "230-5, 246-51", or mangle them
 * ("08-Aug" from a spreadsheet, "t-20" and "Suppl-6" where only the end
 * survived). Comparison must tell "different article" from "written differently".
 */

/** A page field reduced to what can be compared. */
export type PageKey = {
  /** Start page of each range, digits only ("S385" -> "385"). */
  starts: string[];
  /** Last page of the first range when written (expanded: "91-2" -> "92"), else null. */
  end: string | null;
  /** An article number ("e43268", "a1754", "CD006828") rather than printed pages. */
  isArticleNumber: boolean;
  /** Only the end of a range survived ("t-20", "Suppl-6"): its digits, else null. */
  endFragment: string | null;
};

const MONTHS: Record<string, string> = {
  jan: '1', feb: '2', mar: '3', apr: '4', may: '5', jun: '6', jul: '7', aug: '8', sep: '9', oct: '10', nov: '11', dec: '12',
};

/** Parses a page field; null when it holds no page number. */
export function parsePages(raw: string | null | undefined): PageKey | null {
  if (!raw) return null;
  // Spreadsheets turn "8-8" into "08-Aug"; turn month names back into numbers.
  const text = raw.toLowerCase().replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/g, (m) => MONTHS[m.slice(0, 3)]);
  const fragment = /^\s*[a-z]+\.?\s*[-–]\s*0*(\d+)\s*$/.exec(text);
  if (fragment) return { starts: [], end: null, isArticleNumber: false, endFragment: fragment[1] };
  const starts: string[] = [];
  let end: string | null = null;
  for (const part of text.split(/[,;+]/)) {
    const range = /[a-z]*0*(\d+)[a-z]*\s*[-–]+\s*[a-z]*0*(\d+)/.exec(part);
    if (range) {
      const start = range[1];
      let last = range[2];
      // "91-2" abbreviates the end page; restore it from the start page's leading digits.
      if (last.length < start.length) last = start.slice(0, start.length - last.length) + last;
      if (starts.length === 0) end = last;
      starts.push(start);
      continue;
    }
    const single = /[a-z]*0*(\d+)/.exec(part);
    if (single) starts.push(single[1]);
  }
  if (starts.length === 0) return null;
  const isArticleNumber = starts.length === 1 && end === null && /^\s*[a-z]+0*\d{4,}\s*$/.test(text);
  return { starts, end, isArticleNumber, endFragment: null };
}

/** How two page fields relate, from strongest agreement to conflict. */
export type PagesMatch = 'same-range' | 'same-start' | 'same-page' | 'ends-differ' | 'overlap' | 'different' | 'missing';

function within(page: string, key: PageKey): boolean {
  if (key.end === null || key.starts.length !== 1) return false;
  const p = Number(page);
  return p >= Number(key.starts[0]) && p <= Number(key.end);
}

/**
 * Compares two page fields: 'same-range' (same first and last page), 'same-start'
 * (same first page, a last page missing), 'same-page' (both one page: weaker, as
 * many abstracts share a page of a supplement), 'ends-differ', 'overlap' (a single page
 * inside the other's range, or an end fragment that fits), 'different', or
 * 'missing' (absent, or an article number against printed pages: not comparable).
 */
export function comparePages(a: PageKey | null, b: PageKey | null): PagesMatch {
  if (!a || !b) return 'missing';
  if (a.endFragment !== null || b.endFragment !== null) {
    const [fragment, other] = a.endFragment !== null ? [a, b] : [b, a];
    const end = other.end ?? other.starts[0];
    // A mangled field is weak evidence either way: it fits, or it says nothing.
    return end !== undefined && fragment.endFragment !== null && end.endsWith(fragment.endFragment) ? 'overlap' : 'missing';
  }
  if (a.isArticleNumber !== b.isArticleNumber) return 'missing';
  if (a.starts.some((s) => b.starts.includes(s))) {
    // An article number ("CD006273") identifies the article within its journal as firmly as a page range.
    if (a.isArticleNumber && b.isArticleNumber) return 'same-range';
    if (a.end === null && b.end === null && a.starts.length === 1 && b.starts.length === 1) return 'same-page';
    if (a.end === null || b.end === null || a.starts.length > 1 || b.starts.length > 1) return 'same-start';
    return a.end === b.end ? 'same-range' : 'ends-differ';
  }
  if ((a.end === null && within(a.starts[0], b)) || (b.end === null && within(b.starts[0], a))) return 'overlap';
  return 'different';
}
