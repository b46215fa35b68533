/**
 * The other synthetic facts: supply links, ownership, identifiers (own and ring-shared phones and
 * devices), loans whose default probability rises with the bad share of the borrower's counterparties
 * and of its community (so graph signals carry information), and flags on a share of bad entities.
 * Pure generators over the seeded Random; entities are indices, the writer turns them into ids.
 */
import { createRandom } from './random.js';
import { sampleInCommunity, type Population } from './population.js';
import type { CounterpartyStats } from './payments.js';
import { DAY_MS, PERIOD_MS, PERIOD_START_MS } from './sizes.js';

export interface SyntheticSupply {
  supplier: number;
  buyer: number;
  sinceMs: number;
  volumeMinor: number;
  invoices: number;
}
export interface SyntheticOwnership {
  person: number;
  business: number;
  role: 'owns' | 'directs';
  sinceMs: number;
}
export interface SyntheticIdentifier {
  entity: number;
  type: 'phone' | 'device' | 'address';
  value: string;
}
export interface SyntheticLoan {
  borrower: number;
  amountMinor: number;
  openedAtMs: number;
  dueAtMs: number;
  status: 'current' | 'late' | 'defaulted' | 'repaid';
  closedAtMs: number | null;
}
export interface SyntheticFlag {
  entity: number;
  reason: string;
  atMs: number;
  source: string;
}

const END_MS = PERIOD_START_MS + PERIOD_MS;
const randomTime = (r: () => number, from = PERIOD_START_MS - 3 * 365 * DAY_MS, to = PERIOD_START_MS) =>
  Math.floor(from + r() * (to - from));

export function* generateSupplies(p: Population, seed: number): Generator<SyntheticSupply> {
  const random = createRandom(seed, 'supplies');
  for (let buyer = 0; buyer < p.n; buyer++) {
    for (let k = p.supplierStart[buyer] as number; k < (p.supplierStart[buyer + 1] as number); k++) {
      const volumeMinor = Math.round(random.logNormal(10, 1) * 100);
      yield {
        supplier: p.suppliers[k] as number,
        buyer,
        sinceMs: randomTime(random.next),
        volumeMinor,
        invoices: 1 + random.int(60),
      };
    }
  }
}

export function* generateOwnerships(p: Population, seed: number): Generator<SyntheticOwnership> {
  const random = createRandom(seed, 'ownerships');
  for (let person = 0; person < p.n; person++) {
    if (p.kind[person] !== 1) continue;
    for (const role of ['owns', 'directs'] as const) {
      if (!random.chance(role === 'owns' ? 0.35 : 0.1)) continue;
      for (let tries = 0; tries < 8; tries++) {
        const b = sampleInCommunity(p, p.community[person] as number, random);
        if (b !== null && p.kind[b] === 0) {
          yield {
            person,
            business: b,
            role,
            sinceMs: randomTime(random.next, PERIOD_START_MS - 10 * 365 * DAY_MS),
          };
          break;
        }
      }
    }
  }
}

export function* generateIdentifiers(p: Population, seed: number): Generator<SyntheticIdentifier> {
  const random = createRandom(seed, 'identifiers');
  const width = String(p.n).length;
  for (let i = 0; i < p.n; i++) {
    yield { entity: i, type: 'phone', value: `+1555${String(i).padStart(Math.max(7, width), '0')}` };
    if (random.chance(0.6)) yield { entity: i, type: 'device', value: `dev-${i.toString(36)}` };
    if (p.kind[i] === 0) {
      // a few businesses of a community share an address (benign: a business park)
      const shared = random.chance(0.05);
      yield {
        entity: i,
        type: 'address',
        value: shared ? `addr-c${p.community[i]}-park` : `addr-${i.toString(36)}`,
      };
    }
    const r = p.ring[i] as number;
    if (r >= 0) {
      yield { entity: i, type: 'phone', value: `+1666${String(r).padStart(7, '0')}` };
      yield { entity: i, type: 'device', value: `dev-ring-${r}` };
    }
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Realised bad share of each community. */
function communityBadRates(p: Population): Float64Array {
  const rates = new Float64Array(p.communityCount);
  for (let c = 0; c < p.communityCount; c++) {
    const from = p.communityStart[c] as number;
    const to = p.communityStart[c + 1] as number;
    let bad = 0;
    for (let k = from; k < to; k++) bad += p.bad[p.byCommunity[k] as number] as number;
    rates[c] = to > from ? bad / (to - from) : 0;
  }
  return rates;
}

/** Default probability: logistic in counterparty bad share, community bad rate and the hidden label. */
export function defaultProbability(badShare: number, communityRate: number, bad: boolean): number {
  return sigmoid(-3.6 + 7 * badShare + 6 * communityRate + 2.2 * (bad ? 1 : 0));
}

export function* generateLoans(
  p: Population,
  stats: CounterpartyStats,
  seed: number,
): Generator<SyntheticLoan> {
  const random = createRandom(seed, 'loans');
  const rates = communityBadRates(p);
  const count = Math.round(p.n * 0.12);
  for (let k = 0; k < count; k++) {
    const borrower = random.int(p.n);
    const badShare =
      ((stats.badCounterparties[borrower] as number) + 0.25) /
      ((stats.counterparties[borrower] as number) + 5);
    const pd = defaultProbability(
      badShare,
      rates[p.community[borrower] as number] as number,
      p.bad[borrower] === 1,
    );
    const openedAtMs = PERIOD_START_MS + Math.floor(random.next() * (PERIOD_MS - 60 * DAY_MS));
    const dueAtMs = openedAtMs + (90 + random.int(450)) * DAY_MS;
    const amountMinor = Math.round(random.logNormal(p.kind[borrower] === 0 ? 9.5 : 7.5, 0.8) * 100);
    let status: SyntheticLoan['status'];
    let closedAtMs: number | null = null;
    if (random.chance(pd)) {
      status = 'defaulted';
      closedAtMs = Math.min(
        END_MS - DAY_MS,
        openedAtMs + Math.floor((dueAtMs - openedAtMs) * (0.3 + 0.6 * random.next())),
      );
    } else if (dueAtMs < END_MS) {
      status = 'repaid';
      closedAtMs = dueAtMs - random.int(30) * DAY_MS;
    } else status = random.chance(pd) ? 'late' : 'current';
    yield { borrower, amountMinor, openedAtMs, dueAtMs, status, closedAtMs };
  }
}

export function* generateFlags(p: Population, seed: number): Generator<SyntheticFlag> {
  const random = createRandom(seed, 'flags');
  const reasons = ['chargebacks', 'synthetic_identity', 'analyst_finding'];
  for (let i = 0; i < p.n; i++) {
    if (!p.bad[i]) continue;
    const atMs = PERIOD_START_MS + Math.floor(random.next() * PERIOD_MS);
    if ((p.ring[i] as number) >= 0) {
      if (random.chance(0.6)) yield { entity: i, reason: 'payment_cycle', atMs, source: 'fraud-team' };
    } else if (random.chance(0.25))
      yield { entity: i, reason: random.pick(reasons), atMs, source: 'analyst' };
  }
}
