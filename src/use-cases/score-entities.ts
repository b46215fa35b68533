/**
 * Scores entities: one Cypher read of their signals (current run, facts before the scoring date), then
 * the pure scorecard. Bounded in time: Neo4j slower than SCORE_TIMEOUT_MS answers UpstreamError (503).
 */
import type { Config } from '../config/index.js';
import { withDeadline } from '../db/deadline.js';
import type { Database } from '../db/driver.js';
import { getLogger } from '../logging/logger.js';
import { readEntitySignals, type EntitySignals, type RatingMask } from '../db/score-repository.js';
import { deriveFeatures } from '../scoring/derive-features.js';
import type { Features } from '../scoring/features.js';
import type { ScorecardModel } from '../scoring/model.js';
import { scoreEntity, type EntityScore } from '../scoring/score-entity.js';
import { activeModel } from './score-model.js';

export interface ScoreResponse extends EntityScore {
  readonly runId: string | null;
  /** The scoring date (ISO-8601): only facts before it were used. */
  readonly asOf: string;
  /** True when no run has completed or the current run finished more than STALE_AFTER_HOURS ago. */
  readonly stale: boolean;
}

export interface ScoreRequestOptions {
  /** Scoring date (epoch ms); default now. */
  readonly asOfMs?: number;
  readonly runId?: string | null;
  readonly mask?: RatingMask;
  readonly model?: ScorecardModel;
}

export interface ScoreDeps {
  readonly config: Config;
  readonly db: Database;
}

/** Whether a run is too old to trust (or missing). */
export function isStale(
  finishedAt: string | null | undefined,
  nowMs: number,
  staleAfterHours: number,
): boolean {
  if (!finishedAt) return true;
  const t = Date.parse(finishedAt);
  return !Number.isFinite(t) || nowMs - t > staleAfterHours * 3_600_000;
}

/** Ids per read; each read is bounded by SCORE_TIMEOUT_MS on its own, so a batch never hangs either. */
const CHUNK = 20;
/** Chunk reads in flight at once. */
const PARALLEL = 4;

/** Features of each existing entity among `ids` (unknown ids absent), with region/sector and run. */
export async function readFeatures(
  deps: ScoreDeps,
  ids: readonly string[],
  opts: ScoreRequestOptions = {},
): Promise<Array<{ features: Features; signals: EntitySignals }>> {
  const asOfMs = opts.asOfMs ?? Date.now();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const results: EntitySignals[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const k = next++;
      const read = readEntitySignals(deps.db, chunks[k]!, {
        asOfMs,
        runId: opts.runId ?? null,
        mask: opts.mask,
      });
      results[k] = await withDeadline(read, deps.config.scoring.timeoutMs, 'Neo4j (score read)');
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, chunks.length) }, worker));
  return results.flat().map((s) => ({ features: deriveFeatures(s.raw), signals: s }));
}

/** Scores of the existing entities among `ids`, keyed by id. */
export async function scoreEntities(
  deps: ScoreDeps,
  ids: readonly string[],
  opts: ScoreRequestOptions = {},
): Promise<Map<string, ScoreResponse>> {
  const nowMs = Date.now();
  const asOfMs = opts.asOfMs ?? nowMs;
  const model = opts.model ?? activeModel(deps.config);
  const out = new Map<string, ScoreResponse>();
  for (const { features, signals } of await readFeatures(deps, ids, { ...opts, asOfMs })) {
    out.set(features.entityId, {
      ...scoreEntity(model, features),
      runId: signals.run?.id ?? null,
      asOf: new Date(asOfMs).toISOString(),
      stale: isStale(signals.run?.finishedAt, nowMs, deps.config.scoring.staleAfterHours),
    });
  }
  return out;
}

/**
 * Compiles the score read once in the background (an empty batch), so the first real request does not
 * pay Neo4j's query planning against its deadline. Failures are only logged.
 */
export function warmUpScoring(deps: ScoreDeps): void {
  readEntitySignals(deps.db, [], { asOfMs: Date.now(), runId: null }).catch((error: Error) =>
    getLogger('score').debug({ err: error.message }, 'score warm-up failed'),
  );
}
