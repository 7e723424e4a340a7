import 'server-only';
import { getDb } from '@/db/client';
import { exclusionReasons, memberships, projects } from '@/db/schema';
import { DEFAULT_EXCLUSION_REASONS } from '@/lib/domain/screening';
import { DEFAULT_PROJECT_SETTINGS, ZCreateProject } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { ProjectDetail } from './project-dto';

/** Create a review; its creator becomes its owner. */
export async function createProject(actor: Actor, raw: unknown): Promise<ProjectDetail> {
  const input = parseInput(ZCreateProject, raw);
  return getDb().transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({ ...input, settings: DEFAULT_PROJECT_SETTINGS, createdBy: actor.userId })
      .returning();
    await tx.insert(memberships).values({ projectId: project.id, userId: actor.userId, role: 'owner' });
    await tx
      .insert(exclusionReasons)
      .values(DEFAULT_EXCLUSION_REASONS.map((label, position) => ({ projectId: project.id, label, position })));
    await recordAuditEvent(tx, {
      projectId: project.id,
      actorId: actor.userId,
      action: 'project.create',
      entityType: 'project',
      entityId: project.id,
      after: { title: project.title, question: project.question, criteria: project.criteria },
    });
    return {
      id: project.id,
      title: project.title,
      question: project.question,
      criteria: project.criteria,
      settings: project.settings,
      role: 'owner',
      createdAt: project.createdAt.toISOString(),
      updatedAt: project.updatedAt.toISOString(),
    };
  });
}
