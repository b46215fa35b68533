import assert from 'node:assert/strict';
import type { Behaviour, BehaviourWeek } from '../../../src/monitoring/behaviour-series.js';
import { movingLimits } from '../../../src/monitoring/limit-policy.js';
import { MONITORING_DEFAULTS, type Severity } from '../../../src/monitoring/monitoring-options.js';
import type { FundsAlert } from '../../../src/monitoring/use-of-funds.js';

const W = 7 * 86_400_000;

/** Weeks 0 … recent.length − 1 with the given trailing inflow (baseline inflow 1000 a week). */
function behaviour(recent: readonly number[]): Behaviour {
  const weeks = recent.map(
    (r, w): BehaviourWeek => ({
      week: w,
      start: w * W,
      end: (w + 1) * W,
      inflow: r,
      outflow: 0,
      recentInflow: r,
      lostCustomers: 0,
      badShare: 0,
      badCounterparties: 0,
      communityRiskChange: null,
    }),
  );
  return { originAt: 0, baselineInflow: 1000, baselineOutflow: 0, baselineBadShare: 0, topCustomers: [], weeks };
}

const alert = (severity: Severity, at: number): FundsAlert => ({ code: 'ROUND_TRIP', severity, amount: 1, share: 0.1, path: [0, 1], target: 1, at, detail: '' });

describe('moving limit', () => {
  const policy = MONITORING_DEFAULTS.limit;

  it('follows the inflow against the baseline, within its bounds, rounded down', () => {
    const limits = movingLimits(10000, behaviour([1000, 600, 100, 2000, 1234]), [], policy);
    assert.deepEqual(limits.map((l) => l.amount), [10000, 6000, 2500, 12500, 12300]);
    assert.deepEqual(limits[2]!.factors, [{ name: 'inflow', factor: 0.25 }]);
  });

  it('never rises while an alert is open, and is capped by its severity', () => {
    const limits = movingLimits(10000, behaviour([1000, 600, 900, 2000, 2000]), [alert('low', W + 10)], policy);
    // from week 1 (the alert's week): at most 0.8 × base and never above the week before
    assert.deepEqual(limits.map((l) => l.amount), [10000, 6000, 6000, 6000, 6000]);
    assert.equal(limits[1]!.alertSeverity, 'low');
    assert.deepEqual(limits[3]!.factors.at(-1), { name: 'alert', factor: 0.48 });
  });

  it('a medium alert halves it; a high alert freezes it at zero', () => {
    assert.deepEqual(movingLimits(10000, behaviour([1000, 1000]), [alert('medium', 0)], policy).map((l) => l.amount), [5000, 5000]);
    const frozen = movingLimits(10000, behaviour([1000, 1200, 1200]), [alert('low', 0), alert('high', W + 1)], policy);
    assert.deepEqual(frozen.map((l) => [l.amount, l.alertSeverity]), [[8000, 'low'], [0, 'high'], [0, 'high']]);
  });
});
