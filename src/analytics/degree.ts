/**
 * Degrees and strengths from the edge list. Degree counts distinct counterparties over every trading
 * edge (PAYS, SUPPLIES, positive RATED) in that direction; strength sums PAYS totals (minor units).
 * The incremental update on ingest (cypher/metrics/update-touched-entities.cypher) uses the same
 * definitions, so live and nightly values agree.
 */
import { EDGE_KIND, type EdgeList } from './edge-list.js';
import type { CsrGraph } from './csr-graph.js';

export interface DegreeResult {
  readonly degreeIn: Uint32Array;
  readonly degreeOut: Uint32Array;
  /** Sum of incoming PAYS totals, minor units. */
  readonly strengthIn: Float64Array;
  /** Sum of outgoing PAYS totals, minor units. */
  readonly strengthOut: Float64Array;
}

/** Degrees from the merged CSR (distinct counterparties) and strengths from the raw PAYS edges. */
export function degreesAndStrengths(g: CsrGraph, edges: EdgeList): DegreeResult {
  const degreeIn = new Uint32Array(g.n);
  const degreeOut = new Uint32Array(g.n);
  for (let v = 0; v < g.n; v++) {
    degreeOut[v] = g.outOffsets[v + 1]! - g.outOffsets[v]!;
    degreeIn[v] = g.inOffsets[v + 1]! - g.inOffsets[v]!;
  }
  const strengthIn = new Float64Array(g.n);
  const strengthOut = new Float64Array(g.n);
  for (let i = 0; i < edges.length; i++) {
    if (edges.kind[i] !== EDGE_KIND.pays) continue;
    const a = edges.amount[i]!;
    strengthOut[edges.src[i]!]! += a;
    strengthIn[edges.dst[i]!]! += a;
  }
  return { degreeIn, degreeOut, strengthIn, strengthOut };
}
