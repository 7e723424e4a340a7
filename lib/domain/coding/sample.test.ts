import { describe, expect, it } from 'vitest';
import { sampleForDoubleCoding } from './sample';

const ids = Array.from({ length: 81 }, (_, i) => `study-${String(i).padStart(2, '0')}`);

describe('sampleForDoubleCoding', () => {
  it('takes 10% of 81 studies rounded up (9), the same for the same seed', () => {
    const a = sampleForDoubleCoding(ids, 10, 42);
    expect(a).toHaveLength(9);
    expect(sampleForDoubleCoding([...ids].reverse(), 10, 42).sort()).toEqual([...a].sort());
    expect(sampleForDoubleCoding(ids, 10, 43)).not.toEqual(a);
  });

  it('takes at least one, at most all, none of nothing', () => {
    expect(sampleForDoubleCoding(ids.slice(0, 3), 1, 1)).toHaveLength(1);
    expect(sampleForDoubleCoding(ids.slice(0, 3), 100, 1)).toHaveLength(3);
    expect(sampleForDoubleCoding([], 50, 1)).toEqual([]);
    expect(sampleForDoubleCoding(ids, 0, 1)).toEqual([]);
  });
});
