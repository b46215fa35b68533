/**
 * First half of a bulk first load: reads a network directory with the driver path's record rules
 * (readRecords → validateRecord, checkRepeat on every key, the identifier group cap, rejects files) and
 * writes the offline importer's node and relationship files (import-csv.ts). Memory is bounded for any
 * input size: accepted rows are hashed by key into partitions (temporary files read back one at a time),
 * so the repeat check covers the whole file; PAYS are aggregated in partitions by (payer, payee, currency)
 * in the same pass; entities only referred to become minimal entities through partitions by id.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IngestedCounts } from '../db/ingest-stats-repository.js';
import { ValidationError } from '../errors/app-error.js';
import { checkRepeat } from '../ingest/conflicts.js';
import { DuplicateTracker } from '../ingest/duplicate-tracker.js';
import { IMPORT_FILES, type ImportFileName } from '../ingest/import-csv.js';
import { openLineSource } from '../ingest/line-reader.js';
import { formatOf, readRecords } from '../ingest/record-reader.js';
import type { RecordType, RowByType } from '../ingest/record-types.js';
import { rejectMessage, RejectsWriter } from '../ingest/rejects-writer.js';
import type { RejectedRow } from './ingest-batch-loader.js';
import type { IngestRules, IngestSummary } from './ingest-file.js';
import { findNetworkFiles } from './ingest-network.js';
import { LineFile, partitionCountFor, Partitions } from './bulk-files.js';
import { BulkPayments } from './bulk-payments.js';
import {
  createBulkSinks,
  EntityRefs,
  type BulkSink,
  type BulkSinkContext,
  type SinkType,
} from './bulk-sinks.js';

export interface BulkPrepareOptions extends IngestRules {
  /** Where the importer files and the partitions go (created by the caller, removed by it). */
  readonly workDir: string;
  /** The rejects file of an input file (null: count rejects only). */
  readonly rejectsPathFor: (path: string) => string | null;
  readonly idPrefix?: string;
  readonly maxLineBytes?: number;
  readonly maxDecompressedBytes?: number;
  /** Called after each input file with its summary. */
  readonly onFile?: (summary: IngestSummary) => void;
}

/** The importer's input: one `--nodes` / `--relationships` group per file, header line first. */
export interface ImportInput {
  readonly kind: 'nodes' | 'relationships';
  readonly label: string;
  readonly path: string;
  /** Data lines (header excluded). */
  readonly lines: number;
}

export interface BulkPrepared {
  readonly summaries: readonly IngestSummary[];
  readonly inputs: readonly ImportInput[];
  /** What the graph must hold after the import (the counts of count-graph-by-prefix with ''). */
  readonly expected: IngestedCounts;
  /** A text field holds a line break: the importer needs `--multiline-fields=true`. */
  readonly multiline: boolean;
}

const MAX_FIRST_ERRORS = 20;

/** Validates and normalises every file of `dir` and writes the importer's files into `workDir`. */
export async function prepareBulkImport(dir: string, options: BulkPrepareOptions): Promise<BulkPrepared> {
  const files = findNetworkFiles(dir);
  if (files.length === 0)
    throw new ValidationError(`no ingest files in ${dir}`, [
      { field: 'dir', reason: 'expected files such as entities.csv, payments.csv' },
    ]);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f.path)).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const outputs = openOutputs(options.workDir);
  const ctx: BulkSinkContext = {
    out: (name) => outputs[name],
    refs: new EntityRefs(options.workDir, partitionCountFor(total / 8)),
    expected: emptyCounts(),
    maxGroup: options.identifierMaxGroup,
    workDir: options.workDir,
    multiline: false,
  };
  const sinks = createBulkSinks(ctx);
  const summaries: IngestSummary[] = [];
  for (const [i, { type, path }] of files.entries()) {
    const bytes = sizes[i] ?? 0;
    const summary =
      type === 'payments'
        ? await preparePayments(path, bytes, ctx, options)
        : await prepareFile(type, path, bytes, sinks[type], options);
    summaries.push(summary);
    options.onFile?.(summary);
  }
  ctx.refs.writeReferredEntities(outputs.minimalEntities, ctx.expected);
  for (const f of Object.values(outputs)) f.close();
  const inputs = (Object.keys(IMPORT_FILES) as ImportFileName[])
    .filter((name) => outputs[name].lines > 1)
    .map((name) => ({
      kind: IMPORT_FILES[name].kind,
      label: IMPORT_FILES[name].label,
      path: outputs[name].path,
      lines: outputs[name].lines - 1,
    }));
  return { summaries, inputs, expected: ctx.expected, multiline: ctx.multiline };
}

function openOutputs(workDir: string): Record<ImportFileName, LineFile> {
  const entries = (Object.keys(IMPORT_FILES) as ImportFileName[]).map((name) => {
    const file = new LineFile(join(workDir, `${name}.csv`));
    file.write(IMPORT_FILES[name].header);
    return [name, file] as const;
  });
  return Object.fromEntries(entries) as Record<ImportFileName, LineFile>;
}

function emptyCounts(): IngestedCounts {
  return {
    entities: 0,
    minimalEntities: 0,
    loans: 0,
    flags: 0,
    identifiers: 0,
    paid: 0,
    paidMinor: 0,
    pays: 0,
    paysCount: 0,
    paysMinor: 0,
    supplies: 0,
    uses: 0,
    owns: 0,
    directs: 0,
    borrowed: 0,
    flagged: 0,
    rated: 0,
  };
}

