/**
 * Grouping of certain pairs into duplicate groups with a union-find that
 * refuses some unions. Plain transitive closure would let A=B and B=C merge A
 * and C even when a person said "A and C are not duplicates"; here a union is
 * refused when it would put a forbidden pair into one group.
 */

export class ConstrainedUnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  /** Per root: the records that no member of this component may be grouped with. */
  private readonly forbidden = new Map<number, number[]>();
  /** Per root: how many members are records already in the project. */
  private readonly existingCount: Int32Array;

  /** `isExisting[i]` marks records already in the project; two of them are never grouped together. */
  constructor(isExisting: readonly boolean[]) {
    const n = isExisting.length;
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    this.existingCount = new Int32Array(n);
    for (let i = 0; i < n; i += 1) {
      this.parent[i] = i;
      this.existingCount[i] = isExisting[i] ? 1 : 0;
    }
  }

  /** Root of i's component (with path halving). */
  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  /** Records i and j must never end up in the same group (if they already are, nothing changes). */
  forbid(i: number, j: number): void {
    if (i === j) return;
    this.push(this.find(i), j);
    this.push(this.find(j), i);
  }

  private push(i: number, j: number) {
    const list = this.forbidden.get(i);
    if (list) list.push(j);
    else this.forbidden.set(i, [j]);
  }

  /** Would joining the components of i and j group a forbidden pair or two existing records? */
  canUnion(i: number, j: number): boolean {
    const ri = this.find(i);
    const rj = this.find(j);
    if (ri === rj) return true;
    if (this.existingCount[ri] > 0 && this.existingCount[rj] > 0) return false;
    const listI = this.forbidden.get(ri) ?? [];
    const listJ = this.forbidden.get(rj) ?? [];
    const [list, other] = listI.length <= listJ.length ? [listI, rj] : [listJ, ri];
    for (const partner of list) if (this.find(partner) === other) return false;
    return true;
  }

  /** Joins the components of i and j unless that is refused; returns whether they are now one group. */
  union(i: number, j: number): boolean {
    if (!this.canUnion(i, j)) return false;
    let ri = this.find(i);
    let rj = this.find(j);
    if (ri === rj) return true;
    if (this.size[ri] < this.size[rj]) [ri, rj] = [rj, ri];
    this.parent[rj] = ri;
    this.size[ri] += this.size[rj];
    this.existingCount[ri] += this.existingCount[rj];
    const moved = this.forbidden.get(rj);
    if (moved) {
      const target = this.forbidden.get(ri);
      if (target) for (const partner of moved) target.push(partner);
      else this.forbidden.set(ri, moved);
      this.forbidden.delete(rj);
    }
    return true;
  }

  /** Components with more than one member, as arrays of record indices in ascending order. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i += 1) {
      const root = this.find(i);
      if (this.size[root] < 2) continue;
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return [...byRoot.values()];
  }
}
