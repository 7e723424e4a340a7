/**
 * Words for the agreement numbers: the Landis & Koch label and the sentence a
 * review's methods section needs, so reviewers do not retype (and mistype) them.
 */

export type LandisKochBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';

/**
 * Landis & Koch (1977), Biometrics 33:159-174, benchmark for kappa: < 0 poor,
 * 0-0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 substantial,
 * 0.81-1 almost perfect (upper bounds inclusive).
 */
export function landisKochBand(kappa: number): LandisKochBand {
  if (!Number.isFinite(kappa)) throw new RangeError('Kappa must be a finite number.');
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export type MethodsSentenceInput = {
  stage: 'title/abstract' | 'full-text';
  /** Number of reviewers who screened each record independently (at least 2). */
  raters: number;
  kappa: number | null;
  ci95?: [number, number] | null;
  /** Percent agreement as a proportion between 0 and 1 (as percentAgreement returns it). */
  percent: number | null;
  /** Records (title/abstract) or reports (full text) screened by the reviewers. */
  n: number;
  /** Defaults to "Cohen's kappa" for two reviewers and "Fleiss' kappa" for more. */
  statisticName?: string;
};

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Two decimals, without the "-0.00" that toFixed gives for tiny negatives. */
function twoDecimals(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** Thousands separated with commas, independent of the machine's locale. */
function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Whole percent, except that rounding must not claim 100% or 0% when it is not. */
function percentText(proportion: number): string {
  const whole = Math.round(proportion * 100);
  const isMisleading = (whole === 100 && proportion < 1) || (whole === 0 && proportion > 0);
  return `${isMisleading ? (proportion * 100).toFixed(1) : whole}%`;
}

/**
 * The methods-section sentence for screening agreement, e.g. "Titles and abstracts
 * were screened independently by two reviewers (Cohen's kappa = 0.72, 95% CI 0.65 to
 * 0.79; 94% agreement on 6,963 records)." Parts that are null are left out.
 */
export function methodsSentence(input: MethodsSentenceInput): string {
  const { stage, raters, kappa, ci95, percent, n } = input;
  if (!Number.isInteger(raters) || raters < 2) throw new RangeError('Agreement needs at least two reviewers.');
  if (percent !== null && !(percent >= 0 && percent <= 1)) {
    throw new RangeError('percent must be a proportion between 0 and 1 (e.g. 0.94 for 94%).');
  }
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number of records.');

  const subject = stage === 'title/abstract' ? 'Titles and abstracts' : 'Full texts';
  const unit = stage === 'title/abstract' ? 'record' : 'report';
  const who = `${NUMBER_WORDS[raters] ?? thousands(raters)} reviewers`;
  const name = input.statisticName ?? (raters === 2 ? "Cohen's kappa" : "Fleiss' kappa");

  const kappaPart =
    kappa === null
      ? `${name} could not be computed`
      : `${name} = ${twoDecimals(kappa)}${ci95 ? `, 95% CI ${twoDecimals(ci95[0])} to ${twoDecimals(ci95[1])}` : ''}`;
  const records = `${thousands(n)} ${unit}${n === 1 ? '' : 's'}`;
  const agreementPart = percent === null ? records : `${percentText(percent)} agreement on ${records}`;
  return `${subject} were screened independently by ${who} (${kappaPart}; ${agreementPart}).`;
}
