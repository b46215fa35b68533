/**
 * Post-loan monitoring benchmark against the shared database's m network (ids `m-`, read only): reads
 * the snapshot as a scoped refresh does, then times the pure monitoring of every open loan — as the data
 * is, and with every open loan treated as disbursed at its opening (so every loan is traced: the worst
 * case) — and the write of the results under a throw-away run id, which it deletes again.
 *
 *   node --import tsx bench/monitoring.ts [prefix=m-] [--no-write]
 *
 * Compare the times with a scoped refresh of the same network (`creditgraph refresh --scope m- --inline`,
 * whose `monitoring` stage is the first case plus its write).
 */
import { loadConfig, environmentWithServices } from '../src/config/index.js';
import type { Facts } from '../src/analytics/facts.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { readGraphSnapshot } from '../src/db/snapshot-repository.js';
import { deleteRunMonitoring, writeLoanMonitoring } from '../src/db/monitoring-repository.js';
import { monitorLoans, openLoans } from '../src/monitoring/monitor-loans.js';
import { monitoringRecords } from '../src/monitoring/monitoring-record.js';
import { MONITORING_DEFAULTS } from '../src/monitoring/monitoring-options.js';
import type { MonitoringInput } from '../src/monitoring/monitoring-input.js';

const prefix = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'm-';
const write = !process.argv.includes('--no-write');

async function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await work();
  console.log(`${label.padEnd(52)} ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s`);
  return out;
}

/** The facts with every loan disbursed at its opening (the worst case: every open loan is traced). */
function allDisbursed(facts: Facts): Facts {
  return { ...facts, loans: { ...facts.loans, disbursedAt: Float64Array.from(facts.loans.openedAt) } };
}

const rt = await openRuntime(loadConfig({ LOG_LEVEL: 'warn', ...environmentWithServices() }), { applySchema: false });
try {
  const asOfMs = Date.now();
  const snapshot = await timed(`snapshot of ${prefix} (as a scoped refresh reads it)`, () =>
    readGraphSnapshot(rt.db, { idPrefix: prefix, maxIdentifierShare: rt.config.metrics.identifierMaxGroup, asOfMs }),
  );
  const { ids, facts, identifierGroups } = snapshot;
  const open = openLoans(facts, asOfMs).length;
  console.log(`  ${ids.length.toLocaleString()} entities, ${facts.payments.length.toLocaleString()} payments, ${facts.loans.length.toLocaleString()} loans, ${open.toLocaleString()} open`);
  // communities do not change the cost much: one id per entity
  const community = new Uint32Array(ids.length).map((_, v) => v % 1000);
  const input: MonitoringInput = { ids, facts, asOfMs, identifierGroups, community };
  const asIs = await timed('monitor open loans (data as loaded)', () => monitorLoans(input, MONITORING_DEFAULTS));
  const traced = asIs.loans.filter((m) => m.funds).length;
  console.log(`  ${asIs.loans.length} loans, ${traced} traced, ${asIs.loans.reduce((s, m) => s + m.alerts.length, 0)} alerts`);
  const worst = await timed('monitor open loans (all disbursed at opening)', () => monitorLoans({ ...input, facts: allDisbursed(facts) }, MONITORING_DEFAULTS));
  const alerts = worst.loans.reduce((s, m) => s + m.alerts.length, 0);
  console.log(`  ${worst.loans.length} loans, ${worst.loans.filter((m) => m.funds).length} traced, ${alerts} alerts`);
  if (write) {
    const records = await timed('result records (all disbursed)', () => monitoringRecords(worst, ids, facts));
    const runId = `bench-monitoring-${asOfMs}`;
    await timed(`write ${records.length} loans under ${runId}`, () => writeLoanMonitoring(rt.db, runId, records, Math.max(1, Math.floor(rt.config.metrics.writeBatchRows / 10))));
    await timed('delete them again', () => deleteRunMonitoring(rt.db, runId));
  }
} finally {
  await rt.close();
}
