/**
 * Accumulates validated rows of one type into batches, drops exact repeats, rejects keys repeated with
 * different values, and writes each full batch in one transaction. After every batch it calls the
 * `onBatch` hook with the entity ids the batch touched; load observers (the metrics side's live
 * signals) see every batch and then the end of the load, so they can do their work once per load.
 */
import type { FieldProblem } from '../errors/app-error.js';
import type { Database } from '../db/driver.js';
import { writeIngestBatch } from '../db/ingest-repository.js';
import { checkRepeat, graphConflictProblem } from '../ingest/conflicts.js';
import { DuplicateTracker } from '../ingest/duplicate-tracker.js';
import { RECORD_SPECS } from '../ingest/record-specs.js';
import type { RecordType, RowByType } from '../ingest/record-types.js';

/** What one written batch did; handed to the `onBatch` hook. */
export interface BatchEvent {
  readonly type: RecordType;
  /** Rows sent in the batch. */
  readonly rows: number;
  /** Rows written (payments: events new to the graph; 0 when the batch was already loaded). */
  readonly written: number;
  /** Distinct entity ids the batch's rows refer to. */
  readonly touchedEntityIds: readonly string[];
}

export type BatchHook = (event: BatchEvent) => Promise<void> | void;

const globalHooks = new Set<BatchHook>();

/**
 * Registers a hook called after every written batch of every load in this process (files, HTTP rows,
 * import jobs), after the load's own `onBatch`. Returns a function that unregisters it.
 */
export function addBatchHook(hook: BatchHook): () => void {
  globalHooks.add(hook);
  return () => globalHooks.delete(hook);
}

/**
 * Follows one load (one file, one request body): `batch` after each written batch, then `end` once
 * when the load is over — after its last batch, or after it failed or was aborted.
 */
export interface LoadObserver {
  batch(event: BatchEvent): Promise<void> | void;
  end(): Promise<void> | void;
}

const observerFactories = new Set<() => LoadObserver>();

/**
 * Registers a factory called at the start of every load of this process; the observer it returns
 * follows that load. Returns a function that unregisters it (loads already started keep theirs).
 */
export function addLoadObserver(create: () => LoadObserver): () => void {
  observerFactories.add(create);
  return () => observerFactories.delete(create);
}

/** A row that could not be loaded, where it came from and why. */
export interface RejectedRow {
  /** Line in the file, or index (0-based) in a request body. */
  readonly at: number;
  readonly original: unknown;
  readonly problems: readonly FieldProblem[];
}

export interface BatchLoaderOptions {
  readonly batchRows: number;
  readonly onBatch?: BatchHook;
  /** Keys remembered for duplicate detection (default 2,000,000). */
  readonly duplicateWindow?: number;
  /** Most entities one identifier links (IDENTIFIER_MAX_GROUP; default 50). */
  readonly identifierMaxGroup?: number;
  /**
   * Concurrent writers for the types that partition (payments by payer, entities by id); other types
   * always use one (INGEST_WRITERS; default 1).
   */
  readonly writers?: number;
}

/**
 * The partition key of a row for concurrent writers, for the types where batches of different
 * partitions do not contend on the same keys: payments by payer (a `PAYS` pair is written by one
 * writer only), entities by id. Types without one are written by one writer.
 */
const PARTITION_KEY: Partial<{ [T in RecordType]: (row: RowByType[T]) => string }> = {
  payments: (row) => row.payer,
  entities: (row) => row.id,
};

/** A small stable string hash (FNV-1a), for the writer of a partition key. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Lane<T extends RecordType> {
  pending: { at: number; row: RowByType[T] }[];
  inFlight: Promise<void> | undefined;
  failure: { error: unknown } | undefined;
}

/**
 * Writes batches while the caller reads on: a full batch starts writing, and `add` returns at once, so
 * the next rows are read and validated while the transaction runs. With one writer (the default, and
 * always for types that do not partition) at most one write is in flight; with `writers` W > 1 the rows
 * are split by partition key into W lanes, each with at most one write in flight, so up to W
 * transactions run at once on disjoint keys. Each batch is still one transaction, and a lane writes its
 * batches in order (a key's rows stay in file order). A conflict reject can be reported after rejects
 * of later lines. Hooks and observers see the batches one at a time.
 */
