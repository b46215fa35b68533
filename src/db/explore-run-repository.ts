/**
 * Reads of what a metrics run found, for analysts: communities, rings and alerts (entities that
 * crossed a threshold since the run before). Read-only; every read names its run.
 */
import type { RingRow } from './metrics-repository.js';
import neo4j from 'neo4j-driver';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';
import { getCurrentRun } from './signals-repository.js';

const Q = defineQueries({
  runWithPrevious: 'explore/get-run-with-previous',
  communities: 'explore/list-communities',
  community: 'explore/get-community',
  rings: 'explore/list-rings',
  ring: 'explore/get-ring',
  alerts: 'explore/list-alerts',
});

export interface RunPair {
  readonly id: string;
  readonly status: string;
  /** The complete run of the same scope before it, or null. */
  readonly previousId: string | null;
}

/** A page of a ranked list and how many there are in all. */
export interface Ranked<T> {
  readonly total: number;
  readonly items: T[];
}

export interface CommunitySummary {
  readonly id: string;
  readonly size: number;
  /** Members defaulted or flagged. */
  readonly bad: number;
  readonly defaultRate: number;
  /** Smoothed bad rate, 0..1. */
  readonly risk: number;
}

export interface CommunityDetail extends CommunitySummary {
  /** Members to draw: bad first, then by PageRank (at most the limit asked). */
  readonly members: string[];
  readonly badMembers: string[];
  /** Payments between members: aggregates, payment count and total in minor units. */
  readonly internal: { readonly ties: number; readonly count: number; readonly totalMinor: number };
}

/** A ring of a run as stored by the metrics write-back. */
export type RingSummary = RingRow;

export interface RingDetail extends RingSummary {
  readonly shared: Array<{ key: string; type: string; users: string[] }>;
}

export interface Alert {
  readonly entity: string;
  readonly crossed: Array<'fraudRisk' | 'exposure' | 'communityRisk'>;
  /** Probability of fraud from the fraud model the run was scored with (null: none). */
  readonly fraudRisk: number | null;
  /** Exposure over (bad count × degree share): 1 = what connectedness alone explains (null before it was computed). */
  readonly exposureNorm: number | null;
  /** Percentile of exposureNorm in the run: the exposure threshold applies to it. */
  readonly exposureNormPct: number | null;
  readonly exposurePct: number | null;
  readonly exposure: number | null;
  readonly communityRisk: number | null;
  readonly community: string | null;
  readonly previous: { exposurePct: number | null; communityRisk: number | null; fraudRisk: number | null } | null;
}

/** The run `runId` (any scope), or the full graph's run in service when null; null when none. */
export async function resolveRun(db: Database, runId: string | null): Promise<RunPair | null> {
  if (runId === null) {
    const current = await getCurrentRun(db, '');
    return current ? { id: current.id, status: 'complete', previousId: current.previousId } : null;
  }
  const [row] = await db.readRows<RunPair>(Q.runWithPrevious, { runId });
  return row ?? null;
}

export async function listCommunities(
  db: Database,
  runId: string,
  opts: { sort: 'risk' | 'size' | 'defaultRate' | 'bad'; minSize: number; limit: number },
): Promise<Ranked<CommunitySummary>> {
  const [row] = await db.readRows<Ranked<CommunitySummary>>(Q.communities, {
    runId,
    sort: opts.sort,
    minSize: neo4j.int(opts.minSize),
    limit: neo4j.int(opts.limit),
  });
  return row ?? { total: 0, items: [] };
}

export async function getCommunity(db: Database, runId: string, id: string, limit: number): Promise<CommunityDetail | null> {
  const [row] = await db.readRows<CommunityDetail>(Q.community, { runId, id, limit: neo4j.int(limit) });
  return row ?? null;
}

export async function listRings(db: Database, runId: string, kind: RingSummary['kind'] | null, limit: number): Promise<Ranked<RingSummary>> {
  const [row] = await db.readRows<Ranked<RingSummary>>(Q.rings, { runId, kind, limit: neo4j.int(limit) });
  return row ?? { total: 0, items: [] };
}

export async function getRing(db: Database, runId: string, id: string): Promise<RingDetail | null> {
  const [row] = await db.readRows<RingDetail>(Q.ring, { runId, id });
  return row ?? null;
}

/** Thresholds: percentile of the degree-normalised exposure and community risk, both 0..1; ranked by exposureNorm. */
export async function listAlerts(
  db: Database,
  runId: string,
  baseRunId: string | null,
  thresholds: { exposurePct: number; communityRisk: number; fraudRisk: number },
  limit: number,
): Promise<Ranked<Alert>> {
  const [row] = await db.readRows<Ranked<Alert>>(Q.alerts, { runId, baseRunId, ...thresholds, limit: neo4j.int(limit) });
  return row ?? { total: 0, items: [] };
}
