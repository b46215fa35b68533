/**
 * `creditgraph monitor [--loan ID]`: post-loan monitoring from the run in service — the loan alerts
 * (newest first), or one loan's use of funds, alerts, behaviour and moving limit.
 */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { currencyExponent } from '../../ingest/field-parsers.js';
import type { AlertRecord, LoanMonitoringRecord } from '../../monitoring/monitoring-record.js';
import { ALERT_CODES, type AlertCode } from '../../monitoring/monitoring-options.js';
import { openRuntime } from '../../runtime/runtime.js';
import { findLoanAlerts, readLoanMonitoring } from '../../use-cases/monitoring-reads.js';

const money = (minor: number, currency: string) => {
  const e = currencyExponent(currency);
  return `${(minor / 10 ** e).toFixed(e)} ${currency}`;
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const day = (iso: string) => iso.slice(0, 10);

function alertLine(a: AlertRecord): string {
  return `${day(a.at)}  ${a.severity.padEnd(6)} ${a.code.padEnd(22)} loan ${a.loanId}  ${money(a.amountMinor, a.currency)} (${pct(a.share)})  ${a.path.join(' → ')}  — ${a.detail}`;
}

function printLoan(m: LoanMonitoringRecord, runId: string | null): void {
  const c = m.currency;
  console.log(`loan ${m.loanId} (${m.status}) of ${m.borrower}${m.lender ? ` from lender ${m.lender}` : ''}: ${money(m.amountMinor, c)}, run ${runId}`);
  if (!m.disbursement || !m.flow) console.log('  no disbursement (no lender payment, no disbursedAt): funds not traced');
  else {
    const d = m.disbursement;
    console.log(`  disbursed ${day(d.at)} ${money(d.amountMinor, c)} (${d.source}); traced to ${day(m.flow.windowEnd)}: paid out ${money(m.tracedMinor, c)}, still held ${money(m.retainedMinor, c)}`);
    console.log(`  loan money arriving by hop: ${m.flow.byHop.map((x, i) => `${i + 1}: ${money(x, c)}`).join(', ')}`);
    for (const e of m.flow.edges) console.log(`    hop ${e.hop}  ${e.from} → ${e.to}  ${money(e.amountMinor, c)}${e.alert ? `  [${e.alert}]` : ''}`);
  }
  console.log(m.alerts.length ? '  alerts:' : '  no alerts');
  for (const a of m.alerts) console.log(`    ${alertLine(a)}`);
  const b = m.behaviour;
  const last = b.weeks.at(-1);
  console.log(`  baseline: inflow ${money(b.baselineInflowMinor, c)} / week, outflow ${money(b.baselineOutflowMinor, c)} / week`);
  if (last && last.week >= 0) {
    console.log(`  week ${last.week}: recent inflow ${money(last.recentInflowMinor, c)} / week, top customers lost ${last.lostCustomers}, bad share ${pct(last.badShare)}${last.communityRiskChange === null ? '' : `, community risk ${last.communityRiskChange >= 0 ? '+' : ''}${pct(last.communityRiskChange)}`}`);
  }
  const factors = m.limit.factors.map((f) => `${f.name} ×${f.factor.toFixed(2)}`).join(', ');
  console.log(`  limit ${money(m.limit.amountMinor, c)} of ${money(m.limit.baseMinor, c)}${factors ? ` (${factors})` : ''}`);
}

export function registerMonitor(program: Command): void {
  program
    .command('monitor')
    .description('post-loan monitoring: the loan alerts of the run in service, or one loan in detail')
    .option('--loan <id>', 'one loan: use of funds, alerts, behaviour, moving limit')
    .option('--run <id>', 'metrics run (default: the run in service)')
    .option('--code <code>', `only alerts of this code (${ALERT_CODES.join(', ')})`)
    .option('--lender <id>', 'only alerts on loans of this lender')
    .option('--limit <n>', 'most alerts listed', '50')
    .option('--json', 'print JSON')
    .action(async (o: { loan?: string; run?: string; code?: string; lender?: string; limit: string; json?: boolean }) => {
      if (o.code && !(ALERT_CODES as readonly string[]).includes(o.code)) throw new Error(`--code must be one of ${ALERT_CODES.join(', ')}`);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error('--limit must be an integer from 1 to 1000');
      const rt = await openRuntime(configFromEnvironment());
      try {
        if (o.loan) {
          const answer = await readLoanMonitoring(rt.db, o.loan, o.run ?? null);
          if (o.json) console.log(JSON.stringify(answer, null, 2));
          else if (!answer.monitoring) console.log(`loan ${o.loan}: not monitored by a run in service (not open at the last run, or no run yet)`);
          else printLoan(answer.monitoring, answer.runId);
          return;
        }
        const found = await findLoanAlerts(rt.db, o.run ?? null, { code: (o.code as AlertCode | undefined) ?? null, lender: o.lender ?? null, minSeverity: 'low', sort: 'newest', limit });
        if (o.json) console.log(JSON.stringify(found, null, 2));
        else {
          console.log(found.runId ? `${found.total} loan alert${found.total === 1 ? '' : 's'} in run ${found.runId}${found.total > found.items.length ? ` (newest ${found.items.length})` : ''}` : 'no metrics run in service yet');
          for (const a of found.items) console.log(alertLine(a));
        }
      } finally {
        await rt.close();
      }
    });
}
