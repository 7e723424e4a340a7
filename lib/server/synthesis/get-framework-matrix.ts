import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { frameworkCellStatements } from '@/db/schema';
import { can, type Role } from '@/lib/domain/access/permissions';
import { computeFrameworkMatrix, type FrameworkMatrix } from '@/lib/domain/synthesis/matrix';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadFramework, type FrameworkDto } from './framework-dto';
import { loadCodingSnapshot, type CodeDto, type MappingDto } from './load-coding-snapshot';

export type CellStatementDto = { id: string; domainId: string; themeId: string | null; levelId: string; summary: string; recommendation: string; updatedAt: string };

export type FrameworkMatrixView = {
  framework: FrameworkDto;
  matrix: FrameworkMatrix;
  statements: CellStatementDto[];
  codes: CodeDto[];
  mappings: MappingDto[];
  role: Role;
  canEdit: boolean;
};

/** One framework's matrix from the project's codings, with the lead's cell statements, codes and their cells. */
export async function getFrameworkMatrix(actor: Actor, projectId: string, frameworkId: string): Promise<FrameworkMatrixView> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  // loadFramework comes first and checks the id before it reads: its NOT_FOUND (a malformed or foreign id) wins.
  const [framework, snapshot, statements] = await Promise.all([
    loadFramework(db, projectId, frameworkId),
    loadCodingSnapshot(db, projectId, frameworkId, { userId: actor.userId, role }),
    db
      .select()
      .from(frameworkCellStatements)
      .where(and(eq(frameworkCellStatements.projectId, projectId), eq(frameworkCellStatements.frameworkId, frameworkId))),
  ]);
  const matrix = computeFrameworkMatrix(framework, snapshot.codes, snapshot.mappings, snapshot.codings);
  return {
    framework,
    matrix,
    statements: statements.map((s) => ({ id: s.id, domainId: s.domainId, themeId: s.themeId, levelId: s.levelId, summary: s.summary, recommendation: s.recommendation, updatedAt: s.updatedAt.toISOString() })),
    codes: snapshot.codes,
    mappings: snapshot.mappings,
    role,
    canEdit: can(role, 'synthesis.edit'),
  };
}
