import { readFileSync } from 'node:fs';
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, duplicatePairs, jobs, references, screeningStates, sources, uploads } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { parseReferences } from '@/lib/domain/references';
import type { Actor } from '@/lib/server/auth/actor';
import { getImportJob } from '@/lib/server/imports/get-import-job';
import { listImports } from '@/lib/server/imports/list-imports';
import { listSourceCounts } from '@/lib/server/references/list-source-counts';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { MAX_IMPORT_BYTES } from '@/lib/validation/imports';
import { POST } from '@/app/api/v1/projects/[id]/imports/route';
import { hasSharedData, sharedDataPath } from '../support/shared-data';
import { setupTestDatabase } from '../support/test-db';
import { article, importFile, ris, upload } from './import-helpers';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

async function scene() {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 1, viewers: 1 });
  return { ...seeded, projectId: seeded.project.id, lead: seeded.members.lead[0], reviewer: seeded.members.reviewer[0] };
}

async function countRows(projectId: string) {
  const n = async (table: typeof sources | typeof references | typeof screeningStates | typeof duplicatePairs | typeof uploads) =>
    Number((await db().select({ n: count() }).from(table).where(eq(table.projectId, projectId)))[0].n);
  return { sources: await n(sources), references: await n(references), states: await n(screeningStates), pairs: await n(duplicatePairs), uploads: await n(uploads) };
}

const CORPUS = 'importers/ris/asysd__zotero_export.ris';

describe('[IMPORT] a real export, end to end', () => {
  it.skipIf(!hasSharedData)('imports every record of a 1,000-record Zotero RIS export, each kept one ready to screen', async () => {
    const s = await scene();
    const bytes = readFileSync(sharedDataPath(CORPUS));
    const expected = parseReferences(bytes.toString('utf8')).records.length;
    expect(expected).toBe(1000);
    const job = await importFile(as(s.lead), s.projectId, bytes, { source: 'Embase', fileName: 'zotero_export.ris', searchedOn: '2024-02-01', pieceBytes: 7919 });
    expect(job.status).toBe('succeeded');
    expect(job.error).toBeNull();
    const summary = job.summary!;
    expect(summary).toMatchObject({ format: 'ris', records: expected });
    expect(summary.withAbstract + summary.withoutAbstract).toBe(expected);
    expect(summary.kept).toBe(expected - summary.duplicates.autoMerged);

    const rows = await countRows(s.projectId);
    expect(rows).toMatchObject({ sources: 1, references: expected, states: summary.kept, uploads: 0 });
    const [source] = await db().select().from(sources).where(eq(sources.projectId, s.projectId));
    expect(source).toMatchObject({ databaseName: 'Embase', fileName: 'zotero_export.ris', format: 'ris', recordCount: expected, searchedOn: '2024-02-01', importedBy: s.lead.id });
    const removed = await db().select({ n: count() }).from(references).where(and(eq(references.projectId, s.projectId), isNotNull(references.duplicateOfId)));
    expect(Number(removed[0].n)).toBe(summary.duplicates.autoMerged);
    const removedWithState = await db()
      .select({ n: count() })
      .from(references)
      .innerJoin(screeningStates, eq(screeningStates.referenceId, references.id))
      .where(and(eq(references.projectId, s.projectId), isNotNull(references.duplicateOfId)));
    expect(Number(removedWithState[0].n)).toBe(0);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'references.import')));
    expect(audit).toMatchObject({ actorId: s.lead.id, entityId: source.id });

    const counts = await listSourceCounts(as(s.reviewer), s.projectId);
    expect(counts).toEqual([expect.objectContaining({ identified: expected, kept: summary.kept, removedAsDuplicates: summary.duplicates.autoMerged })]);
  });

  it('reports records with and without abstracts, the parser warnings with their lines, and the progress when done', async () => {
    const s = await scene();
    const text = ris([article(1), article(2, { abstract: undefined }), article(3)]).replace('PY  - 2002', 'PY  - not a year');
    const job = await importFile(as(s.lead), s.projectId, text);
    expect(job.summary).toMatchObject({ records: 3, withAbstract: 2, withoutAbstract: 1, duplicates: { autoMerged: 0, queued: 0 } });
    expect(job.summary!.warningCount).toBe(job.summary!.warnings.length);
    for (const w of job.summary!.warnings) expect(w.line).toBeGreaterThan(0);
    expect(job.progress).toMatchObject({ done: job.byteSize, total: job.byteSize });
    const list = await listImports(as(s.reviewer), s.projectId);
    expect(list.items.map((i) => i.id)).toEqual([job.id]);
  });
});

