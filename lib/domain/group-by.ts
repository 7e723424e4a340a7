/**
 * Items grouped by a key, each group in the items' order (for one pass over
 * rows instead of a filter per item). Map.groupBy once the runtime has it.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The first item for each key (what a `find` per key would return). */
export function firstBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T> {
  const first = new Map<K, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!first.has(key)) first.set(key, item);
  }
  return first;
}
