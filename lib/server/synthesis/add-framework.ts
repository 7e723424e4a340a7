import 'server-only';
import { getDb, type Db } from '@/db/client';
import { frameworkDomains, frameworkLevels, frameworks, frameworkThemes } from '@/db/schema';
import { findFrameworkPreset, freeKey, type FrameworkPreset } from '@/lib/domain/synthesis/presets';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZAddFramework } from '@/lib/validation/synthesis';

/** Distinct keys for labels: "micro", "micro-2", ... */
function uniqueKeys(labels: string[]): string[] {
  const taken = new Set<string>();
  return labels.map((label) => {
    const key = freeKey(label, taken);
    taken.add(key);
    return key;
  });
}

async function insertStructure(tx: Db, projectId: string, frameworkId: string, spec: Pick<FrameworkPreset, 'levels' | 'domains'>) {
  await tx.insert(frameworkLevels).values(spec.levels.map((l, position) => ({ projectId, frameworkId, key: l.key, label: l.label, position })));
  for (const [position, d] of spec.domains.entries()) {
    const [domain] = await tx.insert(frameworkDomains).values({ projectId, frameworkId, key: d.key, label: d.label, position }).returning({ id: frameworkDomains.id });
    if (d.themes.length) {
      await tx.insert(frameworkThemes).values(d.themes.map((label, i) => ({ projectId, frameworkId, domainId: domain.id, label, position: i })));
    }
  }
}

/** Add a framework: a copy of a preset (which the lead may then edit) or a custom one. */
export async function addFramework(actor: Actor, projectId: string, raw: unknown): Promise<{ id: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'synthesis.edit');
  const input = parseInput(ZAddFramework, raw);
  let spec: Pick<FrameworkPreset, 'name' | 'source' | 'description' | 'levels' | 'domains'> & { presetKey: string | null };
  if ('presetKey' in input) {
    const preset = findFrameworkPreset(input.presetKey)!;
    spec = { ...preset, presetKey: preset.key };
  } else {
    const levelKeys = uniqueKeys(input.levels);
    const domainKeys = uniqueKeys(input.domains.map((d) => d.label));
    for (const d of input.domains) {
      const lower = d.themes.map((t) => t.toLowerCase());
      if (new Set(lower).size !== lower.length) throw new AppError('VALIDATION', `Domain "${d.label}" lists a theme twice.`, { domains: ['A theme appears twice in one domain.'] });
    }
    spec = {
      presetKey: null,
      name: input.name,
      source: input.source,
      description: input.description,
      levels: input.levels.map((label, i) => ({ key: levelKeys[i], label })),
      domains: input.domains.map((d, i) => ({ key: domainKeys[i], label: d.label, themes: d.themes })),
    };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(frameworks)
      .values({ projectId, presetKey: spec.presetKey, name: spec.name, source: spec.source, description: spec.description, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: frameworks.id });
    if (!row) throw new AppError('CONFLICT', `This project already has a framework called "${spec.name}".`, { name: ['Already used in this project.'] });
    await insertStructure(tx, projectId, row.id, spec);
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'framework.add', entityType: 'framework', entityId: row.id, after: { name: spec.name, presetKey: spec.presetKey } });
    return row;
  });
}
