/** Opens the runtime and serves the API; closing stops HTTP first, then the driver and Redis. */
import type { Config } from '../config/index.js';
import { createApp } from '../api/create-app.js';
import { listen, type RunningServer } from '../api/server.js';
import { openRuntime } from './runtime.js';
import { auditTrailOf } from '../use-cases/score-audit.js';

export async function startApi(config: Config, overrides: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  const app = createApp({ config, db: runtime.db, redis: runtime.redis });
  return listen(
    app,
    overrides.host ?? config.http.host,
    overrides.port ?? config.http.port,
    config.http.shutdownTimeoutMs,
    async () => {
      await auditTrailOf(runtime.db).flush().catch(() => undefined);
      await runtime.close();
    },
  );
}