/**
 * One input file: pass 1 streams and validates it, hashing good rows by key into partitions; pass 2
 * reads each partition in file order and applies the repeat rules over the whole file (a tracker without
 * a window: every row of a key is in the same partition), then hands accepted rows to the type's sink.
 */
/** A file's rejects: the rejects file, the count and the first messages. */
class FileRejects {
  readonly writer: RejectsWriter;
  readonly firstErrors: string[] = [];

  constructor(
    readonly label: string,
    path: string | null,
  ) {
    this.writer = new RejectsWriter(path);
  }

  readonly reject = async (r: RejectedRow): Promise<void> => {
    const message = rejectMessage(this.label, r.at, r.problems);
    if (this.firstErrors.length < MAX_FIRST_ERRORS) this.firstErrors.push(message);
    await this.writer.write({ file: this.label, line: r.at, message, errors: r.problems, row: r.original });
  };
}

/** Pass 1: streams and validates a file (readRecords, as the driver path); returns the data rows read. */
async function streamRows<T extends RecordType>(
  type: T,
  path: string,
  options: BulkPrepareOptions,
  rejects: FileRejects,
  onRow: (line: number, row: RowByType[T]) => Promise<void> | void,
): Promise<number> {
  const format = formatOf(path);
  if (!format)
    throw new ValidationError(`cannot tell the format of ${rejects.label}`, [
      { field: 'format', reason: 'unknown' },
    ]);
  const source = openLineSource(path, options.maxLineBytes, options.maxDecompressedBytes);
  const readOptions = {
    idPrefix: options.idPrefix ?? '',
    identifierHmacKey: options.identifierHmacKey,
    maxRecordChars: options.maxLineBytes,
  };
  let rows = 0;
  for await (const event of readRecords(type, format, source.lines, readOptions)) {
    if (event.kind === 'file-error') {
      await rejects.reject({ at: event.line, original: null, problems: event.problems });
      break;
    }
    rows += 1;
    if (event.kind === 'bad')
      await rejects.reject({ at: event.line, original: event.original, problems: event.problems });
    else await onRow(event.line, event.row);
  }
  return rows;
}

async function summary(
  type: RecordType,
  path: string,
  started: number,
  rejects: FileRejects,
  counts: { rows: number; loaded: number; repeats: number },
): Promise<IngestSummary> {
  const rejectsPath = await rejects.writer.close();
  const elapsedMs = Date.now() - started;
  return {
    type,
    file: rejects.label,
    format: formatOf(path) ?? 'csv',
    ...counts,
    written: counts.loaded,
    rejected: rejects.writer.count,
    batches: 0,
    observersMs: 0, // the bulk load runs no load observers
    elapsedMs,
    rowsPerSecond: elapsedMs > 0 ? Math.round((counts.rows * 1000) / elapsedMs) : 0,
    strictFailed: false,
    rejectsPath,
    firstErrors: rejects.firstErrors,
  };
}

/** The payments file (bulk-payments.ts: one streaming pass, the repeat check beyond the window, PAYS). */
async function preparePayments(
  path: string,
  bytes: number,
  ctx: BulkSinkContext,
  options: BulkPrepareOptions,
): Promise<IngestSummary> {
  const started = Date.now();
  const rejects = new FileRejects(basename(path), options.rejectsPathFor(path));
  const payments = new BulkPayments(ctx, bytes, rejects.reject);
  const rows = await streamRows('payments', path, options, rejects, (line, row) => payments.add(line, row));
  await payments.finish();
  return summary('payments', path, started, rejects, { rows, ...payments.tally });
}

/**
 * Any other file: pass 1 streams and validates it, hashing good rows by key into partitions; pass 2
 * reads each partition in file order and applies the repeat rules over the whole file (a tracker without
 * a window: every row of a key is in the same partition), then hands accepted rows to the type's sink.
 */
async function prepareFile<T extends SinkType>(
  type: T,
  path: string,
  bytes: number,
  sink: BulkSink<T>,
  options: BulkPrepareOptions,
): Promise<IngestSummary> {
  const started = Date.now();
  const rejects = new FileRejects(basename(path), options.rejectsPathFor(path));
  const parts = new Partitions(options.workDir, type, partitionCountFor(bytes * 2));
  const rows = await streamRows(type, path, options, rejects, (line, row) =>
    parts.write(sink.partitionKey(row), JSON.stringify([line, row])),
  );
  parts.close();
  let loaded = 0;
  let repeats = 0;
  for (let i = 0; i < parts.count; i++) {
    const tracker = new DuplicateTracker(Number.MAX_SAFE_INTEGER);
    for (const line of parts.read(i)) {
      const [at, row] = JSON.parse(line) as [number, RowByType[T]];
      const { verdict, problem } = checkRepeat(tracker, type, row);
      if (verdict === 'repeat') repeats += 1;
      else if (problem) await rejects.reject({ at, original: row, problems: [problem] });
      else {
        const refused = sink.accept(row);
        if (refused) await rejects.reject({ at, original: row, problems: [refused] });
        else loaded += 1;
      }
    }
    sink.endPartition?.();
  }
  return summary(type, path, started, rejects, { rows, loaded, repeats });
}
