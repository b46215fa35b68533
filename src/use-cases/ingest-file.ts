/**
 * Loads one CSV or NDJSON file of one record type into Neo4j: stream → validate → batch → write, in
 * bounded memory (one batch and a bounded duplicate window at a time). Default policy: good rows load,
 * bad rows go to the rejects file; `strict` first validates the whole file and writes nothing at all
 * if any row is bad. Re-running a file (after a kill, or twice) leaves the graph as one clean run.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { ValidationError } from '../errors/app-error.js';
import { DuplicateTracker } from '../ingest/duplicate-tracker.js';
import { openLineSource } from '../ingest/line-reader.js';
import { checkRepeat } from '../ingest/conflicts.js';
import { formatOf, readRecords, type FileFormat, type RecordEvent } from '../ingest/record-reader.js';
import type { RecordType } from '../ingest/record-types.js';
import { rejectMessage, RejectsWriter } from '../ingest/rejects-writer.js';
import { BatchLoader, type BatchHook, type RejectedRow } from './ingest-batch-loader.js';

/** The record rules that come from configuration (every load path applies them). */
export interface IngestRules {
  /** The secret identifier values are hashed with (IDENTIFIER_HMAC_KEY). */
  readonly identifierHmacKey: string;
  /** Most entities one identifier links (IDENTIFIER_MAX_GROUP). */
  readonly identifierMaxGroup: number;
  /** Concurrent writers for payments and entities (INGEST_WRITERS; default 1). */
  readonly writers?: number;
}

/** The record rules of a configuration. */
export function ingestRules(config: Pick<Config, 'identifiers'> & { readonly ingest?: Pick<Config['ingest'], 'writers'> }): IngestRules {
  return {
    identifierHmacKey: config.identifiers.hmacKey,
    identifierMaxGroup: config.identifiers.maxGroup,
    ...(config.ingest ? { writers: config.ingest.writers } : {}),
  };
}

export interface IngestFileOptions extends IngestRules {
  /** Rows per transaction (default 2000). */
  readonly batchRows?: number;
  /** Reject the whole file on its first bad row, writing nothing. */
  readonly strict?: boolean;
  /** Where rejected rows go (NDJSON); null writes none (they are still counted). */
  readonly rejectsPath?: string | null;
  /** Prepended to every id in the file (tests load under a private prefix). */
  readonly idPrefix?: string;
  /** Overrides the format implied by the file name. */
  readonly format?: FileFormat;
  /** Name used in messages (default: the file's base name). */
  readonly fileLabel?: string;
  /** Called after each written batch with the entity ids it touched. */
  readonly onBatch?: BatchHook;
  /** Stops between batches when aborted (what was written stays; re-running completes it). */
  readonly signal?: AbortSignal;
  /** Keys remembered for duplicate detection (default 2,000,000). */
  readonly duplicateWindow?: number;
  /** Longest line in bytes (default 1 MiB); a longer line is a reject and is skipped unread. */
  readonly maxLineBytes?: number;
  /** Most bytes a `.gz` file may decompress to (default 16 GiB); past it the file is rejected from there on. */
  readonly maxDecompressedBytes?: number;
}

export interface IngestProgress {
  readonly rows: number;
  readonly loaded: number;
  readonly rejected: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly elapsedMs: number;
}

export interface IngestSummary {
  readonly type: RecordType;
  readonly file: string;
  readonly format: FileFormat;
  /** Data rows read (header and blank lines excluded). */
  readonly rows: number;
  /** Rows accepted into the graph (new or already present with the same values). */
  readonly loaded: number;
  /** Rows the database newly wrote (for payments: new PAID events; 0 on a re-run). */
  readonly written: number;
  /** Exact repeats of an earlier row in the file, skipped. */
  readonly repeats: number;
  readonly rejected: number;
  readonly batches: number;
  /** Wall time of the load, its observers' work after each batch and at the end included. */
  readonly elapsedMs: number;
  /** Of which in the load observers (features refresh, loan monitoring), in ms. */
  readonly observersMs: number;
  readonly rowsPerSecond: number;
  /** True when `strict` found a bad row and nothing was written. */
  readonly strictFailed: boolean;
  /** The rejects file, or null when nothing was rejected. */
  readonly rejectsPath: string | null;
  /** The first rejects as `file:line: field: reason` (at most 20). */
  readonly firstErrors: readonly string[];
}

export type ProgressListener = (progress: IngestProgress) => void;

const MAX_FIRST_ERRORS = 20;

