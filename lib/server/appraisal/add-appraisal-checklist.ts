import 'server-only';
import { getDb } from '@/db/client';
import { appraisalChecklists } from '@/db/schema';
import { JBI_QUALITATIVE } from '@/lib/domain/appraisal/checklists';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZAddChecklist } from '@/lib/validation/synthesis';

/** Add the JBI checklist for qualitative research, or a lead's own checklist (questions q1..qN). */
export async function addAppraisalChecklist(actor: Actor, projectId: string, raw: unknown): Promise<{ id: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'appraisal.manage-checklists');
  const input = parseInput(ZAddChecklist, raw);
  const spec =
    'presetKey' in input
      ? { presetKey: JBI_QUALITATIVE.key, name: JBI_QUALITATIVE.name, source: JBI_QUALITATIVE.source, questions: JBI_QUALITATIVE.questions }
      : { presetKey: null, name: input.name, source: input.source, questions: input.questions.map((text, i) => ({ key: `q${i + 1}`, text })) };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(appraisalChecklists).values({ projectId, ...spec, createdBy: actor.userId }).onConflictDoNothing().returning({ id: appraisalChecklists.id });
    if (!row) throw new AppError('CONFLICT', `This project already has a checklist called "${spec.name}".`, { name: ['Already used in this project.'] });
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'appraisal.checklist-add', entityType: 'appraisal_checklist', entityId: row.id, after: { name: spec.name, questions: spec.questions.length } });
    return row;
  });
}
