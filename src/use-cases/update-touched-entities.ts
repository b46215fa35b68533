/**
 * The incremental network signal: entities touched by ingest batches that wrote trading relationships
 * get their degrees and PAYS strengths recomputed and their network signals marked stale (scores can
 * then say their network signals are older than their latest payments). The full refresh recomputes
 * everything later.
 *
 * Recomputing costs the touched entities' degrees, and heavy-tailed hubs are touched by nearly every
 * batch, so per load the touched ids are gathered and updated once: at the end of the load, or earlier
 * when very many are pending (a memory bound) or the oldest pending id waited long enough — at least
 * `maxAgeMs`, and at least `dutyFactor` times the last update's duration, so updates take at most about
 * 1/dutyFactor of a long load's time while its signals still follow it.
 */
import type { Database } from '../db/driver.js';
import { updateTouchedEntities } from '../db/metrics-repository.js';
import { addLoadObserver, type BatchEvent, type LoadObserver } from './ingest-batch-loader.js';
import type { RecordType } from '../ingest/record-types.js';

/** Record types whose batches change degrees or strengths. */
const TRADING: ReadonlySet<RecordType> = new Set<RecordType>(['payments', 'supplies', 'ratings']);

/** Updates the touched entities of one batch; returns how many were updated (0 for other record types). */
export async function updateTouchedEntitySignals(db: Database, event: BatchEvent): Promise<number> {
  if (!TRADING.has(event.type) || event.touchedEntityIds.length === 0) return 0;
  return updateTouchedEntities(db, event.touchedEntityIds);
}

export interface TouchedEntitiesOptions {
  /** Update as soon as this many distinct ids are pending (default 500,000: bounds memory). */
  readonly maxPending?: number;
  /** Update at the next batch once the oldest pending id waited this long, in ms (default 300,000). */
  readonly maxAgeMs?: number;
  /** …and at least this many times the last update's duration (default 4). */
  readonly dutyFactor?: number;
  /** The clock (tests). */
  readonly now?: () => number;
  /** The update itself (default: `updateTouchedEntities`; tests wrap it to see its duration on their clock). */
  readonly update?: (db: Database, ids: readonly string[]) => Promise<number>;
}

/** Gathers the touched ids of one load and updates them in few passes (see the module comment). */
export class TouchedEntitiesObserver implements LoadObserver {
  private pending = new Set<string>();
  private pendingSince = 0;
  private lastUpdateMs = 0;
  /** Entities updated so far by this observer. */
  updated = 0;

  constructor(
    private readonly db: Database,
    private readonly options: TouchedEntitiesOptions = {},
  ) {}

  async batch(event: BatchEvent): Promise<void> {
    if (!TRADING.has(event.type) || event.touchedEntityIds.length === 0) return;
    const now = this.options.now ?? Date.now;
    if (this.pending.size === 0) this.pendingSince = now();
    for (const id of event.touchedEntityIds) this.pending.add(id);
    const full = this.pending.size >= (this.options.maxPending ?? 500_000);
    const wait = Math.max(
      this.options.maxAgeMs ?? 300_000,
      (this.options.dutyFactor ?? 4) * this.lastUpdateMs,
    );
    if (full || now() - this.pendingSince >= wait) await this.end();
  }

  async end(): Promise<void> {
    if (this.pending.size === 0) return;
    const now = this.options.now ?? Date.now;
    const ids = [...this.pending];
    this.pending = new Set();
    const started = now();
    this.updated += await (this.options.update ?? updateTouchedEntities)(this.db, ids);
    this.lastUpdateMs = now() - started;
  }
}

/** Registers the update for every ingest load of this process; returns the function that removes it. */
export function registerTouchedEntitiesHook(db: Database, options: TouchedEntitiesOptions = {}): () => void {
  return addLoadObserver(() => new TouchedEntitiesObserver(db, options));
}
