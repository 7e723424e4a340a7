import { gzipSync } from 'node:zlib';
import { and, count, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditEvents,
  duplicatePairs,
  fullTexts,
  invitations,
  memberships,
  projects,
  rankingRuns,
  referenceRelevance,
  references,
  studies,
  users,
  votes,
} from '@/db/schema';
import { createUser, seedProject } from '@/db/seed/factories';
import { attachFullText, includeAtTitleAbstract } from '@/db/seed/screening-factories';
import { setUserPassword } from '@/lib/server/accounts/set-user-password';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import type { Actor } from '@/lib/server/auth/actor';
import { EXPORT_FORMAT, type ProjectExport } from '@/lib/server/backup/export-format';
import { buildProjectExport, encodeExportFile, exportProject } from '@/lib/server/backup/export-project';
import { importProject } from '@/lib/server/backup/import-project';
import { NOT_PROJECT_DATA, projectTables, schemaTables, uncoveredTables } from '@/lib/server/backup/project-tables';
import { recordVote } from '@/lib/server/screening/record-vote';
import { resolveRecord } from '@/lib/server/screening/resolve-record';
import { setupTestDatabase } from '../support/test-db';
import { makePdf } from '../support/pdf';
import { article, importFile, ris } from './import-helpers';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A project with something in every kind of table: imported references with duplicates, votes, resolutions, a PDF, a study, rankings. */
async function seedRichProject() {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  const projectId = seeded.project.id;
  const [lead] = seeded.members.lead;
  const [r1, r2] = seeded.members.reviewer;
  const records = Array.from({ length: 12 }, (_, i) => article(i + 1));
  // Two copies: one certain duplicate (same DOI) and one probable (no DOI, title case changed).
  records.push({ ...article(3) }, { ...article(5), doi: undefined, title: article(5).title.toUpperCase() });
  const job = await importFile(as(lead), projectId, ris(records), { source: 'Embase', searchedOn: '2024-03-01' });
  expect(job.status).toBe('succeeded');
  const refs = await db()
    .select({ id: references.id })
    .from(references)
    .where(and(eq(references.projectId, projectId), sql`${references.duplicateOfId} is null`))
    .orderBy(references.id);
  for (const [k, reviewer] of [r1, r2].entries()) {
    for (const [i, ref] of refs.slice(0, 8).entries()) {
      await recordVote(as(reviewer), projectId, {
        referenceId: ref.id,
        stage: 'title_abstract',
        decision: i % 3 === 0 && k === 1 ? 'exclude' : 'include',
        note: i === 0 ? `Note by reviewer ${k + 1} <b>bold</b>` : null,
      });
    }
  }
  await resolveRecord(as(lead), projectId, { referenceId: refs[0].id, stage: 'title_abstract', decision: 'include', note: 'Agreed at the meeting' });
  await includeAtTitleAbstract(db(), projectId, refs[9].id, lead.id);
  await attachFullText(db(), projectId, refs[9].id, makePdf('Full text of record ten'));
  await db().insert(studies).values({ projectId, referenceId: refs[9].id });
  await db().insert(referenceRelevance).values(refs.slice(0, 5).map((r, i) => ({ referenceId: r.id, projectId, relevance: 1 - i / 10 })));
  await db().insert(rankingRuns).values({
    projectId,
    stage: 'title_abstract',
    method: 'model',
    model: 'nb+lr',
    records: refs.length,
    includes: 6,
    excludes: 2,
    labelledAt: new Date('2026-01-02T03:04:05.678Z'),
    durationMs: 42,
    timings: { featureSource: 'built', features: 1, labels: 2, train: 3, write: 4, estimate: null },
  });
  await db().insert(invitations).values({ projectId, email: 'not-yet@example.test', role: 'reviewer', invitedBy: seeded.owner.id });
  return { ...seeded, projectId, lead, reviewers: [r1, r2], refs };
}

/**
 * A project's content with ids replaced by what they stand for: a row id by
 * "<table>#<position in id order>", a person's id by their email. Two copies
 * of a project compare equal exactly when every row and every link between
 * rows (foreign keys, ids inside JSON and text) is the same.
 */
