import { parsePrismaList } from './counts';
import { escapeXml, formatCount, wrapText } from './svg-text';
import type { PrismaCounts } from './types';

/** Options of {@link prismaSvg}. */
export type PrismaSvgOptions = {
  /** Accessible name of the diagram (the SVG's <title>). */
  title?: string;
  /** Prefix of the SVG's element ids, to keep them unique when two diagrams share a page. */
  idPrefix?: string;
};

// Layout in viewBox units. The width is fixed; the height grows with the
// number of databases and exclusion reasons listed.
const WIDTH = 960;
const MARGIN = 16;
const PHASE_X = MARGIN;
const PHASE_WIDTH = 34;
const MAIN_X = 70;
const BOX_WIDTH = 400;
const RIGHT_X = WIDTH - MARGIN - BOX_WIDTH;
const ROW_GAP = 36;
const FONT_SIZE = 13;
const LINE_HEIGHT = 17;
const PADDING = 10;
const MAX_CHARS = 58;
const FONT = 'Arial, Helvetica, sans-serif';

type Box = { x: number; y: number; height: number; lines: string[] };
type Row = { main: Box; side: Box | null };

const n = (count: number): string => `(n = ${formatCount(count)})`;

// Keeps "(n = 1,234)" on one line: a count split from its label is easy to misread.
const KEEP_TOGETHER = '\u0000';

function boxLines(logicalLines: readonly string[]): string[] {
  return logicalLines.flatMap((line) => {
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const protectedLine = line.replace(/\(n = ([\d,]+)\)/g, `(n${KEEP_TOGETHER}=${KEEP_TOGETHER}$1)`);
    // Continuation lines sit one step further in, so a wrapped name reads as one item.
    return wrapText(protectedLine, MAX_CHARS, `${indent}  `).map(
      (wrapped, index) => (index === 0 ? indent : '') + wrapped.replaceAll(KEEP_TOGETHER, ' '),
    );
  });
}

const boxHeight = (lines: readonly string[]): number => lines.length * LINE_HEIGHT + 2 * PADDING;

function renderBox(box: Box): string {
  const text = box.lines
    .map((line, index) => {
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      const x = box.x + PADDING + indent * 4;
      const y = box.y + PADDING + FONT_SIZE + index * LINE_HEIGHT;
      return `<text x="${x}" y="${y}">${escapeXml(line.trim())}</text>`;
    })
    .join('');
  return `<g><rect x="${box.x}" y="${box.y}" width="${BOX_WIDTH}" height="${box.height}" fill="#ffffff" stroke="#000000"/>${text}</g>`;
}

function arrow(x1: number, y1: number, x2: number, y2: number, markerId: string): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#000000" stroke-width="1.5" marker-end="url(#${markerId})"/>`;
}

function phaseBar(label: string, top: number, bottom: number): string {
  const centerX = PHASE_X + PHASE_WIDTH / 2;
  const centerY = (top + bottom) / 2;
  return (
    `<rect x="${PHASE_X}" y="${top}" width="${PHASE_WIDTH}" height="${bottom - top}" rx="6" fill="#a9c4e4" stroke="#4a6f9c"/>` +
    `<text x="${centerX}" y="${centerY}" transform="rotate(-90 ${centerX} ${centerY})" text-anchor="middle" dominant-baseline="central" font-weight="bold">${escapeXml(label)}</text>`
  );
}

function listLines(list: string, indent: string): string[] {
  return parsePrismaList(list).map((entry) => `${indent}${entry.name} ${n(entry.count)}`);
}

function describe(counts: PrismaCounts): string {
  const reasons = parsePrismaList(counts.dbr_excluded)
    .map((entry) => `${entry.name}: ${formatCount(entry.count)}`)
    .join('; ');
  const databases = parsePrismaList(counts.database_specific_results)
    .map((entry) => `${entry.name}: ${formatCount(entry.count)}`)
    .join('; ');
  return [
    'PRISMA 2020 flow diagram of a new review via databases and registers.',
    `Identification: ${formatCount(counts.database_results)} records identified from databases` +
      (databases ? ` (${databases})` : '') +
      ` and ${formatCount(counts.register_results)} from registers;`,
    `${formatCount(counts.duplicates)} duplicate records removed, ${formatCount(counts.excluded_automatic)} marked as ineligible by automation tools and ${formatCount(counts.excluded_other)} removed for other reasons before screening.`,
    `Screening: ${formatCount(counts.records_screened)} records screened and ${formatCount(counts.records_excluded)} excluded;`,
    `${formatCount(counts.dbr_sought_reports)} reports sought for retrieval and ${formatCount(counts.dbr_notretrieved_reports)} not retrieved;`,
    `${formatCount(counts.dbr_assessed)} reports assessed for eligibility and ${formatCount(parsePrismaList(counts.dbr_excluded).reduce((sum, entry) => sum + entry.count, 0))} excluded` +
      (reasons ? ` (${reasons}).` : '.'),
    `Included: ${formatCount(counts.new_studies)} studies in ${formatCount(counts.new_reports)} reports.`,
  ].join(' ');
}

