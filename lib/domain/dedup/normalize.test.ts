import { describe, expect, it } from 'vitest';
import { compareJournals, journalVariants } from './journal';
import { normalizeDoi, normalizeNumberField, normalizePmid, parseAuthor } from './normalize-fields';
import { comparePages, parsePages } from './normalize-pages';
import { cleanTitle, compactTitle, foldToAscii, normalizeTitle, partNumber, titleKind } from './normalize-text';

describe('normalizeTitle', () => {
  it('lower-cases, strips diacritics, punctuation and HTML tags', () => {
    expect(normalizeTitle('Étude <i>in vitro</i> des cellules: résultats!')).toBe('etude in vitro des cellules resultats');
  });

  it('removes database notes: language, review and reference counts, erratum notes', () => {
    expect(normalizeTitle('Tuberculosis in children [Article in Spanish]')).toBe('tuberculosis in children');
    expect(normalizeTitle('HPV testing: a meta-analysis. [Review] [45 refs]')).toBe('hpv testing a meta analysis');
    expect(normalizeTitle('Pathophysiology of PNH. [Japanese]')).toBe('pathophysiology of pnh');
    expect(normalizeTitle('Intrapleural therapy.[Erratum appears in Chest 1992 Feb;101(2):590]')).toBe('intrapleural therapy');
    expect(normalizeTitle('Early chest tube removal LA: Ara')).toBe('early chest tube removal');
    expect(normalizeTitle('Screening outcomes (Provisional abstract)')).toBe('screening outcomes');
  });

  it('drops the brackets of a translated title and the original after <ORIGINAL>', () => {
    expect(normalizeTitle('[A study on the use of mycobacterium vaccine]')).toBe('a study on the use of mycobacterium vaccine');
    expect(normalizeTitle('Antibiotic prophylaxis. <ORIGINAL> PROPHYLAXIE ANTIBIOTIQUE')).toBe('antibiotic prophylaxis');
  });

  it('writes Roman numerals and grouped thousands as digits', () => {
    expect(normalizeTitle('Part II: phase III results in 10 000 women')).toBe('part 2 phase 3 results in 10000 women');
  });

  it('decodes entities and spells Greek letters', () => {
    expect(normalizeTitle('TNF-&alpha; and IFN-γ &amp; more')).toBe('tnf alpha and ifn gamma and more');
  });

  it('keeps an empty title empty', () => {
    expect(normalizeTitle(null)).toBe('');
    expect(normalizeTitle('')).toBe('');
  });

  it('compacts spaces and British spellings for comparison', () => {
    expect(compactTitle(normalizeTitle('integrin (alpha)v(beta)3'))).toBe(compactTitle(normalizeTitle('integrin alphavbeta3')));
    expect(compactTitle(normalizeTitle('Haemolytic uraemic syndrome'))).toBe(compactTitle(normalizeTitle('Hemolytic uremic syndrome')));
  });

  it('keeps case and punctuation in cleanTitle', () => {
    expect(cleanTitle('[Comparison of A and B. A randomized study]')).toBe('Comparison of A and B. A randomized study');
  });
});

describe('titleKind and partNumber', () => {
  it('recognises errata, replies, comments and retractions', () => {
    expect(titleKind('Erratum: Severe deficiency of ADAMTS13')).toBe('erratum');
    expect(titleKind('Severe deficiency of ADAMTS13 (vol 142, pg 310, 2003)')).toBe('erratum');
    expect(titleKind('Re: Intrapleural streptokinase')).toBe('reply');
    expect(titleKind('Atypical HUS associated with streptococcus - Reply')).toBe('reply');
    expect(titleKind('Thrombomodulin in atypical HUS AUTHORS REPLY')).toBe('reply');
    expect(titleKind('Retraction: A study of X')).toBe('retraction');
    expect(titleKind('Re-evaluation of pleural effusions')).toBe('article');
    expect(titleKind('Response to rituximab in relapsed lymphoma')).toBe('article');
    expect(titleKind('A study', 'Erratum')).toBe('erratum');
  });

  it('reads part numbers', () => {
    expect(partNumber(normalizeTitle('Linomide in MS: Part I: trial design'))).toBe('1');
    expect(partNumber(normalizeTitle('Linomide in MS (part 2)'))).toBe('2');
    expect(partNumber(normalizeTitle('Linomide in MS'))).toBeNull();
  });
});

