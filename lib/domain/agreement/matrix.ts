/**
 * Turning a ratings matrix (subjects x raters, null = missing) into category codes
 * and count tables. Every statistic goes through here, so they all agree on what a
 * category is: 1 and '1' are different categories, and order comes from the
 * declared category list or, failing that, from numeric order.
 */
import type { Category, Rating, RatingsMatrix } from './types';

/** Ratings coded as indexes into `levels`; null stays null. */
export type CodedRatings = {
  levels: Category[];
  /** codes[subject][rater] */
  codes: (number | null)[][];
  subjects: number;
  raters: number;
};

/** A stable identity for a category, keeping 1 and '1' apart. */
export function categoryKey(category: Category): string {
  return typeof category === 'number' ? `n:${category}` : `s:${category}`;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * Throws a RangeError for input that is a programming error rather than data:
 * ragged rows, NaN or Infinity, or values that are not string, number or null.
 */
export function assertRatingsMatrix(ratings: RatingsMatrix): void {
  if (!Array.isArray(ratings)) throw new RangeError('Ratings must be an array of rows (one row per subject).');
  const width = ratings[0]?.length ?? 0;
  ratings.forEach((row, i) => {
    if (!Array.isArray(row)) throw new RangeError(`Row ${i + 1} is not an array of ratings.`);
    if (row.length !== width) {
      throw new RangeError(`Row ${i + 1} has ${row.length} ratings but row 1 has ${width}; use null for a missing rating.`);
    }
    for (const value of row as readonly unknown[]) {
      const ok = value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
      if (!ok) throw new RangeError(`Row ${i + 1} holds ${describe(value)}; ratings must be strings, finite numbers or null.`);
    }
  });
}

/** Numbers ascending, then text in code-point order: a deterministic default order. */
export function compareCategories(a: Category, b: Category): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct non-missing ratings in the matrix, in default order. */
export function observedCategories(ratings: RatingsMatrix): Category[] {
  const seen = new Map<string, Category>();
  for (const row of ratings) for (const value of row) if (value !== null) seen.set(categoryKey(value), value);
  return [...seen.values()].sort(compareCategories);
}

/**
 * Codes ratings against the declared `categories` (kept whole, in the given order)
 * or, when none are given, against the observed categories in default order.
 * A rating missing from a declared list is a programming error and throws.
 */
export function codeRatings(ratings: RatingsMatrix, categories?: readonly Category[]): CodedRatings {
  assertRatingsMatrix(ratings);
  const levels = categories ? [...categories] : observedCategories(ratings);
  const index = new Map<string, number>();
  levels.forEach((level, i) => {
    const key = categoryKey(level);
    if (index.has(key)) throw new RangeError(`Category ${describe(level)} is listed twice.`);
    index.set(key, i);
  });
  const codes = ratings.map((row) =>
    row.map((value) => {
      if (value === null) return null;
      const code = index.get(categoryKey(value));
      if (code === undefined) throw new RangeError(`Rating ${describe(value)} is not in the category list.`);
      return code;
    }),
  );
  return { levels, codes, subjects: ratings.length, raters: ratings[0]?.length ?? 0 };
}

/** Whether an order of the categories is known: declared, or every rating is a number. */
export function hasKnownOrder(ratings: RatingsMatrix, categories?: readonly Category[]): boolean {
  if (categories) return true;
  return ratings.every((row) => row.every((value) => value === null || typeof value === 'number'));
}

/** Rows without any missing rating (R's na.omit, which irr applies before every statistic). */
export function completeRows<T>(rows: readonly (readonly (T | null)[])[]): T[][] {
  return rows.filter((row) => row.every((value) => value !== null)) as T[][];
}

/** Pairs two raters' columns into a matrix of subjects x 2. */
export function pairColumns(a: readonly Rating[], b: readonly Rating[]): Rating[][] {
  if (a.length !== b.length) {
    throw new RangeError(`The two raters have ${a.length} and ${b.length} ratings; give one per subject (null if missing).`);
  }
  return a.map((value, i) => [value, b[i]]);
}

/** Subject x category counts n_ij: how many raters put subject i in category j. */
export function countsBySubject(codes: readonly (readonly (number | null)[])[], k: number): number[][] {
  return codes.map((row) => {
    const counts = new Array<number>(k).fill(0);
    for (const code of row) if (code !== null) counts[code] += 1;
    return counts;
  });
}

/** k x k contingency table of complete (code, code) pairs: rows rater A, columns rater B. */
export function contingencyTable(pairs: readonly (readonly [number, number])[], k: number): number[][] {
  const table = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [i, j] of pairs) table[i][j] += 1;
  return table;
}
