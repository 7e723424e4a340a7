import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { coveringWindows, planReproduction, type ReportedCounts } from './reproduction';

describe('[SYNTHESIS] reproduction plan', () => {
  it('lays windows that cover exactly [0, size)', () => {
    expect(coveringWindows([24, 18], 37)).toEqual([[0, 24], [19, 37]]);
    expect(coveringWindows([36, 44], 44)).toEqual([[0, 36], [0, 44]]);
    expect(coveringWindows([9, 37, 24], 46)).toEqual([[0, 9], [9, 46], [22, 46]]);
  });

  it.skipIf(!hasSharedData)('plans codings that give every self-consistent published count, and names the two that are not', () => {
    const reported = JSON.parse(readFileSync(sharedDataPath('frameworks', 'seed-review-reported-counts.json'), 'utf8')) as ReportedCounts;
    const plan = planReproduction(reported);
    expect(plan.studies).toBe(81);
    expect(plan.inconsistencies.map((i) => [i.scope, i.name, i.published, i.reproduced])).toEqual([
      ['theme', 'Gender and cultural sensitivity', 11, 14],
      ['theme', 'Trust', 30, 29],
    ]);
    for (const t of reported.themes) {
      const planned = plan.themes.find((p) => p.theme === t.theme)!;
      const union = new Set(Object.values(planned.levels).flat());
      for (const [level, count] of Object.entries(t.levels)) expect(new Set(planned.levels[level]).size).toBe(count);
      expect(union.size).toBe(planned.n);
      for (const s of union) expect(s).toBeLessThan(81);
    }
    for (const [domain, n] of Object.entries(reported.domains_studies)) {
      const union = new Set(plan.themes.filter((t) => t.domain === domain).flatMap((t) => Object.values(t.levels).flat()));
      expect(union.size).toBe(n);
      expect(plan.domains[domain]).toBe(n);
    }
  });
});
