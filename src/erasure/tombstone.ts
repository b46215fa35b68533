/**
 * The one thing the audit keeps of an erased entity: a hash of its id, so an auditor who is given the id
 * can check that it was erased, while the trail itself no longer holds the id. HMAC-SHA256 with the
 * configured secret (IDENTIFIER_HMAC_KEY) when there is one, so the hash cannot be reversed by hashing
 * guessed ids; plain SHA-256 otherwise.
 */
import { createHash, createHmac } from 'node:crypto';

/** Hex HMAC-SHA256 (or SHA-256 without a key) of `entity:<id>`. */
export function hashEntityId(id: string, key: string | null): string {
  const input = `entity:${id}`;
  return key ? createHmac('sha256', key).update(input).digest('hex') : createHash('sha256').update(input).digest('hex');
}
