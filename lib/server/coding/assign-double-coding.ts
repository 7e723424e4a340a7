import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { doubleCodingAssignments, memberships, studies } from '@/db/schema';
import { can } from '@/lib/domain/access/permissions';
import { sampleForDoubleCoding } from '@/lib/domain/coding/sample';
import { ZAssignDoubleCoding } from '@/lib/validation/coding';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';

/**
 * Choose studies for double coding (leads): a percentage of the included
 * studies at random (reproducible from the seed) or the chosen studies, each
 * coded by the two named coders independently. Studies already compared keep
 * their assignment; open ones take the new coders.
 */
export async function assignDoubleCoding(actor: Actor, projectId: string, raw: unknown): Promise<{ studyIds: string[] }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'codebook.manage');
  const input = parseInput(ZAssignDoubleCoding, raw);
  return db.transaction(async (tx) => {
    const coders = await tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.projectId, projectId), inArray(memberships.userId, [input.firstCoderId, input.secondCoderId])));
    for (const field of ['firstCoderId', 'secondCoderId'] as const) {
      const member = coders.find((c) => c.userId === input[field]);
      if (!member || !can(member.role, 'coding.apply')) {
        throw new AppError('VALIDATION', `${field} must be a member of the project who may code (not a viewer).`, { [field]: ['Not a coder of this project.'] });
      }
    }
    const all = (await tx.select({ id: studies.id }).from(studies).where(eq(studies.projectId, projectId))).map((s) => s.id);
    let chosen: string[];
    if (input.mode === 'percent') {
      chosen = sampleForDoubleCoding(all, input.percent, input.seed);
    } else {
      const known = new Set(all);
      const missing = input.studyIds.filter((id) => !known.has(id));
      if (missing.length) throw new AppError('VALIDATION', `No included study ${missing.join(', ')} in this project.`, { studyIds: ['Unknown study.'] });
      chosen = [...new Set(input.studyIds)];
    }
    if (!chosen.length) throw new AppError('VALIDATION', 'This project has no included studies to double-code yet.', { mode: ['No studies.'] });
    const compared = new Set(
      (await tx.select({ studyId: doubleCodingAssignments.studyId, comparedAt: doubleCodingAssignments.comparedAt }).from(doubleCodingAssignments).where(inArray(doubleCodingAssignments.studyId, chosen)))
        .filter((r) => r.comparedAt)
        .map((r) => r.studyId),
    );
    const open = chosen.filter((id) => !compared.has(id));
    if (open.length) {
      await tx
        .insert(doubleCodingAssignments)
        .values(open.map((studyId) => ({ projectId, studyId, firstCoderId: input.firstCoderId, secondCoderId: input.secondCoderId, assignedBy: actor.userId })))
        .onConflictDoUpdate({ target: doubleCodingAssignments.studyId, set: { firstCoderId: input.firstCoderId, secondCoderId: input.secondCoderId, assignedBy: actor.userId } });
    }
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'double-coding.assign',
      entityType: 'project',
      entityId: projectId,
      after: { mode: input.mode, ...(input.mode === 'percent' ? { percent: input.percent, seed: input.seed } : {}), studyIds: open, firstCoderId: input.firstCoderId, secondCoderId: input.secondCoderId },
    });
    return { studyIds: open };
  });
}
