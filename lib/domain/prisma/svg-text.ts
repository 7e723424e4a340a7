/** Text helpers for building SVG as strings, with no DOM. */

/**
 * Escapes text for XML content and attribute values. Reason and database
 * names are user input, so every string that reaches the SVG passes through
 * here. Characters XML 1.0 forbids (most C0 controls, lone surrogates) are
 * dropped, because a single one makes the whole file unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** 12525 -> "12,525", as the published PRISMA diagrams (and the R package) print counts. */
export function formatCount(count: number): string {
  const sign = count < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(count))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Wraps text into lines of at most `maxChars` characters, breaking at spaces
 * and splitting words longer than a line. SVG 1.1 has no text wrapping, and
 * a character budget is predictable without font metrics.
 */
export function wrapText(text: string, maxChars: number, indent = ''): string[] {
  const width = Math.max(1, maxChars - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const chars = [...word];
    if (chars.length > width) {
      if (line !== '') lines.push(line);
      for (let start = 0; start < chars.length; start += width) lines.push(chars.slice(start, start + width).join(''));
      line = lines.pop() ?? '';
      continue;
    }
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : indent + text));
}
