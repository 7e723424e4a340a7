/**
 * Synthesis scene-setters for tests, e2e and the reproduction fixture: a
 * framework copied from a preset, mappings of codes to cells, checklists and
 * coded quotes written straight to the tables. Decisions that matter go
 * through the use-cases.
 */
import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { appraisalChecklists, codeFrameworkCells, codings, documents, frameworkDomains, frameworkLevels, frameworks, frameworkThemes, quotes } from '@/db/schema';
import { JBI_QUALITATIVE } from '@/lib/domain/appraisal/checklists';
import { findFrameworkPreset } from '@/lib/domain/synthesis/presets';

export type SeededFramework = {
  id: string;
  levels: Record<string, string>;
  domains: Record<string, string>;
  /** theme label -> { id, domainId } */
  themes: Record<string, { id: string; domainId: string }>;
};

export async function seedFramework(db: Db, projectId: string, presetKey = 'cochrane-furst'): Promise<SeededFramework> {
  const preset = findFrameworkPreset(presetKey);
  if (!preset) throw new Error(`No preset ${presetKey}`);
  const [f] = await db.insert(frameworks).values({ projectId, presetKey, name: preset.name, source: preset.source, description: preset.description }).returning({ id: frameworks.id });
  const levelRows = await db
    .insert(frameworkLevels)
    .values(preset.levels.map((l, position) => ({ projectId, frameworkId: f.id, key: l.key, label: l.label, position })))
    .returning({ id: frameworkLevels.id, key: frameworkLevels.key });
  const out: SeededFramework = { id: f.id, levels: Object.fromEntries(levelRows.map((l) => [l.key, l.id])), domains: {}, themes: {} };
  for (const [position, d] of preset.domains.entries()) {
    const [domain] = await db.insert(frameworkDomains).values({ projectId, frameworkId: f.id, key: d.key, label: d.label, position }).returning({ id: frameworkDomains.id });
    out.domains[d.key] = domain.id;
    if (d.themes.length) {
      const rows = await db
        .insert(frameworkThemes)
        .values(d.themes.map((label, i) => ({ projectId, frameworkId: f.id, domainId: domain.id, label, position: i })))
        .returning({ id: frameworkThemes.id, label: frameworkThemes.label });
      for (const t of rows) out.themes[t.label] = { id: t.id, domainId: domain.id };
    }
  }
  return out;
}

export async function seedCodeCell(db: Db, projectId: string, frameworkId: string, codeId: string, cell: { domainId: string; themeId: string | null; levelId: string }): Promise<void> {
  await db.insert(codeFrameworkCells).values({ projectId, frameworkId, codeId, ...cell });
}

export async function seedJbiChecklist(db: Db, projectId: string): Promise<string> {
  const [row] = await db
    .insert(appraisalChecklists)
    .values({ projectId, presetKey: JBI_QUALITATIVE.key, name: JBI_QUALITATIVE.name, source: JBI_QUALITATIVE.source, questions: JBI_QUALITATIVE.questions })
    .returning({ id: appraisalChecklists.id });
  return row.id;
}

/**
 * Coded quotes written in bulk (one document per study, version 1): each entry
 * a span of the study's text by a coder with the given codes. For fixtures of
 * hundreds of codings, where the use-case per quote would be slow.
 */
export async function seedCodedQuotes(
  db: Db,
  projectId: string,
  texts: Map<string, string>,
  entries: { studyId: string; coderId: string; start: number; end: number; codeIds: string[]; memo?: string | null }[],
): Promise<{ documentIds: Map<string, string>; quoteIds: string[] }> {
  const documentIds = new Map<string, string>();
  const studyIds = [...texts.keys()];
  for (let i = 0; i < studyIds.length; i += 200) {
    const chunk = studyIds.slice(i, i + 200);
    const rows = await db
      .insert(documents)
      .values(chunk.map((studyId) => ({ projectId, studyId, version: 1, source: 'paste' as const, text: texts.get(studyId)!, textHash: createHash('sha256').update(texts.get(studyId)!).digest('hex'), frozenAt: new Date() })))
      .returning({ id: documents.id, studyId: documents.studyId });
    for (const r of rows) documentIds.set(r.studyId, r.id);
  }
  const quoteIds: string[] = [];
  for (let i = 0; i < entries.length; i += 200) {
    const chunk = entries.slice(i, i + 200);
    const rows = await db
      .insert(quotes)
      .values(chunk.map((e) => ({ projectId, studyId: e.studyId, documentId: documentIds.get(e.studyId)!, coderId: e.coderId, start: e.start, end: e.end, text: texts.get(e.studyId)!.slice(e.start, e.end), memo: e.memo ?? null })))
      .returning({ id: quotes.id });
    quoteIds.push(...rows.map((r) => r.id));
    const codingRows = chunk.flatMap((e, j) => e.codeIds.map((codeId) => ({ projectId, quoteId: rows[j].id, codeId, studyId: e.studyId, coderId: e.coderId })));
    if (codingRows.length) await db.insert(codings).values(codingRows);
  }
  return { documentIds, quoteIds };
}
