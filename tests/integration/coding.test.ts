import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, codes, codings, documents, quotes } from '@/db/schema';
import { seedCode, seedStudies } from '@/db/seed/coding-factories';
import { seedDemo } from '@/db/seed/demo';
import { seedProject } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { assignDoubleCoding } from '@/lib/server/coding/assign-double-coding';
import { createCode } from '@/lib/server/coding/create-code';
import { deleteCode } from '@/lib/server/coding/delete-code';
import { deleteCoding } from '@/lib/server/coding/delete-coding';
import { exportCodeQuotesCsv } from '@/lib/server/coding/export-code-quotes-csv';
import { getCodingAgreement } from '@/lib/server/coding/get-coding-agreement';
import { getStudyCoding } from '@/lib/server/coding/get-study-coding';
import { listCodeQuotes } from '@/lib/server/coding/list-code-quotes';
import { listCodes } from '@/lib/server/coding/list-codes';
import { mergeCodes } from '@/lib/server/coding/merge-codes';
import { saveReadingPosition } from '@/lib/server/coding/save-reading-position';
import { setDocumentText } from '@/lib/server/coding/set-document-text';
import { updateCode } from '@/lib/server/coding/update-code';
import { updateQuote } from '@/lib/server/coding/update-quote';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
const TEXT = 'Staff lacked time to learn the app. Patients valued reminders. Cost was a barrier for clinics.';
const at = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

async function scene(texts: string[] = [TEXT]) {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  const projectId = seeded.project.id;
  const studyIds = await seedStudies(db(), projectId, texts);
  const [r1, r2] = seeded.members.reviewer;
  return { projectId, studyIds, owner: seeded.owner, lead: seeded.members.lead[0], r1, r2, viewer: seeded.members.viewer[0] };
}

