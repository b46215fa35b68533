/**
 * Warm start: before the API reports ready, the score path is prepared (the run in service read, both
 * score reads, the key lookup and the audit append planned by Neo4j), so the first score after
 * start-up answers like every later one.
 * Retried every second until it succeeds (Neo4j may still be starting); `ready` is false until then.
 */
import { findApiKey } from '../db/api-key-repository.js';
import { planAuditAppend } from '../db/audit-repository.js';
import { getLogger } from '../logging/logger.js';
import { warmUpScoring, type ScoreDeps } from './score-entities.js';

const log = getLogger('warm-up');

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
