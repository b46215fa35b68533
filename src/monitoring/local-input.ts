/**
 * A MonitoringInput from the local facts around one loan (rows read after an ingest load) instead of
 * a whole snapshot, so the same pure monitoring serves the nightly run and the update after a load.
 * Entities get local indices in order of appearance. A counterparty whose first payment with the
 * borrower is older than the payments read is represented by one zero-amount payment at that time, so
 * the prior-relationship rule sees it while balances and behaviour stay untouched.
 */
import { FactsBuilder } from '../analytics/facts-builder.js';
import { LOAN_STATUS } from '../analytics/facts.js';
import type { MonitoringInput } from './monitoring-input.js';

export interface LoanRow {
  readonly id: string;
  readonly borrower: string;
  readonly lender: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly openedAtMs: number;
  readonly dueAtMs: number;
  readonly closedAtMs: number | null;
  readonly disbursedAtMs: number | null;
  readonly status: string;
}

export interface PaidRow {
  readonly id: string;
  readonly payer: string;
  readonly payee: string;
  readonly atMs: number;
  readonly amountMinor: number;
  readonly currency: string;
}

export interface EntityFactsRow {
  readonly id: string;
  readonly kind: string | null;
  readonly flags: readonly { atMs: number; reason: string }[];
  readonly loans: readonly LoanRow[];
  /** Ratings it received (what counterparties reported). */
  readonly reports: readonly { rater: string; rating: number; atMs: number }[];
}

export interface BorrowerContextRow {
  readonly groups: readonly (readonly string[])[];
  readonly ownerships: readonly { person: string; business: string }[];
  readonly supplies: readonly { supplier: string; buyer: string; sinceMs: number | null }[];
  readonly counterparties: readonly { id: string; firstMs: number }[];
}

export interface LocalRows {
  readonly loan: LoanRow;
  readonly events: readonly PaidRow[];
  /** Earliest time the borrower's payments were read from (older counterparties become zero-amount events). */
  readonly readFromMs: number;
  readonly entities: readonly EntityFactsRow[];
  readonly context: BorrowerContextRow;
  readonly asOfMs: number;
}

/** The input and the local index of the loan. */
export function localInput(rows: LocalRows): { input: MonitoringInput; loan: number } {
  const f = new FactsBuilder();
  const b = f.indexOf(rows.loan.borrower);
  for (const e of rows.entities) f.entity(e.id, e.kind, null);
  const seen = new Set<string>();
  for (const e of rows.events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    f.payment(f.indexOf(e.payer), f.indexOf(e.payee), e.atMs, e.amountMinor, e.currency);
  }
  for (const c of rows.context.counterparties) {
    if (c.firstMs < rows.readFromMs) f.payment(b, f.indexOf(c.id), c.firstMs, 0, rows.loan.currency);
  }
  const loans = new Set<string>();
  for (const l of [rows.loan, ...rows.entities.flatMap((e) => e.loans)]) {
    if (loans.has(l.id) || !Object.hasOwn(LOAN_STATUS, l.status)) continue;
    loans.add(l.id);
    f.loan({ ...l, status: l.status as keyof typeof LOAN_STATUS });
  }
  for (const e of rows.entities) {
    for (const flag of e.flags) f.flagged(e.id, flag.atMs, flag.reason);
    for (const r of e.reports) f.rating(f.indexOf(r.rater), f.indexOf(e.id), r.rating, r.atMs);
  }
  for (const o of rows.context.ownerships) f.ownership(o.person, o.business, null);
  for (const s of rows.context.supplies) f.supply(s.supplier, s.buyer, s.sinceMs, null);
  const identifierGroups = rows.context.groups.map((g) => g.map((id) => f.indexOf(id)));
  const facts = f.finish();
  return {
    loan: facts.loans.ids.indexOf(rows.loan.id),
    input: { ids: f.ids, facts, asOfMs: rows.asOfMs, identifierGroups, community: null },
  };
}
