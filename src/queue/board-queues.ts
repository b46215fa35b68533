/** The queues the operators' dashboard (bull-board at /admin/queues) shows: every creditgraph queue. */
import { Queue } from 'bullmq';
import type { Config } from '../config/index.js';
import { bullConnection } from './connection.js';
import { QUEUE_NAMES } from './names.js';

/**
 * One Queue handle per creditgraph queue. The dashboard opens them once, on first use, and keeps them for
 * the life of the process (the process exits on SIGTERM after the server closes).
 */
export function openBoardQueues(config: Config['redis']): Queue[] {
  const connection = bullConnection(config);
  return Object.values(QUEUE_NAMES).map((name) => new Queue(name, { connection, prefix: config.prefix }));
}

