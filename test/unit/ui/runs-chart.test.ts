import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  formatDuration,
  renderStageChart,
  stageChartModel,
  type ChartRun,
} from '../../../src/ui/runs-chart.js';

const run = (
  id: string,
  day: number,
  ms: number[],
  status = 'complete',
  failedStage: string | null = null,
): ChartRun => ({
  id,
  status,
  failedStage,
  startedAt: `2025-03-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  stages: ['snapshot', 'centrality', 'communities', 'risk', 'write-back', 'switch']
    .slice(0, ms.length)
    .map((stage, i) => ({ stage, ms: ms[i]! })),
});

describe('ui/runs-chart: stage durations of the last runs', () => {
  const runs = [
    run('r3', 3, [100, 200, 50, 50, 90, 10]),
    run('r1', 1, [110, 190, 60, 40, 100, 0]),
    run('r4', 4, [400, 900, 60, 40, 100, 0]), // the slow night: 1,500 ms against a median of 500
    run('r2', 2, [90, 210, 40, 60, 100, 0]),
    run('r5', 5, [120, 250], 'failed', 'communities'),
    { id: 'r6', status: 'running', startedAt: '2025-03-06T02:00:00.000Z', stages: [] },
  ];

  it('orders bars oldest first, keeps stage order, and leaves out runs without timings', () => {
    const m = stageChartModel(runs);
    assert.deepEqual(
      m.bars.map((b) => b.run.id),
      ['r1', 'r2', 'r3', 'r4', 'r5'],
    );
    assert.deepEqual(m.stages, ['snapshot', 'centrality', 'communities', 'risk', 'write-back', 'switch']);
    assert.deepEqual(
      m.bars.map((b) => b.totalMs),
      [500, 500, 500, 1500, 370],
    );
    assert.equal(m.medianMs, 500);
    assert.equal(m.maxMs, 1500);
  });

  it('marks a run over 1.5 × the median total as slow, and only that one', () => {
    assert.deepEqual(
      stageChartModel(runs)
        .bars.filter((b) => b.slow)
        .map((b) => b.run.id),
      ['r4'],
    );
    assert.deepEqual(
      stageChartModel(runs, 4).bars.filter((b) => b.slow),
      [],
    );
    // with fewer than three runs there is no "usual" to compare with
    assert.deepEqual(
      stageChartModel(runs.slice(2, 4)).bars.filter((b) => b.slow),
      [],
    );
  });

  it('draws well-formed SVG: one bar per run, one segment per stage, slow and failed runs labelled', () => {
    const svg = renderStageChart(runs);
    assert.equal(XMLValidator.validate(svg), true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['g', 'rect', 'text', 'line'].includes(name),
    }).parse(svg);
    const bars = doc.svg.g as Array<Record<string, unknown>>;
    assert.deepEqual(
      bars.map((g) => g['@_data-run']),
      ['r1', 'r2', 'r3', 'r4', 'r5'],
    );
    const r4 = bars[3] as { rect: Array<Record<string, string>>; text: Array<string | { '#text': string }> };
    assert.equal(r4.rect.filter((r) => r['@_data-stage']).length, 6);
    assert.ok(String(bars[3]!['@_class']).includes('slow'));
    assert.ok(svg.includes('>failed: communities<'));
    assert.ok(svg.includes('>median 0.50 s<'));
    // heights are proportional: r4's centrality (900 ms) is 0.6 of the full plot height (1,500 ms)
    const centrality = r4.rect.find((r) => r['@_data-stage'] === 'centrality')!;
    const plotH = 260 - 16 - 40;
    assert.ok(Math.abs(Number(centrality['@_height']) - 0.6 * plotH) < 0.2, centrality['@_height']);
  });

  it('escapes what it writes and says when there is nothing to draw', () => {
    const svg = renderStageChart([run('<b>&"x"', 1, [10])]);
    assert.equal(XMLValidator.validate(svg), true);
    assert.ok(svg.includes('data-run="&lt;b&gt;&amp;&quot;x&quot;"'));
    assert.match(renderStageChart([]), /no run has stage timings yet/);
  });

  it('formats durations for people', () => {
    assert.equal(formatDuration(420), '0.42 s');
    assert.equal(formatDuration(12_340), '12.3 s');
    assert.equal(formatDuration(245_000), '4 min 05 s');
  });
});
