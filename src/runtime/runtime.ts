/**
 * The composition root: opens the process's one Neo4j driver and one Redis client from the config,
 * applies the schema, and closes both on shutdown.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import { createDatabase, type Database } from '../db/driver.js';
import { applySchema } from '../db/schema-repository.js';
import { createRedis } from '../queue/connection.js';
import { getLogger, setLogLevel } from '../logging/logger.js';
import { registerFeatureRefresh } from '../use-cases/refresh-touched-features.js';
import { registerTouchedLoansHook } from '../use-cases/monitor-touched-loans.js';
import { monitoringOptionsOf } from '../use-cases/monitor-loans-stage.js';

const log = getLogger('runtime');

export interface Runtime {
  readonly config: Config;
  readonly db: Database;
  readonly redis: Redis;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Apply cypher/schema at start-up (default true). */
  readonly applySchema?: boolean;
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  setLogLevel(config.log.level);
  const db = createDatabase(config.neo4j);
  const redis = createRedis(config.redis);
  // one line when Redis goes away and one when it is back, not one per reconnection attempt
  let redisDown = false;
  redis.on('error', (err) => {
    if (!redisDown) log.warn({ err: err.message }, 'Redis connection lost: reconnecting in the background');
    redisDown = true;
  });
  redis.on('ready', () => {
    if (redisDown) log.info('Redis connection back');
    redisDown = false;
  });
  try {
    if (options.applySchema !== false) {
      const n = await applySchema(db);
      log.info({ statements: n }, 'schema applied');
    }
  } catch (error) {
    await Promise.allSettled([db.close(), closeRedis(redis)]);
    throw error;
  }
  // after every ingest load: the touched entities' features, recomputed and stored with the run in service
  const removeTouchedHook = registerFeatureRefresh(db, config);
  // …and the open loans the load touched are monitored again
  const removeLoansHook = registerTouchedLoansHook(db, { options: monitoringOptionsOf(config.metrics.monitoring) });
  let closed = false;
  return {
    config,
    db,
    redis,
    close: async () => {
      if (closed) return;
      closed = true;
      removeTouchedHook();
      removeLoansHook();
      await Promise.allSettled([db.close(), closeRedis(redis)]);
    },
  };
}

/** QUIT when Redis answers; otherwise drop the connection, so a client still reconnecting stops for good. */
async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  await redis.quit().catch(() => redis.disconnect());
}
