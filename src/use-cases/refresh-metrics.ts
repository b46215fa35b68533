/**
 * A full metrics refresh: snapshot → centrality → communities → risk → features → write-back →
 * monitoring → switch, then retention. Idempotent per run id: a retried or recovered job recomputes from a fresh snapshot and
 * MERGEs over whatever the crashed attempt wrote; the previous run stays in service until the switch.
 */
import type { ScorecardModel } from '../scoring/model.js';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { readGraphSnapshot } from '../db/snapshot-repository.js';
import {
  deleteExpiredRuns,
  failRun,
  startRun,
  switchCurrentRun,
  updateRunProgress,
  writeCommunities,
  writeEntityMetrics,
  writeRings,
  type StageTiming,
} from '../db/metrics-repository.js';
import { ANALYTICS_DEFAULTS, type AnalyticsOptions } from '../analytics/analytics-pipeline.js';
import { seedFromString } from '../analytics/rng.js';
import { runAnalyticsInThread } from './run-analytics-thread.js';
import { requireRefreshFits } from './estimate-refresh.js';
import { communityRows, entityMetricsRowAt, ringRows, runSignalsOf } from './metrics-result-rows.js';
import { computeSnapshotFeatures } from './compute-run-features.js';
import { fillRunFeatures } from '../features/compute-features.js';
import { FEATURE_COUNT } from '../features/feature-writer.js';
import { monitorSnapshotLoans } from './monitor-loans-stage.js';

export const REFRESH_STAGES = ['snapshot', 'centrality', 'communities', 'risk', 'features', 'write-back', 'monitoring', 'switch'] as const;
export type RefreshStage = (typeof REFRESH_STAGES)[number];

/** Reported after each step: the stage, its progress within (0–1) and the overall percentage. */
export interface RefreshProgress {
  readonly runId: string;
  readonly stage: RefreshStage;
  readonly stageFraction: number;
  readonly percent: number;
}

export interface RefreshRequest {
  readonly runId: string;
  readonly jobId: string;
  /** Entity id prefix of a scoped refresh ('' = the whole graph). */
  readonly scope: string;
}

export interface RefreshSummary {
  readonly runId: string;
  readonly scope: string;
  readonly status: 'complete';
  readonly alreadyComplete: boolean;
  readonly previousRunId: string | null;
  readonly deletedRuns: readonly string[];
  readonly counts: Record<string, number | boolean>;
  readonly stages: readonly StageTiming[];
}

/** Share of the whole refresh each stage represents in the progress percentage. */
const STAGE_WEIGHT: Record<RefreshStage, number> = { snapshot: 20, centrality: 20, communities: 10, risk: 10, features: 5, 'write-back': 30, monitoring: 3, switch: 2 };

function percentAt(stage: RefreshStage, fraction: number): number {
  let before = 0;
  for (const s of REFRESH_STAGES) {
    if (s === stage) break;
    before += STAGE_WEIGHT[s];
  }
  return Math.round(before + STAGE_WEIGHT[stage] * Math.min(1, Math.max(0, fraction)));
}

/** The analytics options of a run, from config. */
export function analyticsOptions(config: Config['metrics']): AnalyticsOptions {
  return {
    ...ANALYTICS_DEFAULTS,
    betweennessExactMaxNodes: config.betweennessExactMaxNodes,
    betweennessEpsilon: config.betweennessEpsilon,
    betweennessDelta: config.betweennessDelta,
  };
}

/** Runs one refresh to completion (or throws after marking the run failed). */
export async function refreshMetrics(
  db: Database,
  config: Config['metrics'],
  request: RefreshRequest,
  onProgress: (p: RefreshProgress) => void | Promise<void> = () => {},
  /** Scores every entity's fraudRisk in the run (stored with its metrics; alerts rank by it). */
  fraudModel: ScorecardModel | null = null,
): Promise<RefreshSummary> {
  const fits = await requireRefreshFits(db, config, request.scope); // refuses before anything is written
  const options = analyticsOptions(config);
  const params = { scope: request.scope, seed: seedFromString(request.runId), options: { ...options, cycles: { ...options.cycles } } };
  const started = await startRun(db, { id: request.runId, scope: request.scope, jobId: request.jobId, params });
  if (started.status === 'complete') {
    return { runId: request.runId, scope: request.scope, status: 'complete', alreadyComplete: true, previousRunId: null, deletedRuns: [], counts: {}, stages: [] };
  }
  try {
    const estimate = { estimateMb: Math.ceil(fits.estimate.memoryMb), estimateSeconds: Math.round(fits.estimate.seconds) };
    return await runStages(db, config, request, options, params.seed, onProgress, estimate, fraudModel);
  } catch (error) {
    await failRun(db, request.runId, (error as Error).message).catch(() => undefined);
    throw error;
  }
}

