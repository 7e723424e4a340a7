import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { seedCode, seedStudies } from '@/db/seed/coding-factories';
import { seedProject } from '@/db/seed/factories';
import { seedReproduction } from '@/db/seed/reproduction';
import { seedFramework } from '@/db/seed/synthesis-factories';
import type { ReportedCounts } from '@/lib/domain/synthesis/reproduction';
import type { Actor } from '@/lib/server/auth/actor';
import { listCerqualAssessments } from '@/lib/server/cerqual/list-cerqual-assessments';
import { saveCerqualAssessment } from '@/lib/server/cerqual/save-cerqual-assessment';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { addFramework } from '@/lib/server/synthesis/add-framework';
import { deleteFramework } from '@/lib/server/synthesis/delete-framework';
import { editFramework } from '@/lib/server/synthesis/edit-framework';
import { getFrameworkFit } from '@/lib/server/synthesis/get-framework-fit';
import { getFrameworkMatrix } from '@/lib/server/synthesis/get-framework-matrix';
import { listCellQuotes } from '@/lib/server/synthesis/list-cell-quotes';
import { listFrameworks } from '@/lib/server/synthesis/list-frameworks';
import { saveCellStatement } from '@/lib/server/synthesis/save-cell-statement';
import { setCodeCells } from '@/lib/server/synthesis/set-code-cells';
import { hasSharedData, sharedDataPath } from '../support/shared-data';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

