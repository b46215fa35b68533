/**
 * Features fresh between runs: after each ingest load, the entities it touched get their features
 * recomputed from their facts (the same pure code as the nightly run) and stored on their EntityMetrics
 * node of the run in service, so a score reflects a payment within seconds of its load, not at the next
 * run. A new flag, loan or rating can change whether an entity is bad, and so the share of bad
 * counterparties of everyone it trades with: their features are recomputed too.
 *
 * Per load the touched ids are gathered and refreshed once: at the end of the load, or earlier when
 * very many are pending (a memory bound) or the oldest pending id waited long enough — at least
 * `maxAgeMs`, and at least `dutyFactor` times the last refresh's duration, so refreshes take at most
 * about 1/dutyFactor of a long load's time while scores still follow it.
 *
 * A large load (a first load, a backfill) touches too many entities for that to be cheap: recomputing
 * 100,000 entities' features from their facts takes longer than loading their payments. Above
 * `maxEntities` ids in one refresh (FEATURES_REFRESH_MAX_ENTITIES) their stored vectors are dropped
 * instead (one key seek each), so their scores compute features from the facts as of now — the as-of
 * path, correct but slower per score — until the next run stores every vector again.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { invalidateFeatures, listCounterparties, readServingRun, writeFeatures } from '../db/feature-store-repository.js';
import { FEATURE_NAMES } from '../features/schema.js';
import type { RecordType } from '../ingest/record-types.js';
import { getLogger } from '../logging/logger.js';
import { computeEntityFeatures } from './entity-features.js';
import { addLoadObserver, type BatchEvent, type LoadObserver } from './ingest-batch-loader.js';

const log = getLogger('features');

/** Record types that can change whether an entity is bad (and so its counterparties' features). */
const LABELS: ReadonlySet<RecordType> = new Set<RecordType>(['flags', 'loans', 'ratings']);
/** Entities per feature computation (one local read each). */
const CHUNK = 200;

/** `ids` in `scope` with, when labels changed, their counterparties in `scope`. */
async function affectedIds(db: Database, scope: string, ids: readonly string[], labelsChanged: readonly string[]): Promise<string[]> {
  const all = new Set(ids.filter((id) => id.startsWith(scope)));
  if (labelsChanged.length) for (const id of await listCounterparties(db, labelsChanged)) if (id.startsWith(scope)) all.add(id);
  return [...all];
}

/**
 * Recomputes and stores the features of `ids` (and, with `labelsChanged`, of their counterparties) in
 * the run in service of `scope`, as of now. Returns how many vectors were written (0 without a run:
 * scores then compute features from the facts anyway).
 */
export async function refreshFeatures(db: Database, scope: string, ids: readonly string[], labelsChanged: readonly string[] = []): Promise<number> {
  return (await refreshOrInvalidate(db, scope, ids, labelsChanged, Infinity)).written;
}

/** What one refresh after a load did. */
export interface FeatureRefreshResult {
  /** Vectors recomputed and stored. */
  readonly written: number;
  /** Vectors dropped (more than `maxEntities` affected): their scores use the as-of path until the next run. */
  readonly invalidated: number;
}

/**
 * As `refreshFeatures`, but when more than `maxEntities` entities are affected their stored vectors
 * are dropped instead of recomputed (see the module comment).
 */
