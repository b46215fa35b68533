/**
 * API keys: a secret shown once at creation, stored only as its SHA-256. Pure helpers.
 * A key looks like `cg_<id>_<secret>`; the id part is public (audit logs name it), the secret is not.
 */
import { createHash, randomBytes } from 'node:crypto';

export const ROLES = ['lender', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyRecord {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** SHA-256 hex of a presented key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key: its public id and the full secret (to show once). */
export function newApiKey(): { id: string; key: string } {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  return { id, key: `cg_${id}_${secret}` };
}