function canonical(data: ProjectExport, options: { dropImportEvent?: boolean } = {}) {
  const labels = new Map<string, string>();
  for (const u of data.users) labels.set(u.id, `user:${u.email}`);
  for (const t of projectTables()) {
    const content = data.tables[t.name];
    const pk = t.primaryKey ? content.columns.indexOf(t.primaryKey) : -1;
    if (pk < 0 || t.foreignKeys.some((fk) => fk.key === t.primaryKey)) continue;
    const ids = content.rows.map((r) => r[pk]).filter((v): v is string => typeof v === 'string' && UUID.test(v)).sort();
    ids.forEach((id, i) => labels.set(id, `${t.name}#${i}`));
  }
  const label = (value: unknown): unknown => {
    if (typeof value === 'string') return UUID.test(value) ? (labels.get(value) ?? `unknown-id`) : value;
    if (Array.isArray(value)) return value.map(label);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [labels.get(k) ?? k, label(v)]));
    return value;
  };
  const out: Record<string, string[]> = {};
  for (const t of projectTables()) {
    const content = data.tables[t.name];
    const generated = new Set(t.columns.filter((c) => c.isGenerated).map((c) => c.key));
    const action = content.columns.indexOf('action');
    out[t.name] = content.rows
      .filter((r) => !(options.dropImportEvent && t.name === 'audit_events' && r[action] === 'project.import'))
      .map((r) => JSON.stringify(Object.fromEntries(content.columns.filter((c) => !generated.has(c)).map((c) => [c, label(r[content.columns.indexOf(c)])]))))
      .sort();
  }
  return out;
}

/** Rows that an import of this export would add (other test files write to the same database at the same time). */
async function copiesOf(data: ProjectExport) {
  const [p] = await db().select({ n: count() }).from(projects).where(eq(projects.title, data.project.title));
  const [r] = await db().select({ n: count() }).from(references).innerJoin(projects, eq(projects.id, references.projectId)).where(eq(projects.title, data.project.title));
  const [u] = await db().select({ n: count() }).from(users).where(sql`lower(${users.email}) like 'moved-%' or lower(${users.email}) in ${data.users.map((x) => x.email.toLowerCase())}`);
  return { projects: Number(p.n), references: Number(r.n), users: Number(u.n) };
}

describe('[BACKUP] which tables a project export carries', () => {
  it('covers every table in db/schema: exported as project data, or listed as not project data with a reason', () => {
    expect(uncoveredTables()).toEqual([]);
    const names = schemaTables().map((t) => t.name);
    const exported = projectTables().map((t) => t.name);
    for (const [name, reason] of Object.entries(NOT_PROJECT_DATA)) {
      expect(names, `${name} in NOT_PROJECT_DATA is a table of db/schema`).toContain(name);
      expect(exported).not.toContain(name);
      expect(reason.length).toBeGreaterThan(20);
    }
    for (const name of ['projects', 'memberships', 'references', 'votes', 'resolutions', 'full_texts', 'studies', 'screening_states', 'reference_relevance', 'ranking_runs', 'audit_events']) {
      expect(exported).toContain(name);
    }
  });

  it('orders tables parents first', () => {
    const order = projectTables().map((t) => t.name);
    for (const t of projectTables()) {
      for (const fk of t.foreignKeys) {
        if (order.includes(fk.foreignTable) && fk.foreignTable !== t.name) expect(order.indexOf(fk.foreignTable)).toBeLessThan(order.indexOf(t.name));
      }
    }
  });
});

