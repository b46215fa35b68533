/**
 * The audit trail of score requests: (:AuditEvent {id, keyId, role, entityId, at, purpose, route, status,
 * requestId}) nodes in Neo4j, appended in batches, read newest first with filters.
 */
import neo4j from 'neo4j-driver';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  create: 'audit/create-audit-events',
  list: 'audit/list-audit-events',
  remove: 'audit/delete-audit-events',
});

export interface AuditEvent {
  readonly id: string;
  readonly keyId: string;
  readonly role: string;
  readonly entityId: string;
  /** ISO-8601. */
  readonly at: string;
  /** The X-Purpose header ('' when absent). */
  readonly purpose: string;
  readonly route: string;
  readonly status: number;
  readonly requestId: string;
}

export interface AuditFilter {
  readonly keyId: string | null;
  readonly entityId: string | null;
  readonly fromMs: number | null;
  readonly toMs: number | null;
  readonly limit: number;
}

export async function appendAuditEvents(db: Database, events: readonly AuditEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map(({ at, ...e }) => ({ ...e, atMs: Date.parse(at) }));
  const [row] = await db.writeRows<{ written: number }>(Q.create, { rows });
  return row?.written ?? 0;
}

export async function listAuditEvents(db: Database, f: AuditFilter): Promise<AuditEvent[]> {
  return db.readRows<AuditEvent>(Q.list, { ...f, limit: neo4j.int(f.limit) });
}

export async function deleteAuditEventsOfKey(db: Database, keyId: string): Promise<number> {
  const [row] = await db.writeRows<{ deleted: number }>(Q.remove, { keyId });
  return row?.deleted ?? 0;
}
