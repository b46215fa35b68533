/**
 * Planted post-loan monitoring cases (docs/monitoring.md, "Sample data"): a few disbursed loans whose
 * money does what each alert code describes, and clean loans beside them, so a demo shows every code.
 * Each set plants, with fresh entities, one loan of each case:
 *   FUNDS_TO_BAD           B → X (an established payee) → T, T flagged 60 days before the loan;
 *   ROUND_TRIP             B → X → Y → B (odd sets), or B → X → R with R sharing a device with B (even);
 *   LOAN_STACKING          B → M (even sets), or B → X → M (odd), M the lender of B's older open loan;
 *   NO_PRIOR_RELATIONSHIP  B → N1, N2, N3, none of which B dealt with before (30 % each);
 *   clean                  B → S, its supplier for two years (70 %), the rest kept.
 * The entities are "quiet" ones (businesses of low activity, never latently bad, no generated loan,
 * no shared identifier, no ownership), so the random payments around them move at most a few percent of
 * a loan (100,000 to 150,000 in the currency): below every alert's raise band. Deterministic for a seed.
 */
import { createRandom } from './random.js';
import type { Population } from './population.js';
import {
  generateIdentifiers,
  generateLoans,
  generateOwnerships,
  type SyntheticFlag,
  type SyntheticIdentifier,
  type SyntheticLoan,
  type SyntheticSupply,
} from './facts.js';
import { createCounterpartyStats, type SyntheticPayment } from './payments.js';
import { DAY_MS, PERIOD_MS, PERIOD_START_MS } from './sizes.js';

export const MONITORING_CASES = ['FUNDS_TO_BAD', 'ROUND_TRIP', 'LOAN_STACKING', 'NO_PRIOR_RELATIONSHIP', 'clean'] as const;
export type MonitoringCase = (typeof MONITORING_CASES)[number];

/** A planted loan: the generator's loan plus its lender and disbursement time. */
export interface PlantedLoan extends SyntheticLoan {
  readonly lender: number;
  /** Null when the disbursement is the lender's payment (odd sets), else the recorded time. */
  readonly disbursedAtMs: number | null;
  /** The case it plants ('older' for the stacking case's earlier loan from the other lender). */
  readonly plants: MonitoringCase | 'older';
  /** The path the planted money takes (entity indices from the borrower), for the documentation and tests. */
  readonly path: readonly number[];
}

export interface MonitoringPlan {
  readonly loans: readonly PlantedLoan[];
  readonly payments: readonly SyntheticPayment[];
  readonly supplies: readonly SyntheticSupply[];
  readonly flags: readonly SyntheticFlag[];
  readonly identifiers: readonly SyntheticIdentifier[];
}

/** Sets planted per size (each set: one loan per case). */
export const PLANTED_SETS = { s: 2, m: 4, l: 8 } as const;

/** Entities that generated facts could make bad, related or otherwise noisy: never planted. */
export interface Excluded {
  readonly borrowers: ReadonlySet<number>;
  readonly shared: ReadonlySet<number>;
  readonly owned: ReadonlySet<number>;
}

/**
 * The entities the generated facts could make bad, related or noisy: every borrower of a generated loan
 * (which loans default depends on payments, but who borrows does not), every entity sharing an address
 * (the only identifier the generator gives good entities in common), and every party to an ownership.
 */
export function excludedFromPlanting(p: Population, seed: number): Excluded {
  const borrowers = new Set<number>();
  for (const l of generateLoans(p, createCounterpartyStats(p.n), seed)) borrowers.add(l.borrower);
  const firstUser = new Map<string, number>();
  const shared = new Set<number>();
  for (const r of generateIdentifiers(p, seed)) {
    if (r.type !== 'address') continue;
    const other = firstUser.get(r.value);
    if (other === undefined) firstUser.set(r.value, r.entity);
    else shared.add(other).add(r.entity);
  }
  const owned = new Set<number>();
  for (const o of generateOwnerships(p, seed)) owned.add(o.person).add(o.business);
  return { borrowers, shared, owned };
}

const END_MS = PERIOD_START_MS + PERIOD_MS;
const HOUR_MS = 3_600_000;

/** Quiet businesses, in a seeded random order. */
function quietPool(p: Population, excluded: Excluded, seed: number): number[] {
  const activities = Array.from(p.activity).sort((a, b) => a - b);
  const cut = activities[Math.floor(activities.length * 0.3)] ?? 0;
  const pool: number[] = [];
  for (let i = 0; i < p.n; i++) {
    if (p.kind[i] !== 0 || p.bad[i] || (p.activity[i] as number) > cut) continue;
    if (excluded.borrowers.has(i) || excluded.shared.has(i) || excluded.owned.has(i)) continue;
    pool.push(i);
  }
  const random = createRandom(seed, 'monitoring-cases');
  for (let k = pool.length - 1; k > 0; k--) {
    const j = random.int(k + 1);
    [pool[k], pool[j]] = [pool[j] as number, pool[k] as number];
  }
  return pool;
}

/** Entities one set needs: 2 lenders + the cases' entities. */
const PER_SET = 2 + 3 + 3 + 2 + 4 + 2;