describe('[BACKUP] export and import a whole project', () => {
  it('round-trips every table (bytes, JSON, arrays and links between rows included), twice into the same database', async () => {
    const s = await seedRichProject();
    const original = await buildProjectExport(db(), s.projectId);
    expect(original.tables.votes.rows).toHaveLength(16);
    expect(original.tables.full_texts.rows).toHaveLength(1);
    expect(original.tables.duplicate_pairs.rows.length + original.tables.references.rows.length).toBeGreaterThan(14);
    expect(JSON.stringify(original)).not.toMatch(/argon2|passwordHash|password_hash/);
    const file = encodeExportFile(original);

    const before = await copiesOf(original);
    const started = performance.now();
    const first = await importProject(db(), file);
    const roundTripMs = performance.now() - started;
    const second = await importProject(db(), file);
    expect(first.projectId).not.toBe(s.projectId);
    expect(second.projectId).not.toBe(first.projectId);
    expect(first.users).toEqual({ matched: original.users.length, created: [] });
    expect(await copiesOf(original)).toEqual({ projects: 3, users: before.users, references: 3 * original.tables.references.rows.length });

    const expected = canonical(original);
    for (const copy of [first, second]) {
      const copied = await buildProjectExport(db(), copy.projectId);
      const imports = copied.tables.audit_events.rows.filter((r) => r[copied.tables.audit_events.columns.indexOf('action')] === 'project.import');
      expect(imports).toHaveLength(1);
      expect(canonical(copied, { dropImportEvent: true })).toEqual(expected);
      // No id of the original survives in the copy: every row is new, and every link points inside the copy.
      const originalIds = new Set(Object.values(original.tables).flatMap((t) => t.rows.flat().filter((v): v is string => typeof v === 'string' && UUID.test(v))));
      for (const u of original.users) originalIds.delete(u.id);
      const copiedIds = Object.values(copied.tables).flatMap((t) => t.rows.flat().filter((v): v is string => typeof v === 'string' && UUID.test(v)));
      expect(copiedIds.filter((id) => originalIds.has(id))).toEqual([]);
    }
    // The PDF's bytes, byte for byte.
    const [pdf] = await db().select({ content: fullTexts.content }).from(fullTexts).where(eq(fullTexts.projectId, second.projectId));
    expect(Buffer.compare(pdf.content!, makePdf('Full text of record ten'))).toBe(0);
    // Votes in the copy point at the copy's references, by the same reviewers.
    const [crossLinked] = await db()
      .select({ n: count() })
      .from(votes)
      .innerJoin(references, eq(references.id, votes.referenceId))
      .where(and(eq(votes.projectId, first.projectId), ne(references.projectId, first.projectId)));
    expect(Number(crossLinked.n)).toBe(0);
    console.log(`round trip: ${(file.length / 1024).toFixed(1)} KB file, import ${roundTripMs.toFixed(0)} ms`);
  });

  it('is the owners\' download: a gzipped file that imports, recorded in the audit log; others are refused', async () => {
    const s = await seedRichProject();
    const { fileName, bytes } = await exportProject(as(s.owner), s.projectId);
    expect(fileName).toMatch(/^tandem-review-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'project.export')));
    expect(event.actorId).toBe(s.owner.id);
    await expect(exportProject(as(s.lead), s.projectId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportProject(as(await createUser(db())), s.projectId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const copy = await importProject(db(), bytes);
    expect(copy.rows.votes).toBe(16);
  });

  it('makes --owner an owner of the copy, and creates people it does not know as accounts without a password', async () => {
    const s = await seedRichProject();
    const data = await buildProjectExport(db(), s.projectId);
    // As if restored in another installation: these two people have no account here.
    const renamed = new Map([s.reviewers[0].email, s.owner.email].map((e) => [e, `moved-${e}`]));
    const moved: ProjectExport = { ...data, users: data.users.map((u) => ({ ...u, email: renamed.get(u.email) ?? u.email })) };
    const newOwner = await createUser(db());
    const result = await importProject(db(), encodeExportFile(moved), { ownerEmail: newOwner.email.toUpperCase() });
    expect(result.users.created.sort()).toEqual([...renamed.values()].sort());

    const roles = await db()
      .select({ email: users.email, role: memberships.role, hash: users.passwordHash })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.projectId, result.projectId));
    expect(roles.find((r) => r.email === newOwner.email)?.role).toBe('owner');
    const created = roles.find((r) => r.email === `moved-${s.reviewers[0].email}`)!;
    expect(created).toMatchObject({ role: 'reviewer', hash: '' });
    // Without a password nobody can sign in as them, until an administrator sets one.
    await expect(verifyCredentials({ email: created.email, password: '' }, '127.0.0.9')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(verifyCredentials({ email: created.email, password: 'anything at all 1' }, '127.0.0.9')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await setUserPassword({ email: created.email, password: 'a new password 42' });
    await expect(verifyCredentials({ email: created.email, password: 'a new password 42' }, '127.0.0.9')).resolves.toMatchObject({ email: created.email });
    // The votes of the person kept their author.
    const [votesOfCreated] = await db()
      .select({ n: count() })
      .from(votes)
      .innerJoin(users, eq(users.id, votes.reviewerId))
      .where(and(eq(votes.projectId, result.projectId), eq(users.email, created.email)));
    expect(Number(votesOfCreated.n)).toBe(8);
    await expect(importProject(db(), encodeExportFile(data), { ownerEmail: 'nobody-here@example.test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a bad file with a message and writes nothing', async () => {
    const s = await seedRichProject();
    const data = await buildProjectExport(db(), s.projectId);
    const good = encodeExportFile(data);
    const votesTable = data.tables.votes;
    const referenceAt = votesTable.columns.indexOf('referenceId');
    const danglingVote = { ...data, tables: { ...data.tables, votes: { ...votesTable, rows: votesTable.rows.map((r, i) => (i === 3 ? r.map((v, k) => (k === referenceAt ? '00000000-0000-4000-8000-000000000000' : v)) : r)) } } };
    const unknownUser = { ...data, users: data.users.slice(1) };
    const cases: [string, Buffer, RegExp][] = [
      ['random bytes', Buffer.from('\x00\x01 not an export at all'), /not JSON/],
      ['a truncated file', good.subarray(0, Math.floor(good.length / 2)), /damaged or cut short/],
      ['JSON of something else', Buffer.from(JSON.stringify({ hello: 'world' })), new RegExp(`no "format": "${EXPORT_FORMAT}"`)],
      ['a future version', gzipSync(JSON.stringify({ ...data, version: 2 })), /version 2 project export/],
      ['an unknown table', encodeExportFile({ ...data, tables: { ...data.tables, spaceships: { columns: ['id'], rows: [] } } }), /table "spaceships"/],
      ['an unknown column', encodeExportFile({ ...data, tables: { ...data.tables, votes: { ...votesTable, columns: [...votesTable.columns.slice(0, -1), 'mood'] } } }), /columns this Tandem does not know: mood/],
      ['a vote of a missing reference', encodeExportFile(danglingVote), /Row 4 of "votes" refers \(referenceId\) to a references row that is not in the file/],
      ['a row by a person not in the file', encodeExportFile(unknownUser), /refers to a user/],
      ['a malformed users list', gzipSync(JSON.stringify({ ...data, users: [{ id: 'x' }] })), /malformed at users\.0/],
    ];
    for (const [what, bytes, message] of cases) {
      const before = await copiesOf(data);
      const error = await importProject(db(), bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
      expect(await copiesOf(data), `${what}: nothing written`).toEqual(before);
      expect(before.projects).toBe(1);
    }
  });

  it('exports only the project asked for', async () => {
    const a = await seedRichProject();
    const b = await seedProject(db());
    const data = await buildProjectExport(db(), b.project.id);
    expect(data.tables.references.rows).toHaveLength(0);
    expect(data.tables.projects.rows).toHaveLength(1);
    const projectIdAt = data.tables.memberships.columns.indexOf('projectId');
    expect(data.tables.memberships.rows.every((r) => r[projectIdAt] === b.project.id)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(a.projectId);
    // Rows with no projectId column are found through their parents (none such today, but the scope says how).
    for (const t of projectTables()) expect(['root', 'project', 'parent']).toContain(t.scope.kind);
    const columns = Object.keys(getTableColumns(duplicatePairs));
    expect(columns).toContain('projectId');
  });
});
