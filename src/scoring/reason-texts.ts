/**
 * For every feature: a stable reason code, a plain sentence, and the evidence an analyst can check.
 * Codes never change meaning; new features get new codes.
 */
import type { FeatureEvidence, FeatureName } from './features.js';

export interface ReasonText {
  readonly code: string;
  readonly text: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

type Template = (value: number, ev: FeatureEvidence) => ReasonText;

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const n = (x: number): string => String(Math.round(x));

function concentration(value: number, ev: FeatureEvidence): ReasonText {
  const top = ev.topPayer;
  const text = top
    ? `${pct(top.share)} of inflow comes from one payer, ${top.id}`
    : `inflow is concentrated on few payers (Herfindahl index ${value.toFixed(2)})`;
  return { code: 'INFLOW_CONCENTRATED', text, evidence: { herfindahl: value, topPayer: top } };
}

function community(value: number, ev: FeatureEvidence): ReasonText {
  const c = ev.community;
  const text = c
    ? `community ${c.id} has a bad rate of ${pct(c.badRate)} vs ${pct(c.overallBadRate)} overall`
    : `the entity's community is ${value.toFixed(1)}× as risky as the network overall`;
  return { code: 'RISKY_COMMUNITY', text, evidence: { ratio: value, community: c } };
}

function nearestBad(value: number, ev: FeatureEvidence): ReasonText {
  const b = ev.nearestBad;
  const via = b && b.path.length > 2 ? ` via ${b.path.slice(1, -1).join(', ')}` : '';
  const text = b
    ? `${b.hops} hop${b.hops === 1 ? '' : 's'} from bad entity ${b.id}${via}`
    : `${n(value)} hops from a bad entity`;
  return { code: 'CLOSE_TO_BAD_ENTITY', text, evidence: { hops: value, nearestBad: b } };
}

function badCounterparties(value: number, ev: FeatureEvidence): ReasonText {
  const ids = ev.badCounterparties;
  const list = ids.length > 0 ? `, e.g. ${ids.slice(0, 3).join(', ')}` : '';
  return {
    code: 'BAD_COUNTERPARTIES',
    text: `${pct(value)} of counterparties are bad or were reported negatively by others${list}`,
    evidence: { share: value, counterparties: ids },
  };
}

const TEMPLATES: Record<FeatureName, Template> = {
  loansDefaulted: (v, ev) => ({
    code: 'LOAN_DEFAULTED',
    text: `${n(v)} loan(s) defaulted`,
    evidence: { loans: ev.loans },
  }),
  loansLate: (v, ev) => ({
    code: 'LOAN_LATE',
    text: `${n(v)} loan(s) currently late`,
    evidence: { loans: ev.loans },
  }),
  loansRepaid: (v, ev) => ({
    code: 'FEW_LOANS_REPAID',
    text: `only ${n(v)} loan(s) repaid so far`,
    evidence: { loans: ev.loans },
  }),
  reportedNegativeShare: (v, ev) => ({
    code: 'ADVERSE_REPORTS',
    text: `${pct(v)} of counterparty reports are adverse (${ev.reported.negative} of ${ev.reported.negative + ev.reported.positive})`,
    evidence: { share: v, ...ev.reported },
  }),
  reportedCount: (v, ev) => ({
    code: 'FEW_REPORTS',
    text: `only ${n(v)} outcome(s) reported by counterparties`,
    evidence: { ...ev.reported },
  }),
  flags: (v, ev) => ({
    code: 'FLAGGED',
    text: `${n(v)} fraud or analyst flag(s)`,
    evidence: { reasons: ev.flagReasons },
  }),
  tenureDays: (v) => ({
    code: 'SHORT_TENURE',
    text: `active for only ${n(v)} days`,
    evidence: { tenureDays: v },
  }),
  regularity: (v) => ({
    code: 'IRREGULAR_ACTIVITY',
    text: `activity is irregular (regularity ${v.toFixed(2)} of 1)`,
    evidence: { regularity: v },
  }),
  counterparties: (v) => ({
    code: 'FEW_COUNTERPARTIES',
    text: `trades with only ${n(v)} counterpart(ies) in the last year`,
    evidence: { counterparties: v },
  }),
  inCount90: (v) => ({
    code: 'LOW_RECENT_INFLOW',
    text: `${n(v)} incoming payment(s) or trade(s) in the last 90 days`,
    evidence: { inCount90: v },
  }),
  inCount30: (v) => ({
    code: 'LOW_INFLOW_30D',
    text: `${n(v)} incoming payment(s) in the last 30 days`,
    evidence: { inCount30: v },
  }),
  inCount365: (v) => ({
    code: 'LOW_INFLOW_365D',
    text: `${n(v)} incoming payment(s) in the last year`,
    evidence: { inCount365: v },
  }),
  outCount30: (v) => ({
    code: 'LOW_OUTFLOW_30D',
    text: `${n(v)} outgoing payment(s) in the last 30 days`,
    evidence: { outCount30: v },
  }),
  outCount90: (v) => ({
    code: 'LOW_OUTFLOW_90D',
    text: `${n(v)} outgoing payment(s) in the last 90 days`,
    evidence: { outCount90: v },
  }),
  outCount365: (v) => ({
    code: 'LOW_OUTFLOW_365D',
    text: `${n(v)} outgoing payment(s) in the last year`,
    evidence: { outCount365: v },
  }),
  inAmount30: (v) => ({
    code: 'LOW_INFLOW_AMOUNT_30D',
    text: `inflow of ${n(v)} (minor units) in 30 days`,
    evidence: { inAmount30: v },
  }),
  inAmount90: (v) => ({
    code: 'LOW_INFLOW_AMOUNT_90D',
    text: `inflow of ${n(v)} (minor units) in 90 days`,
    evidence: { inAmount90: v },
  }),
  inAmount365: (v) => ({
    code: 'LOW_INFLOW_AMOUNT_365D',
    text: `inflow of ${n(v)} (minor units) in a year`,
    evidence: { inAmount365: v },
  }),
  outAmount30: (v) => ({
    code: 'OUTFLOW_30D',
    text: `outflow of ${n(v)} (minor units) in 30 days`,
    evidence: { outAmount30: v },
  }),
  outAmount90: (v) => ({
    code: 'OUTFLOW_90D',
    text: `outflow of ${n(v)} (minor units) in 90 days`,
    evidence: { outAmount90: v },
  }),
  outAmount365: (v) => ({
    code: 'OUTFLOW_365D',
    text: `outflow of ${n(v)} (minor units) in a year`,
    evidence: { outAmount365: v },
  }),
  netInflow90: (v) => ({
    code: 'LOW_NET_INFLOW',
    text: `net inflow of ${n(v)} (minor units) over 90 days`,
    evidence: { netInflow90: v },
  }),
  growth: (v) => ({
    code: 'ACTIVITY_CHANGE',
    text: `activity changed by ${pct(v)} against the previous 90 days`,
    evidence: { growth: v },
  }),
  daysSinceActivity: (v, ev) => ({
    code: 'INACTIVE',
    text: `no activity for ${n(v)} days`,
    evidence: { daysSinceActivity: v, lastActivityAt: ev.lastActivityAt },
  }),
  pagerankPct: (v) => ({
    code: 'PERIPHERAL',
    text: `peripheral in the network (PageRank percentile ${pct(v)})`,
    evidence: { pagerankPct: v },
  }),
  degree: (v) => ({
    code: 'FEW_CONNECTIONS',
    text: `${n(v)} connection(s) in the network`,
    evidence: { degree: v },
  }),
  betweenness: (v) => ({
    code: 'BROKER_POSITION',
    text: `betweenness ${v.toFixed(3)}`,
    evidence: { betweenness: v },
  }),
  concentration,
  counterpartyRisk: (v) => ({
    code: 'RISKY_COUNTERPARTIES',
    text: `counterparties carry elevated risk (volume-weighted exposure ${v.toFixed(2)})`,
    evidence: { counterpartyRisk: v },
  }),
  exposure: (v) => ({
    code: 'EXPOSED_TO_BAD',
    text: `exposure to bad entities ${v.toFixed(2)}`,
    evidence: { exposure: v },
  }),
  badCounterpartyShare: badCounterparties,
  nearestBadHops: nearestBad,
  communityRisk: community,
  communitySize: (v) => ({
    code: 'COMMUNITY_SIZE',
    text: `community of ${n(v)} members`,
    evidence: { communitySize: v },
  }),
};

/** The reason for a feature's value; a missing value says so. */
export function reasonText(feature: FeatureName, value: number | null, ev: FeatureEvidence): ReasonText {
  if (value === null) {
    return { code: `NO_DATA_${codeStem(feature)}`, text: `no data on ${feature}`, evidence: { feature } };
  }
  return TEMPLATES[feature](value, ev);
}

function codeStem(feature: string): string {
  return feature.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
