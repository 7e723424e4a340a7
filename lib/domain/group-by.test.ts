import { describe, expect, it } from 'vitest';
import { firstBy, groupBy } from './group-by';

describe('groupBy and firstBy', () => {
  const rows = [
    { k: 'a', n: 1 },
    { k: 'b', n: 2 },
    { k: 'a', n: 3 },
  ];

  it('groups items by key in their order', () => {
    const groups = groupBy(rows, (r) => r.k);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')?.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('b')?.map((r) => r.n)).toEqual([2]);
    expect(groups.get('c')).toBeUndefined();
  });

  it('keeps the first item per key, as find would', () => {
    const first = firstBy(rows, (r) => r.k);
    expect(first.get('a')?.n).toBe(rows.find((r) => r.k === 'a')?.n);
    expect(first.get('b')?.n).toBe(2);
  });
});