describe('[IMPORT] bad files leave nothing behind', () => {
  it('fails a truncated RIS file with the format and line, and writes no source, reference or upload', async () => {
    const s = await scene();
    const text = ris([article(1), article(2)]).replace(/ER {2}- \n$/, '');
    const job = await importFile(as(s.lead), s.projectId, text);
    expect(job.status).toBe('failed');
    expect(job.error!.message).toMatch(/^RIS: line \d+/);
    expect(job.error).toMatchObject({ format: 'ris', line: expect.any(Number) });
    expect(job.summary).toBeNull();
    expect(await countRows(s.projectId)).toEqual({ sources: 0, references: 0, states: 0, pairs: 0, uploads: 0 });
  });

  it('refuses binary and unrecognised files at once with 422 naming the line, keeping nothing', async () => {
    const s = await scene();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    await expect(upload(as(s.lead), s.projectId, png, { fileName: 'figure.png' })).rejects.toMatchObject({ code: 'VALIDATION', message: /line \d+.*binary/ });
    await expect(upload(as(s.lead), s.projectId, 'Dear colleague,\nplease find the results attached.\n')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: /line 1: not a recognised reference format/,
    });
    await expect(upload(as(s.lead), s.projectId, '')).rejects.toMatchObject({ code: 'VALIDATION', message: /empty/ });
    expect(await countRows(s.projectId)).toEqual({ sources: 0, references: 0, states: 0, pairs: 0, uploads: 0 });
    expect(await db().select().from(jobs).where(eq(jobs.projectId, s.projectId))).toHaveLength(0);
  });

  it('refuses a missing database name (422) and a reviewer (403), storing nothing', async () => {
    const s = await scene();
    await expect(upload(as(s.lead), s.projectId, ris([article(1)]), { source: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { source: [expect.stringMatching(/database/)] },
    });
    await expect(upload(as(s.reviewer), s.projectId, ris([article(1)]))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await countRows(s.projectId)).uploads).toBe(0);
  });

  it('reads Windows-1252 and UTF-16 files as text', async () => {
    const s = await scene();
    const latin = Buffer.from(ris([article(1, { title: 'Caf\u00e9 culture \u2013 a study of r\u00e9sum\u00e9s' })]), 'latin1');
    latin[latin.indexOf(Buffer.from([0x13, 0x20]))] = 0x96; // en dash in Windows-1252
    const job1 = await importFile(as(s.lead), s.projectId, latin);
    expect(job1.summary).toMatchObject({ records: 1, encoding: 'windows-1252' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ris([article(2, { title: 'Wellbeing in \u00c5rhus' })]), 'utf16le')]);
    const job2 = await importFile(as(s.lead), s.projectId, utf16);
    expect(job2.summary).toMatchObject({ records: 1, encoding: 'utf-16le' });
    const titles = (await db().select({ title: references.title }).from(references).where(eq(references.projectId, s.projectId))).map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['Café culture – a study of résumés', 'Wellbeing in Århus']));
  });

  it('drops a stray NUL character deep in a file instead of failing the import', async () => {
    const s = await scene();
    const filler = Array.from({ length: 300 }, (_, i) => article(i + 1));
    const text = ris([...filler, article(500, { title: 'Stray\u0000 byte in a title' })]);
    expect(text.indexOf('\u0000')).toBeGreaterThan(64 * 1024);
    const job = await importFile(as(s.lead), s.projectId, text);
    expect(job.summary).toMatchObject({ records: 301 });
    const [row] = await db().select({ title: references.title }).from(references).where(and(eq(references.projectId, s.projectId), eq(references.doi, '10.1000/test.500')));
    expect(row.title).toBe('Stray byte in a title');
  });

  it('answers 404 for another project’s import', async () => {
    const s = await scene();
    const other = await scene();
    const job = await importFile(as(s.lead), s.projectId, ris([article(1)]));
    await expect(getImportJob(as(other.owner), other.projectId, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getImportJob(as(other.owner), s.projectId, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('[DEDUP] within and across imports', () => {
  it('merges certain duplicates within a file and across imports, keeping the earlier record, and queues probable ones', async () => {
    const s = await scene();
    const first = await importFile(as(s.lead), s.projectId, ris([article(1), article(2), article(3), article(1, { doi: undefined })]), { source: 'Medline' });
    expect(first.summary).toMatchObject({ records: 4, kept: 3, duplicates: { autoMerged: 1, queued: 0 } });

    const second = await importFile(
      as(s.lead),
      s.projectId,
      ris([article(2), article(3, { abstract: undefined }), article(4), { title: article(1).title }]),
      { source: 'Embase' },
    );
    expect(second.summary).toMatchObject({ records: 4, kept: 2, duplicates: { autoMerged: 2, queued: 1 } });

    const [medline, embase] = await db().select().from(sources).where(eq(sources.projectId, s.projectId)).orderBy(sources.importedAt);
    const removed = await db()
      .select({ sourceId: references.sourceId, duplicateOfId: references.duplicateOfId })
      .from(references)
      .where(and(eq(references.projectId, s.projectId), isNotNull(references.duplicateOfId)));
    expect(removed.filter((r) => r.sourceId === embase.id)).toHaveLength(2);
    const keptIds = new Set(
      (await db().select({ id: references.id }).from(references).where(eq(references.sourceId, medline.id))).map((r) => r.id),
    );
    for (const r of removed) expect(keptIds.has(r.duplicateOfId!)).toBe(true);

    const pairs = await db().select().from(duplicatePairs).where(eq(duplicatePairs.projectId, s.projectId));
    expect(pairs.filter((p) => p.status === 'merged' && p.isAutomatic)).toHaveLength(3);
    const autoEvents = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'duplicate.auto-merge')));
    expect(autoEvents.map((e) => (e.after as { count: number }).count).sort()).toEqual([1, 2]);
    expect(pairs.filter((p) => p.status === 'pending')).toHaveLength(1);
    for (const p of pairs) expect(p.referenceAId < p.referenceBId).toBe(true);
    const kept = await db().select({ n: count() }).from(references).where(and(eq(references.projectId, s.projectId), isNull(references.duplicateOfId)));
    const states = await db().select({ n: count() }).from(screeningStates).where(eq(screeningStates.projectId, s.projectId));
    expect(Number(states[0].n)).toBe(Number(kept[0].n));
  });
});

describe('[IMPORT] the upload route streams the body', () => {
  it('parses a multipart body that arrives one byte at a time', async () => {
    const s = await scene();
    const job = await importFile(as(s.lead), s.projectId, ris([article(1), article(2)]), { pieceBytes: 1, fileName: 'tiny.ris', searchString: 'apps AND "mental health"' });
    expect(job).toMatchObject({ status: 'succeeded', fileName: 'tiny.ris', summary: { records: 2 } });
    const [source] = await db().select().from(sources).where(eq(sources.projectId, s.projectId));
    expect(source.searchString).toBe('apps AND "mental health"');
  });

  it('answers 202 with the job, 413 above the size limit and 415 to a body that is not multipart', async () => {
    const s = await scene();
    const { token } = await createApiToken(as(s.lead), { name: 'upload' });
    const url = `http://localhost/api/v1/projects/${s.projectId}/imports`;
    const context = { params: Promise.resolve({ id: s.projectId }) };
    const form = new FormData();
    form.set('source', 'Scopus');
    form.set('file', new File([ris([article(1)])], 'scopus.ris'));
    const accepted = await POST(new Request(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }), context);
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ jobId: expect.any(String) });

    const huge = await POST(
      new Request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_IMPORT_BYTES * 2) },
        body: '--x--',
      }),
      context,
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/larger than 200 MB/);

    const json = await POST(new Request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' }), context);
    expect(json.status).toBe(415);
    expect((await countRows(s.projectId)).uploads).toBe(1);
  });
});
