import { describe, expect, it } from 'vitest';
import { DETECTION_WINDOW, detectFormat } from './detect';
import { ReferenceParseError } from './errors';
import { parseReferences } from './index';

describe('detectFormat', () => {
  it.each([
    ['TY  - JOUR\nER  - \n', 'ris'],
    ['Record #1 of 2\nProvider: x\n1.\nTY  - JOUR\nER  -\n', 'ris'],
    ['PMID- 123\nTI  - x\n', 'medline'],
    ['\nOWN - ERIC\nTI  - Paper title\n', 'medline'],
    ['% comment\n@article{k,\n title={x}}\n', 'bibtex'],
    ['<?xml version="1.0"?><xml><records><record></record></records></xml>', 'endnote-xml'],
    ['%T A title\n%A Smith, J\n', 'refer'],
    ['FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nER\n', 'wos'],
    ['PT J\nAU Smith\nER\n', 'wos'],
    ['Title,Authors,DOI\nx,y,z\n', 'csv'],
    ['abstract\ttitle\n', 'tsv'],
  ])('%j -> %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('does not trust the first format-looking line beyond the window', () => {
    const text = `${'x'.repeat(DETECTION_WINDOW + 10)}\nTY  - JOUR\nER  -\n`;
    expect(() => detectFormat(text)).toThrow(ReferenceParseError);
  });

  it.each([
    ['', 'Reference file: line 1: the file is empty'],
    ['  \n\t\n', 'Reference file: line 1: the file is empty'],
    ['hello world\nthis is not a reference file', 'Reference file: line 1: not a recognised reference format'],
    ['\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'Reference file: line 3: the file is binary'],
  ])('rejects %j', (text, message) => {
    expect(() => parseReferences(text)).toThrow(message);
  });

  it('still rejects binary text when the format is forced', () => {
    expect(() => parseReferences('TY  - JOUR\u0000\nER  -', { format: 'ris' })).toThrow('RIS: line 1: the file is binary');
    expect(() => parseReferences('', { format: 'bibtex' })).toThrow('BibTeX: line 1: the file is empty');
  });
});
