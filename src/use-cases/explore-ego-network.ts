/**
 * The ego network of one entity: a bounded best-first expansion (depth ≤ 3) that keeps the strongest
 * ties first until the node cap is reached, then the ties among the kept entities. What the cap left
 * out is counted in `attributes.cut`.
 */
import { NotFoundError } from '../errors/app-error.js';
import type { Database } from '../db/driver.js';
import { expandFrontier, findEntityIds, inOneRead, type Reader, type TieFilters } from '../db/explore-repository.js';
import { toGraph, type SerializedGraph } from './explore-graph.js';
import { loadSubgraph } from './explore-subgraph.js';

export interface EgoNetworkOptions extends TieFilters {
  /** Hops from the centre, 1..3. */
  readonly depth: number;
  /** Most nodes returned, centre included (≥ 1). */
  readonly cap: number;
}

export interface EgoNetworkAttributes {
  readonly center: string;
  readonly depth: number;
  readonly cap: number;
  readonly since: string | null;
  readonly minAmount: number | null;
  /** Metrics run of the centre's attributes (null: no run covers it yet, metrics are null). */
  readonly runId: string | null;
  readonly truncated: boolean;
  /** Entities within `depth` hops left out by the cap, and their ties to kept entities. */
  readonly cut: { readonly nodes: number; readonly edges: number };
}

interface Expansion {
  readonly hops: Map<string, number>;
  readonly cutNodes: number;
  readonly cutEdges: number;
}

async function expand(db: Reader, center: string, centerEid: string, options: EgoNetworkOptions): Promise<Expansion> {
  const hops = new Map<string, number>([[center, 0]]);
  const seen = [centerEid];
  let frontier = [center];
  let cutNodes = 0;
  let cutEdges = 0;
  for (let hop = 1; hop <= options.depth && frontier.length > 0; hop += 1) {
    const room = options.cap - hops.size;
    const step = await expandFrontier(db, frontier, seen, room, options);
    cutNodes += step.found - step.picked.length;
    cutEdges += step.cutEdges;
    frontier = step.picked.map((p) => p.id);
    for (const p of step.picked) {
      hops.set(p.id, hop);
      seen.push(p.eid);
    }
  }
  return { hops, cutNodes, cutEdges };
}

/** Throws NotFoundError when the centre is not an entity. */
export async function exploreEgoNetwork(
  db: Database,
  center: string,
  options: EgoNetworkOptions,
): Promise<SerializedGraph<EgoNetworkAttributes>> {
  return inOneRead(db, async (reader) => {
    const centerEid = (await findEntityIds(reader, [center])).get(center);
    if (centerEid === undefined) throw new NotFoundError('entity', center);
    const expansion = await expand(reader, center, centerEid, options);
    const { nodes, ties } = await loadSubgraph(reader, [...expansion.hops.keys()], options, expansion.hops);
    return toGraph(egoAttributes(center, options, nodes[0]?.attributes.runId ?? null, expansion), nodes, ties);
  });
}

function egoAttributes(center: string, options: EgoNetworkOptions, runId: string | null, expansion: Expansion): EgoNetworkAttributes {
  return {
    center,
    depth: options.depth,
    cap: options.cap,
    since: options.since,
    minAmount: options.minAmount,
    runId,
    truncated: expansion.cutNodes > 0,
    cut: { nodes: expansion.cutNodes, edges: expansion.cutEdges },
  };
}
