import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes } from '@/db/schema';
import { moveCode } from '@/lib/domain/coding/code-tree';
import { ZUpdateCode } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZUuid } from '@/lib/validation/projects';
import { loadCodeDtos, type CodeDto } from './code-dto';
import { isUniqueViolation, siblingNameTaken, visibleQuotes } from './coding-scope';

/**
 * Rename, describe, recolour, change kind or polarity, or move a code (a new
 * parent and/or position among its siblings). A move that would put a code
 * under itself or its own sub-code is refused (422). Leads only.
 */
export async function updateCode(actor: Actor, projectId: string, codeId: string, raw: unknown): Promise<CodeDto> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'codebook.manage');
  if (!ZUuid.safeParse(codeId).success) throw new AppError('NOT_FOUND', 'Code not found.');
  const input = parseInput(ZUpdateCode, raw);
  try {
    await db.transaction(async (tx) => {
      // Lock the project's codes: two leads dragging at once must not interleave renumbering.
      const all = await tx.select().from(codes).where(eq(codes.projectId, projectId)).for('update');
      const code = all.find((c) => c.id === codeId);
      if (!code) throw new AppError('NOT_FOUND', `No code ${codeId} in this project.`);
      const parentId = input.parentId === undefined ? code.parentId : input.parentId;
      if (parentId && !all.some((c) => c.id === parentId)) {
        throw new AppError('VALIDATION', `No code ${parentId} in this project to move under.`, { parentId: ['Unknown code.'] });
      }
      const name = input.name ?? code.name;
      // Positions are compared in display order (not raw numbers, which may tie), so any position given is a move.
      const isMove = parentId !== code.parentId || input.position !== undefined;
      if (name.toLowerCase() !== code.name.toLowerCase() || parentId !== code.parentId) {
        const siblings = and(eq(codes.projectId, projectId), parentId ? eq(codes.parentId, parentId) : isNull(codes.parentId), ne(codes.id, codeId));
        const [taken] = await tx.select({ id: codes.id }).from(codes).where(and(siblings, sql`lower(${codes.name}) = lower(${name})`));
        if (taken) throw siblingNameTaken(name);
      }
      if (isMove) {
        const nodes = all.map((c) => ({ id: c.id, parentId: c.parentId, position: c.position, name: c.name }));
        let placements;
        try {
          const index = input.position ?? (parentId === code.parentId ? code.position : Number.MAX_SAFE_INTEGER);
          placements = moveCode(nodes, codeId, parentId, index);
        } catch (error) {
          throw new AppError('VALIDATION', (error as Error).message, { parentId: [(error as Error).message] });
        }
        for (const p of placements) {
          await tx.update(codes).set({ parentId: p.parentId, position: p.position, updatedAt: new Date() }).where(eq(codes.id, p.id));
        }
      }
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.polarity !== undefined ? { polarity: input.polarity } : {}),
        ...(input.color !== undefined ? { color: input.color } : {}),
      };
      if (Object.keys(changes).length) await tx.update(codes).set({ ...changes, updatedAt: new Date() }).where(eq(codes.id, codeId));
      await recordAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: isMove ? 'code.move' : 'code.update',
        entityType: 'code',
        entityId: codeId,
        before: { name: code.name, description: code.description, kind: code.kind, polarity: code.polarity, color: code.color, parentId: code.parentId, position: code.position },
        after: { ...changes, parentId, position: input.position },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw siblingNameTaken(input.name ?? 'this name');
    throw error;
  }
  // Counted as the caller may see them: a co-coder's quotes on a study still double-coded blind are left out.
  const [dto] = await loadCodeDtos(db, projectId, await visibleQuotes(db, projectId, actor.userId, role), [codeId]);
  return dto;
}
