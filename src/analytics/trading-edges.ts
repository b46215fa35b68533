/**
 * The trading edges the graph analytics run on, derived from the facts as of a time: one edge per
 * (payer, payee, currency) with the payments before it (amount = their sum in minor units, first and
 * last = their times), one per supply link started before it (amount = volume, 0 when unknown), and
 * one per (rater, ratee) with positive ratings before it (amount = their count). Deriving the
 * aggregates from the events makes them exactly equal to PAYS and lets a past as-of date see the
 * graph as it was.
 */
import { EDGE_KIND, EdgeListBuilder, type EdgeList } from './edge-list.js';
import type { Facts } from './facts.js';

/** Edges of one kind from one entity's time-sorted events, merged by (other end, currency). */
function addAggregated(
  out: EdgeListBuilder,
  kind: 0 | 2,
  n: number,
  rows: { offsets: Uint32Array; other: Uint32Array; at: Float64Array; amount: (i: number) => number; currency: (i: number) => number; keep: (i: number) => boolean },
  asOfMs: number,
): void {
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const start = rows.offsets[v]!;
    const end = rows.offsets[v + 1]!;
    if (start === end) continue;
    const total: number[] = [];
    const first: number[] = [];
    const last: number[] = [];
    const dst: number[] = [];
    const cur: number[] = [];
    const extra = new Map<string, number>();
    for (let i = start; i < end; i++) {
      const t = rows.at[i]!;
      if (!(t < asOfMs) || !rows.keep(i)) continue;
      const w = rows.other[i]!;
      const c = rows.currency(i);
      let k: number;
      if (stamp[w] !== v) {
        stamp[w] = v;
        k = slot[w] = dst.length;
        dst.push(w);
        cur.push(c);
        total.push(0);
        first.push(t);
        last.push(t);
      } else if (cur[slot[w]!] === c) {
        k = slot[w]!;
      } else {
        const key = `${w}:${c}`;
        const found = extra.get(key);
        if (found === undefined) {
          k = dst.length;
          extra.set(key, k);
          dst.push(w);
          cur.push(c);
          total.push(0);
          first.push(t);
          last.push(t);
        } else k = found;
      }
      total[k]! += rows.amount(i);
      if (t < first[k]!) first[k] = t;
      if (t > last[k]!) last[k] = t;
    }
    for (let k = 0; k < dst.length; k++) out.add({ src: v, dst: dst[k]!, kind, amount: total[k]!, first: first[k]!, last: last[k]! });
  }
}

/** The trading edges of `facts` as of `asOfMs` (facts strictly before it). */
export function tradingEdges(facts: Facts, asOfMs: number): EdgeList {
  const n = facts.kind.length;
  const p = facts.payments;
  const r = facts.ratings;
  const s = facts.supplies;
  const out = new EdgeListBuilder(Math.max(1024, p.length + s.length));
  addAggregated(out, EDGE_KIND.pays, n, {
    offsets: p.payerOffsets,
    other: p.payee,
    at: p.at,
    amount: (i) => p.amount[i]!,
    currency: (i) => p.currency[i]!,
    keep: () => true,
  }, asOfMs);
  for (let i = 0; i < s.length; i++) {
    const since = s.since[i]!;
    if (since >= asOfMs) continue;
    const volume = s.volume[i]!;
    out.add({ src: s.supplier[i]!, dst: s.buyer[i]!, kind: EDGE_KIND.supplies, amount: Number.isNaN(volume) ? 0 : volume, first: since, last: since });
  }
  addAggregated(out, EDGE_KIND.rated, n, {
    offsets: r.raterOffsets,
    other: r.ratee,
    at: r.at,
    amount: () => 1,
    currency: () => 0,
    keep: (i) => r.rating[i]! > 0,
  }, asOfMs);
  return out.finish();
}
