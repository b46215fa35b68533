/**
 * Writes and removes small hand-built graphs for the exploration tests and the browser test
 * (test data only: every id carries the caller's prefix, and removal is by that prefix).
 */
import { fixtureCypher } from './fixture-cypher.js';
import type { Database } from '../../src/db/driver.js';

const Q = {
  create: fixtureCypher('create-explore-graph'),
  createRun: fixtureCypher('create-explore-run'),
  remove: fixtureCypher('delete-explore-graph'),
};

export interface FixtureGraph {
  readonly entities: Array<{ id: string; kind: 'business' | 'person' }>;
  /** Payment aggregates; amounts in minor units, instants ISO-8601. */
  readonly pays: Array<{ source: string; target: string; total: number; count: number; first: string; last: string }>;
  readonly supplies: Array<{ source: string; target: string; volume: number; since: string }>;
  readonly flags: Array<{ id: string; entity: string; reason: string }>;
  readonly loans: Array<{ id: string; entity: string; status: 'current' | 'late' | 'defaulted' | 'repaid'; amount: number }>;
  readonly identifiers: Array<{ key: string; type: 'phone' | 'device' | 'address' | 'account'; entity: string }>;
}

/** Creates (merges) the graph in one transaction. */
export async function createFixtureGraph(db: Database, graph: FixtureGraph): Promise<void> {
  await db.writeRows(Q.create, { ...graph });
}

export interface FixtureRun {
  readonly run: { id: string; scope: string; finishedAt: string; scopeCurrent: boolean };
  readonly metrics: Array<{ id: string; metrics: Record<string, number | null> }>;
  readonly communities: Array<{ id: number; size: number; bad: number; defaultRate: number; risk: number }>;
  readonly rings: Array<{
    id: string;
    kind: 'cycle' | 'shared-identifier';
    members: string[];
    size: number;
    bad: number;
    risk: number;
    amountMinor: number | null;
    spanMs: number | null;
    identifiers: number | null;
  }>;
}

/** Stores a complete metrics run (scoped: `run.scope` is the test's prefix) with its results. */
export async function createFixtureRun(db: Database, run: FixtureRun): Promise<void> {
  await db.writeRows(Q.createRun, { ...run });
}

/**
 * Removes every Entity, Flag, Loan and Identifier whose id starts with `prefix`, and the metrics runs of
 * scope `prefix` with their results; returns how many nodes.
 */
export async function deleteFixtureGraph(db: Database, prefix: string): Promise<number> {
  if (prefix.length < 4) throw new Error(`refusing to delete by the short prefix ${JSON.stringify(prefix)}`);
  const [row] = await db.writeRows<{ deleted: number }>(Q.remove, { prefix });
  return row?.deleted ?? 0;
}
