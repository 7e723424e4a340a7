/**
 * Measuring de-duplication against known duplicate groups, counted the way
 * bib-dedupe's evaluation does: a group of k records removes k - 1 of them; a
 * removed record is a true positive when it is a duplicate of a record kept in
 * the same group, a false positive when it is a different work.
 */
import type { DedupResult } from './types';

export type RemovalCounts = { truePositives: number; falsePositives: number };

export type DedupEvaluation = {
  /** Duplicate records to remove according to the truth: sum over true groups of (size - 1). */
  trueDuplicates: number;
  auto: RemovalCounts & {
    /** Pairs inside automatic groups that are not true duplicate pairs (must be 0). */
    falsePairs: number;
  };
  queued: {
    pairs: number;
    truePairs: number;
    falsePairs: number;
    /** Duplicate records removed once a person accepts the true queued pairs, beyond the automatic ones. */
    extraTruePositives: number;
  };
  /** Automatic groups plus every true queued pair accepted, every false one rejected. */
  combined: RemovalCounts & { falseNegatives: number; recall: number; precision: number };
};

function removalCounts(groups: string[][], trueGroupOf: Map<string, number>): RemovalCounts {
  let truePositives = 0;
  let falsePositives = 0;
  for (const group of groups) {
    const parts = new Map<string | number, number>();
    for (const id of group) {
      const part = trueGroupOf.get(id) ?? id;
      parts.set(part, (parts.get(part) ?? 0) + 1);
    }
    for (const size of parts.values()) truePositives += size - 1;
    falsePositives += parts.size - 1;
  }
  return { truePositives, falsePositives };
}

function mergeGroups(groups: string[][], extraPairs: [string, string][]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const group of groups) for (const id of group.slice(1)) union(group[0], id);
  for (const [a, b] of extraPairs) union(a, b);
  const byRoot = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    byRoot.set(root, [...(byRoot.get(root) ?? []), id]);
  }
  return [...byRoot.values()].filter((g) => g.length > 1);
}

/** Compares a result with the true duplicate groups (ids not in any group are unique records). */
export function evaluateDedup(trueGroups: string[][], result: DedupResult): DedupEvaluation {
  const trueGroupOf = new Map<string, number>();
  trueGroups.forEach((group, index) => group.forEach((id) => trueGroupOf.set(id, index)));
  const isTruePair = (a: string, b: string) => trueGroupOf.has(a) && trueGroupOf.get(a) === trueGroupOf.get(b);
  const trueDuplicates = trueGroups.reduce((sum, g) => sum + g.length - 1, 0);

  let falsePairs = 0;
  for (const group of result.groups) {
    for (let x = 0; x < group.length; x += 1) for (let y = x + 1; y < group.length; y += 1) if (!isTruePair(group[x], group[y])) falsePairs += 1;
  }
  const auto = { ...removalCounts(result.groups, trueGroupOf), falsePairs };

  const accepted = result.queued.filter((q) => isTruePair(q.a, q.b)).map((q): [string, string] => [q.a, q.b]);
  const combinedCounts = removalCounts(mergeGroups(result.groups, accepted), trueGroupOf);
  const removed = combinedCounts.truePositives + combinedCounts.falsePositives;
  return {
    trueDuplicates,
    auto,
    queued: {
      pairs: result.queued.length,
      truePairs: accepted.length,
      falsePairs: result.queued.length - accepted.length,
      extraTruePositives: combinedCounts.truePositives - auto.truePositives,
    },
    combined: {
      ...combinedCounts,
      falseNegatives: trueDuplicates - combinedCounts.truePositives,
      recall: trueDuplicates === 0 ? 1 : combinedCounts.truePositives / trueDuplicates,
      precision: removed === 0 ? 1 : combinedCounts.truePositives / removed,
    },
  };
}
