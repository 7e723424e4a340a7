import 'server-only';
import { and, eq, inArray, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codeFrameworkCells, codes, codings } from '@/db/schema';
import { mergePlan } from '@/lib/domain/coding/code-tree';
import { ZMergeCodes } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadCodeDtos, type CodeDto } from './code-dto';
import { visibleQuotes } from './coding-scope';

export type MergeResult = { target: CodeDto; moved: number; deduplicated: number; childrenMoved: number };

/**
 * Merge one code into another (leads): every quote of the source ends up
 * carrying the target (a quote that already carried both keeps one coding),
 * the source's sub-codes and framework cells move to the target, and the
 * source is deleted. One transaction.
 */
export async function mergeCodes(actor: Actor, projectId: string, raw: unknown): Promise<MergeResult> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'codebook.manage');
  const { sourceId, targetId } = parseInput(ZMergeCodes, raw);
  const result = await db.transaction(async (tx) => {
    const all = await tx.select().from(codes).where(eq(codes.projectId, projectId)).for('update');
    const source = all.find((c) => c.id === sourceId);
    const target = all.find((c) => c.id === targetId);
    if (!source) throw new AppError('VALIDATION', `No code ${sourceId} in this project.`, { sourceId: ['Unknown code.'] });
    if (!target) throw new AppError('VALIDATION', `No code ${targetId} in this project.`, { targetId: ['Unknown code.'] });
    const refs = await tx
      .select({ id: codings.id, quoteId: codings.quoteId, codeId: codings.codeId })
      .from(codings)
      .where(and(eq(codings.projectId, projectId), inArray(codings.codeId, [sourceId, targetId])));
    let plan;
    try {
      plan = mergePlan(all, refs, sourceId, targetId);
    } catch (error) {
      throw new AppError('VALIDATION', (error as Error).message, { targetId: [(error as Error).message] });
    }
    if (plan.drop.length) await tx.delete(codings).where(inArray(codings.id, plan.drop));
    if (plan.reassign.length) await tx.update(codings).set({ codeId: targetId }).where(inArray(codings.id, plan.reassign));
    if (plan.children.length) {
      const [{ last }] = await tx.select({ last: max(codes.position) }).from(codes).where(eq(codes.parentId, targetId));
      let position = last === null ? 0 : Number(last) + 1;
      const names = new Set(all.filter((c) => c.parentId === targetId).map((c) => c.name.toLowerCase()));
      for (const childId of plan.children) {
        const child = all.find((c) => c.id === childId)!;
        // A sub-code whose name the target already uses keeps its place under a renamed label rather than failing the merge.
        const name = freeName(names, child.name, source.name);
        names.add(name.toLowerCase());
        await tx.update(codes).set({ parentId: targetId, position, name, updatedAt: new Date() }).where(eq(codes.id, childId));
        position += 1;
      }
    }
    // Framework cells of the source carry over unless the target already sits in that cell.
    const sourceCells = await tx.select().from(codeFrameworkCells).where(eq(codeFrameworkCells.codeId, sourceId));
    if (sourceCells.length) {
      await tx
        .insert(codeFrameworkCells)
        .values(sourceCells.map((cell) => ({ projectId, codeId: targetId, frameworkId: cell.frameworkId, domainId: cell.domainId, themeId: cell.themeId, levelId: cell.levelId })))
        .onConflictDoNothing();
    }
    await tx.delete(codes).where(eq(codes.id, sourceId));
    // Close the gap the source left among its siblings.
    const siblings = all.filter((c) => c.parentId === source.parentId && c.id !== sourceId).sort((a, b) => a.position - b.position);
    for (const [position, s] of siblings.entries()) {
      if (s.position !== position) await tx.update(codes).set({ position }).where(eq(codes.id, s.id));
    }
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'code.merge',
      entityType: 'code',
      entityId: targetId,
      before: { source: { id: sourceId, name: source.name, parentId: source.parentId }, target: { id: targetId, name: target.name } },
      after: { moved: plan.reassign.length, deduplicated: plan.drop.length, children: plan.children },
    });
    return { moved: plan.reassign.length, deduplicated: plan.drop.length, childrenMoved: plan.children.length };
  });
  // Counted as the caller may see them: a co-coder's quotes on a study still double-coded blind are left out.
  const [dto] = await loadCodeDtos(db, projectId, await visibleQuotes(db, projectId, actor.userId, role), [targetId]);
  return { target: dto, ...result };
}

/**
 * A name no sibling uses yet (case-insensitively, as the sibling-unique index
 * compares): the name itself, else "name (from source)", else that with " (2)",
 * " (3)"... Names already taken by the target's children are in `taken`.
 */
function freeName(taken: ReadonlySet<string>, name: string, sourceName: string): string {
  if (!taken.has(name.toLowerCase())) return name;
  const base = `${name} (from ${sourceName})`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
