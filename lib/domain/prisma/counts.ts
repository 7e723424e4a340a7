import type { PrismaCounts, PrismaOtherMethod, PrismaReasonCount, PrismaReportFlow, PrismaSnapshot } from './types';

/** One entry of a 'Name, n; Name, n' list. */
export type PrismaListEntry = { name: string; count: number };

function assertCount(value: number, where: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`PRISMA count "${where}" must be a whole number of at least 0 (got ${String(value)})`);
  }
  return value;
}

/**
 * Makes a name safe inside the template's list format. The PRISMA2020 R
 * package splits the list on ';' and takes the name up to the FIRST ',', so
 * either character inside a name would cut it short or shift the numbers;
 * line breaks would break the CSV row for tools that do not quote.
 */
export function sanitizePrismaListName(name: string): string {
  const cleaned = name
    .replace(/\s*[,;]\s*/g, ' / ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? 'Unnamed' : cleaned;
}

/**
 * Formats entries the way the PRISMA2020 template expects them:
 * `'Medline, 1200; Embase, 800'` (names sanitized, plain integers, '' when empty).
 */
export function formatPrismaList(entries: readonly PrismaListEntry[]): string {
  return entries.map((entry) => `${sanitizePrismaListName(entry.name)}, ${entry.count}`).join('; ');
}

/**
 * Parses a 'Name, n; Name, n' list as the PRISMA2020 R package does: items
 * split on ';', the name runs to the first ',', and the number is what follows
 * with thousands separators dropped. Items without a readable number count 0
 * (the template's own placeholder 'Reason1, xxx' parses that way).
 */
export function parsePrismaList(list: string): PrismaListEntry[] {
  if (list.trim() === '') return [];
  return list.split(/;/).flatMap((item) => {
    if (item.trim() === '') return [];
    const comma = item.indexOf(',');
    const name = (comma < 0 ? item : item.slice(0, comma)).trim();
    const digits = comma < 0 ? '' : item.slice(comma + 1).replace(/[^0-9]/g, '');
    return [{ name, count: digits === '' ? 0 : Number(digits) }];
  });
}

/** Sum of the counts of a 'Name, n; Name, n' list. */
export function sumPrismaList(list: string): number {
  return parsePrismaList(list).reduce((sum, entry) => sum + entry.count, 0);
}

/** Adds up entries with the same name, keeping first-seen order (two Medline imports are one database). */
function mergeByName(entries: readonly PrismaListEntry[]): PrismaListEntry[] {
  const merged = new Map<string, number>();
  for (const entry of entries) {
    // Merge on the name as it will be written, so the list never repeats a name.
    const name = sanitizePrismaListName(entry.name);
    merged.set(name, (merged.get(name) ?? 0) + entry.count);
  }
  return [...merged].map(([name, count]) => ({ name, count }));
}

function reasonEntries(reasons: readonly PrismaReasonCount[], where: string): PrismaListEntry[] {
  return mergeByName(
    reasons.map((reason, index) => ({
      name: reason.reason,
      count: assertCount(reason.count, `${where}[${index}] (${reason.reason})`),
    })),
  );
}

function flowCounts(flow: PrismaReportFlow | undefined, where: string) {
  if (!flow) return { sought: 0, notRetrieved: 0, assessed: 0, excluded: '' };
  return {
    sought: assertCount(flow.reportsSought, `${where}.reportsSought`),
    notRetrieved: assertCount(flow.reportsNotRetrieved, `${where}.reportsNotRetrieved`),
    assessed: assertCount(flow.reportsAssessed, `${where}.reportsAssessed`),
    excluded: formatPrismaList(reasonEntries(flow.reportsExcluded, `${where}.reportsExcluded`)),
  };
}

/**
 * Maps a snapshot of database counts to the PRISMA2020 template's fields.
 * Identification totals are sums over sources (per-source lists merge equal
 * names); every other box is taken as counted, never back-calculated, so that
 * {@link checkPrismaArithmetic} can show where the data does not add up.
 * Totals for an updated review are previous + new. Throws a RangeError naming
 * the field when a count is negative or not a whole number.
 */
export function computePrismaCounts(snapshot: PrismaSnapshot): PrismaCounts {
  const sourceEntries = (kind: 'database' | 'register'): PrismaListEntry[] =>
    mergeByName(
      snapshot.sources.flatMap((source, index) =>
        source.kind === kind
          ? [{ name: source.name, count: assertCount(source.recordsIdentified, `sources[${index}] (${source.name})`) }]
          : [],
      ),
    );
  const otherTotal = (method: PrismaOtherMethod): number =>
    snapshot.sources.reduce(
      (sum, source, index) =>
        source.kind === 'other' && source.method === method
          ? sum + assertCount(source.recordsIdentified, `sources[${index}] (${source.name})`)
          : sum,
      0,
    );
  const total = (entries: PrismaListEntry[]): number => entries.reduce((sum, entry) => sum + entry.count, 0);

  const databases = sourceEntries('database');
  const registers = sourceEntries('register');
  const dbr = flowCounts(snapshot.fullText, 'fullText');
  const other = flowCounts(snapshot.otherMethods, 'otherMethods');
  const previousStudies = assertCount(snapshot.previous?.studies ?? 0, 'previous.studies');
  const previousReports = assertCount(snapshot.previous?.reports ?? 0, 'previous.reports');
  const newStudies = assertCount(snapshot.included.studies, 'included.studies');
  const newReports = assertCount(snapshot.included.reports, 'included.reports');

  return {
    previous_studies: previousStudies,
    previous_reports: previousReports,
    database_results: total(databases),
    database_specific_results: formatPrismaList(databases),
    register_results: total(registers),
    register_specific_results: formatPrismaList(registers),
    website_results: otherTotal('website'),
    organisation_results: otherTotal('organisation'),
    citations_results: otherTotal('citation_searching'),
    duplicates: assertCount(snapshot.duplicatesRemoved, 'duplicatesRemoved'),
    excluded_automatic: assertCount(snapshot.removedByAutomation ?? 0, 'removedByAutomation'),
    excluded_other: assertCount(snapshot.removedForOtherReasons ?? 0, 'removedForOtherReasons'),
    records_screened: assertCount(snapshot.titleAbstract.recordsScreened, 'titleAbstract.recordsScreened'),
    records_excluded: assertCount(snapshot.titleAbstract.recordsExcluded, 'titleAbstract.recordsExcluded'),
    dbr_sought_reports: dbr.sought,
    dbr_notretrieved_reports: dbr.notRetrieved,
    other_sought_reports: other.sought,
    other_notretrieved_reports: other.notRetrieved,
    dbr_assessed: dbr.assessed,
    dbr_excluded: dbr.excluded,
    other_assessed: other.assessed,
    other_excluded: other.excluded,
    new_studies: newStudies,
    new_reports: newReports,
    total_studies: previousStudies + newStudies,
    total_reports: previousReports + newReports,
    total_studies_ma: assertCount(snapshot.metaAnalysis?.studies ?? 0, 'metaAnalysis.studies'),
    total_reports_ma: assertCount(snapshot.metaAnalysis?.reports ?? 0, 'metaAnalysis.reports'),
  };
}
