/**
 * The real exports in shared/data/importers: record counts from its README,
 * hand-checked field values, cross-format agreement and streaming parity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { decodeBytes } from './decode';
import { parseReferences, parseReferenceStream } from './index';
import type { ParsedReference, ParseResult } from './types';

// file -> [format, records] from the importers README table.
const EXPECTED: Record<string, [string, number]> = {
  'ris/asreview__embase.ris': ['ris', 6],
  'ris/asreview__ovid_psycinfo.ris': ['ris', 6],
  'ris/asreview__ovid_zotero.ris': ['ris', 6],
  'ris/asreview__proquest.ris': ['ris', 6],
  'ris/asreview__pubmed_zotero.ris': ['ris', 6],
  'ris/asreview__pubmed_endnote.txt': ['ris', 6],
  'ris/asreview__scopus.ris': ['ris', 6],
  'ris/asreview__web_of_science.txt': ['ris', 10],
  'ris/asreview__rayyan_ris_issue_992.txt': ['ris', 19],
  'ris/asreview__ris_issue_1099.txt': ['ris', 7],
  'ris/asreview__baseline_empty_values.ris': ['ris', 4],
  'ris/asreview__faulty_year.ris': ['ris', 1],
  'ris/asreview__baseline_reference_types.ris': ['ris', 61],
  'ris/rispy__example_bom.ris': ['ris', 1],
  'ris/rispy__example_utf_chars.ris': ['ris', 1],
  'ris/rispy__example_multiline.ris': ['ris', 3],
  'ris/rispy__example_empty_tag.ris': ['ris', 1],
  'ris/rispy__example_starting_newlines.ris': ['ris', 1],
  'ris/rispy__example_extraneous_data.ris': ['ris', 2],
  'ris/asysd__endnote_ris_export.txt': ['ris', 69],
  'ris/asysd__scopus.ris': ['ris', 10],
  'ris/asysd__zotero_export.ris': ['ris', 1000],
  'ris/searchbuildR__testset_ris_endnote.txt': ['ris', 32],
  'medline_nbib/searchbuildR__testset_pubmed_hyphen_decision_medline.txt': ['medline', 20],
  'medline_nbib/colrev__nbib_data.nbib': ['medline', 1],
  'wos_tagged/rispy__example_wos_tagged.txt': ['wos', 2],
  'bibtex/asysd__zotero_export.bib': ['bibtex', 1000],
  'bibtex/colrev__scopus.bib': ['bibtex', 11],
  'bibtex/colrev__ebsco.bib': ['bibtex', 2],
  'endnote_xml/asysd__zotero_endnote.xml': ['endnote-xml', 1233],
  'endnote_xml/bibdedupe__rathbone_respiratory_endnote.xml': ['endnote-xml', 1988],
  // The README counts "%0" lines (2), but the file holds a third record, a table of
  // contents with no "%0" line; colrev's own expected output has 3 records too.
  'endnote_tagged/colrev__enl_data.enl': ['refer', 3],
  'csv_tsv/asysd__zotero_export.csv': ['csv', 1233],
  'csv_tsv/asreview__embase.csv': ['csv', 6],
  'csv_tsv/asreview__generic_tab.tsv': ['tsv', 2],
  'csv_tsv/colrev__ieee.csv': ['csv', 2],
};

const texts = new Map<string, string>();
const results = new Map<string, ParseResult>();

function textOf(file: string): string {
  let text = texts.get(file);
  if (text === undefined) {
    text = decodeBytes(readFileSync(sharedDataPath('importers', file))).text;
    texts.set(file, text);
  }
  return text;
}

function parsed(file: string): ParseResult {
  let result = results.get(file);
  if (!result) {
    result = parseReferences(textOf(file));
    results.set(file, result);
  }
  return result;
}

const squash = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!hasSharedData)('shared importer corpus', () => {
  it('lists every file of the corpus', () => {
    const files = readdirSync(sharedDataPath('importers')).flatMap((dir) =>
      readdirSync(sharedDataPath('importers', dir)).map((name) => `${dir}/${name}`),
    );
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s parses as %j', (file, [format, count]) => {
    const result = parsed(file);
    expect(result.format).toBe(format);
    expect(result.records).toHaveLength(count);
  });

  it('confirms the README counting rule for the Refer file (2 "%0" lines, 3 records)', () => {
    expect(textOf('endnote_tagged/colrev__enl_data.enl').match(/^%0 /gm)).toHaveLength(2);
    expect(parsed('endnote_tagged/colrev__enl_data.enl').records[2].title).toBe('MISQ Volume 45, Issue 3 Table of Contents');
  });

  it('parses the corpus with no warnings except the known oddities', () => {
    const warned = Object.keys(EXPECTED).filter((file) => parsed(file).warnings.length > 0);
    expect(warned.sort()).toEqual(['bibtex/colrev__ebsco.bib', 'ris/asreview__faulty_year.ris']);
  }, 60_000);

  streamingParity();
  goldenFields();
  crossFormat();
});

function pick(record: ParsedReference) {
  return { title: record.title, firstAuthor: record.authors[0] ?? null, year: record.year, doi: record.doi, journal: record.journal };
}

function goldenFields() {
  it.each([
    ['ris/asreview__embase.ris', 0, { title: 'Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound', firstAuthor: 'Liu R.', year: 2014, doi: '10.4103/2303-9027.138783', journal: 'Endoscopic Ultrasound' }],
    ['ris/asreview__ovid_psycinfo.ris', 0, { title: 'The influence of self-criticism on depression symptoms among ambulatory patients with inflammatory bowel disease.', firstAuthor: 'Trindade, Ines A', year: 2019, doi: '10.1002/cpp.2398', journal: 'Clinical Psychology & Psychotherapy' }],
    ['ris/asreview__pubmed_endnote.txt', 0, { title: 'Boswellia serrata: an overall assessment of in vitro, preclinical, pharmacokinetic and clinical data', firstAuthor: 'Abdel-Tawab, M.', year: 2011, doi: '10.2165/11586800-000000000-00000', journal: 'Clin Pharmacokinet' }],
    ['ris/asysd__zotero_export.ris', 1, { title: 'Molecular background of hereditary nephropathies in spaniel dogs', firstAuthor: 'Wasielewska, M', year: 2019, doi: '10.21521/mw.6330', journal: 'MEDYCYNA WETERYNARYJNA-VETERINARY MEDICINE-SCIENCE AND PRACTICE' }],
    ['ris/asysd__endnote_ris_export.txt', 0, { title: "Altered metabolism of familial Alzheimer's disease-linked amyloid precursor protein variants in yeast artificial chromosome transgenic mice", firstAuthor: 'Wagner, Lamb B. T. Call L. M. Slunt H. H. Bardel K. A. Lawler A. M. Eckman C. B. Younkin S. G. Holtz G.', year: 1997, doi: '10.1093/hmg/6.9.1535', journal: 'Hum Mol Genet' }],
    ['ris/rispy__example_empty_tag.ris', 0, { title: 'Outcome Measures After Shoulder Stabilization in the Athletic Population: A Systematic Review of Clinical and Patient-Reported Metrics', firstAuthor: 'Fanning E.', year: 2020, doi: '10.1177/2325967120950040', journal: 'Orthopaedic Journal of Sports Medicine' }],
    ['medline_nbib/searchbuildR__testset_pubmed_hyphen_decision_medline.txt', 0, { title: 'Emotion and decision making.', firstAuthor: 'Lerner, Jennifer S', year: 2015, doi: '10.1146/annurev-psych-010213-115043', journal: 'Annual review of psychology' }],
    ['wos_tagged/rispy__example_wos_tagged.txt', 0, { title: 'Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria and its subunit (B820)', firstAuthor: 'Parkes-Loach, PS', year: 2004, doi: '10.1021/bi049798f', journal: 'BIOCHEMISTRY' }],
    ['bibtex/asysd__zotero_export.bib', 0, { title: 'Microangiography of the humeral condyle in Cocker Spaniel and non-Cocker Spaniel dogs', firstAuthor: 'Larsen, LJ', year: 1999, doi: null, journal: 'VETERINARY AND COMPARATIVE ORTHOPAEDICS AND TRAUMATOLOGY' }],
    ['endnote_xml/asysd__zotero_endnote.xml', 0, { title: 'Myoclonus in older Cavalier King Charles Spaniels.', firstAuthor: 'Rotter, Carina', year: 2022, doi: '10.1111/jvim.16404', journal: 'Journal of veterinary internal medicine' }],
    ['endnote_xml/bibdedupe__rathbone_respiratory_endnote.xml', 0, { title: 'Perioperative nutritional support in patients undergoing hepatectomy for hepatocellular carcinoma', firstAuthor: 'Ziegler, T. R.', year: 1996, doi: null, journal: 'Jpen: Journal of Parenteral & Enteral Nutrition' }],
    ['endnote_tagged/colrev__enl_data.enl', 0, { title: 'How Trust Leads to Commitment on Microsourcing Platforms: Unraveling the Effects of Governance and Third-Party Mechanisms on Triadic Microsourcing Relationships', firstAuthor: 'Guo, Wenbo', year: 2021, doi: null, journal: 'Management Information Systems Quarterly' }],
    ['csv_tsv/colrev__ieee.csv', 0, { title: 'Rural Outsourcing: Delivering ITO and BPO Services from Remote Domestic Locations', firstAuthor: 'Joseph Rottman', year: null, doi: '10.1109/mc.2011.377', journal: 'Computer' }],
    ['csv_tsv/asreview__embase.csv', 1, { title: 'Endoscopic ultrasound-guided fine-needle aspiration in the diagnosis of foregut duplication cysts: The value of demonstrating detached ciliary tufts in cyst fluid', firstAuthor: 'Eloubeidi M.A.', year: 2004, doi: null, journal: 'Cancer' }],
    ['csv_tsv/asysd__zotero_export.csv', 0, { title: 'Myoclonus in older Cavalier King Charles Spaniels.', firstAuthor: 'Rotter, Carina', year: 2022, doi: '10.1111/jvim.16404', journal: 'Journal of veterinary internal medicine' }],
  ] as const)('%s record %i', (file, index, expected) => {
    expect(pick(parsed(file).records[index])).toEqual(expected);
  });

  it('reads the awkward RIS samples as their authors meant', () => {
    const multiline = parsed('ris/rispy__example_multiline.ris').records;
    expect(multiline.map((r) => r.raw.N1)).toEqual(Array(3).fill(['first line\n* second line\n* last line']));
    expect(multiline.map((r) => squash(r.abstract))).toEqual(Array(3).fill('first line, ER then second line and at the end the last line'));

    const rayyan = parsed('ris/asreview__rayyan_ris_issue_992.txt').records[0];
    expect(rayyan.keywords).toHaveLength(13);
    expect(rayyan.keywords.slice(0, 3)).toEqual(['Health Facility Administration', 'Joint Commission', 'Standards']);

    expect(parsed('ris/rispy__example_extraneous_data.ris').records.map((r) => [r.title, r.year])).toEqual([
      ['Title of reference', 2014],
      ['The title of the reference', 2006],
    ]);
    const faulty = parsed('ris/asreview__faulty_year.ris');
    expect(faulty.records[0].year).toBeNull();
    expect(faulty.warnings).toEqual([{ line: 1, message: 'record starting at line 1: no year between 1000 and 2100 in "10 15"' }]);

    const empty = parsed('ris/asreview__baseline_empty_values.ris').records;
    expect(empty.map((r) => [r.title, r.abstract === null])).toEqual([
      ['Title of reference', true],
      [null, false],
      ['Title of reference', true],
      [null, false],
    ]);

    const utf = parsed('ris/rispy__example_utf_chars.ris').records[0];
    expect(utf).toMatchObject({
      authors: ['Dobrokhotova, Yu E.', 'Yusupova, R. O.', 'Ozerova, R. I.', 'Fayzullin, L. Z.', 'Karnaukhov, V. N.'],
      journal: 'Gynecology, Obstetrics and Perinatology',
      volume: '8',
      year: 2009,
    });
    expect(utf.title).toMatch(/^Состояние рецепторного аппарата эндометрия/);
    expect(utf.raw.N1).toEqual(['Ä,Ö,Ü,ä,ö,ü,ß']);

    const pubmed = parsed('ris/asreview__pubmed_endnote.txt').records[0];
    expect(pubmed).toMatchObject({ pmid: '21553931', pages: '349-69', volume: '50', issue: '6' });
  });

  it('reads the awkward samples of the other formats', () => {
    const bib = parsed('bibtex/asysd__zotero_export.bib').records;
    const kubai = bib.find((r) => r.raw.ID?.[0] === 'kubai_heritability_2013');
    expect(kubai).toMatchObject({
      title: 'Heritability of Lenticular Myopia in English Springer Spaniels',
      journal: 'INVESTIGATIVE OPHTHALMOLOGY & VISUAL SCIENCE',
      year: 2013,
      doi: '10.1167/iovs.12-10993',
    });
    const felkai = bib.find((r) => r.raw.ID?.[0] === 'felkai_ultrasonographic_1997');
    expect(felkai?.abstract).toContain('(p < 0.001)');

    const medline = parsed('medline_nbib/searchbuildR__testset_pubmed_hyphen_decision_medline.txt').records[0];
    expect(medline.abstract).toMatch(/^A revolution in the science of emotion has emerged in recent decades, with the potential to create/);
    expect(medline.pmid).toBe('25251484');

    const wos = parsed('wos_tagged/rispy__example_wos_tagged.txt').records[1];
    expect(wos.authors).toHaveLength(9);
    expect(wos.pmid).toBe('15170339');

    const tsv = parsed('csv_tsv/asreview__generic_tab.tsv').records[0];
    expect(tsv).toMatchObject({ authors: ['Marx, Karl', 'Lindgren, Astrid'], year: 2014, keywords: ['Pippi', 'Nordwind', 'Piraten'] });

    const ieee = parsed('csv_tsv/colrev__ieee.csv').records[1];
    expect(ieee.abstract).toContain("Solvers' sustained participation level");
  });
}

function crossFormat() {
  const titlesAndDois = (file: string) => parsed(file).records.map((r) => [squash(r.title), r.doi]);

  it('gives the same titles and DOIs for the ASySD export as RIS and as BibTeX (1,000 records)', () => {
    const ris = titlesAndDois('ris/asysd__zotero_export.ris');
    expect(ris).toHaveLength(1000);
    expect(titlesAndDois('bibtex/asysd__zotero_export.bib')).toEqual(ris);
  }, 60_000);

  it('gives the same titles and DOIs for the ASySD export as CSV and as EndNote XML (1,233 records)', () => {
    const csv = titlesAndDois('csv_tsv/asysd__zotero_export.csv');
    expect(csv).toHaveLength(1233);
    expect(titlesAndDois('endnote_xml/asysd__zotero_endnote.xml')).toEqual(csv);
  }, 60_000);

  it('gives the same authors and years across RIS and BibTeX, and across CSV and EndNote XML', () => {
    const authorsYears = (file: string) => parsed(file).records.map((r) => [r.authors, r.year]);
    expect(authorsYears('bibtex/asysd__zotero_export.bib')).toEqual(authorsYears('ris/asysd__zotero_export.ris'));
    expect(authorsYears('endnote_xml/asysd__zotero_endnote.xml')).toEqual(authorsYears('csv_tsv/asysd__zotero_export.csv'));
  }, 60_000);
}

// A small deterministic generator, so a failure names chunk sizes that can be replayed.
function chunked(text: string, seed: number, maxSize: number): string[] {
  const chunks: string[] = [];
  let state = seed;
  for (let i = 0; i < text.length; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % maxSize);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

async function collect(chunks: Iterable<string>): Promise<ParseResult> {
  const records: ParsedReference[] = [];
  const warnings: ParseResult['warnings'] = [];
  let format: ParseResult['format'] | null = null;
  for await (const batch of parseReferenceStream(chunks)) {
    format = batch.format;
    records.push(...batch.records);
    warnings.push(...batch.warnings);
  }
  return { format: format ?? 'ris', records, warnings };
}

function streamingParity() {
  it.each(Object.keys(EXPECTED))('%s streams to exactly the same records and warnings', async (file) => {
    const text = textOf(file);
    const whole = parsed(file);
    const sizes = text.length < 100_000 ? [7, 4096] : [65_536];
    for (const maxSize of sizes) {
      expect(await collect(chunked(text, text.length, maxSize))).toEqual(whole);
    }
  }, 60_000);
}