export class BatchLoader<T extends RecordType> {
  /** Rows accepted (written or already present with the same values). */
  loaded = 0;
  /** Rows the database reports as newly written (payments: new events). */
  written = 0;
  /** Exact repeats of an earlier row, skipped. */
  repeats = 0;
  batches = 0;
  /** Time spent in the load observers (their batch calls and their end), in ms. */
  observersMs = 0;
  private readonly lanes: Lane<T>[];
  private readonly partitionKey: ((row: RowByType[T]) => string) | undefined;
  private readonly tracker: DuplicateTracker;
  private readonly observers: LoadObserver[] = [...observerFactories].map((create) => create());
  /** Hooks of finished batches run one after another on this chain. */
  private hooks: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Database,
    readonly type: T,
    private readonly options: BatchLoaderOptions,
    private readonly reject: (rejected: RejectedRow) => Promise<void>,
  ) {
    this.tracker = new DuplicateTracker(options.duplicateWindow);
    this.partitionKey = PARTITION_KEY[type] as ((row: RowByType[T]) => string) | undefined;
    const writers = this.partitionKey ? Math.max(1, Math.floor(options.writers ?? 1)) : 1;
    this.lanes = Array.from({ length: writers }, () => ({ pending: [], inFlight: undefined, failure: undefined }));
  }

  /** Adds a valid row; starts writing its lane's batch when full (after the lane's previous one is written). */
  async add(at: number, row: RowByType[T]): Promise<void> {
    const { verdict, problem } = checkRepeat(this.tracker, this.type, row);
    if (verdict === 'repeat') {
      this.repeats += 1;
      return;
    }
    if (problem) {
      await this.reject({ at, original: row, problems: [problem] });
      return;
    }
    const lane = this.lanes.length === 1 || !this.partitionKey ? this.lanes[0]! : this.lanes[hashOf(this.partitionKey(row)) % this.lanes.length]!;
    lane.pending.push({ at, row });
    if (lane.pending.length < this.options.batchRows) return;
    await this.settle(lane);
    const batch = this.take(lane);
    lane.inFlight = this.write(batch).catch((error: unknown) => {
      lane.failure = { error };
    });
  }

  /** Writes what is pending and waits until every batch is written (call once more at the end). */
  async flush(): Promise<void> {
    await this.settleAll();
    await Promise.all(this.lanes.map((lane) => (lane.pending.length > 0 ? this.write(this.take(lane)) : undefined)));
  }

  /** Waits for a lane's batch in flight; rethrows its error. */
  private async settle(lane: Lane<T>): Promise<void> {
    await lane.inFlight;
    lane.inFlight = undefined;
    const failure = lane.failure;
    lane.failure = undefined;
    if (failure) throw failure.error;
  }

  /** Waits for every lane's batch in flight; rethrows the first error. */
  private async settleAll(): Promise<void> {
    const results = await Promise.allSettled(this.lanes.map((lane) => this.settle(lane)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private take(lane: Lane<T>): { at: number; row: RowByType[T] }[] {
    const batch = lane.pending;
    lane.pending = [];
    return batch;
  }

  private async write(batch: readonly { at: number; row: RowByType[T] }[]): Promise<void> {
    const spec = RECORD_SPECS[this.type];
    const result = await writeIngestBatch(
      this.db,
      this.type,
      batch.map((b) => b.row),
      { identifierMaxGroup: this.options.identifierMaxGroup },
    );
    const conflicts = new Map(result.conflicts.map((c) => [c.key, c]));
    let refused = 0;
    for (const b of batch) {
      const conflict = conflicts.get(spec.key(b.row));
      if (!conflict) continue;
      refused += 1;
      await this.reject({ at: b.at, original: b.row, problems: [graphConflictProblem(this.type, conflict)] });
    }
    this.loaded += batch.length - refused;
    this.written += result.written;
    this.batches += 1;
    if (this.options.onBatch || globalHooks.size > 0 || this.observers.length > 0) {
      const touched = new Set(batch.flatMap((b) => spec.entities(b.row)));
      const event: BatchEvent = {
        type: this.type,
        rows: batch.length,
        written: result.written,
        touchedEntityIds: [...touched],
      };
      const run = this.hooks.then(async () => {
        await this.options.onBatch?.(event);
        for (const hook of globalHooks) await hook(event);
        const t = Date.now();
        for (const observer of this.observers) await observer.batch(event);
        this.observersMs += Date.now() - t;
      });
      this.hooks = run.catch(() => {});
      await run;
    }
  }

  /**
   * Waits for the batches in flight, then ends the load for the observers (once; call it in a `finally`
   * after the last `flush`). After a failed load (`afterError`) errors of the write in flight and of
   * the observers are dropped so the load's own error is the one seen.
   */
  async close(afterError = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.settleAll();
    } catch (error) {
      if (!afterError) throw error;
    }
    const t = Date.now();
    for (const observer of this.observers) {
      try {
        await observer.end();
      } catch (error) {
        if (!afterError) throw error;
      }
    }
    this.observersMs += Date.now() - t;
  }
}
