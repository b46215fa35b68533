/**
 * What scores read on every request, kept cheap: the run in service cached in memory (re-read at most
 * once a second, and at once when this process switched a run), and stored feature vectors read in
 * micro-batches — every request arriving in the same turn of the event loop shares one Neo4j query
 * (one unique-key seek per id), so concurrent requests cost Neo4j one round trip instead of many.
 */
import type { Database } from '../db/driver.js';
import { readServingRun, readStoredFeatures, type ServingRun, type StoredFeatures } from '../db/feature-store-repository.js';

/** How long the run in service is trusted before it is read again (ms). */
export const RUN_TTL_MS = 1000;
/** Ids per micro-batch query. */
const MAX_BATCH = 500;

interface Pending {
  readonly runId: string;
  readonly ids: readonly string[];
  readonly timeoutMs: number;
  resolve(rows: StoredFeatures[]): void;
  reject(error: unknown): void;
}

export class ServingCache {
  private run: { value: ServingRun | null; until: number } | undefined;
  private runLoad: Promise<ServingRun | null> | undefined;
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Database,
    /** The scope whose current run is served ('' = the whole graph). */
    private readonly scope: string,
  ) {}

  /** The run in service (cached for RUN_TTL_MS). */
  async servingRun(timeoutMs: number): Promise<ServingRun | null> {
    if (this.run && this.run.until > Date.now()) return this.run.value;
    this.runLoad ??= readServingRun(this.db, this.scope, timeoutMs)
      .then((value) => {
        this.run = { value, until: Date.now() + RUN_TTL_MS };
        return value;
      })
      .finally(() => (this.runLoad = undefined));
    return this.runLoad;
  }

  /** Forgets the cached run (after a switch in this process). */
  invalidateRun(): void {
    this.run = undefined;
  }

  /** The stored vectors of `ids` in `runId`, in order; batched with other callers of this turn. */
  storedFeatures(runId: string, ids: readonly string[], timeoutMs: number): Promise<StoredFeatures[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ runId, ids, timeoutMs, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    const byRun = new Map<string, Pending[]>();
    for (const p of queue) byRun.set(p.runId, [...(byRun.get(p.runId) ?? []), p]);
    for (const [runId, group] of byRun) {
      let batch: Pending[] = [];
      let size = 0;
      for (const p of group) {
        if (size > 0 && size + p.ids.length > MAX_BATCH) {
          void this.load(runId, batch);
          batch = [];
          size = 0;
        }
        batch.push(p);
        size += p.ids.length;
      }
      if (batch.length) void this.load(runId, batch);
    }
  }

  private async load(runId: string, group: readonly Pending[]): Promise<void> {
    const ids = [...new Set(group.flatMap((p) => p.ids))];
    try {
      const rows = await readStoredFeatures(this.db, runId, ids, Math.max(...group.map((p) => p.timeoutMs)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const p of group) p.resolve(p.ids.map((id) => byId.get(id) ?? { id, status: 'unknown' as const }));
    } catch (error) {
      for (const p of group) p.reject(error);
    }
  }
}

const caches = new WeakMap<Database, Map<string, ServingCache>>();

/** The serving cache of a database handle and served scope (one per process). */
export function servingCacheOf(db: Database, scope: string): ServingCache {
  let byScope = caches.get(db);
  if (!byScope) caches.set(db, (byScope = new Map()));
  let cache = byScope.get(scope);
  if (!cache) byScope.set(scope, (cache = new ServingCache(db, scope)));
  return cache;
}
