/**
 * Scores entities: the stored feature vectors of the run in service (one unique-key seek per id, shared
 * with concurrent requests), the pure credit scorecard and, when a fraud model is configured, fraudRisk
 * with its own reasons from the same features. An entity without a stored vector yet, or a score as
 * of a given date, has its features computed from its facts instead. Bounded in time: Neo4j slower than
 * SCORE_TIMEOUT_MS answers UpstreamError (503), and the read is stopped on the server too.
 */
import type { Config } from '../config/index.js';
import { withDeadline } from '../db/deadline.js';
import type { Database } from '../db/driver.js';
import type { ScorecardModel } from '../scoring/model.js';
import { fraudRiskOf } from '../scoring/fraud-risk.js';
import type { Reason } from '../scoring/reasons.js';
import { scoreEntity, type EntityScore } from '../scoring/score-entity.js';
import { computeEntityFeatures, fromStored, type DatedFeatures } from './entity-features.js';
import { activeFraudModel, activeModel } from './score-model.js';
import { servingCacheOf } from './serving-cache.js';

export interface ScoreResponse extends EntityScore {
  readonly runId: string | null;
  /** The scoring date (ISO-8601): only facts before it were used. */
  readonly asOf: string;
  /** The date of the facts behind the features (ISO-8601): how fresh they are. */
  readonly featuresAsOf: string;
  /** True when no run has completed or the run in service finished more than STALE_AFTER_HOURS ago. */
  readonly stale: boolean;
  /** Probability of fraud (0..1) from the fraud model (FRAUD_MODEL_FILE); null without one. */
  readonly fraudRisk: number | null;
  /** The fraud model's reasons (what pushes fraudRisk up most). */
  readonly fraudReasons: readonly Reason[];
  readonly fraudModelVersion: string | null;
}

export interface ScoreRequestOptions {
  /** Scoring date (epoch ms); default: now, from the stored features. */
  readonly asOfMs?: number;
  readonly model?: ScorecardModel;
  /** The fraud model (default: FRAUD_MODEL_FILE's; null: none). */
  readonly fraudModel?: ScorecardModel | null;
}

export interface ScoreDeps {
  readonly config: Config;
  readonly db: Database;
}

/** Whether a run is too old to trust (or missing). */
export function isStale(finishedAtMs: number | null | undefined, nowMs: number, staleAfterHours: number): boolean {
  if (finishedAtMs === null || finishedAtMs === undefined || !Number.isFinite(finishedAtMs)) return true;
  return nowMs - finishedAtMs > staleAfterHours * 3_600_000;
}

/** The features of the existing entities among `ids`: stored ones, computed ones where none is stored. */
async function featuresOf(deps: ScoreDeps, ids: readonly string[], opts: ScoreRequestOptions, nowMs: number) {
  const timeoutMs = deps.config.scoring.timeoutMs;
  const cache = servingCacheOf(deps.db, deps.config.scoring.servingScope);
  const run = await cache.servingRun(timeoutMs);
  const out = new Map<string, DatedFeatures>();
  if (opts.asOfMs !== undefined) {
    return { run, features: await computeEntityFeatures(deps.db, ids, opts.asOfMs, run?.id ?? null, timeoutMs) };
  }
  let missing: string[] = [...ids];
  if (run) {
    missing = [];
    for (const row of await cache.storedFeatures(run.id, ids, timeoutMs)) {
      if (row.status === 'stored') out.set(row.id, fromStored(row));
      else if (row.status === 'missing') missing.push(row.id);
    }
  }
  if (missing.length) for (const [id, f] of await computeEntityFeatures(deps.db, missing, nowMs, run?.id ?? null, timeoutMs)) out.set(id, f);
  return { run, features: out };
}

/** Scores of the existing entities among `ids`, keyed by id. */
export async function scoreEntities(deps: ScoreDeps, ids: readonly string[], opts: ScoreRequestOptions = {}): Promise<Map<string, ScoreResponse>> {
  const nowMs = Date.now();
  const model = opts.model ?? activeModel(deps.config);
  const fraudModel = opts.fraudModel === undefined ? activeFraudModel(deps.config) : opts.fraudModel;
  const { run, features } = await withDeadline(featuresOf(deps, ids, opts, nowMs), deps.config.scoring.timeoutMs, 'Neo4j (score read)');
  const stale = isStale(run?.finishedAtMs, nowMs, deps.config.scoring.staleAfterHours);
  const out = new Map<string, ScoreResponse>();
  for (const id of ids) {
    const f = features.get(id);
    if (!f) continue;
    const fraud = fraudModel ? fraudRiskOf(fraudModel, f) : null;
    out.set(id, {
      ...scoreEntity(model, f),
      fraudRisk: fraud?.fraudRisk ?? null,
      fraudReasons: fraud?.reasons ?? [],
      fraudModelVersion: fraud?.modelVersion ?? null,
      runId: run?.id ?? null,
      asOf: new Date(opts.asOfMs ?? nowMs).toISOString(),
      featuresAsOf: new Date(f.asOfMs).toISOString(),
      stale,
    });
  }
  return out;
}

/**
 * Prepares the score path before the API reports ready: reads the run in service and plans both reads
 * (stored vectors, and facts for entities without one) on the server, so the first real score answers
 * as fast as every later one. Throws when Neo4j cannot answer.
 */
export async function warmUpScoring(deps: ScoreDeps): Promise<void> {
  const timeoutMs = Math.max(deps.config.scoring.timeoutMs, 10_000);
  const cache = servingCacheOf(deps.db, deps.config.scoring.servingScope);
  const run = await cache.servingRun(timeoutMs);
  await cache.storedFeatures(run?.id ?? '', ['\u0000warm-up'], timeoutMs);
  await computeEntityFeatures(deps.db, ['\u0000warm-up'], Date.now(), run?.id ?? null, timeoutMs);
}
