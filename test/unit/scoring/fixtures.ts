/** Hand-built feature vectors for scoring tests. */
import {
  emptyEvidence,
  emptyFeatureVector,
  type FeatureEvidence,
  type FeatureName,
  type Features,
} from '../../../src/scoring/features.js';

/** A steady, well-connected business with a clean record. */
export function goodFeatures(): Features {
  const v = emptyFeatureVector();
  const set: Partial<Record<FeatureName, number>> = {
    loansDefaulted: 0,
    loansLate: 0,
    loansRepaid: 4,
    reportedNegativeShare: 0,
    reportedCount: 25,
    flags: 0,
    tenureDays: 1500,
    regularity: 0.8,
    counterparties: 20,
    inCount90: 30,
    daysSinceActivity: 2,
    pagerankPct: 0.9,
    concentration: 0.1,
    counterpartyRisk: 0.01,
    badCounterpartyShare: 0,
    communityRisk: 0.3,
    netInflow90: 3_000_000,
  };
  Object.assign(v, set);
  return { entityId: 'E-good', values: v, evidence: emptyEvidence() };
}

/** A young entity: one payer holds 72% of inflow, risky community, 2 hops from a defaulter, one default. */
export function riskyFeatures(): Features {
  const good = goodFeatures();
  const v = {
    ...good.values,
    loansDefaulted: 1,
    // a Herfindahl index lies between the top share squared (0.52) and the top share (0.72)
    concentration: 0.55,
    communityRisk: 4.5,
    nearestBadHops: 2,
    tenureDays: 40,
    netInflow90: 90_000,
  };
  const evidence: FeatureEvidence = {
    ...emptyEvidence(),
    topPayer: { id: 'E-1042', share: 0.72 },
    community: { id: 'C-17', badRate: 0.14, overallBadRate: 0.03, size: 40 },
    nearestBad: { id: 'E-0881', hops: 2, path: ['E-risky', 'E-0310', 'E-0881'] },
    loans: { repaid: 4, late: 0, defaulted: 1, current: 0 },
    currency: 'EUR',
  };
  return { entityId: 'E-risky', values: v, evidence };
}
