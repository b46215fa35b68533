/** API keys in Neo4j: (:ApiKey {id, hash, role, name, createdAt, revokedAt?}). */
import { hashApiKey, newApiKey, type ApiKeyRecord, type Role } from '../auth/api-key.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  create: 'auth/create-api-key',
  find: 'auth/find-api-key',
  list: 'auth/list-api-keys',
  revoke: 'auth/revoke-api-key',
  remove: 'auth/delete-api-key',
});

export interface CreatedApiKey extends ApiKeyRecord {
  /** The secret: shown once, never stored. */
  readonly key: string;
  readonly createdAt: string;
}

export async function createApiKey(db: Database, role: Role, name: string, now: Date): Promise<CreatedApiKey> {
  const { id, key } = newApiKey();
  const [row] = await db.writeRows<Omit<CreatedApiKey, 'key'>>(Q.create, {
    id,
    hash: hashApiKey(key),
    role,
    name,
    createdAt: now.toISOString(),
  });
  if (!row) throw new Error('creating the API key returned nothing');
  return { ...row, key };
}

export async function findApiKey(db: Database, key: string): Promise<ApiKeyRecord | undefined> {
  const [row] = await db.readRows<ApiKeyRecord>(Q.find, { hash: hashApiKey(key) });
  return row;
}

export async function listApiKeys(db: Database): Promise<Array<ApiKeyRecord & { createdAt: string; revokedAt: string | null }>> {
  return db.readRows(Q.list);
}

/** Revokes a key; false when no key has that id. */
export async function revokeApiKey(db: Database, id: string, now: Date): Promise<boolean> {
  return (await db.writeRows(Q.revoke, { id, at: now.toISOString() })).length > 0;
}

export async function deleteApiKey(db: Database, id: string): Promise<void> {
  await db.writeRows(Q.remove, { id });
}
