/**
 * For every feature: a stable reason code, a sentence a person reads (numbers formatted, amounts in the
 * entity's currency, no feature keys, no third-party ids), and the evidence behind it — short facts and
 * the other entities it rests on (those only analysts see). A reason is given only when the entity has
 * data for the feature, or when the absence itself is the point ("no loan repaid yet"); otherwise the
 * template answers null and the feature gives no reason. Codes never change meaning.
 */
import type { FeatureEvidence, FeatureName } from './features.js';

export interface ReasonEvidence {
  /** Short facts a person can check. */
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** Other entities the reason rests on (third parties: shown to analysts only). */
  readonly entities: ReadonlyArray<{ readonly id: string; readonly role: string }>;
}

export interface ReasonText {
  readonly code: string;
  readonly text: string;
  readonly evidence: ReasonEvidence;
}

type Template = (value: number | null, ev: FeatureEvidence) => ReasonText | null;

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const count = (x: number): string => NUMBER.format(Math.round(x));
export const percent = (x: number): string => `${Math.round(x * 100)}%`;
/** "1 loan", "3 loans" (irregular plurals passed in). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${Math.round(n) === 1 ? one : many}`;
/** A duration in days: "less than a day", "1 day", "45 days". */
const days = (x: number): string => (x < 0.5 ? 'less than a day' : plural(x, 'day'));
const only = (x: number): string => (x < 0.5 ? days(x) : `only ${days(x)}`);

/** Formatters by currency code (building one costs far more than using it). */
const CURRENCY_FORMATS = new Map<string, { format: Intl.NumberFormat; digits: number }>();

function currencyFormat(currency: string): { format: Intl.NumberFormat; digits: number } {
  let f = CURRENCY_FORMATS.get(currency);
  if (!f) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' });
    f = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    if (CURRENCY_FORMATS.size < 1000) CURRENCY_FORMATS.set(currency, f);
  }
  return f;
}

/** An amount in minor units, in the entity's currency ("USD 1,234.56"), or a plain number without one. */
export function money(minor: number, currency: string | null): string {
  if (!currency) return count(minor);
  try {
    const { format, digits } = currencyFormat(currency);
    return format.format(minor / 10 ** digits).replace(/\u00a0/g, ' ');
  } catch {
    return `${count(minor)} ${currency} minor units`;
  }
}

const facts = (...list: Array<[string, string]>): ReasonEvidence['facts'] => list.map(([label, value]) => ({ label, value }));
const reason = (code: string, text: string, f: ReasonEvidence['facts'] = [], entities: ReasonEvidence['entities'] = []): ReasonText => ({
  code,
  text,
  evidence: { facts: f, entities },
});

/** A template for a count or amount feature: `text` for a value, `absent` when there is none (0 or missing). */
function counted(code: string, text: (v: number, ev: FeatureEvidence) => string, absent: ((ev: FeatureEvidence) => string) | null): Template {
  return (v, ev) => {
    if (v === null || Math.round(v) === 0) return absent ? reason(code, absent(ev)) : null;
    return reason(code, text(v, ev));
  };
}

/** A template that gives a reason only when there is a value. */
function valued(code: string, text: (v: number, ev: FeatureEvidence) => string, evidence?: (v: number, ev: FeatureEvidence) => ReasonEvidence): Template {
  return (v, ev) => {
    if (v === null) return null;
    const e = evidence?.(v, ev) ?? { facts: [], entities: [] };
    return { code, text: text(v, ev), evidence: e };
  };
}

const loanFacts = (ev: FeatureEvidence) =>
  facts(['repaid', count(ev.loans.repaid)], ['late', count(ev.loans.late)], ['defaulted', count(ev.loans.defaulted)], ['open', count(ev.loans.current)]);

const flow = (code: string, dir: 'incoming' | 'outgoing', window: string): Template =>
  counted(code, (v) => `only ${plural(v, `${dir} payment or trade`, `${dir} payments or trades`)} in the last ${window}`, () => `no ${dir} payments or trades in the last ${window}`);

const amount = (code: string, what: 'inflow' | 'outflow', window: string): Template =>
  counted(code, (v, ev) => `${what} of ${money(v, ev.currency)} over the last ${window}`, () => `no ${what} in the last ${window}`);

function concentration(v: number | null, ev: FeatureEvidence): ReasonText | null {
  if (v === null) return null;
  const top = ev.topPayer;
  if (!top) return reason('INFLOW_CONCENTRATED', `inflow over the last year comes from few payers (concentration ${v.toFixed(2)} on a scale of 0 to 1)`);
  return reason(
    'INFLOW_CONCENTRATED',
    `${percent(top.share)} of inflow over the last year comes from one payer`,
    facts(['share of the largest payer', percent(top.share)], ['concentration (0 to 1)', v.toFixed(2)]),
    [{ id: top.id, role: 'largest payer' }],
  );
}

