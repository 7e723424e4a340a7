/**
 * REFI-QDA project exchange (.qdpx): a zip holding project.qde (QDA-XML 1.0,
 * namespace urn:QDA-XML:project:1.0) and the sources as UTF-8 plain-text files
 * under sources/, so the coding opens in QualCoder, NVivo, ATLAS.ti or MAXQDA.
 *
 * Layout, in the order the schema's sequence requires: Users, CodeBook (nested
 * codes with colours), Sources (one TextSource per study document, its
 * PlainTextSelections with start and end positions, each selection's Codings
 * by code GUID), Notes (memos, referenced from their selection).
 *
 * Positions: QDA-XML counts Unicode characters (code points); JavaScript
 * strings count UTF-16 units, so offsets are converted (they differ after any
 * character outside the Basic Multilingual Plane, e.g. an emoji).
 */
import { XMLBuilder } from 'fast-xml-parser';
import JSZip from 'jszip';
import { groupBy } from '../group-by';

export type QdpxUser = { id: string; name: string };
export type QdpxCode = { id: string; parentId: string | null; name: string; description: string; color: string | null };
export type QdpxSource = { id: string; name: string; text: string; createdBy: string | null; createdAt: Date };
export type QdpxSelection = {
  id: string;
  sourceId: string;
  /** UTF-16 offsets into the source text, as stored. */
  start: number;
  end: number;
  coderId: string;
  memo: string | null;
  createdAt: Date;
  codings: { id: string; codeId: string }[];
};
export type QdpxProject = {
  name: string;
  createdAt: Date;
  creatorId: string | null;
  users: QdpxUser[];
  codes: QdpxCode[];
  sources: QdpxSource[];
  selections: QdpxSelection[];
};

const NS = 'urn:QDA-XML:project:1.0';
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (s: string) => s.replace(XML_INVALID, '');
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const COLOR = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

/** A GUID derived from another (for notes, which have no row of their own): same shape, different value. */
export function derivedGuid(id: string, salt: number): string {
  const hex = '0123456789abcdef';
  return id
    .toLowerCase()
    .split('')
    .map((ch, i) => (ch === '-' ? ch : hex[(hex.indexOf(ch) + salt + i) % 16]))
    .join('');
}

/** The number of code points in s.slice(0, utf16Offset). */
export function codePointOffset(text: string, utf16Offset: number): number {
  let count = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate and its low surrogate are one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function assertGuid(id: string, what: string) {
  if (!GUID.test(id)) throw new Error(`${what} id "${id}" is not a GUID.`);
}

type XmlNode = Record<string, unknown>;

/** project.qde as a string. */
export function buildProjectQde(project: QdpxProject): string {
  const byParent = new Map<string | null, QdpxCode[]>();
  const codeIds = new Set(project.codes.map((c) => c.id));
  for (const code of project.codes) {
    assertGuid(code.id, 'Code');
    const parent = code.parentId && codeIds.has(code.parentId) ? code.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), code]);
  }
  const codeNode = (code: QdpxCode, seen: Set<string>): XmlNode => {
    seen.add(code.id);
    const node: XmlNode = { '@_guid': code.id, '@_name': xmlText(code.name), '@_isCodable': 'true' };
    if (code.color && COLOR.test(code.color)) node['@_color'] = code.color;
    if (code.description.trim()) node.Description = xmlText(code.description);
    const children = (byParent.get(code.id) ?? []).filter((c) => !seen.has(c.id)).map((c) => codeNode(c, seen));
    if (children.length) node.Code = children;
    return node;
  };
  const seen = new Set<string>();
  const roots = (byParent.get(null) ?? []).map((c) => codeNode(c, seen));

  const userIds = new Set(project.users.map((u) => u.id));
  const userRef = (id: string | null) => (id && userIds.has(id) ? { '@_creatingUser': id } : {});
  const notes: XmlNode[] = [];
  const selectionsBySource = groupBy(project.selections, (s) => s.sourceId);
  const sources = project.sources.map((source) => {
    assertGuid(source.id, 'Source');
    const selections = (selectionsBySource.get(source.id) ?? [])
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((s) => {
        assertGuid(s.id, 'Selection');
        const startPosition = codePointOffset(source.text, s.start);
        const endPosition = codePointOffset(source.text, s.end);
        const node: XmlNode = {
          '@_guid': s.id,
          '@_name': xmlText(Array.from(source.text.slice(s.start, s.end)).slice(0, 60).join('')),
          '@_startPosition': String(startPosition),
          '@_endPosition': String(endPosition),
          ...userRef(s.coderId),
          '@_creationDateTime': s.createdAt.toISOString(),
        };
        if (s.memo?.trim()) node.Description = xmlText(s.memo);
        node.Coding = s.codings
          .filter((c) => codeIds.has(c.codeId))
          .map((c) => ({ '@_guid': c.id, ...userRef(s.coderId), '@_creationDateTime': s.createdAt.toISOString(), CodeRef: { '@_targetGUID': c.codeId } }));
        if (s.memo?.trim()) {
          const noteId = derivedGuid(s.id, 7);
          notes.push({
            '@_guid': noteId,
            '@_name': `Memo: ${xmlText(Array.from(source.text.slice(s.start, s.end)).slice(0, 40).join(''))}`,
            ...userRef(s.coderId),
            '@_creationDateTime': s.createdAt.toISOString(),
            PlainTextContent: xmlText(s.memo),
          });
          node.NoteRef = { '@_targetGUID': noteId };
        }
        return node;
      });
    const node: XmlNode = {
      '@_guid': source.id,
      '@_name': xmlText(source.name),
      '@_plainTextPath': `internal://${source.id}.txt`,
      ...userRef(source.createdBy),
      '@_creationDateTime': source.createdAt.toISOString(),
    };
    if (selections.length) node.PlainTextSelection = selections;
    return node;
  });

  const root: XmlNode = {
    '@_xmlns': NS,
    '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    '@_xsi:schemaLocation': `${NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`,
    '@_name': xmlText(project.name),
    '@_origin': 'Tandem',
    '@_creationDateTime': project.createdAt.toISOString(),
  };
  if (project.creatorId && userIds.has(project.creatorId)) root['@_creatingUserGUID'] = project.creatorId;
  if (project.users.length) {
    for (const u of project.users) assertGuid(u.id, 'User');
    root.Users = { User: project.users.map((u) => ({ '@_guid': u.id, '@_name': xmlText(u.name) })) };
  }
  if (roots.length) root.CodeBook = { Codes: { Code: roots } };
  if (sources.length) root.Sources = { TextSource: sources };
  if (notes.length) root.Notes = { Note: notes };

  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ Project: root })}`;
}

/** The .qdpx archive: project.qde and sources/<guid>.txt (UTF-8). */
export async function buildQdpx(project: QdpxProject): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('project.qde', buildProjectQde(project));
  for (const source of project.sources) zip.file(`sources/${source.id}.txt`, source.text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
