/** Opens the runtime and starts the queue workers; closing lets running jobs finish, then closes connections. */
import type { Config } from '../src/config/index.js';
import { defaultWorkerSpecs, startWorkers } from './main.js';
import { openRuntime } from '../src/runtime/runtime.js';

export interface WorkerProcess {
  readonly queues: readonly string[];
  close(): Promise<void>;
}

export async function startWorkerProcess(config: Config): Promise<WorkerProcess> {
  const runtime = await openRuntime(config);
  const specs = defaultWorkerSpecs(runtime);
  const workers = await startWorkers(config, specs);
  return {
    queues: specs.map((s) => s.queue),
    close: async () => {
      await workers.close();
      await runtime.close();
    },
  };
}
