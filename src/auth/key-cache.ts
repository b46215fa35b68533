/**
 * The API-key lookup cache, in two bounded parts so unknown keys cannot flush known ones: known keys in a
 * least-recently-used map (`maxKnown`), unknown keys (negative results) in a separate first-in-first-out
 * map (`maxUnknown`). A flood of random keys only ever evicts other unknown keys. Pure: the caller passes
 * `now` (ms).
 */

export interface KeyCacheOptions {
  /** How long a known key's record is trusted (ms); a revoke also clears the cache. */
  readonly knownTtlMs: number;
  /** How long "no such key" is remembered (ms). */
  readonly unknownTtlMs: number;
  readonly maxKnown: number;
  readonly maxUnknown: number;
}

export const KEY_CACHE_DEFAULTS: KeyCacheOptions = { knownTtlMs: 30_000, unknownTtlMs: 10_000, maxKnown: 10_000, maxUnknown: 1_000 };

/** A cached answer: `record` undefined means the key is known not to exist. */
export interface CachedLookup<V> {
  readonly record: V | undefined;
}

interface Entry<V> {
  readonly record: V | undefined;
  readonly until: number;
}

export class KeyCache<V> {
  private readonly known = new Map<string, Entry<V>>();
  private readonly unknown = new Map<string, Entry<V>>();
  private readonly options: KeyCacheOptions;

  constructor(options: Partial<KeyCacheOptions> = {}) {
    this.options = { ...KEY_CACHE_DEFAULTS, ...options };
  }

  /** The cached answer for `key` at `now`, or undefined when it must be looked up. */
  get(key: string, now: number): CachedLookup<V> | undefined {
    const hit = this.known.get(key);
    if (hit) {
      this.known.delete(key);
      if (hit.until <= now) return undefined;
      this.known.set(key, hit); // most recently used last
      return hit;
    }
    const miss = this.unknown.get(key);
    if (!miss) return undefined;
    if (miss.until > now) return miss;
    this.unknown.delete(key);
    return undefined;
  }

  /** Remembers a lookup's answer; `record` undefined = no such key. */
  set(key: string, record: V | undefined, now: number): void {
    const { known, unknown, options } = this;
    if (record === undefined) {
      unknown.delete(key);
      unknown.set(key, { record, until: now + options.unknownTtlMs });
      evictOldest(unknown, options.maxUnknown);
    } else {
      unknown.delete(key);
      known.delete(key);
      known.set(key, { record, until: now + options.knownTtlMs });
      evictOldest(known, options.maxKnown);
    }
  }

  get size(): { readonly known: number; readonly unknown: number } {
    return { known: this.known.size, unknown: this.unknown.size };
  }

  clear(): void {
    this.known.clear();
    this.unknown.clear();
  }
}

/** Drops the oldest entries (insertion order) until `map` holds at most `max`. */
function evictOldest<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}
