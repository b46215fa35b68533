/**
 * A MonitoringInput from the local facts around one loan (rows read after an ingest load) instead of
 * a whole snapshot, so the same pure monitoring serves the nightly run and the update after a load.
 * Entities get local indices in order of appearance. A counterparty whose first payment with the
 * borrower is older than the payments read is represented by one zero-amount payment at that time, so
 * the prior-relationship rule sees it while balances and behaviour stay untouched.
 */
import { ENTITY_KIND, LOAN_STATUS } from '../analytics/facts.js';
import { buildFacts, type LoanFact, type PaymentFact } from './facts-builder.js';
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

const KINDS: Record<string, number> = { business: ENTITY_KIND.business, person: ENTITY_KIND.person };

function loanFact(l: LoanRow, index: (id: string) => number): LoanFact | null {
  if (!Object.hasOwn(LOAN_STATUS, l.status)) return null;
  return {
    id: l.id,
    borrower: index(l.borrower),
    lender: l.lender === null ? -1 : index(l.lender),
    amount: l.amountMinor,
    currency: l.currency,
    openedAt: l.openedAtMs,
    dueAt: l.dueAtMs,
    closedAt: l.closedAtMs ?? undefined,
    disbursedAt: l.disbursedAtMs ?? undefined,
    status: l.status as keyof typeof LOAN_STATUS,
  };
}

/** The input and the local index of the loan. */
export function localInput(rows: LocalRows): { input: MonitoringInput; loan: number } {
  const ids: string[] = [];
  const byId = new Map<string, number>();
  const index = (id: string) => {
    let v = byId.get(id);
    if (v === undefined) {
      v = ids.length;
      byId.set(id, v);
      ids.push(id);
    }
    return v;
  };
  const b = index(rows.loan.borrower);
  const seen = new Set<string>();
  const payments: PaymentFact[] = [];
  for (const e of rows.events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    payments.push({ payer: index(e.payer), payee: index(e.payee), at: e.atMs, amount: e.amountMinor, currency: e.currency });
  }
  for (const c of rows.context.counterparties) {
    if (c.firstMs < rows.readFromMs) payments.push({ payer: b, payee: index(c.id), at: c.firstMs, amount: 0, currency: rows.loan.currency });
  }
  const loans = new Map<string, LoanFact>();
  for (const l of [rows.loan, ...rows.entities.flatMap((e) => e.loans)]) {
    const fact = loans.has(l.id) ? null : loanFact(l, index);
    if (fact) loans.set(l.id, fact);
  }
  const flags = rows.entities.flatMap((e) => e.flags.map((f) => ({ entity: index(e.id), at: f.atMs, reason: f.reason })));
  const ownerships = rows.context.ownerships.map((o) => ({ person: index(o.person), business: index(o.business) }));
  const identifierGroups = rows.context.groups.map((g) => g.map(index));
  const supplies = rows.context.supplies.map((s) => ({ supplier: index(s.supplier), buyer: index(s.buyer), since: s.sinceMs ?? NaN }));
  const kind = new Map(rows.entities.map((e) => [index(e.id), KINDS[e.kind ?? ''] ?? ENTITY_KIND.unknown]));
  const facts = buildFacts({ n: ids.length, kind: ids.map((_, v) => kind.get(v) ?? ENTITY_KIND.unknown), payments, loans: [...loans.values()], flags, ownerships });
  const loan = facts.loans.ids.indexOf(rows.loan.id);
  return {
    loan,
    input: {
      ids,
      facts,
      asOfMs: rows.asOfMs,
      identifierGroups,
      supplies: {
        length: supplies.length,
        supplier: Uint32Array.from(supplies, (s) => s.supplier),
        buyer: Uint32Array.from(supplies, (s) => s.buyer),
        since: Float64Array.from(supplies, (s) => s.since),
      },
      community: null,
    },
  };
}
