/**
 * The memory and time estimate of a metrics refresh (`creditgraph refresh --estimate`, and the check
 * at the start of every run): counts from Neo4j → the pure model of src/analytics/refresh-estimate.ts.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { countRefreshInput } from '../db/graph-counts-repository.js';
import { estimateRefresh, refusalReason, type GraphCounts, type RefreshEstimate } from '../analytics/refresh-estimate.js';
import { AppError } from '../errors/app-error.js';

export interface RefreshEstimateAnswer {
  readonly scope: string;
  readonly counts: GraphCounts;
  readonly estimate: RefreshEstimate;
  readonly maxMemoryMb: number;
  /** Why a run would refuse to start, or null when it fits. */
  readonly refusal: string | null;
}

/** A refresh that would exceed METRICS_MAX_MEMORY_MB: not retried, nothing written. */
export class RefreshTooLargeError extends AppError {
  override name = 'RefreshTooLargeError';
  constructor(answer: RefreshEstimateAnswer) {
    super('refresh_over_memory_budget', answer.refusal ?? 'over the memory budget', 507, {
      details: { estimateMb: Math.ceil(answer.estimate.memoryMb), maxMemoryMb: answer.maxMemoryMb, counts: answer.counts },
    });
  }
}

export async function estimateRefreshOf(db: Database, config: Config['metrics'], scope: string): Promise<RefreshEstimateAnswer> {
  const counts = await countRefreshInput(db, scope);
  const estimate = estimateRefresh(counts, {
    betweennessEpsilon: config.betweennessEpsilon,
    betweennessDelta: config.betweennessDelta,
    betweennessExactMaxNodes: config.betweennessExactMaxNodes,
  });
  return { scope, counts, estimate, maxMemoryMb: config.maxMemoryMb, refusal: refusalReason(estimate, config.maxMemoryMb) };
}

/** Throws RefreshTooLargeError when a refresh of `scope` would not fit; returns the estimate otherwise. */
export async function requireRefreshFits(db: Database, config: Config['metrics'], scope: string): Promise<RefreshEstimateAnswer> {
  const answer = await estimateRefreshOf(db, config, scope);
  if (answer.refusal) throw new RefreshTooLargeError(answer);
  return answer;
}
