/**
 * File imports through the queue: store an upload under UPLOAD_DIR and enqueue an `ingest` job; read an
 * import's status back (state, progress, counts, and the first rejects from its rejects file).
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config/index.js';
import { PROJECT_ROOT } from '../config/index.js';
import { NotFoundError } from '../errors/app-error.js';
import type { FileFormat } from '../ingest/record-reader.js';
import type { RecordType } from '../ingest/record-types.js';
import { createIngestQueue, enqueueImport, newImportId, type IngestJob } from '../queue/ingest-producer.js';
import { producerConnection, usingQueue } from '../queue/connection.js';

export interface ImportRequest {
  readonly type: RecordType;
  readonly fileName: string;
  readonly format: FileFormat;
  readonly strict: boolean;
  readonly idPrefix: string;
  readonly requestedBy?: string;
}

export interface ImportStatus {
  readonly id: string;
  readonly state: string;
  readonly type: RecordType;
  readonly file: string;
  readonly progress: unknown;
  readonly attemptsMade: number;
  /** The ingest summary once finished (rows, loaded, rejected, …), else null. */
  readonly counts: unknown;
  readonly failedReason: string | null;
  readonly rejects: { readonly sample: readonly unknown[]; readonly sampleLimit: number };
  readonly createdAt: string | null;
  readonly finishedAt: string | null;
}

/** UPLOAD_DIR as an absolute path (relative values are under the project). */
export function uploadDir(config: Config): string {
  const dir = config.ingest.uploadDir;
  return isAbsolute(dir) ? dir : join(PROJECT_ROOT, dir);
}

/**
 * Streams `body` through `checks` (pass-through verifiers, e.g. of gzip data) to the upload directory and
 * enqueues its import; resolves with the import id. When `body` or a check fails (over the upload bound,
 * bad gzip, client gone) the partial file is removed and the error rethrown.
 */
export async function startImport(
  config: Config,
  body: Readable,
  request: ImportRequest,
  now: Date,
  checks: readonly Transform[] = [],
): Promise<string> {
  const id = newImportId(now);
  const dir = uploadDir(config);
  mkdirSync(dir, { recursive: true });
  const suffix = request.format === 'csv' ? '.csv' : '.ndjson';
  const gz = request.fileName.toLowerCase().endsWith('.gz') ? '.gz' : '';
  const path = join(dir, `${id}${suffix}${gz}`);
  try {
    await pipeline([body, ...checks, createWriteStream(path)]);
  } catch (error) {
    // An upload cut short (over the size bound, client gone) leaves no partial file behind.
    await unlink(path).catch(() => {});
    throw error;
  }
  const job: IngestJob = { ...request, path, rejectsPath: join(dir, `${id}.rejects.ndjson`) };
  const queue = createIngestQueue(config.redis, undefined, producerConnection(config.redis));
  try {
    await usingQueue(queue, (q) => enqueueImport(q, id, job));
  } catch (error) {
    await unlink(path).catch(() => {});
    throw error;
  }
  return id;
}

const SAMPLE = 50;
const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/** The status of import `id`; NotFoundError when no such job exists (or it has been pruned). */
export async function getImportStatus(config: Config, id: string): Promise<ImportStatus> {
  const queue = createIngestQueue(config.redis, undefined, producerConnection(config.redis));
  // the state first, then the job: a job read before its state could be seen active with no counts
  // yet and then reported completed
  const found = await usingQueue(queue, async (q) => {
    const state = await q.getJobState(id);
    const job = await q.getJob(id);
    return job && state !== 'unknown' ? { job, state } : undefined;
  });
  if (!found) throw new NotFoundError('import', id);
  const { job, state } = found;
  return {
    id,
    state,
    type: job.data.type,
    file: job.data.fileName,
    progress: job.progress,
    attemptsMade: job.attemptsMade,
    counts: job.returnvalue ?? null,
    failedReason: job.failedReason || null,
    rejects: { sample: await readSample(job.data.rejectsPath, SAMPLE), sampleLimit: SAMPLE },
    createdAt: iso(job.timestamp),
    finishedAt: iso(job.finishedOn),
  };
}

async function readSample(path: string, limit: number): Promise<unknown[]> {
  const out: unknown[] = [];
  try {
    const stream = createReadStream(path);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) {
      if (out.length >= limit) break;
      if (line.trim()) out.push(JSON.parse(line));
    }
    stream.destroy();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return out;
}
