/**
 * Reproducing the seed review's matrix (BMC Health Services Research 2024,
 * PMID 38408938) from codings: a plan of which study is coded in which theme
 * at which level so that the matrix shows the published counts, where they are
 * self-consistent.
 *
 * A theme's n is the number of distinct studies over its levels, so it must lie
 * between the largest level count and the sum of the level counts; a domain's n
 * likewise lies between its largest theme n and the sum of its themes' n, and
 * no count may exceed the number of included studies. Where a published figure
 * breaks these bounds no set of codings can show it; the plan keeps the level
 * counts (the cells the reader sees) and moves n to the nearest possible value.
 */
export type ReportedTheme = { domain: string; theme: string; n: number; levels: Record<string, number> };
export type ReportedCounts = {
  prisma: { included: number };
  domains_studies: Record<string, number>;
  themes: ReportedTheme[];
};

export type Inconsistency = { scope: 'theme' | 'domain'; name: string; published: number; reproduced: number; why: string };

export type ReproductionPlan = {
  studies: number;
  /** Per theme and level, the indices (0-based, < studies) of the studies coded there. */
  themes: { domain: string; theme: string; n: number; levels: Record<string, number[]> }[];
  domains: Record<string, number>;
  inconsistencies: Inconsistency[];
};

/**
 * Windows of the given lengths inside [0, size) whose union is exactly
 * [0, size) (given max <= size <= sum): each starts where the last ended, or
 * as late as it can.
 */
export function coveringWindows(lengths: number[], size: number): [number, number][] {
  let end = 0;
  return lengths.map((length) => {
    const start = Math.max(0, Math.min(end, size - length));
    end = Math.max(end, start + length);
    return [start, start + length];
  });
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

export function planReproduction(reported: ReportedCounts): ReproductionPlan {
  const studies = reported.prisma.included;
  const inconsistencies: Inconsistency[] = [];
  const themeN = new Map<ReportedTheme, number>();
  for (const t of reported.themes) {
    const counts = Object.values(t.levels);
    const max = Math.max(0, ...counts);
    const sum = counts.reduce((a, b) => a + b, 0);
    const n = clamp(t.n, max, sum);
    themeN.set(t, n);
    if (n !== t.n) {
      inconsistencies.push({
        scope: 'theme',
        name: t.theme,
        published: t.n,
        reproduced: n,
        why:
          t.n < max
            ? `n = ${t.n} is below its largest level count (${max}): a theme cannot have fewer studies than one of its cells.`
            : `n = ${t.n} is above the sum of its level counts (${sum}): every study of a theme sits in at least one level.`,
      });
    }
  }
  const domains: Record<string, number> = {};
  const themes: ReproductionPlan['themes'] = [];
  const domainKeys = [...new Set(reported.themes.map((t) => t.domain))];
  domainKeys.forEach((domain, domainIndex) => {
    const domainThemes = reported.themes.filter((t) => t.domain === domain);
    const ns = domainThemes.map((t) => themeN.get(t)!);
    const published = reported.domains_studies[domain] ?? Math.max(...ns);
    const size = clamp(published, Math.max(...ns), Math.min(studies, ns.reduce((a, b) => a + b, 0)));
    domains[domain] = size;
    if (size !== published) {
      inconsistencies.push({ scope: 'domain', name: domain, published, reproduced: size, why: `A domain's n lies between its largest theme n and the sum of its themes' n (and at most ${studies}).` });
    }
    // Spread the domains over the included studies so that every study can be coded somewhere.
    const offset = (domainIndex * 13) % studies;
    const toStudy = (i: number) => (offset + i) % studies;
    const themeWindows = coveringWindows(ns, size);
    domainThemes.forEach((t, i) => {
      const [themeStart] = themeWindows[i];
      const levelKeys = Object.keys(t.levels);
      const levelWindows = coveringWindows(levelKeys.map((k) => t.levels[k]), ns[i]);
      const levels: Record<string, number[]> = {};
      levelKeys.forEach((k, j) => {
        levels[k] = range(...levelWindows[j]).map((local) => toStudy(themeStart + local));
      });
      themes.push({ domain, theme: t.theme, n: ns[i], levels });
    });
  });
  return { studies, themes, domains, inconsistencies };
}
