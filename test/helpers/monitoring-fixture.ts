/**
 * A small monitored network for the API and browser tests: three disbursed loans (funds to a flagged
 * entity, a round trip, a clean loan paying a long-standing supplier) monitored by the pure code and
 * stored under a scoped fixture run, with the Loan nodes the results hang off.
 */
import type { Database } from '../../src/db/driver.js';
import { writeLoanMonitoring } from '../../src/db/monitoring-repository.js';
import { monitorLoans } from '../../src/monitoring/monitor-loans.js';
import { monitoringRecords } from '../../src/monitoring/monitoring-record.js';
import { network } from './monitoring-network.js';
import { createFixtureGraph, createFixtureRun } from './explore-fixture-repository.js';

const NAMES = ['B', 'C', 'D', 'L', 'S', 'X', 'Y', 'Bad'];

/** Stores the network's entities and loans and a complete run `${p}run` holding their monitoring. */
export async function createMonitoredNetwork(db: Database, p: string): Promise<{ runId: string }> {
  const id = (n: string) => p + n;
  const net = network({
    entities: NAMES.map(id),
    supplies: [[id('S'), id('D'), '2021-01-01']],
    flags: [[id('Bad'), '2024-01-10']],
    loans: [
      { id: id('L1'), borrower: id('B'), lender: id('L'), amount: 10000, opened: '2024-03-01' },
      { id: id('L2'), borrower: id('C'), lender: id('L'), amount: 10000, opened: '2024-03-01' },
      { id: id('L3'), borrower: id('D'), lender: id('L'), amount: 8000, opened: '2024-03-01' },
    ],
    payments: [
      [id('B'), id('X'), '2023-10-01', 300],
      [id('C'), id('Y'), '2023-10-01', 300],
      [id('D'), id('S'), '2023-10-01', 300],
      [id('X'), id('B'), '2023-12-01', 2000],
      [id('L'), id('B'), '2024-03-01T08:00', 10000],
      [id('L'), id('C'), '2024-03-01T09:00', 10000],
      [id('L'), id('D'), '2024-03-01T10:00', 8000],
      [id('B'), id('X'), '2024-03-02', 9000],
      [id('X'), id('Bad'), '2024-03-04', 9000],
      [id('C'), id('Y'), '2024-03-05', 6000],
      [id('Y'), id('C'), '2024-03-10', 5000],
      [id('D'), id('S'), '2024-03-03', 8000],
    ],
    asOf: '2024-06-01',
  });
  const entities = NAMES.map((n) => ({ id: id(n), kind: 'business' as const }));
  const loans = ['L1', 'L2', 'L3', 'L4'].map((l, k) => ({ id: id(l), entity: id(['B', 'C', 'D', 'D'][k]!), status: k === 3 ? ('repaid' as const) : ('current' as const), amount: 100 }));
  await createFixtureGraph(db, { entities, pays: [], supplies: [], flags: [], loans, identifiers: [] });
  const runId = `${p}run`;
  await createFixtureRun(db, { run: { id: runId, scope: p, finishedAt: new Date().toISOString(), scopeCurrent: true }, metrics: [], communities: [], rings: [] });
  const run = monitorLoans(net.input);
  await writeLoanMonitoring(db, runId, monitoringRecords(run, net.input.ids, net.input.facts), 2);
  return { runId };
}
