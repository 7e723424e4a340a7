/**
 * EndNote XML (<xml><records><record>...</record></records></xml>), as written
 * by EndNote and by Zotero. Each <record> is cut out of the text and parsed on
 * its own with fast-xml-parser, so chunks can be fed in and memory stays at
 * one record plus one chunk.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ReferenceParseError } from './errors';
import { countNewlines } from './lines';
import { emitReference, firstText, isPubmedDatabase } from './normalize';
import type { FormatParser, RecordSink } from './types';

const RECORD_OPEN = /<record[\s>]/g;
const RECORD_CLOSE = '</record>';

// htmlEntities turns "&#233;" into "é"; values stay strings ("007" is not 7).
const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

type XmlNode = Record<string, unknown>;

/** An EndNote XML parser writing into `sink`; see FormatParser. */
export function createEndnoteXmlParser(sink: RecordSink): FormatParser {
  let buffer = '';
  let line = 1; // line number at buffer[0]
  let openAt = -1; // index of the open <record>, or -1
  let openLine = 0;
  let count = 0;
  let sawRecordsOpen = false;
  let sawRecordsClose = false;
  let endsWithNewline = false;

  const process = () => {
    let pos = 0;
    while (true) {
      if (openAt === -1) {
        RECORD_OPEN.lastIndex = pos;
        const match = RECORD_OPEN.exec(buffer);
        if (!match) break;
        noteWrapperTags(buffer.slice(pos, match.index));
        line += countNewlines(buffer, pos, match.index);
        pos = match.index;
        openAt = match.index;
        openLine = line;
      }
      const closeAt = buffer.indexOf(RECORD_CLOSE, openAt);
      if (closeAt === -1) break;
      const end = closeAt + RECORD_CLOSE.length;
      parseRecord(buffer.slice(openAt, end), openLine);
      line += countNewlines(buffer, openAt, end);
      pos = end;
      openAt = -1;
    }
    // Keep the open record, or a tail long enough to hold a split "<record" tag.
    const keepFrom = openAt !== -1 ? openAt : Math.max(pos, buffer.length - 16);
    if (openAt === -1) noteWrapperTags(buffer.slice(pos));
    line += countNewlines(buffer, pos, keepFrom);
    buffer = buffer.slice(keepFrom);
    if (openAt !== -1) openAt = 0;
  };

  // The <records> wrapper tells a complete file from one cut off between records.
  const noteWrapperTags = (text: string) => {
    if (text.includes('<records>')) sawRecordsOpen = true;
    if (text.includes('</records>')) sawRecordsClose = true;
  };

  const parseRecord = (xml: string, startLine: number) => {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      throw new ReferenceParseError(
        'endnote-xml',
        startLine + valid.err.line - 1,
        `record starting at line ${startLine} is not well-formed XML: ${valid.err.msg}`,
      );
    }
    let tree: unknown;
    try {
      tree = xmlParser.parse(xml);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ReferenceParseError('endnote-xml', startLine, `record starting at line ${startLine} could not be read: ${detail}`);
    }
    const record = Array.isArray(tree) ? (tree as XmlNode[]).find((node) => 'record' in node) : undefined;
    const fields = new Map<string, string[]>();
    collectFields(children(record, 'record'), fields);
    count++;
    emitReference(sink, startLine, endnoteDraft(fields, refTypeName(record)));
  };

  return {
    push(text) {
      if (text.length === 0) return;
      endsWithNewline = text.endsWith('\n');
      buffer += text;
      process();
    },
    end() {
      const lastLine = line + countNewlines(buffer) - (endsWithNewline ? 1 : 0);
      noteWrapperTags(buffer);
      if (openAt !== -1) {
        throw new ReferenceParseError(
          'endnote-xml',
          Math.max(lastLine, openLine),
          `record starting at line ${openLine} has no </record> (file cut off?)`,
        );
      }
      if (count === 0) throw new ReferenceParseError('endnote-xml', Math.max(lastLine, 1), 'no <record> elements found');
      if (sawRecordsOpen && !sawRecordsClose) {
        throw new ReferenceParseError('endnote-xml', Math.max(lastLine, 1), 'the <records> list is not closed (file cut off?)');
      }
    },
  };
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function elementName(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

/** All text inside a node, <style> runs included, in document order. */
function textOf(nodes: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    if ('#text' in node) text += String(node['#text']);
    const name = elementName(node);
    if (name) text += textOf(children(node, name));
  }
  return text;
}

// Elements that only format text; anything else with child elements is a container.
const FORMATTING = new Set(['style', 'b', 'i', 'u', 'sup', 'sub']);

function isLeaf(nodes: XmlNode[]): boolean {
  return nodes.every((node) => {
    const name = elementName(node);
    return name === null || FORMATTING.has(name);
  });
}

/** Flattens a record to element name -> texts (authors/author -> "author": [...]). */
function collectFields(nodes: XmlNode[], fields: Map<string, string[]>): void {
  for (const node of nodes) {
    const name = elementName(node);
    if (!name) continue;
    const inner = children(node, name);
    if (isLeaf(inner)) {
      const values = fields.get(name);
      const text = textOf(inner);
      if (values) values.push(text);
      else fields.set(name, [text]);
    } else {
      collectFields(inner, fields);
    }
  }
}

function refTypeName(record: XmlNode | undefined): string | null {
  const refType = children(record, 'record').find((node) => 'ref-type' in node);
  const attributes = refType?.[':@'] as Record<string, unknown> | undefined;
  return typeof attributes?.name === 'string' ? attributes.name : null;
}

function endnoteDraft(fields: Map<string, string[]>, typeName: string | null) {
  const get = (name: string) => fields.get(name) ?? [];
  const first = (name: string) => firstText(...get(name));
  const accession = first('accession-num');
  const isPubmed = isPubmedDatabase(first('remote-database-name'), first('remote-database-provider'));
  const links = get('url');
  return {
    title: firstText(...get('title')),
    abstract: first('abstract'),
    authors: get('author'),
    years: [...get('year'), ...get('date')],
    journal: firstText(...get('full-title'), ...get('secondary-title'), ...get('abbr-1')),
    volume: first('volume'),
    issue: firstText(...get('issue'), ...get('number')),
    pages: first('pages'),
    dois: [...get('electronic-resource-num'), ...links.filter((link) => /doi\.org\//i.test(link))],
    pmid: accession && isPubmed && /^\d{1,9}$/.test(accession) ? accession : null,
    keywords: get('keyword'),
    url: firstText(...links),
    urls: links,
    type: typeName ?? first('ref-type'),
    language: first('language'),
    raw: Object.fromEntries(fields),
  };
}
