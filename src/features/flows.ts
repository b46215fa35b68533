/**
 * Flow and lifecycle features of one entity: event counts and amounts in and out over 30, 90 and 365
 * days, net inflow, growth, regularity and burstiness of activity, tenure, account age, the account's
 * age at its first event and days since the last event. An event is a payment or a rating (a rating stands for a trade reported by a
 * counterparty); amounts are payments in the entity's main currency (the one most of its payments use).
 */
import { DAY_MS, type EntityEvents, type FactIndex } from './fact-index.js';
import type { FeatureWriter } from './feature-writer.js';

const WINDOWS = [30, 90, 365] as const;
/** The regularity and burstiness of activity look at this many most recent events. */
export const RECENT_EVENTS = 400;

export interface FlowFacts {
  readonly currency: number;
  readonly lastActivityMs: number | null;
}

/** The currency index most of v's payments before the as-of date use (ties: lower index), or −1. */
function mainCurrency(ix: FactIndex, ev: EntityEvents): number {
  const p = ix.facts.payments;
  const counts = new Map<number, number>();
  for (let i = ev.outStart; i < ev.outEnd; i++) counts.set(p.currency[i]!, (counts.get(p.currency[i]!) ?? 0) + 1);
  for (let k = ev.inStart; k < ev.inEnd; k++) {
    const c = p.currency[p.inOrder[k]!]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  for (const [c, n] of counts) if (n > bestCount || (n === bestCount && c < best)) [best, bestCount] = [c, n];
  return best;
}

/** Gaps statistics of sorted times: regularity 1/(1+CV) and burstiness (σ−μ)/(σ+μ); null under 3 events. */
export function gapStatistics(sortedTimes: ArrayLike<number>): { regularity: number | null; burstiness: number | null } {
  const k = sortedTimes.length;
  if (k < 3) return { regularity: null, burstiness: null };
  let sum = 0;
  for (let i = 1; i < k; i++) sum += sortedTimes[i]! - sortedTimes[i - 1]!;
  const mean = sum / (k - 1);
  if (mean <= 0) return { regularity: 0, burstiness: 1 };
  let sq = 0;
  for (let i = 1; i < k; i++) sq += (sortedTimes[i]! - sortedTimes[i - 1]! - mean) ** 2;
  const sd = Math.sqrt(sq / (k - 1));
  return { regularity: 1 / (1 + sd / mean), burstiness: (sd - mean) / (sd + mean) };
}

/** Times of the most recent `RECENT_EVENTS` events before the as-of date, ascending. */
function recentTimes(ix: FactIndex, ev: EntityEvents): Float64Array {
  const p = ix.facts.payments;
  const r = ix.facts.ratings;
  const take = (from: number, to: number) => Math.max(from, to - RECENT_EVENTS);
  const parts: number[] = [];
  for (let i = take(ev.outStart, ev.outEnd); i < ev.outEnd; i++) parts.push(p.at[i]!);
  for (let k = take(ev.inStart, ev.inEnd); k < ev.inEnd; k++) parts.push(p.at[p.inOrder[k]!]!);
  for (let i = take(ev.givenStart, ev.givenEnd); i < ev.givenEnd; i++) parts.push(r.at[i]!);
  for (let k = take(ev.gotStart, ev.gotEnd); k < ev.gotEnd; k++) parts.push(r.at[r.inOrder[k]!]!);
  const all = Float64Array.from(parts).sort();
  return all.subarray(Math.max(0, all.length - RECENT_EVENTS));
}

/** Writes the flow and lifecycle features of v; returns what the evidence needs. */
export function flowFeatures(ix: FactIndex, v: number, ev: EntityEvents, out: FeatureWriter): FlowFacts {
  const p = ix.facts.payments;
  const r = ix.facts.ratings;
  const t = ix.asOfMs;
  const currency = mainCurrency(ix, ev);
  const inCount = [0, 0, 0];
  const outCount = [0, 0, 0];
  const inAmount = [0, 0, 0];
  const outAmount = [0, 0, 0];
  let prior90 = 0;
  let first = Infinity;
  let last = -Infinity;
  const count = (at: number, amount: number, c: number, dir: 'in' | 'out') => {
    if (at < first) first = at;
    if (at > last) last = at;
    const age = t - at;
    if (age > 90 * DAY_MS && age <= 180 * DAY_MS) prior90++;
    WINDOWS.forEach((days, w) => {
      if (age > days * DAY_MS) return;
      if (dir === 'in') {
        inCount[w]!++;
        if (c === currency) inAmount[w]! += amount;
      } else {
        outCount[w]!++;
        if (c === currency) outAmount[w]! += amount;
      }
    });
  };
  for (let i = ev.outStart; i < ev.outEnd; i++) count(p.at[i]!, p.amount[i]!, p.currency[i]!, 'out');
  for (let k = ev.inStart; k < ev.inEnd; k++) {
    const i = p.inOrder[k]!;
    count(p.at[i]!, p.amount[i]!, p.currency[i]!, 'in');
  }
  for (let i = ev.givenStart; i < ev.givenEnd; i++) count(r.at[i]!, 0, -1, 'out');
  for (let k = ev.gotStart; k < ev.gotEnd; k++) count(r.at[r.inOrder[k]!]!, 0, -1, 'in');
  out.set('inCount30', inCount[0]!).set('inCount90', inCount[1]!).set('inCount365', inCount[2]!);
  out.set('outCount30', outCount[0]!).set('outCount90', outCount[1]!).set('outCount365', outCount[2]!);
  out.set('inAmount30', inAmount[0]!).set('inAmount90', inAmount[1]!).set('inAmount365', inAmount[2]!);
  out.set('outAmount30', outAmount[0]!).set('outAmount90', outAmount[1]!).set('outAmount365', outAmount[2]!);
  out.set('netInflow90', inAmount[1]! - outAmount[1]!);
  const recent = inCount[1]! + outCount[1]!;
  out.set('growth', recent + prior90 === 0 ? null : (recent - prior90) / Math.max(prior90, 1));
  const gaps = gapStatistics(recentTimes(ix, ev));
  out.set('regularity', gaps.regularity).set('burstiness', gaps.burstiness);
  const opened = ix.facts.openedAt[v]!;
  const openedBefore = opened < t ? opened : NaN;
  const start = Math.min(first, Number.isNaN(openedBefore) ? Infinity : openedBefore);
  out.set('tenureDays', Number.isFinite(start) ? Math.max(0, (t - start) / DAY_MS) : null);
  out.set('accountAgeDays', Number.isNaN(openedBefore) ? null : (t - openedBefore) / DAY_MS);
  const ageAtFirst = Number.isFinite(first) && !Number.isNaN(openedBefore) ? Math.max(0, (first - openedBefore) / DAY_MS) : null;
  out.set('ageAtFirstActivityDays', ageAtFirst);
  const hasEvents = Number.isFinite(last);
  out.set('daysSinceActivity', hasEvents ? Math.max(0, (t - last) / DAY_MS) : null);
  return { currency, lastActivityMs: hasEvents ? last : null };
}