function community(v: number | null, ev: FeatureEvidence): ReasonText | null {
  const c = ev.community;
  if (v === null || !c) return null;
  return reason(
    'RISKY_COMMUNITY',
    `its trading community has a bad rate of ${percent(c.badRate)}, ${v.toFixed(1)} times the network's ${percent(c.overallBadRate)}`,
    facts(['community', c.id], ['community members', count(c.size)], ['community bad rate', percent(c.badRate)], ['network bad rate', percent(c.overallBadRate)]),
  );
}

function nearestBad(v: number | null, ev: FeatureEvidence): ReasonText | null {
  const b = ev.nearestBad;
  if (v === null || !b) return null;
  const text =
    b.hops === 1
      ? 'trades directly with a flagged, defaulted or adversely reported entity'
      : `${plural(b.hops, 'step')} away from a flagged, defaulted or adversely reported entity in the trading network`;
  const via = b.path.slice(1, -1).map((id) => ({ id, role: 'on the path' }));
  return reason('CLOSE_TO_BAD_ENTITY', text, facts(['steps', count(b.hops)]), [...via, { id: b.id, role: 'bad entity' }]);
}

function badCounterparties(v: number | null, ev: FeatureEvidence): ReasonText | null {
  if (v === null || v === 0) return null;
  return reason(
    'BAD_COUNTERPARTIES',
    `${percent(v)} of its counterparties are flagged, defaulted or mostly reported negatively by others`,
    facts(['share of counterparties', percent(v)]),
    ev.badCounterparties.map((id) => ({ id, role: 'bad counterparty' })),
  );
}

function adverseReports(v: number | null, ev: FeatureEvidence): ReasonText | null {
  const total = ev.reported.negative + ev.reported.positive;
  if (v === null || total === 0) return null;
  const worst = ev.reported.worstBy ? [{ id: ev.reported.worstBy, role: 'reported the worst outcome' }] : [];
  return reason(
    'ADVERSE_REPORTS',
    `${percent(v)} of the outcomes its counterparties reported are adverse (${count(ev.reported.negative)} of ${count(total)})`,
    facts(['adverse', count(ev.reported.negative)], ['positive', count(ev.reported.positive)]),
    worst,
  );
}

