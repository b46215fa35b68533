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
}

/**
 * Writes batches one after another while the caller reads on: a full batch starts writing, and `add`
 * returns at once, so the next batch is read and validated while the current transaction runs; the
 * batch after that waits for it. At most one write is in flight, and each batch is still one
 * transaction. A conflict reject can therefore be reported after rejects of later lines.
 */
export class BatchLoader<T extends RecordType> {
  /** Rows accepted (written or already present with the same values). */
  loaded = 0;
  /** Rows the database reports as newly written (payments: new events). */
  written = 0;
  /** Exact repeats of an earlier row, skipped. */
  repeats = 0;
  batches = 0;
  private pending: { at: number; row: RowByType[T] }[] = [];
  private readonly tracker: DuplicateTracker;
  private readonly observers: LoadObserver[] = [...observerFactories].map((create) => create());
  private inFlight: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;
  private closed = false;

  constructor(
    private readonly db: Database,
    readonly type: T,
    private readonly options: BatchLoaderOptions,
    private readonly reject: (rejected: RejectedRow) => Promise<void>,
  ) {
    this.tracker = new DuplicateTracker(options.duplicateWindow);
  }

  /** Adds a valid row; starts writing a batch when full (after the previous one is written). */
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
    this.pending.push({ at, row });
    if (this.pending.length < this.options.batchRows) return;
    await this.settle();
    const batch = this.take();
    this.inFlight = this.write(batch).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Writes what is pending and waits until every batch is written (call once more at the end). */
  async flush(): Promise<void> {
    await this.settle();
    if (this.pending.length > 0) await this.write(this.take());
  }

  /** Waits for the batch in flight; rethrows its error. */
  private async settle(): Promise<void> {
    await this.inFlight;
    this.inFlight = undefined;
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure.error;
  }

  private take(): { at: number; row: RowByType[T] }[] {
    const batch = this.pending;
    this.pending = [];
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
      await this.options.onBatch?.(event);
      for (const hook of globalHooks) await hook(event);
      for (const observer of this.observers) await observer.batch(event);
    }
  }

  /**
   * Waits for the batch in flight, then ends the load for the observers (once; call it in a `finally`
   * after the last `flush`). After a failed load (`afterError`) errors of the write in flight and of
   * the observers are dropped so the load's own error is the one seen.
   */
  async close(afterError = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.settle();
    } catch (error) {
      if (!afterError) throw error;
    }
    for (const observer of this.observers) {
      try {
        await observer.end();
      } catch (error) {
        if (!afterError) throw error;
      }
    }
  }
}
