/**
 * Remembers the fingerprint of the last `capacity` record keys of a file, to tell an exact repeat
 * (harmless: skipped) from the same key with different values (a reject). Memory is bounded: keys older
 * than the window are forgotten (documented; the loader's database check still catches a payment id
 * reused with different values).
 */

/** 32-bit FNV-1a of a string (fingerprints only; not cryptographic). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type DuplicateVerdict = 'new' | 'repeat' | 'conflict';

export class DuplicateTracker {
  private readonly seen = new Map<string, number>();

  /** @param capacity how many keys to remember (default 2,000,000 ≈ 200 MB at most). */
  constructor(private readonly capacity = 2_000_000) {}

  /** Classifies a record by key and fingerprint of its normalised values, and remembers it. */
  check(key: string, values: unknown): DuplicateVerdict {
    const fingerprint = fnv1a(JSON.stringify(values));
    const previous = this.seen.get(key);
    if (previous !== undefined) return previous === fingerprint ? 'repeat' : 'conflict';
    this.seen.set(key, fingerprint);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return 'new';
  }

  get size(): number {
    return this.seen.size;
  }
}
