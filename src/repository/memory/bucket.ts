import { compareSortKeys } from "../query-spec.js";

type Key = readonly (string | number)[];

/**
 * A set of ids with lazily sorted views, one per order. Writes are O(1) and only
 * mark the views stale; a read re-sorts a stale view once (O(n log n)), so bulk
 * loads are linear and paging over an unchanged set costs a binary search per page.
 * @internal
 */
export class Bucket {
  readonly ids = new Set<string>();
  private readonly views = new Map<string, { keys: Key[]; ids: string[] }>();

  add(id: string): void {
    this.ids.add(id);
    this.touch();
  }

  delete(id: string): void {
    if (this.ids.delete(id)) this.touch();
  }

  /** Marks views stale after an entity's sort key may have changed. */
  touch(): void {
    // Map#clear allocates a fresh table even when the map is empty: skip it on bulk loads.
    if (this.views.size > 0) this.views.clear();
  }

  /** The ids in `order`, sorted by `keyOf`, with their keys. */
  sorted(order: string, keyOf: (id: string) => Key): { keys: Key[]; ids: string[] } {
    let view = this.views.get(order);
    if (view === undefined) {
      const pairs: { key: Key; id: string }[] = [];
      for (const id of this.ids) pairs.push({ key: keyOf(id), id });
      pairs.sort((a, b) => compareSortKeys(a.key, b.key));
      view = { keys: pairs.map((p) => p.key), ids: pairs.map((p) => p.id) };
      this.views.set(order, view);
    }
    return view;
  }
}

/** Index of the first key strictly greater than `after` (binary search). @internal */
export function firstAfter(keys: readonly Key[], after: Key): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSortKeys(keys[mid]!, after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
