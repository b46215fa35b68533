/**
 * Mid-rank percentiles: pct(v) = (#{u : x(u) < x(v)} + ½·#{u : x(u) = x(v)}) / n, in (0, 1).
 * Ties share one value, so a graph where everyone scores the same puts everyone at 0.5.
 */

/** The percentile of every entry of `values` (NaN entries get NaN and are not counted in n). */
export function percentiles(values: Float64Array): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) idx.push(i);
  idx.sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(values.length).fill(NaN);
  const n = idx.length;
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[idx[i]!]!;
    while (j < n && values[idx[j]!]! === v) j++;
    const pct = (i + (j - i) / 2) / n;
    for (let k = i; k < j; k++) out[idx[k]!] = pct;
    i = j;
  }
  return out;
}