describe('[CODING] the codebook', () => {
  it('lets a reviewer create a code while coding, refuses a sibling with the same name, and keeps reshaping to leads', async () => {
    const s = await scene();
    const code = await createCode(as(s.r1), s.projectId, { name: 'Lack of time', polarity: 'barrier' });
    expect(code).toMatchObject({ name: 'Lack of time', kind: 'code', polarity: 'barrier', parentId: null, position: 0, quoteCount: 0 });
    expect(code.color).toMatch(/^#[0-9a-f]{6}$/);
    await expect(createCode(as(s.r2), s.projectId, { name: 'lack OF time' })).rejects.toMatchObject({ code: 'CONFLICT', status: 409 });
    await expect(createCode(as(s.viewer), s.projectId, { name: 'Other' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateCode(as(s.r1), s.projectId, code.id, { name: 'Time' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteCode(as(s.r1), s.projectId, code.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createCode(as(s.r1), s.projectId, { name: '', color: 'red' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { name: expect.any(Array), color: expect.any(Array) } });
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.entityId, code.id), eq(auditEvents.action, 'code.create')));
    expect(event.actorId).toBe(s.r1.id);
  });

  it('moves a code under a theme, reorders siblings, and refuses a cycle', async () => {
    const s = await scene();
    const theme = await createCode(as(s.lead), s.projectId, { name: 'Workforce', kind: 'descriptive_theme' });
    const a = await createCode(as(s.lead), s.projectId, { name: 'Lack of time' });
    const b = await createCode(as(s.lead), s.projectId, { name: 'Training' });
    await updateCode(as(s.lead), s.projectId, a.id, { parentId: theme.id });
    await updateCode(as(s.lead), s.projectId, b.id, { parentId: theme.id, position: 0 });
    const { codes: list } = await listCodes(as(s.viewer), s.projectId);
    const byName = Object.fromEntries(list.map((c) => [c.name, c]));
    expect(byName['Training']).toMatchObject({ parentId: theme.id, position: 0 });
    expect(byName['Lack of time']).toMatchObject({ parentId: theme.id, position: 1 });
    expect(byName['Workforce']).toMatchObject({ parentId: null, position: 0 });
    await expect(updateCode(as(s.lead), s.projectId, theme.id, { parentId: a.id })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/under itself/) });
    await expect(updateCode(as(s.lead), s.projectId, theme.id, { parentId: theme.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(updateCode(as(s.lead), s.projectId, a.id, { parentId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(updateCode(as(s.lead), s.projectId, '00000000-0000-4000-8000-000000000000', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await db().select().from(codes).where(eq(codes.id, theme.id));
    expect(row.parentId).toBeNull();
  });

  it('merges two codes keeping every quote once, moving sub-codes, and deletes only unused codes', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const time = await createCode(as(s.lead), s.projectId, { name: 'Lack of time' });
    const busy = await createCode(as(s.lead), s.projectId, { name: 'Busy staff' });
    const child = await createCode(as(s.lead), s.projectId, { name: 'Shifts', parentId: busy.id });
    const both = await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [time.id, busy.id], ...at(TEXT, 'Staff lacked time') });
    const onlyBusy = await applyCoding(as(s.r2), s.projectId, { studyId, codeIds: [busy.id], ...at(TEXT, 'Patients valued reminders') });
    await expect(deleteCode(as(s.lead), s.projectId, busy.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/merge/) });
    await expect(mergeCodes(as(s.lead), s.projectId, { sourceId: busy.id, targetId: child.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    const merged = await mergeCodes(as(s.lead), s.projectId, { sourceId: busy.id, targetId: time.id });
    expect(merged).toMatchObject({ moved: 1, deduplicated: 1, childrenMoved: 1 });
    expect(merged.target.quoteCount).toBe(2);
    const rows = await db().select().from(codings).where(eq(codings.projectId, s.projectId));
    expect(rows.map((r) => [r.quoteId, r.codeId]).sort()).toEqual([[both.id, time.id], [onlyBusy.id, time.id]].sort());
    expect((await db().select().from(codes).where(eq(codes.id, child.id)))[0].parentId).toBe(time.id);
    expect(await db().select().from(codes).where(eq(codes.id, busy.id))).toEqual([]);
    const unused = await createCode(as(s.lead), s.projectId, { name: 'Unused' });
    await deleteCode(as(s.lead), s.projectId, unused.id);
    expect(await db().select().from(codes).where(eq(codes.id, unused.id))).toEqual([]);
  });

  it('merges sub-codes under a free name even when the renamed label is taken too', async () => {
    const s = await scene();
    const target = await createCode(as(s.lead), s.projectId, { name: 'Workload' });
    const source = await createCode(as(s.lead), s.projectId, { name: 'Busy' });
    await createCode(as(s.lead), s.projectId, { name: 'Shifts', parentId: target.id });
    await createCode(as(s.lead), s.projectId, { name: 'shifts (FROM busy)', parentId: target.id });
    await createCode(as(s.lead), s.projectId, { name: 'Shifts (from Busy) (2)', parentId: target.id });
    const moved = await createCode(as(s.lead), s.projectId, { name: 'Shifts', parentId: source.id });
    const result = await mergeCodes(as(s.lead), s.projectId, { sourceId: source.id, targetId: target.id });
    expect(result.childrenMoved).toBe(1);
    const [row] = await db().select().from(codes).where(eq(codes.id, moved.id));
    expect(row).toMatchObject({ parentId: target.id, name: 'Shifts (from Busy) (3)' });
  });

  it('counts only the quotes a lead may see when a code is updated or merged during blind double coding', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const code = await createCode(as(s.lead), s.projectId, { name: 'Time' });
    const other = await createCode(as(s.lead), s.projectId, { name: 'Other' });
    await assignDoubleCoding(as(s.lead), s.projectId, { mode: 'studies', studyIds: [studyId], firstCoderId: s.lead.id, secondCoderId: s.r1.id });
    await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code.id], ...at(TEXT, 'Staff lacked time') });
    await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [other.id], ...at(TEXT, 'Patients valued') });
    // The lead is the other coder of this study: the co-coder's quotes are not theirs to see yet.
    expect((await listCodes(as(s.lead), s.projectId)).codes.find((c) => c.id === code.id)?.quoteCount).toBe(0);
    expect((await updateCode(as(s.lead), s.projectId, code.id, { name: 'Lack of time' })).quoteCount).toBe(0);
    expect((await mergeCodes(as(s.lead), s.projectId, { sourceId: other.id, targetId: code.id })).target.quoteCount).toBe(0);
    expect((await listCodes(as(s.owner), s.projectId)).codes.find((c) => c.id === code.id)?.quoteCount).toBe(2);
  });

  it('never fails with a server error when a code is deleted while it is being applied', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The delete starts a little later each round, so some round lands inside the apply's transaction (on PostgreSQL).
    for (let round = 0; round < 16; round += 1) {
      const code = await createCode(as(s.lead), s.projectId, { name: `Fleeting ${round}` });
      const [applied, deleted] = await Promise.allSettled([
        applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code.id], ...at(TEXT, 'Cost was a barrier') }),
        sleep(round * 2).then(() => deleteCode(as(s.lead), s.projectId, code.id)),
      ]);
      // Either the coding lands first (and the delete is a 409 asking for a merge) or the delete wins (and applying is a 422).
      if (applied.status === 'fulfilled') expect(deleted).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
      else {
        expect(applied.reason).toMatchObject({ code: 'VALIDATION' });
        expect(deleted.status).toBe('fulfilled');
      }
    }
  });
});

