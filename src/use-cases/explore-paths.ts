/**
 * Paths between two entities: the shortest and up to k alternatives (distinct entity sequences),
 * each with the amounts along its hops, plus the union of their entities and ties as one graph.
 */
import { NotFoundError, ValidationError } from '../errors/app-error.js';
import type { Database } from '../db/driver.js';
import { findEntityIds, findPaths } from '../db/explore-repository.js';
import { toGraph, tieKey, type SerializedGraph, type TieRow } from './explore-graph.js';
import { loadSubgraph } from './explore-subgraph.js';

export interface PathSummary {
  /** Entity ids from `from` to `to`. */
  readonly nodes: string[];
  /** Keys of the edges (in the graph) along the path, in order. */
  readonly edges: string[];
  readonly length: number;
  /** Smallest tie amount along the path (minor units): how much could have flowed through. */
  readonly bottleneck: number;
  /** Sum of the tie amounts along the path (minor units). */
  readonly total: number;
}

export interface PathsAttributes {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly k: number;
  /** Shortest first; empty when no path within maxHops. */
  readonly paths: PathSummary[];
}

/** Longest path the search considers (the literal bound in cypher/explore/find-paths.cypher). */
export const MAX_PATH_HOPS = 6;

export function summarisePath(ids: string[], hops: readonly TieRow[]): PathSummary {
  const amounts = hops.map((h) => Number(h.total ?? 0));
  return {
    nodes: ids,
    edges: hops.map(tieKey),
    length: hops.length,
    bottleneck: amounts.length ? Math.min(...amounts) : 0,
    total: amounts.reduce((s, a) => s + a, 0),
  };
}

/** Keeps the first path per entity sequence (two ties between one pair give "different" paths). */
export function distinctPaths<P extends { ids: string[] }>(paths: readonly P[], k: number): P[] {
  const seen = new Set<string>();
  const out: P[] = [];
  for (const p of paths) {
    const key = p.ids.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= k) break;
  }
  return out;
}

export async function explorePaths(
  db: Database,
  from: string,
  to: string,
  maxHops: number,
  k: number,
): Promise<SerializedGraph<PathsAttributes>> {
  if (from === to) throw new ValidationError('"from" and "to" must be different entities', [{ field: 'to', reason: 'equals from' }]);
  const known = await findEntityIds(db, [from, to]);
  for (const id of [from, to]) if (!known.has(id)) throw new NotFoundError('entity', id);
  const paths = distinctPaths(await findPaths(db, from, to, maxHops, 8), k);
  const { nodes } = await loadSubgraph(db, [...new Set(paths.flatMap((p) => p.ids))]);
  const attributes: PathsAttributes = { from, to, maxHops, k, paths: paths.map((p) => summarisePath(p.ids, p.hops)) };
  return toGraph(attributes, nodes, paths.flatMap((p) => p.hops));
}
