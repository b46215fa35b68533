/** Loads the drawable subgraph induced by a set of entities: their attributes and the ties among them. */
import { getEdgesAmong, getNodeAttributes, type Reader, type TieFilters } from '../db/explore-repository.js';
import { toNode, type EntityNodeAttributes, type SerializedNode, type TieRow } from './explore-graph.js';

export const NO_FILTERS: TieFilters = { since: null, minAmount: null };

export interface Subgraph {
  /** In the order of `ids` (unknown ids left out). */
  readonly nodes: SerializedNode<EntityNodeAttributes>[];
  readonly ties: TieRow[];
}

/** `hops` gives each node's distance from an ego network's centre, when there is one. */
export async function loadSubgraph(
  db: Reader,
  ids: readonly string[],
  filters: TieFilters = NO_FILTERS,
  hops?: ReadonlyMap<string, number>,
): Promise<Subgraph> {
  const rows = await getNodeAttributes(db, ids);
  const ties = await getEdgesAmong(db, ids, rows.map((r) => r.eid), filters);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toNode(row, hops?.get(id))] : [];
  });
  return { nodes, ties };
}

/** Key prefix of identifier nodes, so they never collide with entity ids. */
export const IDENTIFIER_NODE_PREFIX = 'identifier:';

/** Identifiers shared by ring members as extra nodes (kind 'identifier') with 'uses' edges from each user. */
export function identifierNodes(shared: ReadonlyArray<{ key: string; type: string; users: readonly string[] }>): Subgraph {
  const nodes = shared.map((s) => {
    const node = toNode({
      id: IDENTIFIER_NODE_PREFIX + s.key,
      kind: 'identifier',
      bad: false,
      runId: null,
      pagerank: null,
      pagerankPct: null,
      community: null,
      communityRisk: null,
      exposure: null,
      exposurePct: null,
    });
    return { ...node, attributes: { ...node.attributes, label: s.key } };
  });
  const ties = shared.flatMap((s) =>
    s.users.map((user): TieRow => ({ source: user, target: IDENTIFIER_NODE_PREFIX + s.key, kind: 'uses', total: 0, count: 1 })),
  );
  return { nodes, ties };
}
