/**
 * The local facts around one loan, for monitoring it right after an ingest load without a whole
 * snapshot: the loan, payment events of chosen entities in a time window, what makes entities bad or
 * lenders, and the borrower's identifiers, owners, supply links and first payments with each
 * counterparty. Plain rows; src/monitoring/local-input.ts turns them into a MonitoringInput.
 */
import neo4j from 'neo4j-driver';
import type { Database } from './driver.js';
import { defineQueries } from './cypher-loader.js';
import type { BorrowerContextRow, EntityFactsRow, LoanRow, PaidRow } from '../monitoring/local-input.js';

const Q = defineQueries({
  touched: 'monitoring/list-touched-open-loans',
  flowEntities: 'monitoring/list-flow-entities',
  loan: 'monitoring/get-loan',
  events: 'monitoring/list-paid-events',
  entities: 'monitoring/list-entity-facts',
  context: 'monitoring/get-borrower-context',
  runOf: 'monitoring/find-loan-run',
  remove: 'monitoring/delete-loan-monitoring',
  anyRun: 'monitoring/has-run-in-service',
});

/** Whether any complete metrics run is in service (full or scoped). */
export async function hasRunInService(db: Database): Promise<boolean> {
  const [row] = await db.readRows<{ found: boolean }>(Q.anyRun);
  return row?.found ?? false;
}

/**
 * Open loans whose borrower or lender is among `ids`, and loans whose money (as a run in service traced
 * it, full or scoped) passed through one of them; sorted.
 */
export async function listTouchedOpenLoans(db: Database, ids: readonly string[], chunk = 10_000): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += chunk) {
    for (const r of await db.readRows<{ loanId: string }>(Q.touched, { ids: ids.slice(i, i + chunk) })) found.add(r.loanId);
  }
  const touched = new Set(ids);
  for (const r of await db.readRows<{ loanId: string; entities: string[] }>(Q.flowEntities)) {
    if (r.entities.some((id) => touched.has(id))) found.add(r.loanId);
  }
  return [...found].sort();
}

export async function getLoan(db: Database, id: string): Promise<LoanRow | null> {
  const [row] = await db.readRows<LoanRow>(Q.loan, { id });
  return row ?? null;
}

export async function listPaidEvents(db: Database, ids: readonly string[], fromMs: number, toMs: number, incoming: boolean): Promise<PaidRow[]> {
  if (ids.length === 0) return [];
  return db.readRows<PaidRow>(Q.events, { ids, fromMs: neo4j.int(Math.floor(fromMs)), toMs: neo4j.int(Math.ceil(toMs)), incoming });
}

export async function listEntityFacts(db: Database, ids: readonly string[]): Promise<EntityFactsRow[]> {
  return ids.length === 0 ? [] : db.readRows<EntityFactsRow>(Q.entities, { ids });
}

export async function getBorrowerContext(db: Database, id: string, maxShare: number): Promise<BorrowerContextRow> {
  const [row] = await db.readRows<BorrowerContextRow>(Q.context, { id, maxShare: neo4j.int(maxShare) });
  return row ?? { groups: [], ownerships: [], supplies: [], counterparties: [] };
}

/** The run an incremental update of the loan writes under (see find-loan-run.cypher), or null. */
export async function findLoanRun(db: Database, loanId: string): Promise<string | null> {
  const [row] = await db.readRows<{ runId: string }>(Q.runOf, { loanId });
  return row?.runId ?? null;
}

export async function deleteLoanMonitoring(db: Database, runId: string, loanIds: readonly string[]): Promise<number> {
  const [row] = await db.writeRows<{ deleted: number }>(Q.remove, { runId, loanIds });
  return row?.deleted ?? 0;
}
