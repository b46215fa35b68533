/**
 * Post-loan monitoring after an ingest load: the open loans the load touched (their borrower or lender,
 * or an entity their money passed through, appears in a batch of payments, loans, flags, identifiers,
 * ownerships or supply links) are monitored again from their local facts and written under the run
 * that serves them, replacing its results for those loans (a loan no longer open loses them). The same
 * pure code as the nightly run; only the community risk change waits for the next run (it needs every
 * community member's labels). Per load the work is bounded in time — at most `budgetFactor` times the
 * load's own duration, and at least `minBudgetMs` — so a large load is not slowed by more than a
 * fraction; the loans left over (logged) are covered by the next run.
 */
import type { Database } from '../db/driver.js';
import {
  deleteLoanMonitoring,
  findLoanRun,
  getBorrowerContext,
  hasRunInService,
  getLoan,
  listEntityFacts,
  listPaidEvents,
  listTouchedOpenLoans,
} from '../db/monitoring-facts-repository.js';
import { writeLoanMonitoring } from '../db/monitoring-repository.js';
import type { RecordType } from '../ingest/record-types.js';
import { getLogger } from '../logging/logger.js';
import { findDisbursement } from '../monitoring/disbursement.js';
import { localInput, type LoanRow, type PaidRow } from '../monitoring/local-input.js';
import { openLoans, monitorLoans } from '../monitoring/monitor-loans.js';
import { DAY_MS, WEEK_MS, type MonitoringOptions } from '../monitoring/monitoring-options.js';
import { monitoringRecords } from '../monitoring/monitoring-record.js';
import { addLoadObserver, type BatchEvent, type LoadObserver } from './ingest-batch-loader.js';

const log = getLogger('monitoring');

/** Identifiers used by more entities than this are not a relation (as in the metrics run). */
const MAX_IDENTIFIER_SHARE = 50;
/** Most entities followed per hop of a local trace (those receiving the most in the window). */
const MAX_FRONTIER = 2000;

const NO_CONTEXT = { groups: [], ownerships: [], supplies: [], counterparties: [] };

/** Record types whose batches can change a loan's monitoring. */
const RELEVANT: ReadonlySet<RecordType> = new Set<RecordType>(['payments', 'loans', 'flags', 'identifiers', 'ownerships', 'supplies']);

/** Payees of `frontier`'s payments in [from, to], largest received first, at most MAX_FRONTIER. */
function nextFrontier(events: readonly PaidRow[], known: ReadonlySet<string>): string[] {
  const received = new Map<string, number>();
  for (const e of events) if (!known.has(e.payee)) received.set(e.payee, (received.get(e.payee) ?? 0) + e.amountMinor);
  return [...received.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_FRONTIER).map(([id]) => id);
}

/** Reads the local facts of one loan (null when the loan is gone). */
async function readLocal(db: Database, loan: LoanRow, options: MonitoringOptions, asOfMs: number) {
  const start = Math.min(loan.openedAtMs, loan.disbursedAtMs ?? Infinity) - options.disbursementBeforeDays * DAY_MS;
  const readFromMs = start - (Math.max(options.baselineWeeks, options.lostAfterWeeks, options.limit.recentWeeks) + 1) * WEEK_MS;
  const events = await listPaidEvents(db, [loan.borrower], readFromMs, asOfMs, true);
  const preliminary = localInput({ loan, events, readFromMs, entities: [], context: NO_CONTEXT, asOfMs });
  const d = findDisbursement(preliminary.input.facts, preliminary.loan, options);
  const known = new Set<string>([loan.borrower]);
  if (d && d.at <= asOfMs) {
    const windowEnd = Math.min(d.at + options.windowDays * DAY_MS, asOfMs);
    let frontier = [loan.borrower];
    for (let hop = 1; hop <= options.maxHops && frontier.length > 0; hop++) {
      frontier = nextFrontier(await listPaidEvents(db, frontier, d.at, windowEnd, false), known);
      frontier.forEach((id) => known.add(id));
    }
    known.delete(loan.borrower);
    events.push(...(await listPaidEvents(db, [...known], d.at - options.lookbackDays * DAY_MS, windowEnd, true)));
  }
  const ids = new Set<string>([loan.borrower, ...(loan.lender ? [loan.lender] : [])]);
  for (const e of events) ids.add(e.payer).add(e.payee);
  const [entities, context] = await Promise.all([listEntityFacts(db, [...ids]), getBorrowerContext(db, loan.borrower, MAX_IDENTIFIER_SHARE)]);
  return localInput({ loan, events, readFromMs, entities, context, asOfMs });
}

