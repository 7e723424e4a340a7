import { describe, expect, it } from 'vitest';
import { landisKochBand, methodsSentence } from './report';

describe('methodsSentence', () => {
  it('writes the title/abstract sentence of the issue', () => {
    expect(methodsSentence({ stage: 'title/abstract', raters: 2, kappa: 0.72, ci95: [0.65, 0.79], percent: 0.94, n: 6963 })).toBe(
      "Titles and abstracts were screened independently by two reviewers (Cohen's kappa = 0.72, 95% CI 0.65 to 0.79; 94% agreement on 6,963 records).",
    );
  });

  it('counts full texts as reports and names Fleiss for more than two reviewers', () => {
    expect(methodsSentence({ stage: 'full-text', raters: 3, kappa: 0.613, ci95: null, percent: 0.875, n: 1 })).toBe(
      "Full texts were screened independently by three reviewers (Fleiss' kappa = 0.61; 88% agreement on 1 report).",
    );
  });

  it('says when kappa could not be computed, and never rounds to a false 100%', () => {
    expect(methodsSentence({ stage: 'title/abstract', raters: 2, kappa: null, percent: 0.996, n: 1234567 })).toBe(
      "Titles and abstracts were screened independently by two reviewers (Cohen's kappa could not be computed; 99.6% agreement on 1,234,567 records).",
    );
  });

  it('prints -0.00 as 0.00 and accepts another statistic name', () => {
    expect(methodsSentence({ stage: 'full-text', raters: 2, kappa: -0.001, ci95: [-0.2, 0.19], percent: null, n: 40, statisticName: "Gwet's AC1" })).toBe(
      "Full texts were screened independently by two reviewers (Gwet's AC1 = 0.00, 95% CI -0.20 to 0.19; 40 reports).",
    );
  });

  it('rejects a percentage where a proportion is expected, and fewer than two reviewers', () => {
    expect(() => methodsSentence({ stage: 'full-text', raters: 2, kappa: 0.5, percent: 94, n: 10 })).toThrow(/proportion/);
    expect(() => methodsSentence({ stage: 'full-text', raters: 1, kappa: 0.5, percent: 0.9, n: 10 })).toThrow(RangeError);
  });
});

describe('landisKochBand', () => {
  it.each([
    [-0.01, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.41, 'moderate'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost perfect'],
    [1, 'almost perfect'],
  ])('%d is %s', (kappa, band) => {
    expect(landisKochBand(kappa)).toBe(band);
  });

  it('refuses NaN', () => {
    expect(() => landisKochBand(Number.NaN)).toThrow(RangeError);
  });
});
