import assert from 'node:assert/strict';
import { seededRng } from '../../../src/scoring/rng.js';
import { fairnessBySegment } from '../../../src/scoring/validate/fairness.js';
import { renderValidationHtml } from '../../../src/scoring/validate/render-report.js';
import { buildValidationReport } from '../../../src/scoring/validate/validation-report.js';

const rows = [
  { score: 700, pd: 0.02, good: true, segments: { region: 'north', sector: 'retail' } },
  { score: 650, pd: 0.04, good: true, segments: { region: 'north', sector: 'retail' } },
  { score: 500, pd: 0.3, good: false, segments: { region: 'south', sector: 'retail' } },
  { score: 620, pd: 0.06, good: true, segments: { region: 'south', sector: 'farming' } },
  { score: 480, pd: 0.35, good: false, segments: { region: 'south', sector: null } },
];

describe('scoring/validate report', () => {
  it('computes the fairness table and flags approval ratios under 0.8', () => {
    const byRegion = fairnessBySegment(rows, 'region', 0.15);
    const north = byRegion.find((g) => g.group === 'north')!;
    const south = byRegion.find((g) => g.group === 'south')!;
    assert.equal(north.approvalRate, 1);
    assert.ok(Math.abs(south.approvalRate - 1 / 3) < 1e-12);
    assert.ok(Math.abs(south.approvalRatio - 1 / 3) < 1e-12);
    assert.equal(south.flagged, true);
    assert.equal(north.flagged, false);
    assert.ok(Math.abs(south.badRate - 2 / 3) < 1e-12);
    assert.ok(fairnessBySegment(rows, 'sector', 0.15).some((g) => g.group === '(unknown)'));
  });

  it('builds the JSON figures and renders them as HTML with SVG charts', () => {
    const report = buildValidationReport(
      {
        modelVersion: 'm2',
        previousVersion: 'm1',
        asOf: '2025-01-01',
        generatedAt: '2025-01-02',
        rows,
        previousScores: [690, 640, 520, 600, 470],
        pdCutoff: 0.15,
        segments: ['region', 'sector'],
      },
      seededRng(1),
    );
    assert.equal(report.auc, 1);
    assert.equal(report.gini, 1);
    assert.equal(report.counts.bads, 2);
    assert.equal(
      report.histogram.good.reduce((s, x) => s + x, 0),
      3,
    );
    const html = renderValidationHtml(report);
    assert.equal((html.match(/<svg /g) ?? []).length, 3);
    assert.match(html, /ROC curve/);
    assert.match(html, /Calibration by decile/);
    assert.match(html, /under 0\.8/);
    assert.ok(!/NaN/.test(html));
  });
});
