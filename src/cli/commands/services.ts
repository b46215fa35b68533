/** `creditgraph services [start|stop|status|env]`: the local Neo4j and Redis (scripts/services.sh). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { PROJECT_ROOT } from '../../config/index.js';

export function registerServices(program: Command): void {
  program
    .command('services')
    .description('start, stop or inspect the local Neo4j and Redis (nothing is started when NEO4J_URI / REDIS_URL are set)')
    .argument('[action]', 'start | stop | status | env', 'start')
    .action((action: string) => {
      if (!['start', 'stop', 'status', 'env'].includes(action)) {
        program.error(`services: unknown action "${action}"; use start, stop, status or env`);
      }
      const result = spawnSync('bash', [join(PROJECT_ROOT, 'scripts/services.sh'), action], { stdio: 'inherit' });
      process.exitCode = result.status ?? 1;
    });
}
