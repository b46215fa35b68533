/**
 * Money-movement features of one entity: how much of what comes in goes straight out again
 * (pass-through within 24 and 72 hours), and how its payment amounts look (round and repeated amounts).
 * Mule and fraud accounts forward what they receive within hours and move round or identical sums;
 * a trading business keeps money for days and pays amounts set by invoices. Payments only: a rating
 * network has none, so these features are missing there (and training drops them).
 */
import { DAY_MS, type EntityEvents, type FactIndex } from './fact-index.js';
import type { FeatureWriter } from './feature-writer.js';

const HOUR_MS = 3_600_000;
const PASS_THROUGH_WINDOW_DAYS = 90;
const AMOUNT_WINDOW_DAYS = 365;
/** A round amount is a whole multiple of this many currency units. */
const ROUND_UNITS = 100;

const minorDigits = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (2 when the runtime does not know the code). */
export function currencyDigits(code: string): number {
  let d = minorDigits.get(code);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    minorDigits.set(code, d);
  }
  return d;
}

/**
 * Share of the inflow paid out again within `windowMs` of arriving: inflows queue in time order and
 * each outflow consumes the oldest inflow still within the window (first in, first out); null when
 * there is no inflow. Events at the same time: the inflow comes first.
 */
export function passThroughShare(
  inAt: ArrayLike<number>,
  inAmount: ArrayLike<number>,
  outAt: ArrayLike<number>,
  outAmount: ArrayLike<number>,
  windowMs: number,
): number | null {
  let total = 0;
  for (let i = 0; i < inAmount.length; i++) total += inAmount[i]!;
  if (total <= 0) return null;
  const left = Float64Array.from(inAmount);
  let head = 0;
  let next = 0;
  let matched = 0;
  for (let o = 0; o < outAt.length; o++) {
    const at = outAt[o]!;
    while (next < inAt.length && inAt[next]! <= at) next++;
    let want = outAmount[o]!;
    while (head < next && want > 0) {
      if (inAt[head]! < at - windowMs || left[head]! <= 0) {
        head++;
        continue;
      }
      const take = Math.min(want, left[head]!);
      left[head]! -= take;
      want -= take;
      matched += take;
    }
  }
  return matched / total;
}

/** Share of amounts (with their currencies) that occur more than once; null for none. */
export function repeatedShare(amount: readonly number[], currency: readonly number[]): number | null {
  const k = amount.length;
  if (k === 0) return null;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => currency[a]! - currency[b]! || amount[a]! - amount[b]!);
  let repeated = 0;
  for (let i = 0; i < k;) {
    let j = i + 1;
    while (j < k && amount[order[j]!] === amount[order[i]!] && currency[order[j]!] === currency[order[i]!]) j++;
    if (j - i > 1) repeated += j - i;
    i = j;
  }
  return repeated / k;
}

/** Writes the money-movement features of v. `currency` is its main currency index (−1: none). */
export function movementFeatures(ix: FactIndex, v: number, ev: EntityEvents, currency: number, out: FeatureWriter): void {
  const p = ix.facts.payments;
  const t = ix.asOfMs;
  const since = t - PASS_THROUGH_WINDOW_DAYS * DAY_MS;
  const inAt: number[] = [];
  const inAmount: number[] = [];
  const outAt: number[] = [];
  const outAmount: number[] = [];
  const amounts: number[] = [];
  const currencies: number[] = [];
  let round = 0;
  const seen = (i: number) => {
    if (t - p.at[i]! > AMOUNT_WINDOW_DAYS * DAY_MS) return;
    const c = p.currency[i]!;
    amounts.push(p.amount[i]!);
    currencies.push(c);
    const unit = ROUND_UNITS * 10 ** currencyDigits(ix.facts.currencies[c]!);
    if (p.amount[i]! > 0 && p.amount[i]! % unit === 0) round++;
  };
  for (let k = ev.inStart; k < ev.inEnd; k++) {
    const i = p.inOrder[k]!;
    if (p.payer[i] === v) continue;
    seen(i);
    if (p.currency[i] === currency && p.at[i]! >= since) {
      inAt.push(p.at[i]!);
      inAmount.push(p.amount[i]!);
    }
  }
  for (let i = ev.outStart; i < ev.outEnd; i++) {
    if (p.payee[i] === v) continue;
    seen(i);
    if (p.currency[i] === currency && p.at[i]! >= since) {
      outAt.push(p.at[i]!);
      outAmount.push(p.amount[i]!);
    }
  }
  out.set('passThrough24h', passThroughShare(inAt, inAmount, outAt, outAmount, 24 * HOUR_MS));
  out.set('passThrough72h', passThroughShare(inAt, inAmount, outAt, outAmount, 72 * HOUR_MS));
  out.set('roundAmountShare', amounts.length ? round / amounts.length : null);
  out.set('repeatedAmountShare', repeatedShare(amounts, currencies));
}