async function runStages(
  db: Database,
  config: Config['metrics'],
  request: RefreshRequest,
  options: AnalyticsOptions,
  seed: number,
  onProgress: (p: RefreshProgress) => void | Promise<void>,
  estimate: Record<string, number>,
  fraudModel: ScorecardModel | null,
): Promise<RefreshSummary> {
  const { runId, scope } = request;
  const stages: StageTiming[] = [];
  const counts: Record<string, number | boolean> = { ...estimate };
  let t = performance.now();
  const report = (stage: RefreshStage, fraction: number) => onProgress({ runId, stage, stageFraction: fraction, percent: percentAt(stage, fraction) });
  /** Records a finished stage: its time since the previous one, or `ms` for a stage that ran alongside others. */
  const finish = async (stage: RefreshStage, status: 'running' | 'writing' = 'running', snapshotAtMs?: number, ms?: number) => {
    const now = performance.now();
    stages.push({ stage, ms: ms ?? Math.round(now - t) });
    t = now;
    await updateRunProgress(db, runId, { status, stage, stages, counts, snapshotAtMs });
    await report(stage, 1);
  };

  await report('snapshot', 0);
  const snapshotAtMs = Date.now();
  const snapshot = await readGraphSnapshot(db, { idPrefix: scope, maxIdentifierShare: config.identifierMaxGroup, asOfMs: snapshotAtMs });
  Object.assign(counts, { entities: snapshot.ids.length, edges: snapshot.edges.length, bad: snapshot.bad.reduce((a, b) => a + b, 0) });
  await finish('snapshot', 'running', snapshotAtMs);

  // CPU-heavy stages in a worker thread (edge arrays handed over) while this thread computes the fact
  // features in chunks (the two use both cores); the loop stays free to renew the job lock
  const features = computeSnapshotFeatures(snapshot);
  features.catch(() => undefined);
  const analyticsGraph = { ids: snapshot.ids, bad: snapshot.bad, edges: snapshot.edges, identifierGroups: snapshot.identifierGroups };
  const { centrality, communities, risk } = await runAnalyticsInThread(analyticsGraph, options, seed, async (done) => {
    Object.assign(counts, done.timings);
    if (done.stage === 'centrality') Object.assign(counts, { ...done.result.stats });
    else if (done.stage === 'communities') Object.assign(counts, { communities: done.result.count, modularity: done.result.modularity });
    else {
      const r = done.result;
      Object.assign(counts, { ...r.stats, cycles: r.cycles.length, cyclesTruncated: r.cyclesTruncated, identifierRings: r.identifierRings.length });
    }
    await finish(done.stage);
  });
  const { batch: featureBatch, ms: featureMs } = await features;
  fillRunFeatures(featureBatch, runSignalsOf(snapshot, centrality, communities, risk));
  counts.features = FEATURE_COUNT;
  await finish('features', 'writing', undefined, featureMs);

  const batch = config.writeBatchRows;
  await writeCommunities(db, runId, communityRows(communities), batch);
  await writeRings(db, runId, ringRows(snapshot, risk, communities.prior, options.riskSmoothing), batch);
  const n = snapshot.ids.length;
  const rowAt = entityMetricsRowAt(snapshot, centrality, communities, risk, featureBatch, fraudModel);
  await writeEntityMetrics(db, runId, n, rowAt, { batch, parallel: config.writeParallel }, (done) => report('write-back', done / Math.max(1, n)));
  await finish('write-back', 'writing');

  // post-loan monitoring of the open loans (src/monitoring), written under the run before the switch
  Object.assign(counts, await monitorSnapshotLoans(db, runId, snapshot, communities.community, config));
  await finish('monitoring', 'writing');

  const { previousId } = await switchCurrentRun(db, runId, counts, [...stages, { stage: 'switch', ms: 0 }]);
  const deletedRuns = await deleteExpiredRuns(db, scope, config.runsKeep, batch);
  await report('switch', 1);
  return { runId, scope, status: 'complete', alreadyComplete: false, previousRunId: previousId, deletedRuns, counts, stages };
}
