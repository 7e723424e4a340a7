/**
 * The reproduction fixture (issue 7, line 8): a project with the seed review's
 * 81 included studies (synthetic stand-ins, titled "Included study 01..81"),
 * the Cochrane x Furst framework, and codings laid out by planReproduction so
 * that the matrix shows the published theme-by-level counts. Texts and quotes
 * are placeholders that say what they stand for; the counts are the point.
 *
 * Codebook per theme: a descriptive theme (no polarity, not mapped) holding one
 * code per level, mapped to (theme, level), each with a "barriers" child
 * (polarity barrier) and a "facilitators" child (facilitator), neither mapped:
 * the matrix must reach the cells through the ancestor mapping and inherit the
 * polarity from the nearest coded ancestor. Studies alternate between the two.
 */
import type { Db } from '@/db/client';
import { codes, memberships, screeningStates, studies } from '@/db/schema';
import { planReproduction, type ReportedCounts, type ReproductionPlan } from '@/lib/domain/synthesis/reproduction';
import { createUser, seedProject, seedReferences, type SeededUser } from './factories';
import { seedCodeCell, seedCodedQuotes, seedFramework } from './synthesis-factories';

export type ReproductionFixture = {
  projectId: string;
  frameworkId: string;
  owner: SeededUser;
  coders: SeededUser[];
  plan: ReproductionPlan;
  studyIds: string[];
};

const pad = (n: number) => String(n).padStart(2, '0');

export async function seedReproduction(
  db: Db,
  reported: ReportedCounts,
  options: { title?: string; owner?: SeededUser } = {},
): Promise<ReproductionFixture> {
  const plan = planReproduction(reported);
  const seeded = await seedProject(db, {
    title: options.title ?? 'Reproduction: digital mental health matrix (BMC Health Serv Res 2024)',
    question: 'Barriers and facilitators to the implementation of digital technologies in mental health systems.',
    owner: options.owner,
    reviewers: 0,
  });
  const coders = [await createUser(db, { name: 'Coder A' }), await createUser(db, { name: 'Coder B' })];
  for (const c of coders) await db.insert(memberships).values({ projectId: seeded.project.id, userId: c.id, role: 'reviewer' });
  const projectId = seeded.project.id;

  const { referenceIds } = await seedReferences(
    db,
    projectId,
    Array.from({ length: plan.studies }, (_, i) => ({ title: `Included study ${pad(i + 1)}`, authors: [`Study ${pad(i + 1)}, A.`], year: 2015 + (i % 9) })),
    { databaseName: 'Reproduction fixture' },
  );
  await db.insert(screeningStates).values(
    referenceIds.flatMap((referenceId) => [
      { referenceId, projectId, stage: 'title_abstract' as const, state: 'included' as const },
      { referenceId, projectId, stage: 'full_text' as const, state: 'included' as const },
    ]),
  );
  const studyIds = (await db.insert(studies).values(referenceIds.map((referenceId) => ({ projectId, referenceId }))).returning({ id: studies.id })).map((r) => r.id);

  const framework = await seedFramework(db, projectId, 'cochrane-furst');
  const lines = new Map<number, string[]>();
  const planned: { study: number; line: number; codeId: string; coder: number }[] = [];
  let position = 0;
  for (const theme of plan.themes) {
    const target = framework.themes[theme.theme];
    if (!target) throw new Error(`The preset has no theme "${theme.theme}".`);
    const [themeCode] = await db
      .insert(codes)
      .values({ projectId, name: theme.theme, kind: 'descriptive_theme', color: '#4b5563', position: position++ })
      .returning({ id: codes.id });
    for (const [level, indices] of Object.entries(theme.levels)) {
      const [levelCode] = await db
        .insert(codes)
        .values({ projectId, parentId: themeCode.id, name: `${theme.theme} (${level})`, color: '#2563eb', position: position++ })
        .returning({ id: codes.id });
      await seedCodeCell(db, projectId, framework.id, levelCode.id, { domainId: target.domainId, themeId: target.id, levelId: framework.levels[level] });
      const children = await db
        .insert(codes)
        .values([
          { projectId, parentId: levelCode.id, name: 'Barriers', polarity: 'barrier' as const, color: '#b91c1c', position: 0 },
          { projectId, parentId: levelCode.id, name: 'Facilitators', polarity: 'facilitator' as const, color: '#15803d', position: 1 },
        ])
        .returning({ id: codes.id });
      indices.forEach((study, j) => {
        const studyLines = lines.get(study) ?? [];
        studyLines.push(`[Fixture quote] ${theme.theme}, ${level} level, ${j % 2 === 0 ? 'a barrier' : 'a facilitator'} reported by included study ${pad(study + 1)}.`);
        lines.set(study, studyLines);
        planned.push({ study, line: studyLines.length - 1, codeId: children[j % 2].id, coder: study % 2 });
      });
    }
  }
  const texts = new Map<string, string>();
  const offsets = new Map<number, number[]>();
  for (let s = 0; s < plan.studies; s++) {
    const studyLines = lines.get(s) ?? [`Included study ${pad(s + 1)} contributed no coded passage to the matrix.`];
    const starts: number[] = [];
    let at = 0;
    for (const line of studyLines) {
      starts.push(at);
      at += line.length + 1;
    }
    offsets.set(s, starts);
    texts.set(studyIds[s], studyLines.join('\n'));
  }
  await seedCodedQuotes(
    db,
    projectId,
    texts,
    planned.map((p) => {
      const start = offsets.get(p.study)![p.line];
      const end = start + lines.get(p.study)![p.line].length;
      return { studyId: studyIds[p.study], coderId: coders[p.coder].id, start, end, codeIds: [p.codeId] };
    }),
  );
  return { projectId, frameworkId: framework.id, owner: seeded.owner, coders, plan, studyIds };
}
