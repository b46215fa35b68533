/** Test-only reads of the erasure tests (statements in test/fixtures/cypher). */
import type { Database } from '../../src/db/driver.js';
import { fixtureCypher } from './fixture-cypher.js';

export interface ErasureCounts {
  readonly entities: number;
  readonly identifiers: number;
  readonly rings: number;
  readonly ringMembers: string[][];
  readonly communitySize: number;
  readonly tombstones: number;
  readonly survivorUses: number;
}

/** Every node in the database, and relationship of an entity under `prefix`, with a property value containing `text`. */
export async function listValuesNaming(db: Database, text: string, prefix: string): Promise<Array<{ what: string[]; keys: string[] }>> {
  return db.readRows(fixtureCypher('list-values-naming'), { text, prefix }, 300000);
}

export async function countErasureGraph(db: Database, p: { prefix: string; runId: string; hash: string; survivor: string }): Promise<ErasureCounts> {
  const [row] = await db.readRows<ErasureCounts>(fixtureCypher('count-erasure-graph'), p);
  if (!row) throw new Error('count-erasure-graph returned no row');
  return row;
}

/** Deletes the erasure tombstones of `hash`. */
export async function deleteTombstones(db: Database, hash: string): Promise<number> {
  const [row] = await db.writeRows<{ deleted: number }>(fixtureCypher('delete-erasure-tombstones'), { hash });
  return row?.deleted ?? 0;
}
