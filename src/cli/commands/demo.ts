/**
 * `creditgraph demo` (what `npm start` runs): the main job in one command. Starts the local services if
 * needed, then the API and the workers in this process, and prints where to go. Ctrl-C stops it all.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { configFromEnvironment, PROJECT_ROOT } from '../../config/index.js';
import { closeOnSignals } from '../../api/server.js';
import { startApi } from '../../runtime/start-api.js';
import { startWorkerProcess } from '../../runtime/start-worker.js';

function startServices(): void {
  const result = spawnSync('bash', [join(PROJECT_ROOT, 'scripts/services.sh'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('could not start the local services (see the messages above)');
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the main job: start services, API and workers, and print the URL (npm start)')
    .action(async () => {
      startServices();
      const config = configFromEnvironment();
      const workers = await startWorkerProcess(config);
      const api = await startApi(config);
      closeOnSignals(async () => {
        await api.close();
        await workers.close();
      });
      console.log(`\ncreditgraph is ready\n  API:      ${api.url}  (try ${api.url}/readyz)\n  stop:     Ctrl-C\n`);
    });
}
