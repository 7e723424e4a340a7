/**
 * The codebook as a tree: ordering, moving without cycles, keyboard moves and
 * merging. Pure: the server turns the returned plans into updates.
 */

export type CodeNode = { id: string; parentId: string | null; position: number; name: string };
export type TreeNode<T extends CodeNode> = T & { depth: number; children: TreeNode<T>[] };
export type Placement = { id: string; parentId: string | null; position: number };

const byPosition = (a: CodeNode, b: CodeNode) => a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** Children of a parent (null = the top level), in display order. */
export function childrenOf<T extends CodeNode>(nodes: readonly T[], parentId: string | null): T[] {
  return nodes.filter((n) => n.parentId === parentId).sort(byPosition);
}

/** The nested tree; a node whose parent is missing is shown at the top level. */
export function buildTree<T extends CodeNode>(nodes: readonly T[]): TreeNode<T>[] {
  const ids = new Set(nodes.map((n) => n.id));
  const build = (parentId: string | null, depth: number, seen: Set<string>): TreeNode<T>[] =>
    nodes
      .filter((n) => (parentId === null ? n.parentId === null || !ids.has(n.parentId) : n.parentId === parentId))
      .filter((n) => !seen.has(n.id))
      .sort(byPosition)
      .map((n) => {
        const next = new Set(seen).add(n.id);
        return { ...n, depth, children: build(n.id, depth + 1, next) };
      });
  return build(null, 0, new Set());
}

/** The tree in display order (depth-first), each with its depth. */
export function flattenTree<T extends CodeNode>(nodes: readonly T[]): (T & { depth: number })[] {
  const out: (T & { depth: number })[] = [];
  const walk = (list: TreeNode<T>[]) => {
    for (const { children, ...n } of list) {
      out.push(n as unknown as T & { depth: number });
      walk(children);
    }
  };
  walk(buildTree(nodes));
  return out;
}

/** What the ancestry walks need of a code. */
export type AncestryNode = { id: string; parentId: string | null };

/** Each code with itself and its ancestors, nearest first. A cycle in a malformed tree stops the walk. */
export function ancestorChains<T extends AncestryNode>(codes: readonly T[]): Map<string, string[]> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string[]>();
  for (const code of codes) {
    const chain: string[] = [];
    let current: AncestryNode | undefined = code;
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    out.set(code.id, chain);
  }
  return out;
}

/**
 * Each code's polarity: its own, else that of its nearest ancestor with one
 * (null when no ancestor has one). A cycle in a malformed tree stops the walk.
 */
export function effectivePolarities<T extends AncestryNode & { polarity: string | null }>(codes: readonly T[]): Map<string, T['polarity'] | null> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, T['polarity'] | null>();
  for (const code of codes) {
    let current: T | undefined = code;
    const seen = new Set<string>();
    let polarity: T['polarity'] | null = null;
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.polarity) {
        polarity = current.polarity;
        break;
      }
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    out.set(code.id, polarity);
  }
  return out;
}

/** Every code under `id` (not `id` itself). */
export function descendantIds(nodes: readonly CodeNode[], id: string): string[] {
  const out: string[] = [];
  const queue = [id];
  const seen = new Set([id]);
  while (queue.length) {
    const current = queue.shift()!;
    for (const n of nodes) {
      if (n.parentId === current && !seen.has(n.id)) {
        seen.add(n.id);
        out.push(n.id);
        queue.push(n.id);
      }
    }
  }
  return out;
}

/** True when putting `id` under `newParentId` would make a code its own ancestor. */
export function wouldCreateCycle(nodes: readonly CodeNode[], id: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return newParentId === id || descendantIds(nodes, id).includes(newParentId);
}

/**
 * Put `id` under `parentId` at `index` among its new siblings (clamped), and
 * renumber the siblings it left and joined 0..n-1. Returns only the codes
 * whose parent or position changed. Throws on a cycle or an unknown id.
 */
export function moveCode(nodes: readonly CodeNode[], id: string, parentId: string | null, index: number): Placement[] {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new RangeError(`Unknown code ${id}.`);
  if (parentId !== null && !nodes.some((n) => n.id === parentId)) throw new RangeError(`Unknown parent ${parentId}.`);
  if (wouldCreateCycle(nodes, id, parentId)) throw new RangeError('A code cannot be moved under itself or one of its own sub-codes.');
  const target = childrenOf(nodes, parentId).filter((n) => n.id !== id);
  const at = Math.max(0, Math.min(target.length, Math.trunc(index)));
  target.splice(at, 0, node);
  const placements = new Map<string, Placement>();
  target.forEach((n, position) => placements.set(n.id, { id: n.id, parentId, position }));
  if (node.parentId !== parentId) {
    childrenOf(nodes, node.parentId)
      .filter((n) => n.id !== id)
      .forEach((n, position) => placements.set(n.id, { id: n.id, parentId: node.parentId, position }));
  }
  return [...placements.values()].filter((p) => {
    const before = nodes.find((n) => n.id === p.id)!;
    return before.parentId !== p.parentId || before.position !== p.position;
  });
}

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/**
 * Where a keyboard move takes a code: up/down swap with the neighbouring
 * sibling; indent makes it the last child of the sibling above; outdent puts
 * it right after its parent. Null when the move is not possible.
 */
export function keyboardTarget(nodes: readonly CodeNode[], id: string, move: KeyboardMove): { parentId: string | null; index: number } | null {
  const node = nodes.find((n) => n.id === id);
  if (!node) return null;
  const siblings = childrenOf(nodes, node.parentId);
  const i = siblings.findIndex((n) => n.id === id);
  switch (move) {
    case 'up':
      return i > 0 ? { parentId: node.parentId, index: i - 1 } : null;
    case 'down':
      return i < siblings.length - 1 ? { parentId: node.parentId, index: i + 1 } : null;
    case 'indent': {
      if (i === 0) return null;
      const newParent = siblings[i - 1];
      return { parentId: newParent.id, index: childrenOf(nodes, newParent.id).length };
    }
    case 'outdent': {
      if (node.parentId === null) return null;
      const parent = nodes.find((n) => n.id === node.parentId);
      if (!parent) return null;
      const parentIndex = childrenOf(nodes, parent.parentId).findIndex((n) => n.id === parent.id);
      return { parentId: parent.parentId, index: parentIndex + 1 };
    }
  }
}

export type CodingRef = { id: string; quoteId: string; codeId: string };
export type MergePlan = { reassign: string[]; drop: string[]; children: string[] };

/**
 * Merging `sourceId` into `targetId`: the source's codings move to the target,
 * except where the same quote already carries the target (those are dropped:
 * a quote has each code once); the source's sub-codes move under the target.
 * Refused when the target lies under the source (it would be orphaned).
 */
export function mergePlan(nodes: readonly CodeNode[], codings: readonly CodingRef[], sourceId: string, targetId: string): MergePlan {
  if (sourceId === targetId) throw new RangeError('A code cannot be merged into itself.');
  if (descendantIds(nodes, sourceId).includes(targetId)) {
    throw new RangeError('A code cannot be merged into one of its own sub-codes; move that sub-code out first.');
  }
  const targetQuotes = new Set(codings.filter((c) => c.codeId === targetId).map((c) => c.quoteId));
  const reassign: string[] = [];
  const drop: string[] = [];
  for (const c of codings) {
    if (c.codeId !== sourceId) continue;
    (targetQuotes.has(c.quoteId) ? drop : reassign).push(c.id);
  }
  return { reassign, drop, children: childrenOf(nodes, sourceId).map((n) => n.id) };
}
