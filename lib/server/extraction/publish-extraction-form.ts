import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionFormVersions, extractionForms } from '@/db/schema';
import { canonicalField, isSameDefinition, validateFormDefinition, type ExtractionField } from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZPublishForm } from '@/lib/validation/extraction';
import { loadCurrentForm, type VersionDto } from './extraction-store';

export type PublishResult = { formId: string; name: string; version: VersionDto; isNewVersion: boolean };

/**
 * A lead publishes the form's fields as a new version (the first publish
 * creates the form). An unchanged definition makes no new version; answers
 * given against earlier versions keep them.
 */
export async function publishExtractionForm(actor: Actor, projectId: string, raw: unknown): Promise<PublishResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'extraction.manage-forms');
  const input = parseInput(ZPublishForm, raw);
  const fields = (input.fields as ExtractionField[]).map(canonicalField);
  const problems = validateFormDefinition(fields);
  if (problems.length) throw new AppError('VALIDATION', problems[0], { fields: problems });
  return db.transaction(async (tx) => {
    // The form row is the lock that numbers versions one after another.
    let [form] = await tx.select().from(extractionForms).where(eq(extractionForms.projectId, projectId)).for('update');
    if (!form) {
      [form] = await tx
        .insert(extractionForms)
        .values({ projectId, name: input.name, createdBy: actor.userId })
        .onConflictDoNothing()
        .returning();
      if (!form) [form] = await tx.select().from(extractionForms).where(eq(extractionForms.projectId, projectId)).for('update');
    }
    const { current } = await loadCurrentForm(tx, projectId);
    if (current && isSameDefinition(current.fields, fields) && form.name === input.name) {
      return { formId: form.id, name: form.name, version: current, isNewVersion: false };
    }
    if (form.name !== input.name) {
      await tx.update(extractionForms).set({ name: input.name, updatedAt: new Date() }).where(eq(extractionForms.id, form.id));
    }
    if (current && isSameDefinition(current.fields, fields)) {
      await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'extraction.form-rename', entityType: 'extraction_form', entityId: form.id, before: { name: form.name }, after: { name: input.name } });
      return { formId: form.id, name: input.name, version: current, isNewVersion: false };
    }
    const next = (current?.version ?? 0) + 1;
    const [row] = await tx
      .insert(extractionFormVersions)
      .values({ projectId, formId: form.id, version: next, fields, publishedBy: actor.userId })
      .returning();
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'extraction.form-publish',
      entityType: 'extraction_form_version',
      entityId: row.id,
      before: current ? { version: current.version, fields: current.fields } : null,
      after: { name: input.name, version: next, fields },
    });
    return {
      formId: form.id,
      name: input.name,
      version: { id: row.id, version: next, fields, publishedAt: row.publishedAt.toISOString(), publishedBy: null },
      isNewVersion: true,
    };
  });
}
