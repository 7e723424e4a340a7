/**
 * The `agreement` CLI command (scripts/commands/agreement.ts) on reference cases from
 * shared/data/agreement/reference-values.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { command, runAgreement } from '@/scripts/commands/agreement';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';

type Case = { id: string; [field: string]: unknown };
type Expected = { call: string; kappa: number; z: number; p_value: number };

const cases: Case[] = hasSharedData
  ? JSON.parse(readFileSync(sharedDataPath('agreement', 'reference-values.json'), 'utf8')).cases
  : [];
const byId = (id: string) => cases.find((c) => c.id === id) as Case;

describe.skipIf(!hasSharedData)('agreement command on reference cases', () => {
  it('prints Cohen and weighted kappa matching irr::kappa2 on the anxiety data (raters 2 and 3)', () => {
    const anxiety = byId('irr_anxiety_weighted_kappa');
    const r2 = anxiety.rater2 as number[];
    const r3 = anxiety.rater3 as number[];
    const input = { ratings: r2.map((x, i) => [x, r3[i]]), level: 'ordinal' };
    const run = runAgreement(JSON.stringify(input));
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout);
    const expected = anxiety.expected as Expected[];
    const call = (suffix: string) => expected.find((e) => e.call === `kappa2(anxiety[,2:3]${suffix})`) as Expected;
    for (const [key, suffix] of [['cohen_kappa', ''], ['weighted_kappa_linear', ", 'equal'"], ['weighted_kappa_quadratic', ", 'squared'"]]) {
      expect(out[key].kappa, key).toBeCloseTo(call(suffix).kappa, 6);
      expect(out[key].z, key).toBeCloseTo(call(suffix).z, 5);
      expect(out[key].p, key).toBeCloseTo(call(suffix).p_value, 6);
    }
    expect(Object.keys(out.cohen_kappa)).toEqual(expect.arrayContaining(['kappa', 'se', 'ci95', 'z', 'p']));
  });

  it("prints Fleiss' kappa (irr::kappam.fleiss) and Light's kappa for the six diagnoses raters", () => {
    const diagnoses = byId('irr_diagnoses_fleiss');
    const run = runAgreement(JSON.stringify({ ratings: diagnoses.ratings_subjects_by_raters }));
    const out = JSON.parse(run.stdout);
    expect(out.fleiss_kappa.kappa).toBeCloseTo(0.4302445, 7);
    expect(out.fleiss_kappa.z).toBeCloseTo(17.65183, 5);
    expect(out.light_kappa.kappa).toBeCloseTo(0.45941214443459544, 9);
    expect(out.cohen_kappa).toBeUndefined();
    expect(Object.keys(out)).toEqual([
      'raters', 'subjects', 'level', 'percent_agreement', 'fleiss_kappa', 'krippendorff_alpha', 'pabak', 'gwet_ac1', 'light_kappa',
    ]);
  });

  describe('run() with a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-agreement-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reads the file and prints Krippendorff's alpha for the 2011 example (ratio level)", async () => {
      const data = byId('krippendorff_2011_4coders_12units').reliability_data_coders_by_units as (number | null)[][];
      const file = join(dir, 'kripp.json');
      writeFileSync(file, JSON.stringify({ ratings: data[0].map((_, j) => data.map((row) => row[j])), level: 'ratio' }));
      const writes: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        writes.push(String(chunk));
        return true;
      });
      const exitCode = await command.run([file]).finally(() => spy.mockRestore());
      expect(exitCode).toBe(0);
      expect(JSON.parse(writes.join('')).krippendorff_alpha.alpha).toBeCloseTo(0.797, 3);
    });
  });
});

describe('agreement command input errors', () => {
  it('exits 1 with every problem listed', () => {
    const run = runAgreement(JSON.stringify({ ratings: [[1, 2], [1, true]], level: 'nominl' }), 'x.json');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/x.json is not a valid ratings file/);
    expect(run.stderr).toMatch(/A rating must be a string, a number, or null/);
    expect(run.stderr).toMatch(/level/);
  });

  it('exits 1 for ragged rows, unknown categories and invalid JSON', () => {
    expect(runAgreement(JSON.stringify({ ratings: [[1, 2], [1]] })).stderr).toMatch(/Subject 2 has 1 ratings but subject 1 has 2/);
    expect(runAgreement(JSON.stringify({ ratings: [[1, 2], [1, 3]], categories: [1, 2] })).stderr).toMatch(/Rating 3 is not in "categories"/);
    expect(runAgreement('{ratings').exitCode).toBe(1);
  });

  it('exits 1 without a file argument', async () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exitCode = await command.run([]).finally(() => spy.mockRestore());
    expect(exitCode).toBe(1);
  });
});
