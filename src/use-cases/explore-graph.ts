/**
 * The exploration API's answer shape: graphology's serialisation format (`graph.export()` /
 * `Graph.from(data)`), so the web view loads a response with one call. Pure helpers, no I/O.
 */

/** Per-entity attributes drawn by the web view; metrics are null when no metrics run is in service. */
export interface EntityNodeAttributes {
  readonly label: string;
  readonly kind: string | null;
  /** Flagged, or a defaulted loan. */
  readonly bad: boolean;
  /** Metrics run the values below come from (null: no run covers the entity; metrics are null). */
  readonly runId: string | null;
  /** PageRank (sums to 1 over the graph). */
  readonly pagerank: number | null;
  /** PageRank percentile, 0..1. */
  readonly pagerankPct: number | null;
  readonly community: string | null;
  /** Smoothed bad rate of the entity's community, 0..1. */
  readonly communityRisk: number | null;
  /** Guilt-by-association exposure (personalised PageRank mass from bad entities). */
  readonly exposure: number | null;
  /** Exposure percentile, 0..1. */
  readonly exposurePct: number | null;
  /** Hops from the centre of an ego network (0 = the centre), when it applies. */
  readonly hop?: number;
}

/** A payment aggregate (PAYS) or a supply link (SUPPLIES), directed payer/supplier → payee/buyer; in ring
 * subgraphs also 'uses' (entity → shared identifier, total 0). */
export interface TieAttributes {
  readonly kind: 'pays' | 'supplies' | 'uses';
  /** Total amount in minor units (PAYS.total, SUPPLIES.volume; 0 when unknown). */
  readonly total: number;
  /** Number of payments (or invoices). */
  readonly count: number;
  /** ISO 4217 code of the amounts (null when unknown). */
  readonly currency?: string | null;
  readonly first?: string | null;
  readonly last?: string | null;
}

export interface SerializedNode<A> {
  readonly key: string;
  readonly attributes: A;
}

export interface SerializedEdge<A> {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: A;
}

/** graphology's SerializedGraph with our attribute types. */
export interface SerializedGraph<G> {
  readonly attributes: G;
  readonly options: { readonly type: 'directed'; readonly multi: true; readonly allowSelfLoops: true };
  readonly nodes: SerializedNode<EntityNodeAttributes>[];
  readonly edges: SerializedEdge<TieAttributes>[];
}

export type { EntityRow, TieRow } from '../db/explore-repository.js';
import type { EntityRow, TieRow } from '../db/explore-repository.js';

/** A stable key per tie: one PAYS and one SUPPLIES may join the same ordered pair. */
export function tieKey(tie: Pick<TieRow, 'source' | 'target' | 'kind'>): string {
  return `${tie.kind}|${tie.source}|${tie.target}`;
}

export function toNode(row: EntityRow, hop?: number): SerializedNode<EntityNodeAttributes> {
  const attributes: EntityNodeAttributes = {
    label: row.id,
    kind: row.kind ?? null,
    bad: row.bad === true,
    runId: row.runId ?? null,
    pagerank: row.pagerank ?? null,
    pagerankPct: row.pagerankPct ?? null,
    community: row.community === null || row.community === undefined ? null : String(row.community),
    communityRisk: row.communityRisk ?? null,
    exposure: row.exposure ?? null,
    exposurePct: row.exposurePct ?? null,
    ...(hop === undefined ? {} : { hop }),
  };
  return { key: row.id, attributes };
}

export function toEdge(row: TieRow): SerializedEdge<TieAttributes> {
  const attributes: TieAttributes = {
    kind: row.kind,
    total: Number(row.total ?? 0),
    count: Number(row.count ?? 0),
    ...(row.currency === undefined ? {} : { currency: row.currency }),
    ...(row.first === undefined ? {} : { first: row.first }),
    ...(row.last === undefined ? {} : { last: row.last }),
  };
  return { key: tieKey(row), source: row.source, target: row.target, attributes };
}

/** Assembles a serialised graph; edges are de-duplicated by key and ordered strongest first. */
export function toGraph<G>(attributes: G, nodes: SerializedNode<EntityNodeAttributes>[], ties: readonly TieRow[]): SerializedGraph<G> {
  const edges = new Map<string, SerializedEdge<TieAttributes>>();
  for (const tie of ties) edges.set(tieKey(tie), toEdge(tie));
  const sorted = [...edges.values()].sort((a, b) => b.attributes.total - a.attributes.total || a.key.localeCompare(b.key));
  return { attributes, options: { type: 'directed', multi: true, allowSelfLoops: true }, nodes, edges: sorted };
}
