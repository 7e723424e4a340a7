import 'server-only';
import { and, count, eq, isNull, max, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes } from '@/db/schema';
import { colorForIndex } from '@/lib/domain/coding/palette';
import { ZCreateCode } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadCodeDtos, type CodeDto } from './code-dto';
import { isUniqueViolation, siblingNameTaken } from './coding-scope';

/**
 * Add a code or theme at the end of its parent's children. Reviewers may
 * create codes while coding (inductive coding needs new codes as they come);
 * reshaping the codebook (rename, move, merge, delete) is for leads.
 */
export async function createCode(actor: Actor, projectId: string, raw: unknown): Promise<CodeDto> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'coding.apply');
  const input = parseInput(ZCreateCode, raw);
  const parentId = input.parentId ?? null;
  try {
    const id = await db.transaction(async (tx) => {
      if (parentId) {
        const [parent] = await tx.select({ id: codes.id }).from(codes).where(and(eq(codes.id, parentId), eq(codes.projectId, projectId)));
        if (!parent) throw new AppError('VALIDATION', `No code ${parentId} in this project to put the new code under.`, { parentId: ['Unknown code.'] });
      }
      const siblings = and(eq(codes.projectId, projectId), parentId ? eq(codes.parentId, parentId) : isNull(codes.parentId));
      const [taken] = await tx.select({ id: codes.id }).from(codes).where(and(siblings, sql`lower(${codes.name}) = lower(${input.name})`));
      if (taken) throw siblingNameTaken(input.name);
      const [{ last }] = await tx.select({ last: max(codes.position) }).from(codes).where(siblings);
      const [{ total }] = await tx.select({ total: count() }).from(codes).where(eq(codes.projectId, projectId));
      const [row] = await tx
        .insert(codes)
        .values({
          projectId,
          parentId,
          name: input.name,
          description: input.description ?? '',
          kind: input.kind ?? 'code',
          polarity: input.polarity ?? null,
          color: input.color ?? colorForIndex(Number(total)),
          position: last === null ? 0 : Number(last) + 1,
          createdBy: actor.userId,
        })
        .returning();
      await recordAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: 'code.create',
        entityType: 'code',
        entityId: row.id,
        after: { name: row.name, kind: row.kind, parentId: row.parentId, polarity: row.polarity, color: row.color },
      });
      return row.id;
    });
    const [dto] = await loadCodeDtos(db, projectId, undefined, [id]);
    return dto;
  } catch (error) {
    if (isUniqueViolation(error)) throw siblingNameTaken(input.name);
    throw error;
  }
}
