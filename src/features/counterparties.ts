/**
 * Counterparty features of one entity: how many it deals with (last year, in and out over 90 days and
 * their growth, how many are new), reciprocity, trading degree, concentration of its inflow, the share
 * of its counterparties that are bad and the mean outcome of their other relationships. A counterparty is any other entity it paid, was paid by, rated or was
 * rated by before the as-of date.
 *
 * "Bad" is the one definition of src/analytics/bad-entities.ts, with one refinement here: the
 * entity's own ratings of a counterparty are left out of that counterparty's reported outcomes, so an
 * entity's own reports never make its counterparties look bad to itself.
 */
import { mostlyAdverse } from '../analytics/bad-entities.js';
import { DAY_MS, type EntityEvents, type FactIndex } from './fact-index.js';
import type { FeatureWriter } from './feature-writer.js';

/** Bad counterparties named in the evidence, most recent first. */
const EVIDENCE_IDS = 5;

export interface CounterpartyFacts {
  readonly topPayer: { readonly id: string; readonly share: number } | null;
  readonly badCounterparties: readonly string[];
}

/** Per-counterparty aggregates of one entity, in order of first mention. */
interface Table {
  readonly ids: number[];
  readonly first: number[];
  readonly last: number[];
  readonly lastIn: number[];
  readonly lastOut: number[];
  /** 1 when there was an event in (out) in the 90 days before the last 90. */
  readonly inPrior: number[];
  readonly outPrior: number[];
  /** v's positive and negative ratings of the counterparty. */
  readonly ratedPos: number[];
  readonly ratedNeg: number[];
  /** Inflow from the counterparty over 365 days, main currency. */
  readonly inflow365: number[];
}

function scan(ix: FactIndex, v: number, ev: EntityEvents, currency: number): Table {
  const p = ix.facts.payments;
  const r = ix.facts.ratings;
  const s = ix.scratch;
  const stamp = ++s.stamp;
  const t = ix.asOfMs;
  const tb: Table = { ids: [], first: [], last: [], lastIn: [], lastOut: [], inPrior: [], outPrior: [], ratedPos: [], ratedNeg: [], inflow365: [] };
  const touch = (x: number, at: number, dir: 'in' | 'out'): number => {
    let k: number;
    if (s.mark[x] !== stamp) {
      s.mark[x] = stamp;
      k = s.slot[x] = tb.ids.length;
      tb.ids.push(x);
      tb.first.push(at);
      tb.last.push(at);
      tb.lastIn.push(-Infinity);
      tb.lastOut.push(-Infinity);
      tb.inPrior.push(0);
      tb.outPrior.push(0);
      tb.ratedPos.push(0);
      tb.ratedNeg.push(0);
      tb.inflow365.push(0);
    } else k = s.slot[x]!;
    if (at < tb.first[k]!) tb.first[k] = at;
    if (at > tb.last[k]!) tb.last[k] = at;
    if (dir === 'in' && at > tb.lastIn[k]!) tb.lastIn[k] = at;
    if (dir === 'out' && at > tb.lastOut[k]!) tb.lastOut[k] = at;
    if (t - at > 90 * DAY_MS && t - at <= 180 * DAY_MS) (dir === 'in' ? tb.inPrior : tb.outPrior)[k] = 1;
    return k;
  };
  for (let i = ev.outStart; i < ev.outEnd; i++) if (p.payee[i] !== v) touch(p.payee[i]!, p.at[i]!, 'out');
  for (let q = ev.inStart; q < ev.inEnd; q++) {
    const i = p.inOrder[q]!;
    if (p.payer[i] === v) continue;
    const k = touch(p.payer[i]!, p.at[i]!, 'in');
    if (p.currency[i] === currency && t - p.at[i]! <= 365 * DAY_MS) tb.inflow365[k]! += p.amount[i]!;
  }
  for (let i = ev.givenStart; i < ev.givenEnd; i++) {
    if (r.ratee[i] === v) continue;
    const k = touch(r.ratee[i]!, r.at[i]!, 'out');
    if (r.rating[i]! > 0) tb.ratedPos[k]!++;
    else if (r.rating[i]! < 0) tb.ratedNeg[k]!++;
  }
  for (let q = ev.gotStart; q < ev.gotEnd; q++) {
    const i = r.inOrder[q]!;
    if (r.rater[i] !== v) touch(r.rater[i]!, r.at[i]!, 'in');
  }
  return tb;
}

