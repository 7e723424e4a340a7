import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { CFIR_2, COCHRANE_FURST, FRAMEWORK_PRESETS, findFrameworkPreset, freeKey, keyFromLabel } from './presets';

describe('[SYNTHESIS] framework presets', () => {
  it.skipIf(!hasSharedData)('Cochrane x Furst equals shared/data/frameworks/cochrane-furst.json (skipped when the shared data is absent)', () => {
    const shared = JSON.parse(readFileSync(sharedDataPath('frameworks', 'cochrane-furst.json'), 'utf8'));
    expect(COCHRANE_FURST.key).toBe(shared.id);
    expect(COCHRANE_FURST.name).toBe(shared.name);
    expect(COCHRANE_FURST.source).toBe(shared.source);
    expect(COCHRANE_FURST.levels).toEqual(shared.levels);
    expect(COCHRANE_FURST.domains).toEqual(shared.domains);
  });

  it('has unique keys and theme labels within each preset, and a citation for each', () => {
    for (const preset of FRAMEWORK_PRESETS) {
      expect(preset.source.length).toBeGreaterThan(40);
      expect(new Set(preset.levels.map((l) => l.key)).size).toBe(preset.levels.length);
      expect(new Set(preset.domains.map((d) => d.key)).size).toBe(preset.domains.length);
      for (const d of preset.domains) expect(new Set(d.themes.map((t) => t.toLowerCase())).size).toBe(d.themes.length);
    }
    expect(CFIR_2.domains.map((d) => d.label)).toEqual(['Innovation', 'Outer setting', 'Inner setting', 'Individuals', 'Implementation process']);
    expect(CFIR_2.source).toMatch(/Implementation Science\. 2022;17:75/);
    expect(findFrameworkPreset('cfir-2')).toBe(CFIR_2);
    expect(findFrameworkPreset('nope')).toBeUndefined();
  });

  it('makes keys from labels', () => {
    expect(keyFromLabel('Meso - organisations / services')).toBe('meso-organisations-services');
    expect(keyFromLabel('Fürst  level')).toBe('furst-level');
    expect(keyFromLabel('***')).toBe('item');
  });

  it('makes a key free of the taken ones with a numbered suffix', () => {
    expect(freeKey('Micro', new Set())).toBe('micro');
    expect(freeKey('Micro', new Set(['micro', 'micro-2']))).toBe('micro-3');
  });
});
