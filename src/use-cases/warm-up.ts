/**
 * Warm start: before the API reports ready, the score path is prepared (the run in service read, both
 * score reads, the key lookup and the audit append planned by Neo4j, and one real entity of the served
 * scope scored through the same pure code as a request, so that code is compiled), so the first score
 * after start-up answers like every later one.
 * Retried every second until it succeeds (Neo4j may still be starting); `ready` is false until then.
 */
import { scoreForRole } from '../auth/visible-to-role.js';
import { findApiKey } from '../db/api-key-repository.js';
import { searchEntities } from '../db/explore-repository.js';
import { planAuditAppend } from '../db/audit-repository.js';
import { getLogger } from '../logging/logger.js';
import { scoreEntities, warmUpScoring, type ScoreDeps } from './score-entities.js';

const log = getLogger('warm-up');

/** Scores one entity of the served scope as a lender would see it (nothing is audited: no one asked). */
async function scoreOne(deps: ScoreDeps): Promise<void> {
  const [hit] = await searchEntities(deps.db, deps.config.scoring.servingScope, 1);
  if (!hit) return;
  for (const score of (await scoreEntities(deps, [hit.id])).values()) JSON.stringify(scoreForRole('lender', score));
}

export class WarmUp {
  ready = false;
  lastError: string | null = null;
  readonly done: Promise<void>;
  private stopped = false;

  constructor(deps: ScoreDeps, retryMs = 1000) {
    this.done = (async () => {
      for (;;) {
        try {
          const started = performance.now();
          await Promise.all([warmUpScoring(deps), findApiKey(deps.db, 'cg_warm-up'), planAuditAppend(deps.db)]);
          await scoreOne(deps);
          this.ready = true;
          this.lastError = null;
          log.info({ ms: Math.round(performance.now() - started) }, 'score path warmed up');
          return;
        } catch (error) {
          this.lastError = (error as Error).message;
          if (this.stopped) return;
          log.warn({ err: this.lastError }, 'score warm-up failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
        }
      }
    })();
  }

  /** Stops retrying (shutdown). */
  stop(): void {
    this.stopped = true;
  }
}
