import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { codeFrameworkCells, codes, codings, quotes } from '@/db/schema';
import type { Role } from '@/lib/domain/access/permissions';
import type { MatrixCodeInput, MatrixCodingInput, MatrixMappingInput } from '@/lib/domain/synthesis/matrix';
import { visibleQuotes } from '@/lib/server/coding/coding-scope';

export type CodeDto = MatrixCodeInput & { kind: 'code' | 'descriptive_theme' | 'analytical_theme'; color: string; position: number };
export type MappingDto = MatrixMappingInput & { id: string; frameworkId: string };

/** Who is looking: on studies still being double-coded blind, a coder (or any reviewer) sees only their own codings. */
export type CodingViewer = { userId: string; role: Role };

/**
 * The codebook, every code's framework cells, and the codings (quote, study,
 * code) the viewer may see: the coding stage's blinding (coding-scope.ts)
 * holds in the matrix, its counts, quotes and exports too.
 */
export async function loadCodingSnapshot(db: Db, projectId: string, frameworkId: string | undefined, viewer: CodingViewer): Promise<{ codes: CodeDto[]; mappings: MappingDto[]; codings: MatrixCodingInput[] }> {
  const [codeRows, mappingRows, codingRows] = await Promise.all([
    db
      .select({ id: codes.id, parentId: codes.parentId, name: codes.name, polarity: codes.polarity, kind: codes.kind, color: codes.color, position: codes.position })
      .from(codes)
      .where(eq(codes.projectId, projectId))
      .orderBy(asc(codes.position), asc(codes.name)),
    db
      .select({
        id: codeFrameworkCells.id,
        frameworkId: codeFrameworkCells.frameworkId,
        codeId: codeFrameworkCells.codeId,
        domainId: codeFrameworkCells.domainId,
        themeId: codeFrameworkCells.themeId,
        levelId: codeFrameworkCells.levelId,
      })
      .from(codeFrameworkCells)
      .where(and(eq(codeFrameworkCells.projectId, projectId), frameworkId ? eq(codeFrameworkCells.frameworkId, frameworkId) : undefined)),
    // The coding pages' own rule (visibleQuotes): a coding is seen with its quote.
    visibleQuotes(db, projectId, viewer.userId, viewer.role).then((visible) =>
      db
        .select({ quoteId: codings.quoteId, studyId: codings.studyId, codeId: codings.codeId })
        .from(codings)
        .innerJoin(quotes, eq(quotes.id, codings.quoteId))
        .where(and(eq(codings.projectId, projectId), visible)),
    ),
  ]);
  return { codes: codeRows, mappings: mappingRows, codings: codingRows };
}
