import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorChains, buildTree, descendantIds, effectivePolarities, flattenTree, keyboardTarget, mergePlan, moveCode, wouldCreateCycle, type CodeNode } from './code-tree';

const n = (id: string, parentId: string | null, position: number): CodeNode => ({ id, parentId, position, name: id });
// theme T (a, b), theme U (c (d)), loose e
const TREE = [n('T', null, 0), n('a', 'T', 0), n('b', 'T', 1), n('U', null, 1), n('c', 'U', 0), n('d', 'c', 0), n('e', null, 2)];

function apply(nodes: CodeNode[], placements: ReturnType<typeof moveCode>): CodeNode[] {
  return nodes.map((x) => {
    const p = placements.find((q) => q.id === x.id);
    return p ? { ...x, parentId: p.parentId, position: p.position } : x;
  });
}

describe('code tree', () => {
  it('builds and flattens in order with depths', () => {
    expect(flattenTree(TREE).map((x) => `${x.depth}${x.id}`)).toEqual(['0T', '1a', '1b', '0U', '1c', '2d', '0e']);
    expect(buildTree(TREE)[1].children[0].children[0].id).toBe('d');
  });

  it('refuses a cycle: a code under its own descendant or itself', () => {
    expect(descendantIds(TREE, 'U').sort()).toEqual(['c', 'd']);
    expect(wouldCreateCycle(TREE, 'U', 'd')).toBe(true);
    expect(wouldCreateCycle(TREE, 'U', 'U')).toBe(true);
    expect(wouldCreateCycle(TREE, 'd', 'U')).toBe(false);
    expect(() => moveCode(TREE, 'U', 'd', 0)).toThrow(/under itself/);
  });

  it('moves a code under a theme and renumbers both sibling lists', () => {
    const moved = apply(TREE, moveCode(TREE, 'e', 'T', 1));
    expect(flattenTree(moved).map((x) => `${x.depth}${x.id}`)).toEqual(['0T', '1a', '1e', '1b', '0U', '1c', '2d']);
    const out = apply(TREE, moveCode(TREE, 'a', null, 0));
    expect(flattenTree(out).map((x) => `${x.depth}${x.id}`)).toEqual(['0a', '0T', '1b', '0U', '1c', '2d', '0e']);
  });

  it('keeps sibling positions 0..n-1 and never loses a node after random moves (property)', () => {
    const ids = TREE.map((x) => x.id);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(null, ...ids), fc.nat(5)), { maxLength: 12 }), (moves) => {
        let nodes = TREE;
        for (const [id, parent, index] of moves) {
          if (wouldCreateCycle(nodes, id, parent)) continue;
          nodes = apply(nodes, moveCode(nodes, id, parent, index));
        }
        expect(flattenTree(nodes).map((x) => x.id).sort()).toEqual([...ids].sort());
        for (const parent of [null, ...ids]) {
          const positions = nodes.filter((x) => x.parentId === parent).map((x) => x.position).sort((a, b) => a - b);
          if (parent === null || positions.length) expect(positions).toEqual(positions.map((_, i) => i));
        }
      }),
    );
  });

  it('turns Alt+arrow keys into moves', () => {
    expect(keyboardTarget(TREE, 'b', 'up')).toEqual({ parentId: 'T', index: 0 });
    expect(keyboardTarget(TREE, 'a', 'up')).toBeNull();
    expect(keyboardTarget(TREE, 'U', 'indent')).toEqual({ parentId: 'T', index: 2 });
    expect(keyboardTarget(TREE, 'd', 'outdent')).toEqual({ parentId: 'U', index: 1 });
    expect(keyboardTarget(TREE, 'e', 'outdent')).toBeNull();
  });

  it('plans a merge: codings move, collisions on a quote are dropped, sub-codes move', () => {
    const codings = [
      { id: 'k1', quoteId: 'q1', codeId: 'c' },
      { id: 'k2', quoteId: 'q2', codeId: 'c' },
      { id: 'k3', quoteId: 'q2', codeId: 'a' },
    ];
    expect(mergePlan(TREE, codings, 'c', 'a')).toEqual({ reassign: ['k1'], drop: ['k2'], children: ['d'] });
    expect(() => mergePlan(TREE, codings, 'U', 'd')).toThrow(/sub-codes/);
    expect(() => mergePlan(TREE, codings, 'a', 'a')).toThrow(/itself/);
  });
});

describe('code ancestry', () => {
  const P = (id: string, parentId: string | null, polarity: 'barrier' | 'facilitator' | null) => ({ id, parentId, polarity });

  it('chains each code to its ancestors, nearest first', () => {
    const chains = ancestorChains(TREE);
    expect(chains.get('d')).toEqual(['d', 'c', 'U']);
    expect(chains.get('e')).toEqual(['e']);
  });

  it('inherits the nearest polarity and stops on a cycle', () => {
    const p = effectivePolarities([P('r', null, 'barrier'), P('s', 'r', null), P('t', 's', 'facilitator'), P('u', 't', null), P('v', null, null)]);
    expect([...p.entries()]).toEqual([['r', 'barrier'], ['s', 'barrier'], ['t', 'facilitator'], ['u', 'facilitator'], ['v', null]]);
    expect(ancestorChains([P('a', 'b', null), P('b', 'a', null)]).get('a')).toEqual(['a', 'b']);
    expect(effectivePolarities([P('a', 'b', null), P('b', 'a', null)]).get('a')).toBeNull();
  });
});
