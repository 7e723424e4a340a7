import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './find-duplicates';
import { prepareRecord } from './prepare';
import { scorePair } from './score';
import type { DedupRecord } from './types';

const article: DedupRecord = {
  id: 'a',
  title: 'Randomized phase II study of carboplatin/gemcitabine and cisplatin/vinorelbine in advanced non-small cell lung cancer',
  authors: ['Thomas, P.', 'Robinet, G.', 'Gouva, S.', 'Fournel, P.'],
  year: 2006,
  journal: 'Lung Cancer',
  volume: '51',
  issue: '1',
  pages: '105-114',
  doi: null,
  pmid: null,
};

function score(changes: Partial<DedupRecord>, base: DedupRecord = article) {
  return scorePair(prepareRecord(base, 0, false), prepareRecord({ ...base, id: 'b', ...changes }, 1, false));
}

const isCertain = (s: { score: number; hasConflict: boolean }) => s.score >= DEFAULT_THRESHOLDS.certain && !s.hasConflict;
const isQueued = (s: { score: number; hasConflict: boolean }) => !isCertain(s) && s.score >= DEFAULT_THRESHOLDS.probable;

describe('scorePair', () => {
  it('is certain for the same article exported by two databases', () => {
    const s = score({
      title: 'Randomized multicentric phase II study of carboplatin/gemcitabine and cisplatin/vinorelbine in advanced non-small cell lung cancer.',
      authors: ['Thomas P', 'Robinet G', 'Gouva S', 'Fournel P'],
      journal: 'Lung cancer (Amsterdam, Netherlands)',
      pages: '105-14',
      issue: null,
    });
    expect(isCertain(s)).toBe(true);
    expect(s.reasons).toContain('pages equal');
  });

  it('is certain on equal DOI and title even without a journal', () => {
    const withDoi = { ...article, doi: '10.1016/j.lungcan.2005.10.006', journal: null, volume: null, pages: null };
    expect(isCertain(score({ doi: 'https://doi.org/10.1016/J.LUNGCAN.2005.10.006' }, withDoi))).toBe(true);
  });

  it('never merges on a conflicting DOI or PMID', () => {
    const withIds = { ...article, doi: '10.1000/one', pmid: '111' };
    expect(score({ doi: '10.1000/two' }, withIds).hasConflict).toBe(true);
    expect(score({ pmid: '222' }, withIds).hasConflict).toBe(true);
  });

  it('queues the same title with different pages in the same journal', () => {
    const s = score({ pages: '201-210' });
    expect(s.hasConflict).toBe(true);
    expect(isQueued(s)).toBe(true);
  });

  it('does not merge a meeting abstract with the article of the same title', () => {
    const s = score({ journal: 'Journal of Thoracic Oncology. Conference: 12th World Conference on Lung Cancer', volume: '2', pages: 'S459' });
    expect(isCertain(s)).toBe(false);
  });

  it('does not merge an erratum, a reply or a comment with its article', () => {
    expect(isCertain(score({ title: `Erratum: ${article.title}`, pages: '300' }))).toBe(false);
    expect(isCertain(score({ title: `Erratum: ${article.title}` }))).toBe(false);
    expect(isCertain(score({ title: `Re: ${article.title}` }))).toBe(false);
    expect(isCertain(score({ title: `${article.title} - Reply`, authors: ['Thomas, P.'] }))).toBe(false);
  });

  it('does not merge part 1 with part 2', () => {
    const part1 = { ...article, title: 'Linomide in relapsing and secondary progressive MS: Part I: trial design and clinical results' };
    const s = score({ title: 'Linomide in relapsing and secondary progressive MS: Part II: MRI results', pages: '1734-1741' }, part1);
    expect(s.hasConflict).toBe(true);
    expect(score({ title: 'Linomide in relapsing and secondary progressive MS: part 1: trial design and clinical results' }, part1).hasConflict).toBe(false);
  });

  it('does not merge the same title in another year and volume (a series, an update)', () => {
    const series = { ...article, title: 'Gateways to clinical trials', authors: ['Bayes, M.', 'Rabasseda, X.'], journal: 'Methods Find Exp Clin Pharmacol' };
    const s = score({ year: 2007, volume: '29', pages: '467-509' }, series);
    expect(s.hasConflict).toBe(true);
    expect(s.score).toBeLessThan(DEFAULT_THRESHOLDS.probable);
  });

  it('does not merge the same guideline published in two journals', () => {
    const s = score({ journal: 'CA: A Cancer Journal for Clinicians', volume: '62', pages: '147-172' });
    expect(s.hasConflict).toBe(true);
    expect(isQueued(s) || s.score < DEFAULT_THRESHOLDS.probable).toBe(true);
  });

  it('forgives a transliterated journal name or a year off by one when volume and pages agree', () => {
    expect(isCertain(score({ journal: 'Zhongguo Fei Ai Za Zhi' }))).toBe(true);
    expect(isCertain(score({ year: 2007 }))).toBe(true);
    expect(isCertain(score({ year: 2007, pages: null }))).toBe(false);
  });

  it('trusts an equal DOI over mangled pages', () => {
    const withDoi = { ...article, doi: '10.1016/j.chb.2020.106482' };
    expect(isCertain(score({ pages: '106482', volume: null }, withDoi))).toBe(true);
  });

  it('tells apart items of different issues when no pages say otherwise', () => {
    const editorial = { ...article, title: "Remarks from MIS Quarterly Editor - Editor's Comments", pages: null, issue: '1' };
    expect(score({ issue: '2' }, editorial).hasConflict).toBe(true);
    // Issue fields that hold record numbers (EndNote) are not issues; equal pages settle it.
    expect(isCertain(score({ issue: '1113' }, { ...article, issue: '1112' }))).toBe(true);
    expect(isCertain(score({ issue: '2' }))).toBe(true);
  });

  it('queues a translated title when everything else agrees', () => {
    const s = score({ title: 'Étude randomisée de phase II: carboplatine et gemcitabine' });
    expect(isQueued(s)).toBe(true);
  });

  it('does not trust a short title on its own', () => {
    const short = { ...article, title: 'Eculizumab', volume: null, pages: null };
    expect(isCertain(score({}, short))).toBe(false);
  });

  it('gives reasons a person can read', () => {
    expect(score({ pages: '201-210' }).reasons).toEqual(expect.arrayContaining(['title equal', 'authors agree', 'pages differ']));
  });
});
