/**
 * Sort orders over typed arrays without comparators: a least-significant-digit radix argsort of
 * integer time keys (milliseconds) and a stable counting sort by a small integer key. Sorting 10M
 * events by (entity, time) is one radix argsort by time followed by one stable counting pass by
 * entity, O(n) each.
 */

/** Indices 0..n−1 ordered by ascending `keys` (integers, e.g. epoch ms; NaN sorts first); stable. */
export function argsortByTime(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (!(max > min)) return order;
  // NaN → 0, others → 1 + (k − min): non-negative integers below 2^53
  const shifted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    shifted[i] = Number.isNaN(k) ? 0 : 1 + Math.floor(k - min);
  }
  const span = 2 + Math.floor(max - min);
  let tmp = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  for (let shift = 1; shift <= span; shift *= 65536) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(shifted[order[i]!]! / shift) % 65536]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const e = order[i]!;
      tmp[counts[Math.floor(shifted[e]! / shift) % 65536]!++] = e;
    }
    [order, tmp] = [tmp, order];
  }
  return order;
}

/**
 * Stable counting sort of `order` by `key[order[i]]` in 0..buckets−1; also returns the CSR offsets
 * (length buckets + 1) of each key's run in the result.
 */
export function countingSortBy(
  order: Uint32Array,
  key: ArrayLike<number>,
  buckets: number,
): { order: Uint32Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(buckets + 1);
  for (let i = 0; i < order.length; i++) offsets[key[order[i]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
  const cursor = offsets.slice(0, buckets);
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    out[cursor[key[e]!]!++] = e;
  }
  return { order: out, offsets };
}

/** `values` permuted by `order` (a new array of the same type). */
export function permute<T extends Uint32Array | Uint16Array | Uint8Array | Int8Array | Int32Array | Float64Array>(
  values: T,
  order: Uint32Array,
): T {
  const out = new (values.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}
