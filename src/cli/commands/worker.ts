/** `creditgraph worker`: consumes the BullMQ queues until SIGTERM / Ctrl-C. */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { closeOnSignals } from '../../api/server.js';
import { startWorkerProcess } from '../../../workers/start-worker-process.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the background workers (health, ingest, metrics queues)')
    .action(async () => {
      const config = configFromEnvironment();
      const running = await startWorkerProcess(config);
      closeOnSignals(running.close);
      console.log(`creditgraph worker consuming: ${running.queues.join(', ')}`);
    });
}
