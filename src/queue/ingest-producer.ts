/**
 * The `ingest` queue: one job per uploaded file (POST /v1/imports). Jobs are retried with backoff; a
 * retried or stalled job re-runs the whole file, which is safe because loading is idempotent.
 */
import { randomBytes } from 'node:crypto';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Config } from '../config/index.js';
import type { FileFormat } from '../ingest/record-reader.js';
import type { RecordType } from '../ingest/record-types.js';
import { bullConnection, watchQueueErrors } from './connection.js';
import { QUEUE_NAMES } from './names.js';

export const IMPORT_JOB = 'import';

/** Payload of an import job. Paths are absolute, on storage the worker shares with the API. */
export interface IngestJob {
  readonly type: RecordType;
  readonly path: string;
  /** The uploaded file's name (messages and rejects refer to it). */
  readonly fileName: string;
  readonly format: FileFormat;
  readonly strict: boolean;
  readonly idPrefix: string;
  readonly rejectsPath: string;
  readonly requestedBy?: string;
}

export const IMPORT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 500 },
  removeOnFail: { count: 500 },
};

/** A handle on the ingest queue; a request path passes `producerConnection` (fails fast while Redis is down). */
export function createIngestQueue(
  config: Config['redis'],
  name: string = QUEUE_NAMES.ingest,
  connection: ConnectionOptions = bullConnection(config),
): Queue<IngestJob> {
  return watchQueueErrors(new Queue<IngestJob>(name, { connection, prefix: config.prefix }));
}

/** A new import id: `imp-<UTC yyyymmddThhmmss>-<4 random bytes hex>` (also the job id). */
export function newImportId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `imp-${stamp}-${randomBytes(4).toString('hex')}`;
}

/** Enqueues an import under `id`; resolves with the job id. */
export async function enqueueImport(queue: Queue<IngestJob>, id: string, job: IngestJob): Promise<string> {
  const added = await queue.add(IMPORT_JOB, job, { ...IMPORT_JOB_OPTIONS, jobId: id });
  return String(added.id);
}
