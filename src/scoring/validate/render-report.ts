/** Renders a validation report as one self-contained HTML page with SVG charts (a pure string function). */
import type { CommitteeSection } from './committee.js';
import type { GroupStats } from './fairness.js';
import { escapeXml, svgChart } from './svg-charts.js';
import type { ValidationReport } from './validation-report.js';

const GOOD = '#2b8a3e';
const BAD = '#c92a2a';
const f3 = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function rocSvg(r: ValidationReport): string {
  const points = r.roc.map((p) => [p.badAccepted, p.goodAccepted] as const);
  return svgChart([{ label: `ROC (AUC ${f3(r.auc)})`, color: '#1c7ed6', kind: 'line', points }], {
    title: 'ROC curve',
    xLabel: 'share of bads accepted',
    yLabel: 'share of goods accepted',
    xRange: [0, 1],
    yRange: [0, 1],
    diagonal: true,
  });
}

function histogramSvg(r: ValidationReport): string {
  const { edges, good, bad } = r.histogram;
  const width = (edges[1] ?? 1) - (edges[0] ?? 0);
  const centre = (k: number) => (edges[k] ?? 0) + width / 2;
  const share = (xs: readonly number[]) => {
    const total = xs.reduce((s, x) => s + x, 0) || 1;
    return xs.map((x, k) => [centre(k), x / total] as const);
  };
  const g = share(good);
  const b = share(bad);
  const top = Math.max(0.01, ...g.map((p) => p[1]), ...b.map((p) => p[1]));
  return svgChart(
    [
      { label: 'good', color: GOOD, kind: 'bars', points: g },
      { label: 'bad', color: BAD, kind: 'bars', points: b },
    ],
    {
      title: 'Score distribution by outcome',
      xLabel: 'score',
      yLabel: 'share of outcome',
      xRange: [edges[0] ?? 0, edges[edges.length - 1] ?? 1],
      yRange: [0, top * 1.1],
      barWidth: width,
    },
  );
}

function calibrationSvg(r: ValidationReport): string {
  const hi = Math.max(0.05, ...r.calibration.map((c) => Math.max(c.meanPd, c.badRate)));
  return svgChart(
    [
      {
        label: 'observed bad rate',
        color: BAD,
        kind: 'dots',
        points: r.calibration.map((c) => [c.meanPd, c.badRate] as const),
      },
      {
        label: 'predicted = observed',
        color: '#adb5bd',
        kind: 'line',
        points: [
          [0, 0],
          [hi, hi],
        ],
      },
    ],
    {
      title: 'Calibration by decile of PD',
      xLabel: 'mean predicted PD',
      yLabel: 'observed bad rate',
      xRange: [0, hi],
      yRange: [0, hi],
    },
  );
}

function fairnessTable(segment: string, groups: readonly GroupStats[]): string {
  const rows = groups
    .map(
      (g) =>
        `<tr${g.flagged ? ' class="flag"' : ''}><td>${escapeXml(g.group)}</td><td>${g.count}</td><td>${pct(g.badRate)}</td><td>${pct(g.approvalRate)}</td><td>${g.averageScore.toFixed(0)}</td><td>${g.approvalRatio.toFixed(2)}${g.flagged ? ' ⚑ under 0.8' : ''}</td></tr>`,
    )
    .join('');
  return `<h3>By ${escapeXml(segment)}</h3><table><tr><th>group</th><th>n</th><th>bad rate</th><th>approval rate</th><th>average score</th><th>approval ratio to best</th></tr>${rows}</table>`;
}

function committeeHtml(c: CommitteeSection, r: ValidationReport): string {
  const cv = c.crossValidated;
  const best = cv.bestSignal;
  const compare = [
    [`this model (${r.modelVersion}) on the sample`, `${f3(r.auc)} (${f3(r.aucCi95.low)}–${f3(r.aucCi95.high)})`],
    [`its training procedure, ${cv.k}-fold cross-validated (seed ${cv.seed})`, `${f3(cv.auc)} (${f3(cv.ci95.low)}–${f3(cv.ci95.high)})`],
    [`built-in model ${c.builtIn.version}`, `${f3(c.builtIn.auc)} (${f3(c.builtIn.ci95.low)}–${f3(c.builtIn.ci95.high)})`],
    [best ? `best single signal: ${best.feature}` : 'best single signal', best ? f3(best.auc) : '–'],
  ]
    .map(([k, v]) => `<tr><th>${escapeXml(k!)}</th><td>${escapeXml(v!)}</td></tr>`)
    .join('');
  const verdict = cv.beatsBestSignal ? 'beats its best single signal (within 0.01)' : 'does NOT beat its best single signal';
  const ivs = c.informationValues
    .map((f) => `<tr><td>${escapeXml(f.feature)}</td><td>${f.iv === null ? escapeXml(`no data (${f.dropped ?? ''})`) : f.iv.toFixed(3)}</td><td>${f.inModel ? 'yes' : ''}</td></tr>`)
    .join('');
  const mono = c.monotonicity
    .map((m) => `<tr${m.ok ? '' : ' class="flag"'}><td>${escapeXml(m.feature)}</td><td>${m.pointsMove}</td><td>${m.expected}</td><td>${m.ok ? 'ok' : '⚑ review'}</td></tr>`)
    .join('');
  return `<h2>For the credit committee</h2><p>AUC with bootstrap 95% intervals. The cross-validated figure trains a model on each K−1 folds by the same procedure and scores the held-out fold: it is what to expect on new entities. The procedure ${verdict}.</p>
<table>${compare}</table>
<h3>Monotonicity</h3><p>Points per bin should move one way along a feature, the way of its known risk direction (safer = more points as the value grows).</p>
<table><tr><th>feature</th><th>points move</th><th>expected</th><th>check</th></tr>${mono}</table>
<h3>Information values</h3><p>Of each feature's monotone WoE binning on the sample: under 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, over 0.3 strong.</p>
<table><tr><th>feature</th><th>IV</th><th>in the model</th></tr>${ivs}</table>`;
}

export function renderValidationHtml(r: ValidationReport): string {
  const summary = [
    ['rows (good / bad)', `${r.counts.rows} (${r.counts.goods} / ${r.counts.bads})`],
    ['AUC (95% bootstrap CI)', `${f3(r.auc)} (${f3(r.aucCi95.low)}–${f3(r.aucCi95.high)})`],
    ['Gini', f3(r.gini)],
    ['KS', f3(r.ks)],
    ['Brier', f3(r.brier)],
    [`PSI vs ${r.previousVersion ?? 'previous model'}`, f3(r.psi)],
  ]
    .map(([k, v]) => `<tr><th>${escapeXml(k!)}</th><td>${escapeXml(v!)}</td></tr>`)
    .join('');
  const fairness = Object.entries(r.fairness)
    .map(([s, g]) => fairnessTable(s, g))
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation of ${escapeXml(r.modelVersion)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:.3em .6em;text-align:left}tr.flag{background:#fff3bf}.charts{display:flex;flex-wrap:wrap;gap:1em}</style></head>
<body><h1>Validation of model ${escapeXml(r.modelVersion)}</h1>
<p>Outcomes as of ${escapeXml(r.asOf)}; generated ${escapeXml(r.generatedAt)}.</p>
<table>${summary}</table>
<div class="charts">${rocSvg(r)}${histogramSvg(r)}${calibrationSvg(r)}</div>
<h2>Fairness review</h2><p>Approval = PD at or under the limit cut-off. Groups whose approval rate is under 0.8 of the best group's are flagged for review.</p>
${fairness}
${r.committee ? committeeHtml(r.committee, r) : ''}
</body></html>
`;
}
