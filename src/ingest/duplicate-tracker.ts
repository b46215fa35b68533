/**
 * Remembers the fingerprint of the last `capacity` record keys of a file, to tell an exact repeat
 * (harmless: skipped) from the same key with different values (a reject), and, for records that belong
 * to one entity (a loan's borrower, a flag's entity), a key reused for another entity. Memory is
 * bounded: keys older than the window are forgotten (documented; the loader's database checks still
 * catch a payment, loan or flag id reused with other values or for another entity).
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

/**
 * `new`: first time; `repeat`: same key, same values; `conflict`: same key, other values;
 * `owner-conflict`: same key for another owner entity.
 */
export type DuplicateVerdict = 'new' | 'repeat' | 'conflict' | 'owner-conflict';

const OWNER_BITS = 2 ** 20;
const VALUE_BITS = 2 ** 32;

export class DuplicateTracker {
  private readonly seen = new Map<string, number>();

  /** @param capacity how many keys to remember (default 2,000,000 ≈ 200 MB at most). */
  constructor(private readonly capacity = 2_000_000) {}

  /**
   * Classifies a record by key, the fingerprint of its normalised values and (optionally) the entity
   * it belongs to, and remembers it. Both fingerprints fit one safe integer (32 + 20 bits).
   */
  check(key: string, values: unknown, owner?: string): DuplicateVerdict {
    const ownerPrint = owner === undefined ? 0 : fnv1a(owner) % OWNER_BITS;
    const fingerprint = ownerPrint * VALUE_BITS + fnv1a(JSON.stringify(values));
    const previous = this.seen.get(key);
    if (previous !== undefined) {
      if (previous === fingerprint) return 'repeat';
      return Math.floor(previous / VALUE_BITS) !== ownerPrint ? 'owner-conflict' : 'conflict';
    }
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