/**
 * Monitors one loan now from its local facts and stores the result under the run that serves it.
 * Returns 'updated', 'removed' (no longer open) or 'skipped' (no such loan, or no run to write under).
 */
export async function monitorLoanNow(db: Database, loanId: string, options: MonitoringOptions, asOfMs: number): Promise<'updated' | 'removed' | 'skipped'> {
  const [loan, runId] = await Promise.all([getLoan(db, loanId), findLoanRun(db, loanId)]);
  if (!loan || !runId) return 'skipped';
  const probe = localInput({ loan, events: [], readFromMs: -Infinity, entities: [], context: NO_CONTEXT, asOfMs });
  if (!openLoans(probe.input.facts, asOfMs).includes(probe.loan)) {
    await deleteLoanMonitoring(db, runId, [loanId]);
    return 'removed';
  }
  const { input, loan: k } = await readLocal(db, loan, options, asOfMs);
  const run = monitorLoans(input, options, [k]);
  await writeLoanMonitoring(db, runId, monitoringRecords(run, input.ids, input.facts), 1);
  return 'updated';
}

export interface TouchedLoansOptions {
  readonly options: MonitoringOptions;
  /** Time for the update, as a multiple of the load's duration (default 0.25)… */
  readonly budgetFactor?: number;
  /** …and at least this long, in ms (default 10,000). */
  readonly minBudgetMs?: number;
  /** The clock (as-of time of the update, and its budget). */
  readonly now?: () => number;
}

/** Gathers the entities one load touched and, at its end, monitors again the open loans they touch. */
export class TouchedLoansObserver implements LoadObserver {
  private readonly touched = new Set<string>();
  private startedAt: number | null = null;
  /** Loans updated or removed by this observer. */
  updated = 0;
  /** Loans left to the next run (out of time). */
  deferred = 0;

  constructor(
    private readonly db: Database,
    private readonly opts: TouchedLoansOptions,
  ) {}

  batch(event: BatchEvent): void {
    this.startedAt ??= this.clock();
    if (RELEVANT.has(event.type)) for (const id of event.touchedEntityIds) this.touched.add(id);
  }

  private clock(): number {
    return (this.opts.now ?? Date.now)();
  }

  async end(): Promise<void> {
    if (this.touched.size === 0) return;
    const ids = [...this.touched];
    this.touched.clear();
    if (!(await hasRunInService(this.db))) return;
    const asOf = this.clock();
    const budget = Math.max(this.opts.minBudgetMs ?? 10_000, (this.opts.budgetFactor ?? 0.25) * (asOf - (this.startedAt ?? asOf)));
    const loans = await listTouchedOpenLoans(this.db, ids);
    for (const [k, loanId] of loans.entries()) {
      if (this.clock() - asOf > budget) {
        this.deferred = loans.length - k;
        log.info({ loans: loans.length, deferred: this.deferred, budgetMs: Math.round(budget) }, 'loans touched by the load left to the next run');
        break;
      }
      if ((await monitorLoanNow(this.db, loanId, this.opts.options, asOf)) !== 'skipped') this.updated += 1;
    }
  }
}

/** Registers the update for every ingest load of this process; returns the function that removes it. */
export function registerTouchedLoansHook(db: Database, opts: TouchedLoansOptions): () => void {
  return addLoadObserver(() => new TouchedLoansObserver(db, opts));
}