/** Distinct trading counterparties in and out: payments, supply links and positive ratings before t. */
function tradingDegree(ix: FactIndex, v: number, ev: EntityEvents): number {
  const p = ix.facts.payments;
  const r = ix.facts.ratings;
  const sup = ix.facts.supplies;
  const s = ix.scratch;
  const stamp = ++s.stamp;
  let degree = 0;
  const out = (x: number) => {
    if (x !== v && s.markOut[x] !== stamp) {
      s.markOut[x] = stamp;
      degree++;
    }
  };
  const inn = (x: number) => {
    if (x !== v && s.markIn[x] !== stamp) {
      s.markIn[x] = stamp;
      degree++;
    }
  };
  for (let i = ev.outStart; i < ev.outEnd; i++) out(p.payee[i]!);
  for (let q = ev.inStart; q < ev.inEnd; q++) inn(p.payer[p.inOrder[q]!]!);
  for (let i = ev.givenStart; i < ev.givenEnd; i++) if (r.rating[i]! > 0) out(r.ratee[i]!);
  for (let q = ev.gotStart; q < ev.gotEnd; q++) {
    const i = r.inOrder[q]!;
    if (r.rating[i]! > 0) inn(r.rater[i]!);
  }
  const before = (i: number) => !(sup.since[i]! >= ix.asOfMs);
  for (let q = ix.suppliesOut.offsets[v]!; q < ix.suppliesOut.offsets[v + 1]!; q++) {
    const i = ix.suppliesOut.order[q]!;
    if (before(i)) out(sup.buyer[i]!);
  }
  for (let q = ix.suppliesIn.offsets[v]!; q < ix.suppliesIn.offsets[v + 1]!; q++) {
    const i = ix.suppliesIn.order[q]!;
    if (before(i)) inn(sup.supplier[i]!);
  }
  return degree;
}

function concentration(ix: FactIndex, tb: Table): { hhi: number | null; top: CounterpartyFacts['topPayer'] } {
  let total = 0;
  for (const a of tb.inflow365) if (a > 0) total += a;
  if (total <= 0) return { hhi: null, top: null };
  let hhi = 0;
  let best = -1;
  tb.inflow365.forEach((a, k) => {
    if (a <= 0) return;
    hhi += (a / total) ** 2;
    const id = ix.snapshot.ids[tb.ids[k]!]!;
    if (best < 0 || a > tb.inflow365[best]! || (a === tb.inflow365[best] && id < ix.snapshot.ids[tb.ids[best]!]!)) best = k;
  });
  return { hhi, top: { id: ix.snapshot.ids[tb.ids[best]!]!, share: tb.inflow365[best]! / total } };
}

/** Whether counterparty x is bad for v: recorded bad, or mostly adverse reports from others than v. */
function badFor(ix: FactIndex, tb: Table, k: number): boolean {
  const x = tb.ids[k]!;
  if (ix.recordedBad[x]) return true;
  return mostlyAdverse(ix.reports.positive[x]! - tb.ratedPos[k]!, ix.reports.negative[x]! - tb.ratedNeg[k]!);
}

/**
 * Mean over counterparties of the adverse share of what is known about each from others than v: ratings
 * received from others, loans repaid (good) or defaulted and flags (adverse); null when none is known.
 */
