/**
 * Reads for the analyst's exploration of the network: ego-network hops, ties between entities,
 * node attributes of a metrics run, id-prefix search and shortest paths. Read-only.
 */
import neo4j from 'neo4j-driver';
import { defineQueries } from './cypher-loader.js';
import type { Database, Tx } from './driver.js';
import { recordToObject } from './neo4j-values.js';

/** Row shape of the node-attribute query. */
export interface EntityRow {
  readonly id: string;
  readonly kind: string | null;
  readonly bad: boolean;
  readonly runId: string | null;
  readonly pagerank: number | null;
  readonly pagerankPct: number | null;
  readonly community: string | number | null;
  readonly communityRisk: number | null;
  readonly exposure: number | null;
  readonly exposurePct: number | null;
}

/** Row shape of a tie between two entities. */
export interface TieRow {
  readonly source: string;
  readonly target: string;
  readonly kind: 'pays' | 'supplies' | 'uses';
  readonly total: number;
  readonly count: number;
  readonly currency?: string | null;
  readonly first?: string | null;
  readonly last?: string | null;
}

const Q = defineQueries({
  pick: 'explore/pick-frontier-neighbours',
  egoCut: 'explore/count-ego-cut',
  edgesAmong: 'explore/get-edges-among',
  nodeAttributes: 'explore/get-node-attributes',
  search: 'explore/search-entities',
  paths: 'explore/find-paths',
  entityIds: 'explore/find-entity-ids',
  highestDegree: 'explore/find-highest-degree-entity',
});

/** Runs read statements: the Database itself, or one read transaction (see `inOneRead`). */
export interface Reader {
  readRows<T>(statement: string, params?: Record<string, unknown>): Promise<T[]>;
}

function txReader(tx: Tx): Reader {
  return { readRows: async <T>(statement: string, params = {}) => (await tx.run(statement, params)).records.map((r) => recordToObject<T>(r)) };
}

/** Runs several reads in one read transaction: one consistent view and fewer round trips. */
export async function inOneRead<T>(db: Database, work: (reader: Reader) => Promise<T>): Promise<T> {
  return db.read((tx) => work(txReader(tx)));
}

/** Filters on ties: active since an instant (ISO-8601), and a minimum amount in minor units. */
export interface TieFilters {
  readonly since: string | null;
  readonly minAmount: number | null;
}

/** A neighbour kept by one hop of the expansion. */
export interface PickedNeighbour {
  readonly id: string;
  readonly eid: string;
  /** Summed amount of its offered ties to the frontier, minor units. */
  readonly strength: number;
}

/**
 * One bounded best-first hop: at most `room` (≥ 1) new neighbours of `frontier` (elementIds) not in
 * `seen` (elementIds), strongest first; each frontier entity offers only its `room` strongest ties.
 */
export async function pickFrontierNeighbours(
  db: Reader,
  frontier: readonly string[],
  seen: readonly string[],
  room: number,
  filters: TieFilters,
): Promise<PickedNeighbour[]> {
  return db.readRows<PickedNeighbour>(Q.pick, { frontier, seen, room: neo4j.int(Math.max(1, Math.floor(room))), ...filters });
}

/** What an ego network's cap left out. */
export interface EgoCut {
  /** Distinct neighbours of the `inner` entities that were not kept. */
  readonly cutNodes: number;
  /** Ties from kept entities to them. */
  readonly cutEdges: number;
}

/** Counts the neighbours of `inner` (elementIds) outside `kept` (elementIds) under the filters. */
export async function countEgoCut(db: Reader, inner: readonly string[], kept: readonly string[], filters: TieFilters): Promise<EgoCut> {
  const [row] = await db.readRows<EgoCut>(Q.egoCut, { inner, eids: kept, ...filters });
  return row ?? { cutNodes: 0, cutEdges: 0 };
}

/** Ties among the entities `ids` (with their elementIds `eids`: both ends in the set) matching the filters. */
export async function getEdgesAmong(db: Reader, ids: readonly string[], eids: readonly string[], filters: TieFilters): Promise<TieRow[]> {
  return db.readRows<TieRow>(Q.edgesAmong, { ids, eids, ...filters });
}

/**
 * Kind, badness and metrics of each existing entity; the metrics come from the newest complete run in
 * service that covers the entity (null metrics and runId when none does).
 */
export async function getNodeAttributes(db: Reader, ids: readonly string[]): Promise<Array<EntityRow & { eid: string }>> {
  return db.readRows<EntityRow & { eid: string }>(Q.nodeAttributes, { ids });
}

export interface EntityHit {
  readonly id: string;
  readonly kind: string | null;
  readonly bad: boolean;
}

/** Entities whose id starts with `prefix`, ascending, at most `limit`. */
export async function searchEntities(db: Reader, prefix: string, limit: number): Promise<EntityHit[]> {
  return db.readRows<EntityHit>(Q.search, { prefix, limit: neo4j.int(limit) });
}

export interface PathRow {
  readonly ids: string[];
  readonly hops: TieRow[];
}

/** Up to `limit` shortest paths (≤ maxHops, ≤ 6) between two entities, shortest first. */
export async function findPaths(db: Reader, from: string, to: string, maxHops: number, limit: number): Promise<PathRow[]> {
  return db.readRows<PathRow>(Q.paths, { from, to, maxHops: neo4j.int(maxHops), limit: neo4j.int(limit) });
}

/** The subset of `ids` that are entities, each with its elementId. */
export async function findEntityIds(db: Reader, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.readRows<{ id: string; eid: string }>(Q.entityIds, { ids });
  return new Map(rows.map((r) => [r.id, r.eid]));
}

/** The entity with the most PAYS and SUPPLIES ties among ids starting with `prefix` (a full scan). */
export async function findHighestDegreeEntity(db: Reader, prefix: string): Promise<{ id: string; degree: number } | null> {
  const [row] = await db.readRows<{ id: string; degree: number }>(Q.highestDegree, { prefix });
  return row ?? null;
}
