/**
 * Counterparty risk: the volume-weighted mean exposure of an entity's counterparties,
 *   cr(v) = Σ_u w(u,v)·exposure(u) / Σ_u w(u,v)
 * over the undirected trading rows, with w the log-damped volume weight of edge-weight.ts (both
 * directions summed). NaN for an entity with no weighted counterparty.
 */
import type { CsrRows } from './csr-graph.js';

export function counterpartyRisk(rows: CsrRows, exposure: Float64Array): Float64Array {
  const n = rows.offsets.length - 1;
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let num = 0;
    let den = 0;
    for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) {
      const w = rows.weights[j]!;
      num += w * exposure[rows.targets[j]!]!;
      den += w;
    }
    out[v] = den > 0 ? num / den : NaN;
  }
  return out;
}
