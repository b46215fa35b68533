/**
 * What a metrics run found, for analysts: ranked communities, rings and alerts, and the subgraph of
 * one community or ring. `runId` null means the full graph's run in service; lists are empty before
 * the first run, an unknown run is a NotFoundError.
 */
import { ConflictError, NotFoundError } from '../errors/app-error.js';
import type { Database } from '../db/driver.js';
import {
  getCommunity,
  getRing,
  listAlerts,
  listCommunities,
  listRings,
  resolveRun,
  type Alert,
  type CommunityDetail,
  type CommunitySummary,
  type RingDetail,
  type RingSummary,
  type RunPair,
} from '../db/explore-run-repository.js';
import { toGraph, type SerializedGraph } from './explore-graph.js';
import { identifierNodes, loadSubgraph } from './explore-subgraph.js';

export interface RankedAnswer<T> {
  /** The run the list comes from (null: no run in service yet). */
  readonly runId: string | null;
  readonly total: number;
  readonly items: T[];
}

async function runOrNull(db: Database, runId: string | null): Promise<RunPair | null> {
  const run = await resolveRun(db, runId);
  if (runId !== null && !run) throw new NotFoundError('metrics run', runId);
  if (run && run.status !== 'complete') throw new ConflictError(`metrics run ${JSON.stringify(run.id)} is ${run.status}, not complete`);
  return run;
}

async function requireRun(db: Database, runId: string | null): Promise<RunPair> {
  const run = await runOrNull(db, runId);
  if (!run) throw new NotFoundError('metrics run', 'current');
  return run;
}

export async function rankCommunities(
  db: Database,
  runId: string | null,
  opts: Parameters<typeof listCommunities>[2],
): Promise<RankedAnswer<CommunitySummary> & { sort: string }> {
  const run = await runOrNull(db, runId);
  const page = run ? await listCommunities(db, run.id, opts) : { total: 0, items: [] };
  return { runId: run?.id ?? null, sort: opts.sort, ...page };
}

export type CommunityAttributes = Omit<CommunityDetail, 'members'> & {
  readonly runId: string;
  readonly cap: number;
  readonly truncated: boolean;
  readonly cut: { readonly nodes: number };
};

/** One community: its members (bad first, then by PageRank, at most `cap`) and the ties among them. */
export async function exploreCommunity(db: Database, runId: string | null, id: string, cap: number): Promise<SerializedGraph<CommunityAttributes>> {
  const run = await requireRun(db, runId);
  const community = await getCommunity(db, run.id, id, cap);
  if (!community) throw new NotFoundError('community', id);
  const { members, ...rest } = community;
  const { nodes, ties } = await loadSubgraph(db, members);
  const cut = Math.max(0, community.size - members.length);
  return toGraph({ ...rest, runId: run.id, cap, truncated: cut > 0, cut: { nodes: cut } }, nodes, ties);
}

export async function rankRings(db: Database, runId: string | null, kind: RingSummary['kind'] | null, limit: number): Promise<RankedAnswer<RingSummary>> {
  const run = await runOrNull(db, runId);
  const page = run ? await listRings(db, run.id, kind, limit) : { total: 0, items: [] };
  return { runId: run?.id ?? null, ...page };
}

export type RingAttributes = Omit<RingDetail, 'members'> & { readonly runId: string };

/** One ring: its members, the ties among them and, as extra nodes, the identifiers they share. */
export async function exploreRing(db: Database, runId: string | null, id: string): Promise<SerializedGraph<RingAttributes>> {
  const run = await requireRun(db, runId);
  const ring = await getRing(db, run.id, id);
  if (!ring) throw new NotFoundError('ring', id);
  const { members, ...rest } = ring;
  const { nodes, ties } = await loadSubgraph(db, members);
  const shared = identifierNodes(ring.shared);
  return toGraph({ ...rest, runId: run.id }, [...nodes, ...shared.nodes], [...ties, ...shared.ties]);
}

export interface AlertsAnswer extends RankedAnswer<Alert> {
  /** The run compared against (null: none before, so every entity over a threshold is listed). */
  readonly baseRunId: string | null;
  readonly thresholds: { readonly exposurePct: number; readonly communityRisk: number; readonly fraudRisk: number };
}

export async function findAlerts(
  db: Database,
  runId: string | null,
  baseRunId: string | null,
  thresholds: AlertsAnswer['thresholds'],
  limit: number,
): Promise<AlertsAnswer> {
  const run = await runOrNull(db, runId);
  if (!run) return { runId: null, baseRunId: null, thresholds, total: 0, items: [] };
  const base = baseRunId ?? run.previousId;
  if (baseRunId !== null) await requireRun(db, baseRunId);
  const page = await listAlerts(db, run.id, base, thresholds, limit);
  return { runId: run.id, baseRunId: base, thresholds, ...page };
}
