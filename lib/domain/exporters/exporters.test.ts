import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv';
import { buildDocx } from './docx';
import { buildProjectQde, buildQdpx, codePointOffset, derivedGuid } from './qdpx';
import { buildXlsx, sheetName } from './xlsx';

describe('[EXPORT] CSV', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    const text = toCsv(['a', 'b'], [['x,y', '=cmd|'], [1, null]]);
    expect(text).toBe('a,b\r\n"x,y",\'=cmd|\r\n1,\r\n');
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x,y', "'=cmd|"], ['1', '']]);
    expect(parseCsv(toCsv(['h'], [['multi\r\nline "q"']]))).toEqual([['h'], ['multi\r\nline "q"']]);
  });
});

describe('[EXPORT] XLSX and DOCX', () => {
  const doc = {
    title: 'Matrix <script>',
    tables: [
      { title: 'A/B: [matrix]', columns: [{ header: 'Theme' }, { header: 'n' }], rows: [['=HYPERLINK("x")', 3], ['Trust\nand more', null]] },
      { title: 'A/B: [matrix]', columns: [{ header: 'Only' }], rows: [] },
    ],
  };

  it('writes sheets that exceljs reads back, text kept as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(doc)).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['A B   matrix', 'A B   matrix 2']);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Theme', 'n']);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe(3);
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
  });

  it('writes a document whose XML holds every cell', async () => {
    const zip = await JSZip.loadAsync(await buildDocx(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Matrix &lt;script&gt;');
    expect(xml).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(xml).toContain('Nothing to show yet.');
    expect(xml).toContain('<w:br/>');
  });
});

describe('[EXPORT] REFI-QDA', () => {
  const u = '11111111-1111-4111-8111-111111111111';
  const parent = '22222222-2222-4222-8222-222222222222';
  const child = '33333333-3333-4333-8333-333333333333';
  const src = '44444444-4444-4444-8444-444444444444';
  const sel = '55555555-5555-4555-8555-555555555555';
  const coding = '66666666-6666-4666-8666-666666666666';
  const text = 'Emoji 😀 then "rapport" & <trust>.';
  const start = text.indexOf('rapport');
  const project = {
    name: 'Review & co',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    creatorId: u,
    users: [{ id: u, name: 'Ada <Lovelace>' }],
    codes: [
      { id: parent, parentId: null, name: 'Alliance', description: 'Therapeutic alliance', color: '#aa0000' },
      { id: child, parentId: parent, name: 'Rapport "online"', description: '', color: 'red' },
    ],
    sources: [{ id: src, name: 'Smith 2020', text, createdBy: u, createdAt: new Date('2026-01-02T00:00:00Z') }],
    selections: [{ id: sel, sourceId: src, start, end: start + 'rapport'.length, coderId: u, memo: 'Memo <b>bold</b>', createdAt: new Date('2026-01-03T00:00:00Z'), codings: [{ id: coding, codeId: child }] }],
  };

  it('counts positions in code points', () => {
    expect(codePointOffset(text, start)).toBe(start - 1);
    expect(codePointOffset('abc', 2)).toBe(2);
    expect(derivedGuid(sel, 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(derivedGuid(sel, 7)).not.toBe(sel);
  });

  it('nests codes, anchors selections and codings, and keeps memos as notes', async () => {
    const xml = buildProjectQde(project);
    expect(xml).toContain(`<Code guid="${parent}" name="Alliance" isCodable="true" color="#aa0000">`);
    expect(xml).toContain('name="Ada &lt;Lovelace&gt;"');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const p = parsed.Project;
    expect(p.xmlns).toBe('urn:QDA-XML:project:1.0');
    expect(p.Users.User.name).toBe('Ada <Lovelace>');
    expect(p.CodeBook.Codes.Code).toMatchObject({ guid: parent, color: '#aa0000', Description: 'Therapeutic alliance', Code: { guid: child, name: 'Rapport "online"' } });
    expect(p.CodeBook.Codes.Code.Code.color).toBeUndefined();
    const s = p.Sources.TextSource;
    expect(s.plainTextPath).toBe(`internal://${src}.txt`);
    expect(s.PlainTextSelection).toMatchObject({ startPosition: String(start - 1), endPosition: String(start - 1 + 7), Coding: { guid: coding, CodeRef: { targetGUID: child } } });
    expect(p.Notes.Note.PlainTextContent).toBe('Memo <b>bold</b>');
    expect(s.PlainTextSelection.NoteRef.targetGUID).toBe(p.Notes.Note.guid);
    const zip = await JSZip.loadAsync(await buildQdpx(project));
    expect(Object.keys(zip.files).sort()).toEqual(['project.qde', 'sources/', `sources/${src}.txt`]);
    expect(await zip.file(`sources/${src}.txt`)!.async('string')).toBe(text);
  });

  it('refuses ids that are not GUIDs', () => {
    expect(() => buildProjectQde({ ...project, codes: [{ ...project.codes[0], id: 'x' }] })).toThrow(/not a GUID/);
  });
});
