import 'server-only';
import { toCsv } from '@/lib/domain/exporters/csv';
import type { StatSummary } from '@/lib/domain/agreement/screening-report';
import type { Actor } from '@/lib/server/auth/actor';
import { getScreeningAgreement, type ScreeningAgreementDto } from './get-screening-agreement';

export const AGREEMENT_CSV_COLUMNS = [
  'stage',
  'scope',
  'reviewer_a',
  'reviewer_b',
  'scheme',
  'statistic',
  'value',
  'ci95_lower',
  'ci95_upper',
  'n',
  'records',
  'reason',
] as const;

type Row = Partial<Record<(typeof AGREEMENT_CSV_COLUMNS)[number], string | number | null>>;

/**
 * The screening agreement of one stage as CSV, one statistic per line, from the
 * same report as the JSON API (so the two always agree), quoted and defused
 * as every export (toCsv). Schemes: `three_level` (exclude, maybe, include)
 * and `binary` (include or maybe vs exclude).
 */
export async function exportScreeningAgreementCsv(
  actor: Actor,
  projectId: string,
  query: unknown,
): Promise<{ fileName: string; csv: string }> {
  const report = await getScreeningAgreement(actor, projectId, query);
  return {
    fileName: `agreement-${report.stage.replace('_', '-')}.csv`,
    csv: toCsv(AGREEMENT_CSV_COLUMNS, csvRows(report).map((row) => AGREEMENT_CSV_COLUMNS.map((column) => row[column]))),
  };
}

function csvRows(report: ScreeningAgreementDto): Row[] {
  const name = new Map(report.reviewers.map((r) => [r.id, r.name]));
  const stat = (base: Row, statistic: string, s: StatSummary): Row => ({
    ...base,
    statistic,
    value: s.value,
    ci95_lower: s.ci95?.[0] ?? null,
    ci95_upper: s.ci95?.[1] ?? null,
    n: s.n,
    reason: [s.reason, s.note].filter(Boolean).join(' '),
  });
  const proportion = (base: Row, value: number | null, n: number, reason?: string): Row => ({
    ...base,
    statistic: 'percent_agreement',
    value,
    n,
    reason: value === null ? reason ?? 'No record was screened by both.' : '',
  });
  const rows: Row[] = [];
  for (const pair of report.pairs) {
    const base: Row = { scope: 'pair', reviewer_a: name.get(pair.reviewerIds[0]), reviewer_b: name.get(pair.reviewerIds[1]) };
    const three = { ...base, scheme: 'three_level' };
    const binary = { ...base, scheme: 'binary' };
    rows.push(
      proportion(three, pair.threeLevel.percentAgreement, pair.n),
      stat(three, 'cohen_kappa', pair.threeLevel.kappa),
      stat(three, 'weighted_kappa_linear', pair.threeLevel.weightedLinear),
      stat(three, 'weighted_kappa_quadratic', pair.threeLevel.weightedQuadratic),
      proportion(binary, pair.binary.percentAgreement, pair.n),
      stat(binary, 'cohen_kappa', pair.binary.kappa),
    );
    for (const w of pair.overTime) {
      const window = { ...base, scope: 'over_time', records: `${w.from} to ${w.to}` };
      for (const [scheme, part] of [['three_level', w.threeLevel], ['binary', w.binary]] as const) {
        rows.push(
          { ...window, scheme, statistic: 'percent_agreement', value: part.percentAgreement, n: w.n },
          { ...window, scheme, statistic: 'cohen_kappa', value: part.kappa, n: w.n, reason: part.reason },
        );
      }
    }
  }
  const overall = { scope: 'all_reviewers' };
  const { threeLevel, binary } = report.overall;
  rows.push(
    stat({ ...overall, scheme: 'three_level' }, 'percent_agreement', threeLevel.percentAgreement),
    stat({ ...overall, scheme: 'three_level' }, 'fleiss_kappa', threeLevel.fleissKappa),
    stat({ ...overall, scheme: 'three_level' }, 'krippendorff_alpha_nominal', threeLevel.alphaNominal),
    stat({ ...overall, scheme: 'three_level' }, 'krippendorff_alpha_ordinal', threeLevel.alphaOrdinal),
    stat({ ...overall, scheme: 'binary' }, 'percent_agreement', binary.percentAgreement),
    stat({ ...overall, scheme: 'binary' }, 'fleiss_kappa', binary.fleissKappa),
    stat({ ...overall, scheme: 'binary' }, 'krippendorff_alpha_nominal', binary.alpha),
  );
  return rows.map((row) => ({ ...row, stage: report.stage }));
}
