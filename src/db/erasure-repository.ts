/**
 * Erasure of one entity in Neo4j: its facts, the nodes that are its alone, its place in derived values
 * (rings, communities, other entities' metrics and monitoring results) and its audit events, each step a
 * statement of cypher/erase/ run in batches of `batch` rows per transaction until nothing is left, so a
 * hub with millions of payments never holds them all in one transaction.
 */
import neo4j from 'neo4j-driver';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  find: 'erase/find-entity',
  lent: 'erase/detach-lent-loans',
  facts: 'erase/delete-facts-batch',
  owned: 'erase/delete-owned-batch',
  entity: 'erase/delete-entity-batch',
  rings: 'erase/update-rings',
  communities: 'erase/update-communities',
  audit: 'erase/delete-audit-events-batch',
  naming: 'erase/list-naming-nodes',
  rewrite: 'erase/rewrite-properties',
  tombstone: 'erase/create-tombstone',
});

/** The batched steps, in the order they must run. */
export const ERASE_BATCH_STEPS = ['lent', 'facts', 'owned', 'audit', 'entity'] as const;
export type EraseBatchStep = (typeof ERASE_BATCH_STEPS)[number];

/** A node's properties that name the erased id, as read (strings or lists of strings). */
export interface NamingNode {
  readonly ref: string;
  readonly props: ReadonlyArray<{ readonly key: string; readonly value: unknown }>;
}

export interface ErasureTombstone {
  readonly id: string;
  readonly keyId: string;
  readonly role: string;
  readonly entityHash: string;
  readonly atMs: number;
  readonly reason: string;
  readonly route: string;
  readonly requestId: string;
}

/** True when an entity with this id exists. */
export async function entityExists(db: Database, id: string): Promise<boolean> {
  return (await db.readRows<{ id: string }>(Q.find, { id })).length > 0;
}

/** Runs one batched step until a batch does nothing; returns how many rows it removed in all. */
export async function runEraseStep(db: Database, step: EraseBatchStep, id: string, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.writeRows<{ done: number }>(Q[step], { id, batch: neo4j.int(batch) });
    const done = row?.done ?? 0;
    if (step === 'entity' && !(await entityExists(db, id))) return total + 1;
    if (done === 0) return total;
    total += done;
  }
}

/** Rings naming the entity: cycles and groups too small dissolved, others without it. */
export async function updateRingsWithout(db: Database, id: string): Promise<{ updated: number; deleted: number }> {
  const [row] = await db.writeRows<{ updated: number; deleted: number }>(Q.rings, { id });
  return { updated: row?.updated ?? 0, deleted: row?.deleted ?? 0 };
}

/** Community sizes and bad counts of every run the entity was in, lowered by it. */
export async function updateCommunitiesWithout(db: Database, id: string): Promise<number> {
  const [row] = await db.writeRows<{ updated: number }>(Q.communities, { id });
  return row?.updated ?? 0;
}

/** Every derived or service node with a string property containing `id` (a superset of whole-id matches). */
export async function listNamingNodes(db: Database, id: string, onNode: (node: NamingNode) => void): Promise<number> {
  return db.streamRows<NamingNode>(Q.naming, { id }, onNode);
}

/** Writes rewritten properties back, `batch` nodes per transaction. */
export async function rewriteProperties(db: Database, nodes: readonly NamingNode[], batch: number): Promise<number> {
  let written = 0;
  for (let i = 0; i < nodes.length; i += batch) {
    const [row] = await db.writeRows<{ written: number }>(Q.rewrite, { rows: nodes.slice(i, i + batch) });
    written += row?.written ?? 0;
  }
  return written;
}

export async function createTombstone(db: Database, t: ErasureTombstone): Promise<void> {
  await db.writeRows(Q.tombstone, { row: t });
}