/**
 * Draws the PRISMA 2020 flow diagram for a new review via databases and
 * registers (Page et al., BMJ 2021;372:n71, Figure 1): Identification,
 * Screening and Included phases, the main boxes with arrows down the left,
 * the "removed / excluded / not retrieved" boxes on the right, per-database
 * counts and every exclusion reason listed. Built as a string with no DOM, so
 * the server can return it from a route or write it to a file. All text is
 * XML-escaped; the root carries role="img", <title> and <desc> (a full
 * sentence version of the numbers for screen readers).
 */
export function prismaSvg(counts: PrismaCounts, options: PrismaSvgOptions = {}): string {
  const title = options.title ?? 'PRISMA 2020 flow diagram';
  const prefix = (options.idPrefix ?? 'prisma').replace(/[^A-Za-z0-9_-]/g, '') || 'prisma';
  const markerId = `${prefix}-arrow`;

  const specs: { main: string[]; side: string[] | null; minHeight?: number }[] = [
    {
      main: [
        'Records identified from:',
        `  Databases ${n(counts.database_results)}`,
        ...listLines(counts.database_specific_results, '    '),
        `  Registers ${n(counts.register_results)}`,
        ...listLines(counts.register_specific_results, '    '),
      ],
      side: [
        'Records removed before screening:',
        `  Duplicate records removed ${n(counts.duplicates)}`,
        `  Records marked as ineligible by automation tools ${n(counts.excluded_automatic)}`,
        `  Records removed for other reasons ${n(counts.excluded_other)}`,
      ],
    },
    { main: [`Records screened ${n(counts.records_screened)}`], side: [`Records excluded ${n(counts.records_excluded)}`] },
    {
      main: [`Reports sought for retrieval ${n(counts.dbr_sought_reports)}`],
      side: [`Reports not retrieved ${n(counts.dbr_notretrieved_reports)}`],
    },
    {
      main: [`Reports assessed for eligibility ${n(counts.dbr_assessed)}`],
      side: ['Reports excluded:', ...listLines(counts.dbr_excluded, '  ')],
    },
    {
      main: [`Studies included in review ${n(counts.new_studies)}`, `Reports of included studies ${n(counts.new_reports)}`],
      side: null,
      // Tall enough for the rotated "Included" phase label beside it.
      minHeight: 84,
    },
  ];

  const headerY = MARGIN;
  const headerHeight = 40;
  let y = headerY + headerHeight + ROW_GAP / 2;
  const rows: Row[] = specs.map((spec) => {
    const mainLines = boxLines(spec.main);
    const sideLines = spec.side ? boxLines(spec.side) : null;
    const mainHeight = Math.max(boxHeight(mainLines), spec.minHeight ?? 0);
    const height = Math.max(mainHeight, sideLines ? boxHeight(sideLines) : 0);
    const row: Row = {
      main: { x: MAIN_X, y, height: mainHeight, lines: mainLines },
      side: sideLines ? { x: RIGHT_X, y, height: boxHeight(sideLines), lines: sideLines } : null,
    };
    y += height + ROW_GAP;
    return row;
  });
  const rowBottom = (row: Row): number => row.main.y + Math.max(row.main.height, row.side?.height ?? 0);
  const height = y - ROW_GAP + MARGIN;

  const parts: string[] = [];
  parts.push(
    `<rect x="${MAIN_X}" y="${headerY}" width="${WIDTH - MARGIN - MAIN_X}" height="${headerHeight}" rx="6" fill="#ffd966" stroke="#b38f00"/>`,
    `<text x="${(MAIN_X + WIDTH - MARGIN) / 2}" y="${headerY + headerHeight / 2}" text-anchor="middle" dominant-baseline="central" font-weight="bold">${escapeXml('Identification of new studies via databases and registers')}</text>`,
  );
  parts.push(
    phaseBar('Identification', rows[0].main.y, rowBottom(rows[0])),
    phaseBar('Screening', rows[1].main.y, rowBottom(rows[3])),
    phaseBar('Included', rows[4].main.y, rowBottom(rows[4])),
  );
  rows.forEach((row, index) => {
    parts.push(renderBox(row.main));
    if (row.side) {
      parts.push(renderBox(row.side));
      const arrowY = row.main.y + Math.min(row.main.height, row.side.height) / 2;
      parts.push(arrow(MAIN_X + BOX_WIDTH, arrowY, RIGHT_X, arrowY, markerId));
    }
    const next = rows[index + 1];
    if (next) {
      const centerX = MAIN_X + BOX_WIDTH / 2;
      parts.push(arrow(centerX, row.main.y + row.main.height, centerX, next.main.y, markerId));
    }
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${FONT}" font-size="${FONT_SIZE}">`,
    `<title id="${prefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(describe(counts))}</desc>`,
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#000000"/></marker></defs>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
