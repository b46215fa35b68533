/**
 * The ego network of one entity: a bounded best-first expansion (depth ≤ 3) that keeps the strongest
 * ties first until the node cap is reached (each frontier entity offers only as many neighbours as there
 * is room left, and only kept neighbours have a property read), then three independent reads run in
 * parallel: the kept entities' attributes, the ties among them, and what the cap left out
 * (`attributes.cut`).
 */
import { NotFoundError } from '../errors/app-error.js';
import type { Database } from '../db/driver.js';
import {
  countEgoCut,
  findEntityIds,
  getEdgesAmong,
  getNodeAttributes,
  inOneRead,
  pickFrontierNeighbours,
  type Reader,
  type TieFilters,
} from '../db/explore-repository.js';
import { toGraph, toNode, type SerializedGraph } from './explore-graph.js';

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

interface Kept {
  readonly id: string;
  readonly eid: string;
  readonly hop: number;
}

/** Hop by hop, the strongest new neighbours while there is room under the cap. */
async function expand(db: Reader, center: Kept, options: EgoNetworkOptions): Promise<Kept[]> {
  const kept: Kept[] = [center];
  let frontier = [center.eid];
  for (let hop = 1; hop <= options.depth && frontier.length > 0 && kept.length < options.cap; hop += 1) {
    const seen = kept.map((k) => k.eid);
    const picked = await pickFrontierNeighbours(db, frontier, seen, options.cap - kept.length, options);
    for (const p of picked) kept.push({ id: p.id, eid: p.eid, hop });
    frontier = picked.map((p) => p.eid);
  }
  return kept;
}

/** Throws NotFoundError when the centre is not an entity. */
export async function exploreEgoNetwork(
  db: Database,
  center: string,
  options: EgoNetworkOptions,
): Promise<SerializedGraph<EgoNetworkAttributes>> {
  const kept = await inOneRead(db, async (reader) => {
    const centerEid = (await findEntityIds(reader, [center])).get(center);
    if (centerEid === undefined) throw new NotFoundError('entity', center);
    return expand(reader, { id: center, eid: centerEid, hop: 0 }, options);
  });
  const ids = kept.map((k) => k.id);
  const eids = kept.map((k) => k.eid);
  const inner = kept.filter((k) => k.hop < options.depth).map((k) => k.eid);
  const [rows, ties, cut] = await Promise.all([
    getNodeAttributes(db, ids),
    getEdgesAmong(db, ids, eids, options),
    countEgoCut(db, inner, eids, options),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes = kept.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [toNode(row, k.hop)] : [];
  });
  // The reads are separate transactions: drop a tie whose end vanished in between.
  const drawn = ties.filter((t) => byId.has(t.source) && byId.has(t.target));
  const runId = nodes[0]?.attributes.runId ?? null;
  return toGraph(egoAttributes(center, options, runId, cut.cutNodes, cut.cutEdges), nodes, drawn);
}

function egoAttributes(
  center: string,
  options: EgoNetworkOptions,
  runId: string | null,
  cutNodes: number,
  cutEdges: number,
): EgoNetworkAttributes {
  return {
    center,
    depth: options.depth,
    cap: options.cap,
    since: options.since,
    minAmount: options.minAmount,
    runId,
    truncated: cutNodes > 0,
    cut: { nodes: cutNodes, edges: cutEdges },
  };
}
