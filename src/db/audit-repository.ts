/**
 * The audit trail of reads of entity data: (:AuditEvent {id, keyId, role, entityId, at, purpose, kind,
 * route, status, requestId}) nodes in Neo4j, appended in batches (one UNWIND a commit), read newest
 * first with filters and a cursor.
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
  /** The X-Purpose header (one of AUDIT_PURPOSES). */
  readonly purpose: string;
  /** What was read: score, profile, signals, network, paths, search, community, ring, alert, loan-monitoring… */
  readonly kind: string;
  readonly route: string;
  readonly status: number;
  readonly requestId: string;
}

/** Where a page ends: the next page starts strictly after this event (newest first). */
export interface AuditCursor {
  readonly atMs: number;
  readonly id: string;
}

export interface AuditFilter {
  readonly keyId: string | null;
  readonly entityId: string | null;
  readonly fromMs: number | null;
  readonly toMs: number | null;
  readonly limit: number;
  readonly after?: AuditCursor | null;
}

export interface AuditPage {
  readonly events: AuditEvent[];
  /** The cursor of the next page, or null when this one is the last. */
  readonly next: AuditCursor | null;
}

/** Appends events in one auto-commit write (one round trip; the server stops it after `timeoutMs`). */
export async function appendAuditEvents(db: Database, events: readonly AuditEvent[], timeoutMs = 5000): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map(({ at, ...e }) => ({ ...e, atMs: Date.parse(at) }));
  const [row] = await db.writeOnce<{ written: number }>(Q.create, { rows }, timeoutMs);
  return row?.written ?? 0;
}

/** Has Neo4j plan the append statement (an empty batch: nothing is written), for the warm start. */
export async function planAuditAppend(db: Database): Promise<void> {
  await db.writeOnce(Q.create, { rows: [] }, 10_000);
}

/** One page of events newest first (one more is read to know whether another page follows). */
export async function listAuditEvents(db: Database, f: AuditFilter): Promise<AuditPage> {
  const rows = await db.readRows<AuditEvent>(Q.list, {
    keyId: f.keyId,
    entityId: f.entityId,
    fromMs: f.fromMs,
    toMs: f.toMs,
    afterMs: f.after?.atMs ?? null,
    afterId: f.after?.id ?? null,
    limit: neo4j.int(f.limit + 1),
  });
  const events = rows.slice(0, f.limit);
  const last = events[events.length - 1];
  return { events, next: rows.length > f.limit && last ? { atMs: Date.parse(last.at), id: last.id } : null };
}

export async function deleteAuditEventsOfKey(db: Database, keyId: string): Promise<number> {
  const [row] = await db.writeRows<{ deleted: number }>(Q.remove, { keyId });
  return row?.deleted ?? 0;
}