export async function refreshOrInvalidate(
  db: Database,
  scope: string,
  ids: readonly string[],
  labelsChanged: readonly string[],
  maxEntities: number,
): Promise<FeatureRefreshResult> {
  const run = await readServingRun(db, scope);
  if (!run) return { written: 0, invalidated: 0 };
  const list = await affectedIds(db, scope, ids, labelsChanged);
  if (list.length > maxEntities) {
    const invalidated = await invalidateFeatures(db, run.id, list);
    log.info({ entities: list.length, maxEntities, invalidated, runId: run.id }, 'large load: stored features dropped; scores use the as-of path until the next run');
    return { written: 0, invalidated };
  }
  const asOfMs = Date.now();
  let written = 0;
  for (let i = 0; i < list.length; i += CHUNK) {
    const features = await computeEntityFeatures(db, list.slice(i, i + CHUNK), asOfMs, run.id);
    const rows = [...features.values()].map((f) => ({
      id: f.entityId,
      features: FEATURE_NAMES.map((name) => f.values[name] ?? Number.NaN),
      evidence: JSON.stringify(f.evidence),
      asOfMs,
    }));
    written += await writeFeatures(db, run.id, rows);
  }
  return { written, invalidated: 0 };
}

export interface TouchedEntitiesOptions {
  /** Refresh as soon as this many distinct ids are pending (default 100,000: bounds memory). */
  readonly maxPending?: number;
  /** Refresh at the next batch once the oldest pending id waited this long, in ms (default 300,000). */
  readonly maxAgeMs?: number;
  /** …and at least this many times the last refresh's duration (default 4). */
  readonly dutyFactor?: number;
  /** Above this many affected entities, drop their stored vectors instead of recomputing them (default 10,000). */
  readonly maxEntities?: number;
  /** The clock (tests). */
  readonly now?: () => number;
  /** The refresh itself (default: `refreshOrInvalidate` in the served scope; tests wrap it). */
  readonly refresh?: (ids: readonly string[], labelsChanged: readonly string[]) => Promise<number | FeatureRefreshResult>;
}

/** Gathers the touched ids of one load and refreshes their features in few passes (see the module comment). */
export class TouchedEntitiesObserver implements LoadObserver {
  private pending = new Set<string>();
  private labels = new Set<string>();
  private pendingSince = 0;
  private lastRefreshMs = 0;
  /** Feature vectors written so far by this observer. */
  refreshed = 0;
  /** Feature vectors dropped so far by this observer (large loads). */
  invalidated = 0;

  constructor(
    private readonly db: Database,
    private readonly scope: string,
    private readonly options: TouchedEntitiesOptions = {},
  ) {}

  async batch(event: BatchEvent): Promise<void> {
    if (event.touchedEntityIds.length === 0) return;
    const now = this.options.now ?? Date.now;
    if (this.pending.size === 0) this.pendingSince = now();
    for (const id of event.touchedEntityIds) {
      this.pending.add(id);
      if (LABELS.has(event.type)) this.labels.add(id);
    }
    const full = this.pending.size >= (this.options.maxPending ?? 100_000);
    const wait = Math.max(this.options.maxAgeMs ?? 300_000, (this.options.dutyFactor ?? 4) * this.lastRefreshMs);
    if (full || now() - this.pendingSince >= wait) await this.end();
  }

  async end(): Promise<void> {
    if (this.pending.size === 0) return;
    const now = this.options.now ?? Date.now;
    const ids = [...this.pending];
    const labels = [...this.labels];
    this.pending = new Set();
    this.labels = new Set();
    const started = now();
    const maxEntities = this.options.maxEntities ?? 10_000;
    const refresh = this.options.refresh ?? ((i, l) => refreshOrInvalidate(this.db, this.scope, i, l, maxEntities));
    const result = await refresh(ids, labels);
    this.refreshed += typeof result === 'number' ? result : result.written;
    this.invalidated += typeof result === 'number' ? 0 : result.invalidated;
    this.lastRefreshMs = now() - started;
    log.debug({ entities: ids.length, ms: this.lastRefreshMs }, 'features refreshed after ingest');
  }
}

/** Registers the refresh for every ingest load of this process; returns the function that removes it. */
export function registerFeatureRefresh(db: Database, config: Config, options: TouchedEntitiesOptions = {}): () => void {
  return addLoadObserver(() => new TouchedEntitiesObserver(db, config.scoring.servingScope, { maxEntities: config.scoring.featuresRefreshMaxEntities, ...options }));
}