type Row = Record<string, unknown>;
async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db().execute(query)) as unknown as { rows?: Row[] } | Row[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/**
 * The matrix counted again in SQL, independently of lib/domain: a recursive
 * walk up the codebook from each coded code to every ancestor, joined to the
 * mappings; distinct studies per (theme, level).
 */
async function sqlCellCounts(projectId: string, frameworkId: string): Promise<Map<string, number>> {
  const result = await rows(sql`
    with recursive up(coded_id, ancestor_id) as (
      select id, id from codes where project_id = ${projectId}
      union
      select up.coded_id, c.parent_id from up join codes c on c.id = up.ancestor_id where c.parent_id is not null
    )
    select m.theme_id, m.level_id, count(distinct k.study_id)::int as n
    from codings k
    join up on up.coded_id = k.code_id
    join code_framework_cells m on m.code_id = up.ancestor_id and m.framework_id = ${frameworkId}
    where k.project_id = ${projectId}
    group by m.theme_id, m.level_id`);
  return new Map(result.map((r) => [`${r.theme_id}|${r.level_id}`, Number(r.n)]));
}

async function sqlThemeCounts(projectId: string, frameworkId: string, column: 'theme_id' | 'domain_id'): Promise<Map<string, number>> {
  const result = await rows(sql`
    with recursive up(coded_id, ancestor_id) as (
      select id, id from codes where project_id = ${projectId}
      union
      select up.coded_id, c.parent_id from up join codes c on c.id = up.ancestor_id where c.parent_id is not null
    )
    select m.${sql.raw(column)} as k, count(distinct k.study_id)::int as n
    from codings k
    join up on up.coded_id = k.code_id
    join code_framework_cells m on m.code_id = up.ancestor_id and m.framework_id = ${frameworkId}
    where k.project_id = ${projectId}
    group by m.${sql.raw(column)}`);
  return new Map(result.map((r) => [String(r.k), Number(r.n)]));
}

describe('[SYNTHESIS] frameworks, mappings and the matrix', () => {
  it('adds presets and a custom framework, edits it, maps a code, counts studies and opens the quotes', async () => {
    const s = await seedProject(db(), { leads: 1, reviewers: 2 });
    const projectId = s.project.id;
    const lead = as(s.members.lead[0]);
    const [r1, r2] = s.members.reviewer;
    const { id: frameworkId } = await addFramework(lead, projectId, { presetKey: 'cochrane-furst' });
    await addFramework(lead, projectId, { presetKey: 'cfir-2' });
    await expect(addFramework(lead, projectId, { presetKey: 'cochrane-furst' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addFramework(as(r1), projectId, { presetKey: 'cfir-2' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(addFramework(lead, projectId, { name: 'Mine', levels: [], domains: [] })).rejects.toMatchObject({ code: 'VALIDATION', fields: { levels: expect.any(Array), domains: expect.any(Array) } });
    const custom = await addFramework(lead, projectId, { name: 'Socio-ecological', levels: ['Individual', 'Community', 'Community'], domains: [{ label: 'Access', themes: ['Cost'] }] });
    const list = await listFrameworks(as(r2), projectId);
    expect(list.map((f) => f.presetKey)).toEqual(['cochrane-furst', 'cfir-2', null]);
    const mine = list.find((f) => f.id === custom.id)!;
    expect(mine.levels.map((l) => l.key)).toEqual(['individual', 'community', 'community-2']);

    const afterEdit = await editFramework(lead, projectId, custom.id, { op: 'add-theme', domainId: mine.domains[0].id, label: '<img src=x onerror=alert(1)>' });
    expect(afterEdit.domains[0].themes.map((t) => t.label)).toEqual(['Cost', '<img src=x onerror=alert(1)>']);
    await expect(editFramework(lead, projectId, custom.id, { op: 'add-theme', domainId: mine.domains[0].id, label: 'cost' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(editFramework(lead, projectId, custom.id, { op: 'delete-domain', domainId: mine.domains[0].id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(editFramework(lead, projectId, custom.id, { op: 'rename-level', levelId: list[0].levels[0].id, label: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(editFramework(lead, projectId, 'not-a-uuid', { op: 'rename', name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await deleteFramework(lead, projectId, custom.id);

    const furst = list[0];
    const professional = furst.domains.find((d) => d.key === 'professional')!;
    const relationships = professional.themes.find((t) => t.label === 'Relationships')!;
    const [nano, micro] = furst.levels;
    const [studyA, studyB] = await seedStudies(db(), projectId, ['Video made rapport hard. Patients liked flexible times.', 'Therapists trusted the platform.']);
    const alliance = await seedCode(db(), projectId, { name: 'Alliance', polarity: 'barrier' });
    const online = await seedCode(db(), projectId, { name: 'Online rapport', parentId: alliance });
    const flexible = await seedCode(db(), projectId, { name: 'Flexible times', parentId: alliance, polarity: 'facilitator' });
    await setCodeCells(lead, projectId, frameworkId, { codeId: alliance, cells: [{ domainId: professional.id, themeId: relationships.id, levelId: micro.id }, { domainId: professional.id, themeId: relationships.id, levelId: nano.id }] });
    await expect(setCodeCells(lead, projectId, frameworkId, { codeId: alliance, cells: [{ domainId: professional.id, themeId: relationships.id, levelId: list[1].levels[0].id }] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(setCodeCells(as(r1), projectId, frameworkId, { codeId: alliance, cells: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await applyCoding(as(r1), projectId, { studyId: studyA, codeIds: [online], start: 0, end: 24, memo: 'Said by <b>three</b> clinicians' });
    await applyCoding(as(r2), projectId, { studyId: studyA, codeIds: [flexible], start: 25, end: 55 });
    await applyCoding(as(r2), projectId, { studyId: studyB, codeIds: [online], start: 0, end: 32 });

    const view = await getFrameworkMatrix(as(r1), projectId, frameworkId);
    const row = view.matrix.domains.find((d) => d.key === 'professional')!.rows.find((r) => r.label === 'Relationships')!;
    expect(row.cells.map((c) => [c.studies, c.barrier, c.facilitator])).toEqual([[2, 2, 1], [2, 2, 1], [0, 0, 0], [0, 0, 0]]);
    expect(row.summary).toBe('Relationships (n = 2; nano = 2, micro = 2)');
    const independent = await sqlCellCounts(projectId, frameworkId);
    for (const d of view.matrix.domains) for (const r of d.rows) for (const c of r.cells) expect(c.studies).toBe(independent.get(`${r.themeId}|${c.levelId}`) ?? 0);

    const cell = await listCellQuotes(as(s.owner), projectId, frameworkId, { domainId: professional.id, themeId: relationships.id, levelId: micro.id });
    expect(cell.studies).toBe(2);
    expect(cell.quotes.map((q) => [q.text, q.coder, q.memo])).toEqual([
      ['Video made rapport hard.', r1.name, 'Said by <b>three</b> clinicians'],
      ['Patients liked flexible times.', r2.name, null],
      ['Therapists trusted the platform.', r2.name, null],
    ]);
    expect(cell.quotes[1].codes).toEqual([{ id: flexible, name: 'Flexible times', polarity: 'facilitator' }]);
    await expect(listCellQuotes(as(s.owner), projectId, frameworkId, { domainId: professional.id, levelId: 'x' })).rejects.toMatchObject({ code: 'VALIDATION' });

    await saveCellStatement(lead, projectId, frameworkId, { domainId: professional.id, themeId: relationships.id, levelId: micro.id, summary: 'Rapport suffers on video.', recommendation: 'Train in video rapport.' });
    await saveCellStatement(lead, projectId, frameworkId, { domainId: professional.id, themeId: relationships.id, levelId: micro.id, summary: 'Rapport suffers on video for some.', recommendation: 'Train in video rapport.' });
    const again = await getFrameworkMatrix(as(r2), projectId, frameworkId);
    expect(again.statements).toHaveLength(1);
    expect(again.statements[0].summary).toBe('Rapport suffers on video for some.');

    const fit = await getFrameworkFit(as(r2), projectId);
    expect(fit.map((f) => [f.name.slice(0, 12), f.codedQuotes, f.mappedQuotes, f.emptyCells, f.singleStudyCells])).toEqual([
      ['Evidence-pra', 3, 3, 80 - 2, 0],
      ['Consolidated', 3, 0, 48, 0],
    ]);
  });
});

describe('[SYNTHESIS] reproduction of the seed review (shared/data/frameworks/seed-review-reported-counts.json)', () => {
  it.skipIf(!hasSharedData)('shows every self-consistent published count exactly, and the two that are not as the nearest possible value', async () => {
    const reported = JSON.parse(readFileSync(sharedDataPath('frameworks', 'seed-review-reported-counts.json'), 'utf8')) as ReportedCounts;
    const fixture = await seedReproduction(db(), reported);
    const view = await getFrameworkMatrix(as(fixture.owner), fixture.projectId, fixture.frameworkId);
    const levelKey = new Map(view.matrix.levels.map((l) => [l.id, l.key]));
    const notConsistent = new Map(fixture.plan.inconsistencies.map((i) => [i.name, i]));
    expect([...notConsistent.keys()]).toEqual(['Gender and cultural sensitivity', 'Trust']);
    for (const t of reported.themes) {
      const row = view.matrix.domains.flatMap((d) => d.rows).find((r) => r.label === t.theme)!;
      const shown = Object.fromEntries(row.cells.filter((c) => c.studies > 0).map((c) => [levelKey.get(c.levelId)!, c.studies]));
      expect(shown, t.theme).toEqual(t.levels);
      expect(row.n, t.theme).toBe(notConsistent.get(t.theme)?.reproduced ?? t.n);
      for (const c of row.cells) expect(c.barrier + c.facilitator, `${t.theme} cell split`).toBe(c.studies);
    }
    expect(view.matrix.domains.flatMap((d) => d.rows).find((r) => r.label === 'Relationships')!.summary).toBe('Relationships (n = 44; nano = 36, micro = 44)');
    expect(view.matrix.domains.flatMap((d) => d.rows).find((r) => r.label === 'Gender and cultural sensitivity')!.summary).toBe('Gender and cultural sensitivity (n = 14; nano = 14)');
    for (const d of view.matrix.domains) expect(d.n, d.key).toBe(reported.domains_studies[d.key]);
    expect(view.matrix.studies).toBeLessThanOrEqual(reported.prisma.included);

    // And the same numbers from SQL alone.
    const cells = await sqlCellCounts(fixture.projectId, fixture.frameworkId);
    const themes = await sqlThemeCounts(fixture.projectId, fixture.frameworkId, 'theme_id');
    const domains = await sqlThemeCounts(fixture.projectId, fixture.frameworkId, 'domain_id');
    for (const d of view.matrix.domains) {
      expect(domains.get(d.id)).toBe(d.n);
      for (const r of d.rows) {
        expect(themes.get(r.themeId!) ?? 0).toBe(r.n);
        for (const c of r.cells) expect(cells.get(`${r.themeId}|${c.levelId}`) ?? 0).toBe(c.studies);
      }
    }
  });
});

describe('[SYNTHESIS] a GRADE-CERQual assessment outlives its theme or statement', () => {
  it('keeps the assessment as a free-text finding when its theme, its statement or its framework is deleted', async () => {
    const s = await seedProject(db(), { leads: 1 });
    const projectId = s.project.id;
    const lead = s.members.lead[0];
    const framework = await seedFramework(db(), projectId);
    const rel = framework.themes['Relationships'];
    const statement = await saveCellStatement(as(lead), projectId, framework.id, { domainId: rel.domainId, themeId: rel.id, levelId: framework.levels.micro, summary: 'Rapport suffers on video.' });
    const components = {
      methodological_limitations: { concern: 'minor', explanation: 'One study lacked reflexivity.' },
      coherence: { concern: 'no_or_very_minor' },
      adequacy: { concern: 'no_or_very_minor' },
      relevance: { concern: 'no_or_very_minor' },
    };
    const byTheme = await saveCerqualAssessment(as(lead), projectId, { themeId: rel.id, finding: 'Video weakens rapport.', components, overall: 'moderate' });
    const byStatement = await saveCerqualAssessment(as(lead), projectId, { cellStatementId: statement.id, finding: 'Rapport suffers on video.', components, overall: 'low' });

    await editFramework(as(lead), projectId, framework.id, { op: 'delete-theme', themeId: rel.id });
    let list = await listCerqualAssessments(as(lead), projectId);
    expect(list.assessments.map((a) => [a.id, a.themeId, a.cellStatementId, a.finding, a.overall])).toEqual([
      [byTheme.id, null, null, 'Video weakens rapport.', 'moderate'],
      // The statement sat in the theme's row: it went with the theme, the assessment stays.
      [byStatement.id, null, null, 'Rapport suffers on video.', 'low'],
    ]);
    expect(list.assessments[0].soqf).toMatchObject({ finding: 'Video weakens rapport.' });

    // A framework deletion keeps them too, and a cut assessment can be edited as a free-text finding.
    const trust = Object.values(framework.themes).find((t) => t.id !== rel.id)!;
    const third = await saveCerqualAssessment(as(lead), projectId, { themeId: trust.id, finding: 'Trust grows slowly.', components, overall: 'high' });
    await deleteFramework(as(lead), projectId, framework.id);
    list = await listCerqualAssessments(as(lead), projectId);
    expect(list.assessments).toHaveLength(3);
    expect(list.assessments.find((a) => a.id === third.id)).toMatchObject({ themeId: null, finding: 'Trust grows slowly.', overall: 'high' });
    await saveCerqualAssessment(as(lead), projectId, { id: third.id, finding: 'Trust grows slowly, then holds.', components, overall: 'high' });
    expect((await listCerqualAssessments(as(lead), projectId)).assessments.find((a) => a.id === third.id)!.finding).toBe('Trust grows slowly, then holds.');
  });
});

describe('[SYNTHESIS] mapping a code while the framework changes', () => {
  it('answers a mapping to a theme deleted after the request was checked with a 422, not a foreign-key error', async () => {
    const s = await seedProject(db(), { leads: 1 });
    const projectId = s.project.id;
    const lead = s.members.lead[0];
    const framework = await seedFramework(db(), projectId);
    const rel = framework.themes['Relationships'];
    const code = await seedCode(db(), projectId, { name: 'Rapport' });
    const cell = { domainId: rel.domainId, themeId: rel.id, levelId: framework.levels.micro };
    // The theme goes just before setCodeCells opens its transaction (after its first look at the framework).
    const database = db();
    const real = database.transaction.bind(database);
    const spy = vi.spyOn(database, 'transaction').mockImplementationOnce((async (...args: Parameters<typeof real>) => {
      await editFramework(as(lead), projectId, framework.id, { op: 'delete-theme', themeId: rel.id });
      return real(...args);
    }) as typeof real);
    try {
      await expect(setCodeCells(as(lead), projectId, framework.id, { codeId: code, cells: [cell] })).rejects.toMatchObject({ code: 'VALIDATION', fields: { 'cells.0': expect.any(Array) } });
    } finally {
      spy.mockRestore();
    }
  });

  it('maps one code from many requests at once without a unique violation: the last one wins whole', async () => {
    const s = await seedProject(db(), { leads: 1 });
    const projectId = s.project.id;
    const lead = s.members.lead[0];
    const framework = await seedFramework(db(), projectId);
    const themes = Object.values(framework.themes).slice(0, 4);
    const code = await seedCode(db(), projectId, { name: 'Rapport' });
    const cellsFor = (i: number) => [
      { domainId: themes[i].domainId, themeId: themes[i].id, levelId: framework.levels.micro },
      { domainId: themes[(i + 1) % themes.length].domainId, themeId: themes[(i + 1) % themes.length].id, levelId: framework.levels.micro },
    ];
    const results = await Promise.allSettled(themes.flatMap((_, i) => [setCodeCells(as(lead), projectId, framework.id, { codeId: code, cells: cellsFor(i) }), setCodeCells(as(lead), projectId, framework.id, { codeId: code, cells: cellsFor(i) })]));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const matrix = await getFrameworkMatrix(as(lead), projectId, framework.id);
    const mapped = matrix.mappings.filter((m) => m.codeId === code);
    expect(mapped).toHaveLength(2);
  });
});