describe('journals', () => {
  const same = (a: string, b: string) => compareJournals(journalVariants(a), journalVariants(b));

  it('ignores case, punctuation, "&" against "and", and bracketed notes', () => {
    expect(same('Jpen: Journal of Parenteral & Enteral Nutrition', 'JPEN. Journal of parenteral and enteral nutrition')).toBe('same');
    expect(same('PLoS ONE [Electronic Resource]', 'PLoS ONE')).toBe('same');
  });

  it('matches abbreviations, run-together abbreviations and alternative names', () => {
    expect(same('J Thorac Cardiovasc Surg', 'Journal of Thoracic & Cardiovascular Surgery')).toBe('same');
    expect(same('Jthoraccardiovascsurg', 'Journal of Thoracic and Cardiovascular Surgery')).toBe('same');
    expect(same('Dtsch Arztebl Int', 'Deutsches Arzteblatt International')).toBe('same');
    expect(same('Eur J Cardiothorac Surg', 'European Journal of Cardio-thoracic Surgery')).toBe('same');
    expect(same('Ai zheng = Aizheng = Chinese journal of cancer', 'Chinese Journal of Cancer')).toBe('same');
    expect(same('JAMA', 'Journal of the American Medical Association')).toBe('same');
    expect(same('ICIS : Transforming Society with Digital Innovation', 'International Conference on Information Systems')).toBe('same');
    expect(same('Revista espa?ola de anestesiolog?a y reanimaci?n', 'Revista Espanola de Anestesiologia y Reanimacion')).toBe('same');
  });

  it('tells different journals apart', () => {
    expect(same('Cancer', 'Cancer Research')).toBe('different');
    expect(same('Journal of Clinical Virology', 'Journal of Clinical Oncology')).toBe('different');
    expect(same('American Journal of Clinical Pathology', 'CA: a Cancer Journal for Clinicians')).toBe('different');
  });

  it('calls a shortened name compatible', () => {
    expect(same('The Journal of trauma', 'Journal of Trauma-Injury Infection & Critical Care')).toBe('compatible');
  });
});

describe('pages', () => {
  const compare = (a: string, b: string) => comparePages(parsePages(a), parsePages(b));

  it('expands abbreviated end pages', () => {
    expect(parsePages('91-2')).toEqual({ starts: ['91'], end: '92', isArticleNumber: false, endFragment: null });
    expect(compare('91-92', '91-2')).toBe('same-range');
    expect(compare('1388-1396', '1388-96')).toBe('same-range');
  });

  it('treats a single first page as agreeing, a different first page as conflicting', () => {
    expect(compare('91-92', '91')).toBe('same-start');
    expect(compare('91', '91')).toBe('same-page');
    expect(compare('91-92', '93-94')).toBe('different');
    expect(compare('91-95', '91-99')).toBe('ends-differ');
  });

  it('reads supplements, lists of ranges and spreadsheet dates', () => {
    expect(compare('S385S-389', 'S385-S389')).toBe('same-range');
    expect(compare('230-5, 246-51, 233-8', '233-238+230-235+246-251')).toBe('same-start');
    expect(parsePages('08-Aug')?.starts).toEqual(['8']);
  });

  it('does not compare an article number with printed pages, nor trust mangled fields', () => {
    expect(compare('e12724', '1-6')).toBe('missing');
    expect(compare('CD006273', 'CD006273')).toBe('same-range');
    expect(compare('t-20', '314-320')).toBe('overlap');
    expect(compare('Suppl-29', 'S417-S429')).toBe('overlap');
    expect(compare('t-20', '314-331')).toBe('missing');
    expect(compare('569', '567-569')).toBe('overlap');
  });
});

describe('authors, identifiers and numbers', () => {
  it('reduces names to surname and initials whatever the style', () => {
    expect(parseAuthor('Ziegler, T. R.')).toMatchObject({ surname: 'ziegler', initials: 'tr' });
    expect(parseAuthor('Ziegler TR')).toMatchObject({ surname: 'ziegler', initials: 'tr' });
    expect(parseAuthor('Thomas R. Ziegler')).toMatchObject({ surname: 'ziegler', initials: 'tr' });
    expect(parseAuthor('van Kemenade, F. J.')).toMatchObject({ surname: 'vankemenade', tail: 'kemenade' });
    expect(parseAuthor('Léna, H.')).toMatchObject({ surname: 'lena' });
    expect(parseAuthor('Lynch Jr, T. J.')).toMatchObject({ surname: 'lynch' });
    expect(parseAuthor('et al.')).toBeNull();
    expect(parseAuthor('Group, ALTS')?.isGroup).toBe(true);
  });

  it('normalises DOI, PMID, volume and issue', () => {
    expect(normalizeDoi('https://doi.org/10.1000/ABC.123.')).toBe('10.1000/abc.123');
    expect(normalizeDoi('doi:10.1186/1471-2334-10-214')).toBe('10.1186/1471-2334-10-214');
    expect(normalizeDoi('not a doi')).toBeNull();
    expect(normalizePmid('PMID: 0012345')).toBe('12345');
    expect(normalizeNumberField('30a')).toBe('30');
    expect(normalizeNumberField('Suppl. 1')).toBe('1');
    expect(normalizeNumberField(' ')).toBeNull();
  });

  it('folds text to ASCII words', () => {
    expect(foldToAscii('  Ekmekçioğlu & Søren  ')).toBe('ekmekcioglu and soren');
  });
});