describe('[CODING] codings on a study text', () => {
  it('records the coder, checks spans against the stored text, and freezes the document', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const code = await seedCode(db(), s.projectId, { name: 'Cost', polarity: 'barrier' });
    const view = await getStudyCoding(as(s.r1), s.projectId, studyId);
    expect(view.document).toMatchObject({ version: 1, source: 'abstract', text: TEXT, isFrozen: false });
    const span = at(TEXT, 'Cost was a barrier');
    const quote = await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], ...span, memo: '<script>alert(1)</script>' });
    expect(quote).toMatchObject({ text: 'Cost was a barrier', coderId: s.r1.id, memo: '<script>alert(1)</script>', start: span.start, end: span.end });
    // The same span by the same coder adds codes to that quote rather than a second quote.
    const other = await seedCode(db(), s.projectId, { name: 'Clinics' });
    const again = await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [other, code], ...span });
    expect(again.id).toBe(quote.id);
    expect(again.codings.map((c) => c.codeId).sort()).toEqual([code, other].sort());
    expect((await getStudyCoding(as(s.r1), s.projectId, studyId)).document?.isFrozen).toBe(true);

    await expect(applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], start: 10, end: TEXT.length + 1 })).rejects.toMatchObject({ code: 'VALIDATION', fields: { end: expect.any(Array) } });
    await expect(applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], start: 5, end: 5 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], start: 35, end: 36 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/white space/) });
    await expect(applyCoding(as(s.r1), s.projectId, { studyId, codeIds: ['00000000-0000-4000-8000-000000000000'], start: 0, end: 5 })).rejects.toMatchObject({ code: 'VALIDATION', fields: { codeIds: expect.any(Array) } });
    await expect(applyCoding(as(s.r1), s.projectId, { studyId: '00000000-0000-4000-8000-000000000000', codeIds: [code], start: 0, end: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(applyCoding(as(s.viewer), s.projectId, { studyId, codeIds: [code], start: 0, end: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], start: 0, end: 5, documentVersion: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('adjusts a span and memo by its coder only, and removes a quote with its last coding', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const code = await seedCode(db(), s.projectId, { name: 'Time' });
    const other = await seedCode(db(), s.projectId, { name: 'Staff' });
    const quote = await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code, other], ...at(TEXT, 'lacked time') });
    const wider = await updateQuote(as(s.r1), s.projectId, quote.id, { ...at(TEXT, 'Staff lacked time to learn'), memo: 'wider' });
    expect(wider).toMatchObject({ text: 'Staff lacked time to learn', memo: 'wider' });
    await expect(updateQuote(as(s.r2), s.projectId, quote.id, { memo: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateQuote(as(s.r1), s.projectId, quote.id, { start: 0, end: 10_000 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(deleteCoding(as(s.r2), s.projectId, quote.codings[0].id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await deleteCoding(as(s.r1), s.projectId, quote.codings[0].id)).toEqual({ quoteRemoved: false });
    expect(await deleteCoding(as(s.lead), s.projectId, quote.codings[1].id)).toEqual({ quoteRemoved: true });
    expect(await db().select().from(quotes).where(eq(quotes.id, quote.id))).toEqual([]);
    await expect(deleteCoding(as(s.r1), s.projectId, quote.codings[1].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('replaces an uncoded text in place, and re-anchors or flags quotes on a new version of a coded one', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const code = await seedCode(db(), s.projectId, { name: 'Time' });
    expect(await setDocumentText(as(s.r1), s.projectId, studyId, { source: 'paste', text: 'Draft text.' })).toMatchObject({ version: 1, unchanged: false });
    await setDocumentText(as(s.r1), s.projectId, studyId, { source: 'abstract' });
    const kept = await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], ...at(TEXT, 'Patients valued reminders') });
    const lost = await applyCoding(as(s.r2), s.projectId, { studyId, codeIds: [code], ...at(TEXT, 'Cost was a barrier') });
    const newText = 'RESULTS\r\nStaff lacked time to learn the app. Patients valued reminders. Price was a barrier for clinics.';
    const result = await setDocumentText(as(s.lead), s.projectId, studyId, { source: 'upload', text: newText, fileName: 'study.txt' });
    expect(result).toEqual({ version: 2, kept: 1, flagged: 1, unchanged: false });
    const versions = await db().select().from(documents).where(eq(documents.studyId, studyId));
    expect(versions.map((d) => d.version).sort()).toEqual([1, 2]);
    const normalised = newText.replace('\r\n', '\n');
    const [movedRow] = await db().select().from(quotes).where(eq(quotes.id, kept.id));
    expect(normalised.slice(movedRow.start, movedRow.end)).toBe('Patients valued reminders');
    const view = await getStudyCoding(as(s.lead), s.projectId, studyId);
    expect(view.document).toMatchObject({ version: 2, text: normalised, versions: 2 });
    expect(view.quotes.map((q) => q.id)).toEqual([kept.id]);
    expect(view.flaggedQuotes.map((q) => [q.id, q.flaggedReason])).toEqual([[lost.id, expect.stringMatching(/Version 2: .*no longer/)]]);
    // A flagged quote placed again by its coder on the new text loses its flag.
    await expect(updateQuote(as(s.r2), s.projectId, lost.id, at(normalised, 'Price was a barrier'))).resolves.toMatchObject({ flaggedReason: null });
  });

  it('places a flagged quote on the current text version, and refuses a selection made in an older one', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const code = await seedCode(db(), s.projectId, { name: 'Cost' });
    const lost = await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], ...at(TEXT, 'Cost was a barrier') });
    // Version 2 is longer and words move: the old offsets would slice other words out of version 1.
    const v2 = 'Introduction. We asked staff and managers at forty clinics in three regions about the reminder app they used. Price was a barrier for most clinics.';
    expect(await setDocumentText(as(s.lead), s.projectId, studyId, { source: 'paste', text: v2 })).toMatchObject({ version: 2, flagged: 1 });
    const span = at(v2, 'Price was a barrier');
    expect(span.start).toBeGreaterThan(TEXT.length);
    // A selection in an older text than the latest is a conflict, and changes nothing.
    await expect(updateQuote(as(s.r1), s.projectId, lost.id, { ...span, documentVersion: 1 })).rejects.toMatchObject({ code: 'CONFLICT', status: 409 });
    expect((await db().select().from(quotes).where(eq(quotes.id, lost.id)))[0].flaggedReason).not.toBeNull();
    const placed = await updateQuote(as(s.r1), s.projectId, lost.id, { ...span, documentVersion: 2 });
    expect(placed).toMatchObject({ text: 'Price was a barrier', flaggedReason: null, start: span.start, end: span.end });
    const [latest] = await db().select().from(documents).where(and(eq(documents.studyId, studyId), eq(documents.version, 2)));
    expect((await db().select().from(quotes).where(eq(quotes.id, lost.id)))[0].documentId).toBe(latest.id);
    const view = await getStudyCoding(as(s.r1), s.projectId, studyId);
    expect(view.quotes.map((q) => [q.id, q.text])).toEqual([[lost.id, 'Price was a barrier']]);
    expect(view.flaggedQuotes).toEqual([]);
    // A span past the end of the current text is still checked against the current text.
    await expect(updateQuote(as(s.r1), s.projectId, lost.id, { start: 0, end: v2.length + 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('serialises concurrent text replacements and codings on one study', async () => {
    const s = await scene();
    const [studyId] = s.studyIds;
    const code = await seedCode(db(), s.projectId, { name: 'Time' });
    await applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], ...at(TEXT, 'Staff lacked time') });
    // Two replacements of a coded text at once: each gets its own version (no duplicate version N+1).
    const results = await Promise.all([
      setDocumentText(as(s.lead), s.projectId, studyId, { source: 'paste', text: `A. ${TEXT}` }),
      setDocumentText(as(s.r2), s.projectId, studyId, { source: 'paste', text: `B. ${TEXT}` }),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3]);
    // A coding racing a replacement lands on the latest version or is refused as stale; never orphaned on an old one.
    const outcome = await Promise.allSettled([
      applyCoding(as(s.r2), s.projectId, { studyId, codeIds: [code], ...at(`A. ${TEXT}`, 'Patients valued'), documentVersion: 3 }),
      setDocumentText(as(s.lead), s.projectId, studyId, { source: 'paste', text: `C. ${TEXT}` }),
    ]);
    expect(outcome[1].status).toBe('fulfilled');
    if (outcome[0].status === 'rejected') expect(outcome[0].reason).toMatchObject({ code: 'CONFLICT' });
    const view = await getStudyCoding(as(s.lead), s.projectId, studyId);
    expect(view.document?.version).toBe(4);
    const all = await db().select().from(quotes).where(eq(quotes.studyId, studyId));
    for (const q of all.filter((x) => !x.flaggedReason)) expect(q.documentId).toBe(view.document?.id);
    // A stale version on apply is refused.
    await expect(applyCoding(as(s.r1), s.projectId, { studyId, codeIds: [code], ...at(TEXT, 'Cost'), documentVersion: 3 })).rejects.toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('keeps each reader\'s position in the text', async () => {
    const s = await scene();
    await saveReadingPosition(as(s.r1), s.projectId, s.studyIds[0], 42);
    await saveReadingPosition(as(s.r1), s.projectId, s.studyIds[0], 43);
    expect((await getStudyCoding(as(s.r1), s.projectId, s.studyIds[0])).readingLine).toBe(43);
    expect((await getStudyCoding(as(s.r2), s.projectId, s.studyIds[0])).readingLine).toBeNull();
    await expect(saveReadingPosition(as(s.r1), s.projectId, s.studyIds[0], 0)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('[CODING] retrieval', () => {
  it('lists the quotes of a code with its sub-codes, by polarity, and as CSV with formulas defused', async () => {
    const s = await scene([TEXT, 'Nurses said the portal was slow. =HYPERLINK("x") was typed by a coder.']);
    const theme = await seedCode(db(), s.projectId, { name: 'Organisation', kind: 'descriptive_theme' });
    const cost = await seedCode(db(), s.projectId, { name: 'Cost', parentId: theme, polarity: 'barrier' });
    const reminders = await seedCode(db(), s.projectId, { name: 'Reminders', parentId: theme, polarity: 'facilitator', position: 1 });
    await applyCoding(as(s.r1), s.projectId, { studyId: s.studyIds[0], codeIds: [cost], ...at(TEXT, 'Cost was a barrier') });
    await applyCoding(as(s.r2), s.projectId, { studyId: s.studyIds[0], codeIds: [reminders], ...at(TEXT, 'Patients valued reminders') });
    const second = 'Nurses said the portal was slow. =HYPERLINK("x") was typed by a coder.';
    await applyCoding(as(s.r2), s.projectId, { studyId: s.studyIds[1], codeIds: [cost], ...at(second, '=HYPERLINK("x")') });
    expect((await listCodeQuotes(as(s.viewer), s.projectId, theme)).total).toBe(0);
    const all = await listCodeQuotes(as(s.viewer), s.projectId, theme, { includeDescendants: 'true' });
    // In study order, then text order.
    expect(all.quotes.map((q) => [q.studyTitle, q.coderId, q.codeNames])).toEqual([
      ['Study 1', s.r2.id, ['Reminders']],
      ['Study 1', s.r1.id, ['Cost']],
      ['Study 2', s.r2.id, ['Cost']],
    ]);
    expect(all.quotes.every((q) => q.coderName.length > 0)).toBe(true);
    const barriers = await listCodeQuotes(as(s.viewer), s.projectId, theme, { includeDescendants: 'true', polarity: 'barrier' });
    expect(barriers.quotes.map((q) => q.text)).toEqual(['Cost was a barrier', '=HYPERLINK("x")']);
    const { csv, fileName } = await exportCodeQuotesCsv(as(s.viewer), s.projectId, cost, {});
    expect(fileName).toBe('quotes-cost.csv');
    expect(csv.split('\r\n')[0]).toBe('code,codes_on_quote,study,coder,quote,memo,start,end,flagged,created_at');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    await expect(listCodeQuotes(as(s.viewer), s.projectId, cost, { polarity: 'sideways' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listCodeQuotes(as(s.viewer), s.projectId, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('[CODING] the demo review', () => {
  it('arrives with a small codebook of themes and codes and quotes on its first study', async () => {
    const { projectId } = await seedDemo(db());
    const [anyQuote] = await db().select().from(quotes).where(eq(quotes.projectId, projectId)).limit(1);
    expect(anyQuote).toBeDefined();
    const { codes: list } = await listCodes({ userId: anyQuote.coderId, via: 'cli' }, projectId);
    expect(list.filter((c) => c.kind === 'descriptive_theme')).toHaveLength(2);
    expect(list.filter((c) => c.parentId !== null).every((c) => c.quoteCount >= 1)).toBe(true);
    const view = await getStudyCoding({ userId: anyQuote.coderId, via: 'cli' }, projectId, anyQuote.studyId);
    expect(view.quotes).toHaveLength(6);
    expect(view.doubleCoding?.isCompared).toBe(true);
    // Rosa: time, connections, support; Raj: travel, time, connections: 2 of 4 codes by both.
    expect((await getCodingAgreement({ userId: anyQuote.coderId, via: 'cli' }, projectId)).overall).toMatchObject({ both: 2, either: 4 });
    for (const q of view.quotes) expect(view.document!.text.slice(q.start, q.end)).toBe(q.text);
  });
});