function counterpartyAdverseShare(ix: FactIndex, tb: Table): number | null {
  const { positive, negative } = ix.reports;
  const { good, adverse } = ix.recordedOutcomes;
  let sum = 0;
  let known = 0;
  for (let k = 0; k < tb.ids.length; k++) {
    const x = tb.ids[k]!;
    const pos = positive[x]! - tb.ratedPos[k]! + good[x]!;
    const neg = negative[x]! - tb.ratedNeg[k]! + adverse[x]!;
    if (pos + neg <= 0) continue;
    sum += neg / (pos + neg);
    known++;
  }
  return known > 0 ? sum / known : null;
}

/** Median over counterparties of the days since their first event (null: no counterparty). */
function counterpartyTenure(ix: FactIndex, tb: Table): number | null {
  const days = tb.ids.map((x) => (ix.asOfMs - ix.firstEventAt[x]!) / DAY_MS).sort((a, b) => a - b);
  if (days.length === 0) return null;
  const mid = days.length >> 1;
  return days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
}

/** (recent − prior) / max(prior, 1), or null when both are 0. */
const growthOf = (recent: number, prior: number): number | null => (recent + prior === 0 ? null : (recent - prior) / Math.max(prior, 1));

/** Writes the counterparty features of v; returns what the evidence needs. */
export function counterpartyFeatures(ix: FactIndex, v: number, ev: EntityEvents, currency: number, out: FeatureWriter): CounterpartyFacts {
  const t = ix.asOfMs;
  const tb = scan(ix, v, ev, currency);
  const ever = tb.ids.length;
  let year = 0;
  let fanIn = 0;
  let fanOut = 0;
  let fanInPrior = 0;
  let fanOutPrior = 0;
  let recent = 0;
  let fresh = 0;
  let recent30 = 0;
  let fresh30 = 0;
  let both = 0;
  const bad: number[] = [];
  for (let k = 0; k < ever; k++) {
    if (t - tb.last[k]! <= 365 * DAY_MS) year++;
    if (t - tb.lastIn[k]! <= 90 * DAY_MS) fanIn++;
    if (t - tb.lastOut[k]! <= 90 * DAY_MS) fanOut++;
    fanInPrior += tb.inPrior[k]!;
    fanOutPrior += tb.outPrior[k]!;
    if (t - tb.last[k]! <= 30 * DAY_MS) {
      recent30++;
      if (t - tb.first[k]! <= 30 * DAY_MS) fresh30++;
    }
    if (t - tb.last[k]! <= 90 * DAY_MS) {
      recent++;
      if (t - tb.first[k]! <= 90 * DAY_MS) fresh++;
    }
    if (tb.lastIn[k]! > -Infinity && tb.lastOut[k]! > -Infinity) both++;
    if (badFor(ix, tb, k)) bad.push(k);
  }
  const { hhi, top } = concentration(ix, tb);
  out.set('counterparties', year).set('fanIn90', fanIn).set('fanOut90', fanOut);
  out.set('fanInGrowth', growthOf(fanIn, fanInPrior)).set('fanOutGrowth', growthOf(fanOut, fanOutPrior));
  out.set('newCounterpartyShare30', recent30 > 0 ? fresh30 / recent30 : null);
  out.set('newCounterpartyShare90', recent > 0 ? fresh / recent : null);
  out.set('counterpartyAdverseShare', counterpartyAdverseShare(ix, tb));
  out.set('counterpartyTenureDays', counterpartyTenure(ix, tb));
  out.set('reciprocity', ever > 0 ? both / ever : null);
  out.set('badCounterpartyShare', ever > 0 ? bad.length / ever : null);
  out.set('concentration', hhi);
  out.set('degree', tradingDegree(ix, v, ev));
  const idOf = (k: number) => ix.snapshot.ids[tb.ids[k]!]!;
  bad.sort((a, b) => tb.last[b]! - tb.last[a]! || (idOf(a) < idOf(b) ? -1 : 1));
  return { topPayer: top, badCounterparties: bad.slice(0, EVIDENCE_IDS).map(idOf) };
}
