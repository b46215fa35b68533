/** The BullMQ queues of creditgraph. Job payload types live beside their producers. */
export const QUEUE_NAMES = {
  health: 'health',
  ingest: 'ingest',
  metrics: 'metrics',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
