/** Opens the runtime and serves the API; closing stops HTTP first, then the driver and Redis. */
import type { Config } from '../config/index.js';
import { createApp } from '../api/create-app.js';
import { listen, type RunningServer } from '../api/server.js';
import { openRuntime } from './runtime.js';
import { auditTrailOf } from '../use-cases/score-audit.js';
import { WarmUp } from '../use-cases/warm-up.js';

/**
 * Serves the API; resolves once the score path is warmed up, so the first score after this answers like
 * every later one (meanwhile the server already listens and /readyz says it is warming up).
 */
export async function startApi(config: Config, overrides: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  const warmUp = new WarmUp({ config, db: runtime.db });
  const app = createApp({ config, db: runtime.db, redis: runtime.redis, warmUp });
  const server = await listen(
    app,
    overrides.host ?? config.http.host,
    overrides.port ?? config.http.port,
    config.http.shutdownTimeoutMs,
    async () => {
      warmUp.stop();
      await auditTrailOf(runtime.db).flush().catch(() => undefined);
      await runtime.close();
    },
  );
  await warmUp.done;
  return server;
}
