/**
 * Composable seed factories with unique defaults, shared by the demo seed,
 * integration tests and end-to-end tests. They write rows directly (no audit
 * events): they set the scene, they are not user actions.
 */
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '@/db/client';
import { exclusionReasons, memberships, projects, references, sources, users, type NewReference } from '@/db/schema';
import { DEFAULT_EXCLUSION_REASONS } from '@/lib/domain/screening';
import type { ProjectSettings } from '@/db/schema';
import type { Role } from '@/lib/domain/access/permissions';

export const DEFAULT_TEST_PASSWORD = 'tandem-test-password-1';

const hashes = new Map<string, Promise<string>>();
/** Hash each distinct password once per process: argon2 is slow on purpose. */
function hashOnce(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    hashes.set(password, h);
  }
  return h;
}

export type SeededUser = { id: string; email: string; name: string; password: string };

export async function createUser(
  db: Db,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<SeededUser> {
  const tag = randomUUID().slice(0, 8);
  const password = overrides.password ?? DEFAULT_TEST_PASSWORD;
  const email = (overrides.email ?? `user-${tag}@example.test`).toLowerCase();
  const name = overrides.name ?? `User ${tag}`;
  const [row] = await db
    .insert(users)
    .values({ email, name, passwordHash: await hashOnce(password) })
    .returning({ id: users.id });
  return { id: row.id, email, name, password };
}

export const DEFAULT_SETTINGS: ProjectSettings = {
  reviewersRequired: { title_abstract: 2, full_text: 2 },
  blindScreening: true,
  highlightTerms: { include: [], exclude: [] },
};

export type SeededProject = {
  project: { id: string; title: string };
  owner: SeededUser;
  members: Record<Exclude<Role, 'owner'>, SeededUser[]>;
};

/** A project with an owner and the given number of members per role. */
export async function seedProject(
  db: Db,
  options: {
    title?: string;
    question?: string;
    criteria?: string;
    owner?: SeededUser;
    leads?: number;
    reviewers?: number;
    viewers?: number;
    settings?: Partial<ProjectSettings>;
  } = {},
): Promise<SeededProject> {
  const owner = options.owner ?? (await createUser(db, { name: 'Owner' }));
  const [project] = await db
    .insert(projects)
    .values({
      title: options.title ?? `Review ${randomUUID().slice(0, 8)}`,
      question: options.question ?? '',
      criteria: options.criteria ?? '',
      settings: { ...DEFAULT_SETTINGS, ...options.settings },
      createdBy: owner.id,
    })
    .returning({ id: projects.id, title: projects.title });
  await db.insert(memberships).values({ projectId: project.id, userId: owner.id, role: 'owner' });
  await db
    .insert(exclusionReasons)
    .values(DEFAULT_EXCLUSION_REASONS.map((label, position) => ({ projectId: project.id, label, position })));
  const members: SeededProject['members'] = { lead: [], reviewer: [], viewer: [] };
  for (const role of ['lead', 'reviewer', 'viewer'] as const) {
    const n = options[`${role}s` as 'leads' | 'reviewers' | 'viewers'] ?? 0;
    for (let i = 0; i < n; i++) {
      const user = await createUser(db, { name: `${role} ${i + 1}` });
      await db.insert(memberships).values({ projectId: project.id, userId: user.id, role });
      members[role].push(user);
    }
  }
  return { project, owner, members };
}

/** Add one source with the given references (plain objects; missing fields default to null). */
export async function seedReferences(
  db: Db,
  projectId: string,
  records: Partial<Omit<NewReference, 'projectId' | 'sourceId'>>[],
  source: { databaseName?: string; fileName?: string; format?: string; importedBy?: string } = {},
): Promise<{ sourceId: string; referenceIds: string[] }> {
  const [row] = await db
    .insert(sources)
    .values({
      projectId,
      databaseName: source.databaseName ?? 'Medline',
      fileName: source.fileName ?? 'seed.ris',
      format: source.format ?? 'ris',
      recordCount: records.length,
      importedBy: source.importedBy ?? null,
    })
    .returning({ id: sources.id });
  if (records.length === 0) return { sourceId: row.id, referenceIds: [] };
  const inserted = await db
    .insert(references)
    .values(records.map((r, i) => ({ title: `Reference ${i + 1}`, ...r, projectId, sourceId: row.id })))
    .returning({ id: references.id });
  return { sourceId: row.id, referenceIds: inserted.map((r) => r.id) };
}
