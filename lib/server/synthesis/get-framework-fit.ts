import 'server-only';
import { getDb } from '@/db/client';
import { computeFrameworkFit, type FrameworkFit } from '@/lib/domain/synthesis/fit';
import { computeFrameworkMatrix } from '@/lib/domain/synthesis/matrix';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { isCellOf, loadFrameworks } from './framework-dto';
import { loadCodingSnapshot } from './load-coding-snapshot';

export type FrameworkFitDto = { frameworkId: string; name: string; domains: number; themes: number; levels: number } & FrameworkFit;

/** Every framework of the project measured on the same codings, side by side. */
export async function getFrameworkFit(actor: Actor, projectId: string): Promise<FrameworkFitDto[]> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const [frameworks, snapshot] = await Promise.all([loadFrameworks(db, projectId), loadCodingSnapshot(db, projectId, undefined, { userId: actor.userId, role })]);
  return frameworks.map((f) => {
    const mappings = snapshot.mappings.filter((m) => m.frameworkId === f.id);
    const matrix = computeFrameworkMatrix(f, snapshot.codes, mappings, snapshot.codings);
    return {
      frameworkId: f.id,
      name: f.name,
      domains: f.domains.length,
      themes: f.domains.reduce((n, d) => n + d.themes.length, 0),
      levels: f.levels.length,
      ...computeFrameworkFit(matrix, snapshot.codes, mappings, snapshot.codings, (m) => isCellOf(f, m)),
    };
  });
}
