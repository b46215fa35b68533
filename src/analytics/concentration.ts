/**
 * Concentration as a Herfindahl–Hirschman index (sum of squared shares, in (0, 1]; 1 = a single
 * source):
 * - inflow concentration of a payee: shares of its incoming PAYS totals by payer;
 * - purchase concentration of a buyer: shares of its incoming SUPPLIES by supplier, weighted by
 *   volume when known, else each supplier counts equally.
 * NaN when the entity has no such inflow. Parallel edges of one pair are merged first.
 */
import { EDGE_KIND, type EdgeList } from './edge-list.js';
import { buildRows } from './csr-graph.js';

export interface ConcentrationResult {
  readonly inflow: Float64Array;
  readonly purchases: Float64Array;
}

function herfindahlByReceiver(n: number, edges: EdgeList, kind: number, amountOf: (i: number) => number): Float64Array {
  let m = 0;
  for (let i = 0; i < edges.length; i++) if (edges.kind[i] === kind && amountOf(i) > 0) m++;
  const receiver = new Uint32Array(m);
  const sender = new Uint32Array(m);
  const amt = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < edges.length; i++) {
    if (edges.kind[i] !== kind) continue;
    const a = amountOf(i);
    if (!(a > 0)) continue;
    receiver[k] = edges.dst[i]!;
    sender[k] = edges.src[i]!;
    amt[k++] = a;
  }
  const rows = buildRows(n, receiver, sender, amt);
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let total = 0;
    let squares = 0;
    for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) {
      total += rows.weights[j]!;
      squares += rows.weights[j]! * rows.weights[j]!;
    }
    out[v] = total > 0 ? squares / (total * total) : NaN;
  }
  return out;
}

/** Inflow and purchase concentration of every entity. */
export function concentration(n: number, edges: EdgeList): ConcentrationResult {
  return {
    inflow: herfindahlByReceiver(n, edges, EDGE_KIND.pays, (i) => edges.amount[i]!),
    purchases: herfindahlByReceiver(n, edges, EDGE_KIND.supplies, (i) => (edges.amount[i]! > 0 ? edges.amount[i]! : 1)),
  };
}
