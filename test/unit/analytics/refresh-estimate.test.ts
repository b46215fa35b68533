import assert from 'node:assert/strict';
import { estimateRefresh, refusalReason, ESTIMATE_MODEL, type GraphCounts } from '../../../src/analytics/refresh-estimate.js';
import { sampleSize } from '../../../src/analytics/betweenness-sampling.js';
import { near } from './helpers.js';

const settings = { betweennessEpsilon: 0.01, betweennessDelta: 0.1, betweennessExactMaxNodes: 5000 };
const counts = (k: number): GraphCounts => ({ entities: 100_000 * k, pays: 1_000_000 * k, supplies: 0, rated: 0, paid: 2_000_000 * k, loans: 1000 * k, flags: 2000 * k });
const MB = 2 ** 20;

describe('analytics/refresh-estimate', () => {
  it('adds up the snapshot, then the larger of the analytics and write-back peaks', () => {
    const c = counts(1);
    const e = estimateRefresh(c, settings);
    const m = ESTIMATE_MODEL;
    const snapshot = m.baseMb + (c.entities * m.bytesPerEntity + c.pays * m.bytesPerEdge + c.paid * m.bytesPerPaid + c.loans * m.bytesPerLoan + c.flags * m.bytesPerFlag) / MB;
    near(e.stages[0]!.memoryMb, snapshot, 1e-9, 'snapshot memory');
    near(e.stages[1]!.memoryMb, snapshot + (c.pays * m.analyticsBytesPerEdge + c.entities * m.analyticsBytesPerEntity) / MB, 1e-9, 'analytics memory');
    near(e.memoryMb, Math.max(...e.stages.map((s) => s.memoryMb)), 1e-12, 'peak');
    near(e.seconds, e.stages.reduce((a, s) => a + s.seconds, 0), 1e-12, 'time');
  });

  it('grows linearly in the graph apart from the process base and the betweenness sample', () => {
    const a = estimateRefresh(counts(1), settings);
    const b = estimateRefresh(counts(10), settings);
    const c = estimateRefresh(counts(20), settings);
    near((c.memoryMb - b.memoryMb) / (b.memoryMb - a.memoryMb), 10 / 9, 1e-9, 'memory slope');
    assert.ok(c.seconds > b.seconds && b.seconds > a.seconds);
    assert.ok(c.seconds < 2.2 * b.seconds, 'betweenness does not grow with n beyond √m per pair');
  });

  it('scales the betweenness time with the sample size (1/ε²)', () => {
    const fine = estimateRefresh(counts(10), settings).stages[1]!.seconds;
    const coarse = estimateRefresh(counts(10), { ...settings, betweennessEpsilon: 0.02 }).stages[1]!.seconds;
    const pairs = (eps: number) => sampleSize(eps, 0.1, ESTIMATE_MODEL.typicalVertexDiameter);
    const perPair = Math.sqrt(10_000_000) * ESTIMATE_MODEL.betweennessSecondsPerPairRootEdge;
    near(fine - coarse, (pairs(0.01) - pairs(0.02)) * perPair, 1e-6, 'betweenness share');
  });

  it('refuses with both numbers when over the budget, and accepts under it', () => {
    const e = estimateRefresh(counts(10), settings);
    assert.equal(refusalReason(e, Math.ceil(e.memoryMb)), null);
    const why = refusalReason(e, 100);
    assert.match(why ?? '', new RegExp(`about ${Math.ceil(e.memoryMb)} MB`));
    assert.match(why ?? '', /METRICS_MAX_MEMORY_MB of 100 MB/);
  });

  it('rejects counts that are not non-negative numbers, naming the count', () => {
    assert.throws(() => estimateRefresh({ ...counts(1), pays: -1 }, settings), /count pays/);
    assert.throws(() => estimateRefresh({ ...counts(1), paid: Number.NaN }, settings), /count paid/);
  });
});