const TEMPLATES: Record<FeatureName, Template> = {
  loansDefaulted: counted('LOAN_DEFAULTED', (v) => `${plural(v, 'loan')} defaulted`, null),
  loansLate: counted('LOAN_LATE', (v) => `${plural(v, 'loan')} past due`, null),
  loansRepaid: (v, ev) => {
    if (v === null || Math.round(v) === 0)
      return reason('FEW_LOANS_REPAID', ev.loans.current + ev.loans.late + ev.loans.defaulted > 0 ? 'no loan repaid yet' : 'no loan history yet', loanFacts(ev));
    return reason('FEW_LOANS_REPAID', `only ${plural(v, 'loan')} repaid so far`, loanFacts(ev));
  },
  reportedNegativeShare: adverseReports,
  reportedCount: counted('FEW_REPORTS', (v) => `only ${plural(v, 'outcome')} reported by counterparties so far`, null),
  givenAdverseShare: valued('REPORTS_GIVEN', (v) => `${percent(v)} of the outcomes it reported about its counterparties are adverse`),
  flags: (v, ev) => {
    if (v === null || Math.round(v) === 0) return null;
    const why = ev.flagReasons.length ? `: ${ev.flagReasons.map((r) => r.replace(/_/g, ' ')).join(', ')}` : '';
    return reason('FLAGGED', `${plural(v, 'fraud or analyst flag')} raised${why}`, facts(['flags', count(v)]));
  },
  tenureDays: (v) => (v === null ? reason('SHORT_TENURE', 'no activity history yet') : reason('SHORT_TENURE', `active for ${only(v)}`)),
  accountAgeDays: valued('NEW_ACCOUNT', (v) => `account opened ${only(v)} ago`),
  ageAtFirstActivityDays: valued('ACTIVE_SOON_AFTER_OPENING', (v) => (v < 0.5 ? 'started trading the day its account was opened' : `started trading ${days(v)} after its account was opened`)),
  regularity: valued('IRREGULAR_ACTIVITY', (v) => `its activity is irregular (regularity ${v.toFixed(2)} on a scale of 0 to 1)`),
  burstiness: valued('BURSTY_ACTIVITY', (v) => `its activity comes in bursts (burstiness ${v.toFixed(2)} on a scale of −1 to 1)`),
  counterparties: counted('FEW_COUNTERPARTIES', (v) => `trades with only ${plural(v, 'counterparty', 'counterparties')} in the last year`, () => 'no counterparties in the last year'),
  degree: counted('FEW_CONNECTIONS', (v) => `only ${plural(v, 'trading relationship')} in the network`, () => 'no trading relationships in the network'),
  fanIn90: counted('PAYERS_90D', (v) => `${plural(v, 'distinct payer')} in the last 90 days`, () => 'no payers in the last 90 days'),
  fanOut90: counted('PAYEES_90D', (v) => `${plural(v, 'distinct payee')} in the last 90 days`, () => 'no payees in the last 90 days'),
  fanInGrowth: valued('PAYERS_CHANGE', (v) => (v < 0 ? `${percent(-v)} fewer distinct payers than in the 90 days before` : `${percent(v)} more distinct payers than in the 90 days before`)),
  fanOutGrowth: valued('PAYEES_CHANGE', (v) => (v < 0 ? `${percent(-v)} fewer distinct payees than in the 90 days before` : `${percent(v)} more distinct payees than in the 90 days before`)),
  newCounterpartyShare30: valued('NEW_COUNTERPARTIES_30D', (v) => `${percent(v)} of its counterparties of the last 30 days are new`),
  passThrough24h: valued('PASS_THROUGH_24H', (v) => `${percent(v)} of what it received in the last 90 days was paid out again within a day`),
  passThrough72h: valued('PASS_THROUGH_72H', (v) => `${percent(v)} of what it received in the last 90 days was paid out again within three days`),
  roundAmountShare: valued('ROUND_AMOUNTS', (v) => `${percent(v)} of its payments over the last year are round amounts (multiples of 100)`),
  repeatedAmountShare: valued('REPEATED_AMOUNTS', (v) => `${percent(v)} of its payments over the last year repeat an amount exactly`),
  newCounterpartyShare90: valued('MANY_NEW_COUNTERPARTIES', (v) => `${percent(v)} of its counterparties of the last 90 days are new`),
  reciprocity: valued('RECIPROCITY', (v) => `${percent(v)} of its counterparties trade with it in both directions`),
  inCount30: flow('LOW_INFLOW_30D', 'incoming', '30 days'),
  inCount90: flow('LOW_RECENT_INFLOW', 'incoming', '90 days'),
  inCount365: flow('LOW_INFLOW_365D', 'incoming', 'year'),
  outCount30: flow('LOW_OUTFLOW_30D', 'outgoing', '30 days'),
  outCount90: flow('LOW_OUTFLOW_90D', 'outgoing', '90 days'),
  outCount365: flow('LOW_OUTFLOW_365D', 'outgoing', 'year'),
  inAmount30: amount('LOW_INFLOW_AMOUNT_30D', 'inflow', '30 days'),
  inAmount90: amount('LOW_INFLOW_AMOUNT_90D', 'inflow', '90 days'),
  inAmount365: amount('LOW_INFLOW_AMOUNT_365D', 'inflow', 'year'),
  outAmount30: amount('OUTFLOW_30D', 'outflow', '30 days'),
  outAmount90: amount('OUTFLOW_90D', 'outflow', '90 days'),
  outAmount365: amount('OUTFLOW_365D', 'outflow', 'year'),
  netInflow90: valued('LOW_NET_INFLOW', (v, ev) =>
    v < 0
      ? `pays out ${money(-v, ev.currency)} more than it receives over the last 90 days`
      : Math.round(v) === 0
        ? 'receives no more than it pays out over the last 90 days'
        : `net inflow of only ${money(v, ev.currency)} over the last 90 days`,
  ),
  growth: valued('ACTIVITY_CHANGE', (v) => (v < 0 ? `activity fell by ${percent(-v)} against the 90 days before` : `activity rose by ${percent(v)} against the 90 days before`)),
  daysSinceActivity: valued('INACTIVE', (v) => (v < 0.5 ? 'last active less than a day ago' : `no activity for ${days(v)}`), (_v, ev) => ({ facts: ev.lastActivityAt ? facts(['last activity', ev.lastActivityAt.slice(0, 10)]) : [], entities: [] })),
  pagerankPct: valued('PERIPHERAL', (v) => (v < 0.005 ? 'among the least central entities of the trading network' : `peripheral in the trading network (more central than only ${percent(v)} of entities)`)),
  betweenness: valued('BROKER_POSITION', (v) => `sits between otherwise separate parts of the network (betweenness ${v.toFixed(3)} on a scale of 0 to 1)`),
  concentration,
  counterpartyRisk: valued('RISKY_COUNTERPARTIES', (v) => `its counterparties are exposed to bad entities (volume-weighted exposure ${v.toFixed(2)} on a scale of 0 to 1)`),
  exposure: valued('EXPOSED_TO_BAD', (v) => `more exposed to bad entities through its relationships than ${percent(v)} of entities`),
  exposureNorm: valued('EXPOSED_TO_BAD_FOR_ITS_SIZE', (v) => `receives ${v.toFixed(1)} times the exposure to bad entities that its number of relationships alone would bring`),
  counterpartyAdverseShare: valued('COUNTERPARTIES_ADVERSE_OUTCOMES', (v) => `on average ${percent(v)} of the outcomes others report about its counterparties are adverse`),
  counterpartyTenureDays: valued('NEW_COUNTERPARTY_ACCOUNTS', (v) => `its typical counterparty has been active for ${only(v)}`),
  badCounterpartyShare: badCounterparties,
  nearestBadHops: nearestBad,
  communityRisk: community,
  communitySize: counted('COMMUNITY_SIZE', (v) => `belongs to a trading community of ${plural(v, 'member')}`, null),
};

/** The reason for a feature's value, or null when it has no data and its absence is not a reason. */
export function reasonText(feature: FeatureName, value: number | null, ev: FeatureEvidence): ReasonText | null {
  return TEMPLATES[feature](value, ev);
}
