/**
 * Consumes the `ingest` queue: checks the payload, loads the uploaded file with `ingestFile`, reports
 * progress on the job, and returns the summary. Re-running a job (retry, stalled worker) is safe:
 * loading is idempotent. The upload is deleted once the file has loaded.
 */
import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { UnrecoverableError, type Job } from 'bullmq';
import { isRecordType } from '../src/ingest/record-types.js';
import type { IngestJob } from '../src/queue/ingest-producer.js';
import type { Runtime } from '../src/runtime/runtime.js';
import type { BatchHook } from '../src/use-cases/ingest-batch-loader.js';
import { ingestFile, ingestRules, type IngestProgress, type IngestSummary } from '../src/use-cases/ingest-file.js';

export interface IngestProcessorOptions {
  /** Called after each written batch with the entity ids it touched (metrics marks them stale). */
  readonly onBatch?: BatchHook;
  /** Minimum ms between progress updates (default 1000). */
  readonly progressEveryMs?: number;
}

function checkPayload(data: Partial<IngestJob> | undefined): IngestJob {
  if (!data || typeof data.type !== 'string' || !isRecordType(data.type))
    throw new UnrecoverableError('ingest job needs a known record type');
  if (typeof data.path !== 'string' || !existsSync(data.path))
    throw new UnrecoverableError(`ingest job file is missing: ${String(data.path)}`);
  if (data.format !== 'csv' && data.format !== 'ndjson')
    throw new UnrecoverableError('ingest job needs format csv or ndjson');
  return data as IngestJob;
}

const percent = (p: IngestProgress) =>
  p.totalBytes > 0 ? Math.min(100, Math.round((100 * p.bytesRead) / p.totalBytes)) : 100;

export function createIngestProcessor(
  runtime: Pick<Runtime, 'db' | 'config'>,
  options: IngestProcessorOptions = {},
) {
  return async (job: Job<IngestJob>): Promise<IngestSummary> => {
    const data = checkPayload(job.data);
    let last = 0;
    const summary = await ingestFile(
      runtime.db,
      data.type,
      data.path,
      {
        format: data.format,
        strict: data.strict,
        idPrefix: data.idPrefix,
        rejectsPath: data.rejectsPath,
        fileLabel: data.fileName,
        batchRows: runtime.config.ingest.batchRows,
        ...ingestRules(runtime.config),
        maxLineBytes: runtime.config.ingest.maxLineBytes,
        maxDecompressedBytes: runtime.config.ingest.maxDecompressedBytes,
        onBatch: options.onBatch,
      },
      (p) => {
        if (p.elapsedMs - last < (options.progressEveryMs ?? 1000)) return;
        last = p.elapsedMs;
        void job.updateProgress({ ...p, percent: percent(p) }).catch(() => {});
      },
    );
    await job.updateProgress({
      rows: summary.rows,
      loaded: summary.loaded,
      rejected: summary.rejected,
      percent: 100,
    });
    await unlink(data.path).catch(() => {});
    return summary;
  };
}
