/**
 * `npm run -s cli -- agreement FILE.json`: every applicable inter-rater agreement
 * statistic for a ratings file, printed as JSON. The file holds
 * `{"ratings": [[rater 1, rater 2, ...], ...one row per subject], "level"?, "weights"?, "categories"?}`
 * with null for a missing rating.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { computeAllAgreement, type AgreementReport } from '../../lib/domain/agreement';
import type { CliCommand } from './types';

const ZRating = z.union([z.string(), z.number(), z.null()], {
  error: 'A rating must be a string, a number, or null when missing.',
});

/** The ratings file: one row per subject, one entry per rater, null when missing. */
export const ZAgreementInput = z
  .strictObject({
    ratings: z
      .array(z.array(ZRating, { error: 'Each subject must be an array of ratings, one per rater.' }), {
        error: '"ratings" must be an array with one array of ratings per subject.',
      })
      .min(1, '"ratings" needs at least one subject.'),
    level: z.enum(['nominal', 'ordinal', 'interval', 'ratio']).optional(),
    weights: z.enum(['linear', 'quadratic']).optional(),
    categories: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  })
  .superRefine((input, ctx) => {
    // Guard: refinements can run on input whose rows already failed.
    if (!Array.isArray(input.ratings) || !input.ratings.every(Array.isArray) || input.ratings.length === 0) return;
    const width = input.ratings[0].length;
    if (width < 2) {
      ctx.addIssue({ code: 'custom', path: ['ratings', 0], message: 'Each subject needs a column for at least two raters (use null for a missing rating).' });
    }
    input.ratings.forEach((row, i) => {
      if (row.length !== width) {
        ctx.addIssue({ code: 'custom', path: ['ratings', i], message: `Subject ${i + 1} has ${row.length} ratings but subject 1 has ${width}; every subject needs one entry per rater (null if missing).` });
      }
    });
    if (input.categories) {
      const known = new Set(input.categories.map((c) => `${typeof c}:${c}`));
      if (known.size !== input.categories.length) {
        ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Each category may be listed only once.' });
      }
      input.ratings.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value !== null && !known.has(`${typeof value}:${value}`)) {
            ctx.addIssue({ code: 'custom', path: ['ratings', i, j], message: `Rating ${JSON.stringify(value)} is not in "categories".` });
          }
        }),
      );
    }
  });

export type TAgreementInput = z.infer<typeof ZAgreementInput>;

/** What each statistic's value is called in the output. */
const VALUE_NAMES: Record<string, string> = {
  percent_agreement: 'proportion',
  krippendorff_alpha: 'alpha',
  gwet_ac1: 'ac1',
};

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** One statistic as printed: `value` renamed, snake_case keys, irrCAC's one-sided p labelled as such. */
function formatStatistic(name: string, statistic: Record<string, unknown>): Record<string, unknown> {
  const isOneSided = 'df' in statistic;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(statistic)) {
    if (value === undefined) continue;
    if (key === 'value') out[VALUE_NAMES[name] ?? 'kappa'] = value;
    else if (key === 'p' && isOneSided) out.p_one_sided = value;
    else if (key === 'pairs' && Array.isArray(value)) {
      out.pairs = value.map((pair: { raters: [number, number]; kappa: number | null }) => ({
        raters: [pair.raters[0] + 1, pair.raters[1] + 1],
        kappa: pair.kappa,
      }));
    } else if (key === 'byCategory' && Array.isArray(statistic.categories)) {
      out.by_category = Object.fromEntries(statistic.categories.map((c, i) => [String(c), (value as unknown[])[i]]));
    } else if (key !== 'categories') out[snakeCase(key)] = value;
  }
  return out;
}

/** The printed JSON object for a report: metadata first, then each statistic. */
export function formatAgreementReport(report: AgreementReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'object' && value !== null ? formatStatistic(key, value as Record<string, unknown>) : value;
  }
  return out;
}

export type AgreementRun = { exitCode: 0 | 1; stdout: string; stderr: string };

/** The command's pure core: file text in, printed text and exit code out. */
export function runAgreement(text: string, fileName = 'the input'): AgreementRun {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { exitCode: 1, stdout: '', stderr: `${fileName} is not valid JSON: ${detail}\n` };
  }
  const parsed = ZAgreementInput.safeParse(json);
  if (!parsed.success) {
    return { exitCode: 1, stdout: '', stderr: `${fileName} is not a valid ratings file:\n${z.prettifyError(parsed.error)}\n` };
  }
  const { ratings, level, weights, categories } = parsed.data;
  const report = computeAllAgreement(ratings, { level, weights, categories });
  return { exitCode: 0, stdout: `${JSON.stringify(formatAgreementReport(report), null, 2)}\n`, stderr: '' };
}

export const command: CliCommand = {
  name: 'agreement',
  summary: 'Inter-rater agreement (percent, Cohen, weighted, Fleiss, Krippendorff, PABAK, Gwet AC1, Light) for a ratings JSON file.',
  usage:
    'FILE.json\n\nFILE.json: {"ratings": [[rater1, rater2, ...], ...one row per subject], "level": "nominal|ordinal|interval|ratio"?, "weights": "linear|quadratic"?, "categories": [...]?}\nUse null for a missing rating. Prints the statistics as JSON.',
  async run(args) {
    const [file] = args;
    if (!file || args.length > 1) {
      process.stderr.write('Usage: npm run -s cli -- agreement FILE.json\n');
      return 1;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const result = runAgreement(text, file);
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    return result.exitCode;
  },
};
