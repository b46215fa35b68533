/**
 * The Runs page's chart: how long each stage of the last metrics runs took, one stacked bar per run
 * (oldest on the left), so a slow night stands out. A run whose total is over `slowFactor` × the median
 * total is drawn with a red outline and marked "slow"; a failed run is marked with its failed stage.
 * Pure: runs in, SVG markup out (every text escaped), so it is unit-tested without a browser.
 */

export interface ChartRun {
  readonly id: string;
  readonly status: string;
  readonly startedAt: string;
  readonly stages: ReadonlyArray<{ readonly stage: string; readonly ms: number }>;
  readonly failedStage?: string | null;
}

export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  /** A run is slow when its total exceeds this many times the median total of the runs drawn. */
  readonly slowFactor: number;
}

export const CHART_DEFAULTS: ChartOptions = { width: 760, height: 260, slowFactor: 1.5 };

/** Colours of the stages in the order they first appear (snapshot, centrality, … in a refresh). */
const PALETTE = ['#64748b', '#2563eb', '#16a34a', '#f59e0b', '#9333ea', '#0891b2', '#db2777', '#65a30d'];

export interface ChartBar {
  readonly run: ChartRun;
  readonly totalMs: number;
  readonly slow: boolean;
  readonly segments: ReadonlyArray<{ readonly stage: string; readonly ms: number }>;
}

export interface ChartModel {
  readonly stages: readonly string[];
  readonly bars: readonly ChartBar[];
  readonly medianMs: number;
  readonly maxMs: number;
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Bars oldest first, stage order as first seen, median and maximum totals (runs without stages left out). */
export function stageChartModel(
  runs: readonly ChartRun[],
  slowFactor = CHART_DEFAULTS.slowFactor,
): ChartModel {
  const drawn = runs
    .filter((r) => r.stages.length > 0)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const stages: string[] = [];
  for (const r of drawn) for (const s of r.stages) if (!stages.includes(s.stage)) stages.push(s.stage);
  const totals = drawn.map((r) => r.stages.reduce((sum, s) => sum + Math.max(0, s.ms), 0));
  const medianMs = median(totals);
  const bars = drawn.map((run, i) => ({
    run,
    totalMs: totals[i]!,
    slow: drawn.length >= 3 && medianMs > 0 && totals[i]! > slowFactor * medianMs,
    segments: run.stages.map((s) => ({ stage: s.stage, ms: Math.max(0, s.ms) })),
  }));
  return { stages, bars, medianMs, maxMs: Math.max(0, ...totals) };
}

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Seconds for people: 0.42 s, 12.3 s, 4 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const min = Math.floor(ms / 60_000);
  const sec = Math.round((ms % 60_000) / 1000);
  return `${min} min ${String(sec).padStart(2, '0')} s`;
}

/** The chart as SVG markup (empty-state text when no run has stage timings yet). */
export function renderStageChart(runs: readonly ChartRun[], options: Partial<ChartOptions> = {}): string {
  const { width, height, slowFactor } = { ...CHART_DEFAULTS, ...options };
  const model = stageChartModel(runs, slowFactor);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="stage-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="stage durations of the last metrics runs">`;
  if (!model.bars.length) {
    return `${head}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="empty">no run has stage timings yet</text></svg>`;
  }
  const left = 56;
  const right = 150;
  const top = 16;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = plotW / model.bars.length;
  const barW = Math.max(4, Math.min(48, slot * 0.7));
  const y = (ms: number) => top + plotH - (model.maxMs > 0 ? (ms / model.maxMs) * plotH : 0);
  const colour = (stage: string) => PALETTE[model.stages.indexOf(stage) % PALETTE.length]!;
  const parts: string[] = [
    head,
    '<title>Stage durations of the last metrics runs (oldest on the left)</title>',
  ];
  // axis with three ticks
  for (const f of [0, 0.5, 1]) {
    const ms = model.maxMs * f;
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(ms).toFixed(1)}" y2="${y(ms).toFixed(1)}" class="grid"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${(y(ms) + 4).toFixed(1)}" text-anchor="end" class="tick">${esc(formatDuration(ms))}</text>`,
    );
  }
  model.bars.forEach((bar, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let acc = 0;
    const title = `${bar.run.id} · ${bar.run.status} · ${formatDuration(bar.totalMs)}: ${bar.segments.map((s) => `${s.stage} ${formatDuration(s.ms)}`).join(', ')}`;
    parts.push(
      `<g class="run-bar${bar.slow ? ' slow' : ''}${bar.run.status === 'failed' ? ' failed' : ''}" data-run="${esc(bar.run.id)}"><title>${esc(title)}</title>`,
    );
    for (const s of bar.segments) {
      const y0 = y(acc + s.ms);
      const h = y(acc) - y0;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${colour(s.stage)}" data-stage="${esc(s.stage)}"/>`,
      );
      acc += s.ms;
    }
    if (bar.slow) {
      parts.push(
        `<rect x="${(x - 2).toFixed(1)}" y="${(y(bar.totalMs) - 2).toFixed(1)}" width="${(barW + 4).toFixed(1)}" height="${(y(0) - y(bar.totalMs) + 4).toFixed(1)}" class="slow-outline"/>`,
      );
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(y(bar.totalMs) - 6).toFixed(1)}" text-anchor="middle" class="slow-label">slow</text>`,
      );
    }
    if (bar.run.status === 'failed') {
      const label = bar.run.failedStage ? `failed: ${bar.run.failedStage}` : 'failed';
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(y(bar.totalMs) - 6).toFixed(1)}" text-anchor="middle" class="failed-label">${esc(label)}</text>`,
      );
    }
    parts.push(
      `<text x="${(x + barW / 2).toFixed(1)}" y="${(top + plotH + 14).toFixed(1)}" text-anchor="middle" class="tick">${esc(bar.run.startedAt.slice(5, 10))}</text>`,
    );
    parts.push(
      `<text x="${(x + barW / 2).toFixed(1)}" y="${(top + plotH + 27).toFixed(1)}" text-anchor="middle" class="tick">${esc(bar.run.startedAt.slice(11, 16))}</text>`,
    );
    parts.push('</g>');
  });
  model.stages.forEach((stage, i) => {
    const ly = top + 18 + i * 16;
    parts.push(
      `<rect x="${left + plotW + 24}" y="${ly - 9}" width="10" height="10" fill="${colour(stage)}"/><text x="${left + plotW + 40}" y="${ly}" class="legend">${esc(stage)}</text>`,
    );
  });
  if (model.medianMs > 0) {
    const ly = top + 18 + model.stages.length * 16 + 6;
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(model.medianMs).toFixed(1)}" y2="${y(model.medianMs).toFixed(1)}" class="median"/>`,
    );
    parts.push(
      `<line x1="${left + plotW + 22}" x2="${left + plotW + 36}" y1="${ly - 4}" y2="${ly - 4}" class="median"/><text x="${left + plotW + 40}" y="${ly}" class="median-label">median ${esc(formatDuration(model.medianMs))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