/** What planting one case needs: its borrower, time, amount and the helpers that record its facts. */
interface CaseKit {
  readonly b: number;
  readonly t0: number;
  /** The set's second lender (the stacking case's older loan). */
  readonly other: number;
  readonly odd: boolean;
  /** A shared device value of the set (the round-trip case of even sets). */
  readonly device: string;
  readonly plan: { [K in keyof MonitoringPlan]: MonitoringPlan[K][number][] };
  take(): number;
  /** The borrower's share of the loan paid from payer to payee, `hours` after t0. */
  pay(payer: number, payee: number, share: number, hours: number): void;
  /** A small payment 200 days before: x becomes an established payee of the borrower. */
  established(x: number): void;
  /** The planted loan, its money taking `path`. */
  loan(path: number[]): PlantedLoan;
}

const PLANTERS: Record<MonitoringCase, (k: CaseKit) => void> = {
  FUNDS_TO_BAD(k) {
    const [x, t] = [k.take(), k.take()];
    k.established(x);
    k.pay(k.b, x, 0.92, 30);
    k.pay(x, t, 0.92, 80);
    k.plan.flags.push({ entity: t, reason: 'analyst_finding', atMs: k.t0 - 60 * DAY_MS, source: 'analyst' });
    k.plan.loans.push(k.loan([k.b, x, t]));
  },
  ROUND_TRIP(k) {
    const [x, y] = [k.take(), k.take()];
    k.established(x);
    k.pay(k.b, x, 0.9, 20);
    k.pay(x, y, 0.88, 40);
    if (k.odd) {
      k.pay(y, k.b, 0.85, 60);
      k.plan.loans.push(k.loan([k.b, x, y, k.b]));
    } else {
      k.plan.identifiers.push({ entity: k.b, type: 'device', value: k.device }, { entity: y, type: 'device', value: k.device });
      k.plan.loans.push(k.loan([k.b, x, y]));
    }
  },
  LOAN_STACKING(k) {
    const x = k.take();
    const older = k.t0 - 200 * DAY_MS;
    k.plan.loans.push({ borrower: k.b, amountMinor: 40_000_00, openedAtMs: older, dueAtMs: k.t0 + 100 * DAY_MS, status: 'current', closedAtMs: null, lender: k.other, disbursedAtMs: older, plants: 'older', path: [] });
    k.plan.payments.push({ payer: k.other, payee: k.b, amountMinor: 40_000_00, atMs: older + HOUR_MS, channel: 'transfer' });
    if (k.odd) {
      k.established(x);
      k.pay(k.b, x, 0.6, 24);
      k.pay(x, k.other, 0.6, 48);
      k.plan.loans.push(k.loan([k.b, x, k.other]));
    } else {
      k.pay(k.b, k.other, 0.6, 24);
      k.plan.loans.push(k.loan([k.b, k.other]));
    }
  },
  NO_PRIOR_RELATIONSHIP(k) {
    const ns = [k.take(), k.take(), k.take()];
    ns.forEach((n, i) => k.pay(k.b, n, 0.3, 10 + 7 * i));
    k.plan.loans.push(k.loan([k.b, ns[0] as number]));
  },
  clean(k) {
    const supplier = k.take();
    k.plan.supplies.push({ supplier, buyer: k.b, sinceMs: k.t0 - 730 * DAY_MS, volumeMinor: 20_000_00, invoices: 12 });
    k.established(supplier);
    k.pay(k.b, supplier, 0.7, 50);
    k.plan.loans.push(k.loan([k.b, supplier]));
  },
};

export function planMonitoringCases(p: Population, excluded: Excluded, seed: number, sets: number): MonitoringPlan {
  const pool = quietPool(p, excluded, seed);
  const random = createRandom(seed, 'monitoring-amounts');
  const plan = { loans: [] as PlantedLoan[], payments: [] as SyntheticPayment[], supplies: [] as SyntheticSupply[], flags: [] as SyntheticFlag[], identifiers: [] as SyntheticIdentifier[] };
  const take = () => pool.pop() as number;
  const planted = Math.min(sets, Math.floor(pool.length / PER_SET));
  for (let s = 0; s < planted; s++) {
    const [lender, other] = [take(), take()];
    const odd = s % 2 === 1;
    MONITORING_CASES.forEach((kind, c) => {
      const t0 = END_MS - (45 + 5 * s + c) * DAY_MS + 9 * HOUR_MS;
      const amount = 100_000_00 + random.int(50_000) * 100;
      const b = take();
      const pay = (payer: number, payee: number, share: number, hours: number) =>
        plan.payments.push({ payer, payee, amountMinor: Math.round(amount * share), atMs: t0 + hours * HOUR_MS, channel: 'transfer' });
      pay(lender, b, 1, 0);
      PLANTERS[kind]({
        b, t0, other, odd, plan, take, pay,
        device: `dev-planted-${seed}-${s}`,
        established: (x) => pay(b, x, 0.001, -200 * 24),
        loan: (path) => ({ borrower: b, amountMinor: amount, openedAtMs: t0, dueAtMs: t0 + 365 * DAY_MS, status: 'current', closedAtMs: null, lender, disbursedAtMs: odd ? null : t0, plants: kind, path }),
      });
    });
  }
  plan.payments.sort((a, b) => a.atMs - b.atMs);
  return plan;
}
