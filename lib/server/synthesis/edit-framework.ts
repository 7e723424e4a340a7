import 'server-only';
import { and, eq, max } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { frameworkDomains, frameworkLevels, frameworks, frameworkThemes } from '@/db/schema';
import { freeKey } from '@/lib/domain/synthesis/presets';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { isUniqueViolation } from '@/lib/server/errors/database-conflict';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZFrameworkEdit } from '@/lib/validation/synthesis';
import { loadFramework, loadFrameworkForUpdate, type FrameworkDto } from './framework-dto';

/**
 * One change to a framework (leads): rename it; add, rename or delete a
 * domain, level or theme. Deleting a domain, level or theme removes the code
 * mappings and cell statements that pointed at it (never a code or a quote).
 */
export async function editFramework(actor: Actor, projectId: string, frameworkId: string, raw: unknown): Promise<FrameworkDto> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'synthesis.edit');
  await loadFramework(db, projectId, frameworkId);
  const edit = parseInput(ZFrameworkEdit, raw);
  // Read under the framework's row lock (in the transaction below).
  let framework!: FrameworkDto;
  const domainOf = (id: string) => {
    const d = framework.domains.find((x) => x.id === id);
    if (!d) throw new AppError('NOT_FOUND', 'That domain is not in this framework.', { domainId: ['Not in this framework.'] });
    return d;
  };
  const levelOf = (id: string) => {
    const l = framework.levels.find((x) => x.id === id);
    if (!l) throw new AppError('NOT_FOUND', 'That level is not in this framework.', { levelId: ['Not in this framework.'] });
    return l;
  };
  const themeOf = (id: string) => {
    const t = framework.domains.flatMap((d) => d.themes).find((x) => x.id === id);
    if (!t) throw new AppError('NOT_FOUND', 'That theme is not in this framework.', { themeId: ['Not in this framework.'] });
    return t;
  };
  try {
    await db.transaction(async (tx: Db) => {
      // Locked until the end: a concurrent mapping (setCodeCells) or another
      // edit waits, so a deletion never races an insert that points at it.
      framework = await loadFrameworkForUpdate(tx, projectId, frameworkId);
      switch (edit.op) {
        case 'rename':
          await tx.update(frameworks).set({ name: edit.name, ...(edit.source !== undefined ? { source: edit.source } : {}), updatedAt: new Date() }).where(and(eq(frameworks.id, frameworkId), eq(frameworks.projectId, projectId)));
          break;
        case 'add-domain': {
          const [{ last }] = await tx.select({ last: max(frameworkDomains.position) }).from(frameworkDomains).where(and(eq(frameworkDomains.projectId, projectId), eq(frameworkDomains.frameworkId, frameworkId)));
          await tx.insert(frameworkDomains).values({ projectId, frameworkId, key: freeKey(edit.label, new Set(framework.domains.map((d) => d.key))), label: edit.label, position: (last ?? -1) + 1 });
          break;
        }
        case 'add-level': {
          const [{ last }] = await tx.select({ last: max(frameworkLevels.position) }).from(frameworkLevels).where(and(eq(frameworkLevels.projectId, projectId), eq(frameworkLevels.frameworkId, frameworkId)));
          await tx.insert(frameworkLevels).values({ projectId, frameworkId, key: freeKey(edit.label, new Set(framework.levels.map((l) => l.key))), label: edit.label, position: (last ?? -1) + 1 });
          break;
        }
        case 'add-theme': {
          const domain = domainOf(edit.domainId);
          const position = Math.max(-1, ...domain.themes.map((t) => t.position)) + 1;
          await tx.insert(frameworkThemes).values({ projectId, frameworkId, domainId: domain.id, label: edit.label, position });
          break;
        }
        case 'rename-domain':
          domainOf(edit.domainId);
          await tx.update(frameworkDomains).set({ label: edit.label }).where(and(eq(frameworkDomains.id, edit.domainId), eq(frameworkDomains.projectId, projectId)));
          break;
        case 'rename-level':
          levelOf(edit.levelId);
          await tx.update(frameworkLevels).set({ label: edit.label }).where(and(eq(frameworkLevels.id, edit.levelId), eq(frameworkLevels.projectId, projectId)));
          break;
        case 'rename-theme':
          themeOf(edit.themeId);
          await tx.update(frameworkThemes).set({ label: edit.label }).where(and(eq(frameworkThemes.id, edit.themeId), eq(frameworkThemes.projectId, projectId)));
          break;
        case 'delete-domain':
          domainOf(edit.domainId);
          if (framework.domains.length === 1) throw new AppError('CONFLICT', 'A framework keeps at least one domain.');
          await tx.delete(frameworkDomains).where(and(eq(frameworkDomains.id, edit.domainId), eq(frameworkDomains.projectId, projectId)));
          break;
        case 'delete-level':
          levelOf(edit.levelId);
          if (framework.levels.length === 1) throw new AppError('CONFLICT', 'A framework keeps at least one level.');
          await tx.delete(frameworkLevels).where(and(eq(frameworkLevels.id, edit.levelId), eq(frameworkLevels.projectId, projectId)));
          break;
        case 'delete-theme':
          themeOf(edit.themeId);
          await tx.delete(frameworkThemes).where(and(eq(frameworkThemes.id, edit.themeId), eq(frameworkThemes.projectId, projectId)));
          break;
      }
      await tx.update(frameworks).set({ updatedAt: new Date() }).where(eq(frameworks.id, frameworkId));
      await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: `framework.${edit.op}`, entityType: 'framework', entityId: frameworkId, after: edit });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'That name is already used here.', { label: ['Already used.'], name: ['Already used.'] });
    throw error;
  }
  return loadFramework(db, projectId, frameworkId);
}
