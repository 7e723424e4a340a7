import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cerqualAssessments, cerqualAssessmentStudies, frameworkCellStatements } from '@/db/schema';
import { can } from '@/lib/domain/access/permissions';
import { firstBy, groupBy } from '@/lib/domain/group-by';
import { cerqualWarnings, soqfRow, type CerqualComponents, type CerqualLevel, type SoqfRow } from '@/lib/domain/synthesis/cerqual';
import { computeFrameworkMatrix } from '@/lib/domain/synthesis/matrix';
import { statementKey } from '@/lib/domain/synthesis/matrix-tables';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadFrameworks } from '@/lib/server/synthesis/framework-dto';
import { loadCodingSnapshot } from '@/lib/server/synthesis/load-coding-snapshot';
import { loadStudies } from '@/lib/server/synthesis/load-study-labels';

export type CerqualAssessmentDto = {
  id: string;
  themeId: string | null;
  cellStatementId: string | null;
  finding: string;
  /** The studies named for the finding; for a theme with none named, the theme's studies in the matrix. */
  studyIds: string[];
  /** The studies named by the lead (empty: derived from the theme or cell). */
  namedStudyIds: string[];
  studyLabels: string[];
  components: CerqualComponents;
  overall: CerqualLevel;
  overallExplanation: string;
  warnings: string[];
  soqf: SoqfRow;
  updatedAt: string;
};

export type FindingOption = { kind: 'theme' | 'statement'; id: string; label: string; studyIds: string[] };

export type CerqualOverview = {
  assessments: CerqualAssessmentDto[];
  findings: FindingOption[];
  studies: { id: string; label: string }[];
  canEdit: boolean;
};

/** Every CERQual assessment with its SoQF row, and the themes and cell statements that may become findings. */
export async function listCerqualAssessments(actor: Actor, projectId: string): Promise<CerqualOverview> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const [rows, named, frameworks, snapshot, studies, statements] = await Promise.all([
    db.select().from(cerqualAssessments).where(eq(cerqualAssessments.projectId, projectId)).orderBy(asc(cerqualAssessments.createdAt), asc(cerqualAssessments.id)),
    db.select().from(cerqualAssessmentStudies).where(eq(cerqualAssessmentStudies.projectId, projectId)),
    loadFrameworks(db, projectId),
    loadCodingSnapshot(db, projectId, undefined, { userId: actor.userId, role }),
    loadStudies(db, projectId),
    db.select().from(frameworkCellStatements).where(eq(frameworkCellStatements.projectId, projectId)),
  ]);
  const labels = new Map(studies.map((s) => [s.id, s.label]));
  const statementOf = firstBy(statements, (x) => statementKey(x.domainId, x.themeId, x.levelId));
  const themeStudies = new Map<string, string[]>();
  const findings: FindingOption[] = [];
  for (const f of frameworks) {
    const matrix = computeFrameworkMatrix(f, snapshot.codes, snapshot.mappings.filter((m) => m.frameworkId === f.id), snapshot.codings);
    for (const d of matrix.domains) {
      for (const r of d.rows) {
        const ids = [...new Set(r.cells.flatMap((c) => c.studyIds))];
        if (r.themeId) {
          themeStudies.set(r.themeId, ids);
          findings.push({ kind: 'theme', id: r.themeId, label: `${r.summary} [${f.name.slice(0, 40)}]`, studyIds: ids });
        }
        for (const c of r.cells) {
          const s = statementOf.get(statementKey(d.id, r.themeId, c.levelId));
          if (s?.summary) findings.push({ kind: 'statement', id: s.id, label: s.summary.slice(0, 160), studyIds: c.studyIds });
        }
      }
    }
  }
  const order = new Map(studies.map((s, i) => [s.id, i]));
  const namedByAssessment = groupBy(named, (n) => n.assessmentId);
  const findingById = firstBy(findings, (x) => x.id);
  const assessments = rows.map((a): CerqualAssessmentDto => {
    const namedIds = (namedByAssessment.get(a.id) ?? []).map((n) => n.studyId).sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    const studyIds = namedIds.length ? namedIds : a.themeId ? (themeStudies.get(a.themeId) ?? []) : ((a.cellStatementId ? findingById.get(a.cellStatementId)?.studyIds : undefined) ?? []);
    const studyLabels = studyIds.map((id) => labels.get(id) ?? 'Unknown study');
    const input = { finding: a.finding, studies: studyLabels, components: a.components, overall: a.overall, overallExplanation: a.overallExplanation };
    return {
      id: a.id,
      themeId: a.themeId,
      cellStatementId: a.cellStatementId,
      finding: a.finding,
      studyIds,
      namedStudyIds: namedIds,
      studyLabels,
      components: a.components,
      overall: a.overall,
      overallExplanation: a.overallExplanation,
      warnings: cerqualWarnings(input),
      soqf: soqfRow(input),
      updatedAt: a.updatedAt.toISOString(),
    };
  });
  return { assessments, findings, studies: studies.map((s) => ({ id: s.id, label: s.label })), canEdit: can(role, 'synthesis.edit') };
}