/** Loads `path` as records of `type`; resolves with the summary (rejections are not exceptions). */
export async function ingestFile(
  db: Database,
  type: RecordType,
  path: string,
  options: IngestFileOptions,
  onProgress: ProgressListener = () => {},
): Promise<IngestSummary> {
  const format = options.format ?? formatOf(path);
  if (!format)
    throw new ValidationError(
      `cannot tell the format of ${basename(path)}: name it .csv or .ndjson (optionally .gz) or pass a format`,
      [{ field: 'format', reason: 'unknown' }],
    );
  const totalBytes = (await stat(path)).size;
  const run = new IngestRun(db, type, path, format, totalBytes, options, onProgress);
  if (options.strict) {
    const firstBad = await run.findFirstBadRow();
    if (firstBad) return run.finish(true, firstBad);
  }
  await run.load();
  return run.finish(false);
}

class IngestRun<T extends RecordType> {
  private readonly started = Date.now();
  private readonly label: string;
  private readonly rejects: RejectsWriter;
  private readonly firstErrors: string[] = [];
  private readonly loader: BatchLoader<T>;
  private rows = 0;
  private bytesRead = () => 0;

  constructor(
    db: Database,
    readonly type: T,
    private readonly path: string,
    readonly format: FileFormat,
    private readonly totalBytes: number,
    private readonly options: IngestFileOptions,
    private readonly onProgress: ProgressListener,
  ) {
    this.label = options.fileLabel ?? basename(path);
    this.rejects = new RejectsWriter(options.rejectsPath ?? null);
    const batchRows = options.batchRows ?? 2000;
    this.loader = new BatchLoader(
      db,
      type,
      {
        batchRows,
        onBatch: options.onBatch,
        duplicateWindow: options.duplicateWindow,
        identifierMaxGroup: options.identifierMaxGroup,
        writers: options.writers,
      },
      (r) => this.reject(r),
    );
  }

  private records(): AsyncGenerator<RecordEvent<T>> {
    const maxLineBytes = this.options.maxLineBytes;
    const source = openLineSource(this.path, maxLineBytes, this.options.maxDecompressedBytes);
    this.bytesRead = source.bytesRead;
    return readRecords(this.type, this.format, source.lines, {
      idPrefix: this.options.idPrefix ?? '',
      identifierHmacKey: this.options.identifierHmacKey,
      maxRecordChars: maxLineBytes,
    });
  }

  /** Strict pre-pass: the first bad row (including a key repeated with other values), or undefined. */
  async findFirstBadRow(): Promise<RejectedRow | undefined> {
    const tracker = new DuplicateTracker(this.options.duplicateWindow);
    for await (const event of this.records()) {
      if (event.kind !== 'row')
        return {
          at: event.line,
          original: event.kind === 'bad' ? event.original : null,
          problems: event.problems,
        };
      const { problem } = checkRepeat(tracker, this.type, event.row);
      if (problem) return { at: event.line, original: event.row, problems: [problem] };
    }
    return undefined;
  }

  async load(): Promise<void> {
    let failed = true;
    try {
      await this.loadAll();
      failed = false;
    } finally {
      await this.loader.close(failed);
    }
  }

  private async loadAll(): Promise<void> {
    let lastReport = 0;
    for await (const event of this.records()) {
      if (event.kind === 'file-error') {
        // a bad header (nothing read yet) or a .gz that cannot be read on: the rows before it stand
        await this.reject({ at: event.line, original: null, problems: event.problems });
        break;
      }
      this.rows += 1;
      if (event.kind === 'bad')
        await this.reject({ at: event.line, original: event.original, problems: event.problems });
      else await this.loader.add(event.line, event.row);
      if (this.loader.batches !== lastReport) {
        lastReport = this.loader.batches;
        this.onProgress(this.progress());
        this.options.signal?.throwIfAborted();
      }
    }
    await this.loader.flush();
  }

  private async reject(r: RejectedRow): Promise<void> {
    const message = rejectMessage(this.label, r.at, r.problems);
    if (this.firstErrors.length < MAX_FIRST_ERRORS) this.firstErrors.push(message);
    await this.rejects.write({ file: this.label, line: r.at, message, errors: r.problems, row: r.original });
  }

  progress(): IngestProgress {
    return {
      rows: this.rows,
      loaded: this.loader.loaded,
      rejected: this.rejects.count,
      bytesRead: this.bytesRead(),
      totalBytes: this.totalBytes,
      elapsedMs: Date.now() - this.started,
    };
  }

  async finish(strictFailed: boolean, firstBad?: RejectedRow): Promise<IngestSummary> {
    if (firstBad) await this.reject(firstBad);
    const rejectsPath = await this.rejects.close();
    this.onProgress(this.progress());
    const elapsedMs = Date.now() - this.started;
    return {
      type: this.type,
      file: this.label,
      format: this.format,
      rows: this.rows,
      loaded: this.loader.loaded,
      written: this.loader.written,
      repeats: this.loader.repeats,
      rejected: this.rejects.count,
      batches: this.loader.batches,
      elapsedMs,
      observersMs: this.loader.observersMs,
      rowsPerSecond: elapsedMs > 0 ? Math.round((this.rows * 1000) / elapsedMs) : 0,
      strictFailed,
      rejectsPath,
      firstErrors: this.firstErrors,
    };
  }
}
