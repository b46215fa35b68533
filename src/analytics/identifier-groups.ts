/**
 * Shared-identifier rings: connected components of entities linked by shared identifiers (phone,
 * device, address, account). Each input group lists the entities using one identifier; groups that
 * overlap are merged with union–find. Only components of two or more entities are returned.
 */

export interface IdentifierRing {
  /** Member indices, ascending. */
  readonly members: readonly number[];
  /** How many shared identifiers link the members. */
  readonly identifiers: number;
}

/** Merges overlapping identifier groups into rings. */
export function identifierRings(n: number, groups: readonly (readonly number[])[]): IdentifierRing[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let p = parent.get(x) ?? x;
    while (p !== x) {
      const gp = parent.get(p) ?? p;
      parent.set(x, gp);
      x = p;
      p = gp;
    }
    return x;
  };
  for (const group of groups) {
    const first = group[0];
    if (first === undefined || group.length < 2) continue;
    for (const v of group) {
      if (v >= n) throw new RangeError(`identifier group member ${v} outside 0..${n - 1}`);
      const a = find(v);
      const b = find(first);
      if (a !== b) parent.set(a, b);
    }
  }
  const byRoot = new Map<number, { members: Set<number>; identifiers: number }>();
  for (const group of groups) {
    if (group.length < 2) continue;
    const root = find(group[0]!);
    const ring = byRoot.get(root) ?? { members: new Set<number>(), identifiers: 0 };
    for (const v of group) ring.members.add(v);
    ring.identifiers++;
    byRoot.set(root, ring);
  }
  return [...byRoot.values()]
    .map((r) => ({ members: [...r.members].sort((a, b) => a - b), identifiers: r.identifiers }))
    .sort((a, b) => (a.members[0] ?? 0) - (b.members[0] ?? 0));
}
