/** The SUPPLIES edges of a snapshot's edge list as monitoring's supply links (copied: the edge arrays may be handed to another thread). */
import { EDGE_KIND, type EdgeList } from '../analytics/edge-list.js';
import type { SupplyLinks } from './monitoring-input.js';

export function supplyLinksOf(edges: EdgeList): SupplyLinks {
  const at: number[] = [];
  for (let i = 0; i < edges.length; i++) if (edges.kind[i] === EDGE_KIND.supplies) at.push(i);
  return {
    length: at.length,
    supplier: Uint32Array.from(at, (i) => edges.src[i]!),
    buyer: Uint32Array.from(at, (i) => edges.dst[i]!),
    since: Float64Array.from(at, (i) => edges.first[i]!),
  };
}
