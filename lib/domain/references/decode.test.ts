import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    const encoded = new TextEncoder().encode('TI  - Größe und Состояние\n');
    expect(decodeBytes(encoded)).toEqual({ text: 'TI  - Größe und Состояние\n', encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM', () => {
    const encoded = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('TY  - JOUR')]);
    expect(decodeBytes(encoded)).toEqual({ text: 'TY  - JOUR', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = bytes(0xff, 0xfe, ...ascii('TY').flatMap((c) => [c, 0]), 0xe9, 0x00);
    const be = bytes(0xfe, 0xff, ...ascii('TY').flatMap((c) => [0, c]), 0x00, 0xe9);
    expect(decodeBytes(le)).toEqual({ text: 'TYé', encoding: 'utf-16le' });
    expect(decodeBytes(be)).toEqual({ text: 'TYé', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 LE without a BOM by its zero bytes', () => {
    const le = bytes(...ascii('TY  - JOUR\nER  - \n').flatMap((c) => [c, 0]));
    expect(decodeBytes(le)).toEqual({ text: 'TY  - JOUR\nER  - \n', encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 for Latin-1 bytes that are not UTF-8', () => {
    // "Müller, José" in Latin-1: ü = 0xFC, é = 0xE9.
    const latin1 = bytes(...ascii('AU  - M'), 0xfc, ...ascii('ller, Jos'), 0xe9);
    expect(decodeBytes(latin1)).toEqual({ text: 'AU  - Müller, José', encoding: 'windows-1252' });
  });

  it('maps the Windows-1252 range 0x80-0x9F to its printable characters', () => {
    // 0x93/0x94 are curly quotes and 0x96 an en dash in Windows-1252 (control codes in ISO-8859-1).
    expect(decodeBytes(bytes(0x93, ...ascii('a'), 0x94, 0x96)).text).toBe('\u201ca\u201d\u2013');
  });

  it('decodes an empty file to an empty string', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('does not take binary data with zeros everywhere for UTF-16', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0);
    expect(decodeBytes(png).encoding).toBe('windows-1252');
  });
});
