/**
 * Schema migrations: every statement under cypher/schema/ is applied at start-up. Each uses
 * IF NOT EXISTS, so applying twice changes nothing. Also reads the schema back for checks.
 */
import type { Database } from './driver.js';
import { defineQueries, loadAllCypher } from './cypher-loader.js';

const SCHEMA_NAMES = [...loadAllCypher().keys()].filter((n) => n.startsWith('schema/'));
const SCHEMA = defineQueries(Object.fromEntries(SCHEMA_NAMES.map((n) => [n, n])));
const Q = defineQueries({
  constraints: 'read/list-constraints',
  indexes: 'read/list-indexes',
  components: 'read/get-server-components',
  awaitIndexes: 'admin/await-indexes',
});

export interface SchemaItem {
  name: string;
  type: string;
  entityType: string;
  labelsOrTypes: string[];
  properties: string[];
  state?: string;
}

/** Applies every schema statement in name order; returns how many were applied. */
export async function applySchema(db: Database): Promise<number> {
  for (const name of SCHEMA_NAMES) await db.autoCommit(SCHEMA[name] as string);
  await db.autoCommit(Q.awaitIndexes);
  return SCHEMA_NAMES.length;
}

export async function listConstraints(db: Database): Promise<SchemaItem[]> {
  return db.readRows<SchemaItem>(Q.constraints);
}

export async function listIndexes(db: Database): Promise<SchemaItem[]> {
  return db.readRows<SchemaItem>(Q.indexes);
}

export interface ServerComponent {
  name: string;
  versions: string[];
  edition: string;
}

/** The server's kernel version and edition (`CALL dbms.components()`). */
export async function getServerComponents(db: Database): Promise<ServerComponent[]> {
  return db.readRows<ServerComponent>(Q.components);
}
