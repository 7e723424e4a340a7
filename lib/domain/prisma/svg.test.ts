import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { computePrismaCounts } from './counts';
import { prismaSvg } from './svg';
import { escapeXml, formatCount, wrapText } from './svg-text';
import { consistentSnapshot, emptySnapshot } from './test-fixtures';
import type { PrismaSnapshot } from './types';

function parseSvg(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as {
    svg: Record<string, unknown> & { title: { '#text': string; id: string }; desc: { '#text': string; id: string } };
  };
}

/** All visible text of the diagram, one string per <text> element, unescaped. */
function visibleTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

describe('prismaSvg', () => {
  const counts = computePrismaCounts(consistentSnapshot());

  it('is well-formed, accessible XML with a fixed-width viewBox', () => {
    const { svg } = parseSvg(prismaSvg(counts));
    expect(svg.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.role).toBe('img');
    expect(svg['aria-labelledby']).toBe('prisma-title prisma-desc');
    expect(svg.viewBox).toMatch(/^0 0 960 \d+$/);
    expect(svg.title).toMatchObject({ id: 'prisma-title', '#text': 'PRISMA 2020 flow diagram' });
    expect(svg.desc['#text']).toMatch(/^PRISMA 2020 flow diagram of a new review/);
  });

  it('shows every number of the databases-and-registers diagram', () => {
    // Lines may wrap inside a box; a count always stays with its "(n = ...)".
    const text = visibleTexts(prismaSvg(counts)).join(' ');
    const expected = [
      'Databases (n = 1,300)',
      'MEDLINE (n = 800)',
      'Embase (n = 500)',
      'Registers (n = 40)',
      'ClinicalTrials.gov (n = 40)',
      'Duplicate records removed (n = 300)',
      'Records marked as ineligible by automation tools (n = 20)',
      'Records removed for other reasons (n = 20)',
      'Records screened (n = 1,000)',
      'Records excluded (n = 880)',
      'Reports sought for retrieval (n = 120)',
      'Reports not retrieved (n = 5)',
      'Reports assessed for eligibility (n = 115)',
      'Wrong population (n = 40)',
      'Wrong study design (n = 30)',
      'Not in English (n = 15)',
      'Studies included in review (n = 30)',
      'Reports of included studies (n = 35)',
    ];
    for (const line of expected) expect(text).toContain(line);
    for (const phase of ['Identification', 'Screening', 'Included']) expect(text).toContain(phase);
  });

  it('repeats the numbers in the description for screen readers', () => {
    const { svg } = parseSvg(prismaSvg(counts));
    for (const number of ['1,300', '300', '1,000', '880', '120', '115', 'Wrong population: 40', '30 studies in 35 reports']) {
      expect(svg.desc['#text']).toContain(number);
    }
  });

  it('draws boxes and arrows: 5 main boxes, 4 side boxes, 4 down and 4 across', () => {
    const svg = prismaSvg(counts);
    expect(svg.match(/<rect [^>]*fill="#ffffff" stroke/g)).toHaveLength(9);
    expect(svg.match(/<line [^>]*marker-end/g)).toHaveLength(8);
  });

  it('escapes markup in reason and database names', () => {
    const snapshot: PrismaSnapshot = consistentSnapshot();
    snapshot.sources = [{ kind: 'database', name: '<script>alert("x")</script> & co', recordsIdentified: 1 }];
    snapshot.fullText = { ...snapshot.fullText, reportsExcluded: [{ reason: 'Age < 18 & "children"', count: 85 }] };
    const svg = prismaSvg(computePrismaCounts(snapshot), { title: 'Review <1> & "2"' });
    parseSvg(svg);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Age &lt; 18 &amp; &quot;children&quot; (n = 85)');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('<title id="prisma-title">Review &lt;1&gt; &amp; &quot;2&quot;</title>');
  });

  it('zero everything and no reasons still draws the whole diagram', () => {
    const svg = prismaSvg(computePrismaCounts(emptySnapshot()));
    parseSvg(svg);
    const text = visibleTexts(svg).join('\n');
    expect(text).toContain('Records screened (n = 0)');
    expect(text).toContain('Reports excluded:');
    expect(text).toContain('Studies included in review (n = 0)');
  });

  it('wraps long reason names inside the box and grows the height', () => {
    const long = consistentSnapshot();
    long.fullText = {
      ...long.fullText,
      reportsExcluded: [{ reason: 'A very long exclusion reason that a lead typed to explain the population was wrong in several ways at once', count: 85 }],
    };
    const short = consistentSnapshot();
    short.fullText = { ...short.fullText, reportsExcluded: [{ reason: 'Short', count: 85 }] };
    const svgLong = prismaSvg(computePrismaCounts(long));
    const height = (svg: string) => Number(/viewBox="0 0 960 (\d+)"/.exec(svg)?.[1]);
    expect(height(svgLong)).toBeGreaterThan(height(prismaSvg(computePrismaCounts(short))));
    const lines = visibleTexts(svgLong);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(64);
    expect(lines.some((line) => line.endsWith('(n = 85)'))).toBe(true);
  });

  it('uses the id prefix for every id and reference', () => {
    const svg = prismaSvg(counts, { idPrefix: 'flow 2"' });
    expect(svg).toContain('aria-labelledby="flow2-title flow2-desc"');
    expect(svg).toContain('marker-end="url(#flow2-arrow)"');
    expect(svg).toContain('<marker id="flow2-arrow"');
  });
});

describe('svg text helpers', () => {
  it('escapeXml escapes the five XML characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001Fc\td\ne')).toBe('abc\td\ne');
    expect(escapeXml('x\uD800y 😀')).toBe('xy 😀');
  });

  it('formatCount groups thousands', () => {
    expect([0, 81, 6963, 12525, 1234567].map(formatCount)).toEqual(['0', '81', '6,963', '12,525', '1,234,567']);
  });

  it('wrapText breaks at spaces and splits over-long words', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('ab cdefghij k', 4)).toEqual(['ab', 'cdef', 'ghij', 'k']);
    expect(wrapText('alpha beta', 8, '  ')).toEqual(['alpha', '  beta']);
    expect(wrapText('', 10)).toEqual([]);
  });
});
