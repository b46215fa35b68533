/** What the HTTP layer needs from the outside world; built once by the entry point, passed to createApp. */
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import type { AuditTrail } from '../use-cases/score-audit.js';
import type { WarmUp } from '../use-cases/warm-up.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly redis: Redis;
  /** The score path's warm-up; /readyz answers 503 until it is ready (absent: nothing to wait for). */
  readonly warmUp?: WarmUp;
  /** Where reads are audited (absent: the audit trail of `db`, the normal case). */
  readonly audit?: AuditTrail;
}
