/** Test-only reads of the hostile-corpus test (statements in test/fixtures/cypher). */
import type { Database } from '../../src/db/driver.js';
import { fixtureCypher } from './fixture-cypher.js';

/** Entities, loans and flags the corpus must not have stored. */
export async function countHostileLeftovers(db: Database, rejPrefix: string, exact: readonly string[]): Promise<{ entities: number; loans: number; flags: number }> {
  const [row] = await db.readRows<{ entities: number; loans: number; flags: number }>(fixtureCypher('count-hostile-leftovers'), { rejPrefix, exact });
  if (!row) throw new Error('count-hostile-leftovers returned no row');
  return row;
}

/** The borrowers of a loan and the holders of a flag. */
export async function getOwners(db: Database, loanId: string, flagId: string): Promise<{ borrowers: string[]; flagged: string[] }> {
  const [row] = await db.readRows<{ borrowers: string[]; flagged: string[] }>(fixtureCypher('get-loan-borrower'), { loanId, flagId });
  return row ?? { borrowers: [], flagged: [] };
}
