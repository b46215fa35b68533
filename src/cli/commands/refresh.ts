/**
 * `creditgraph refresh`: a metrics refresh with one progress bar per stage. By default it enqueues the
 * job (a running `creditgraph worker` does the work) and follows its progress; `--inline` computes in
 * this process instead; `--no-wait` prints the job id and returns.
 */
import type { Command } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { QueueEvents } from 'bullmq';
import { configFromEnvironment, type Config } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { bullConnection } from '../../queue/connection.js';
import { createMetricsQueue, newRunId } from '../../queue/metrics-producer.js';
import { QUEUE_NAMES } from '../../queue/names.js';
import { requestRefresh } from '../../use-cases/metrics-runs.js';
import { estimateRefreshOf, type RefreshEstimateAnswer } from '../../use-cases/estimate-refresh.js';
import { REFRESH_STAGES, refreshMetrics, type RefreshProgress, type RefreshSummary } from '../../use-cases/refresh-metrics.js';
import { activeFraudModel } from '../../use-cases/score-model.js';

interface RefreshOptions {
  scope: string;
  inline?: boolean;
  estimate?: boolean;
  wait: boolean;
  timeout: string;
}

/** One bar per stage, filled as progress reports arrive. */
function stageBars(): { update(p: RefreshProgress): void; stop(): void } {
  const multi = new MultiBar({ format: ' {stage} |{bar}| {percentage}%', hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
  let stopped = false;
  const bars = new Map<string, SingleBar>(REFRESH_STAGES.map((s) => [s, multi.create(100, 0, { stage: s.padEnd(11) })]));
  return {
    update(p) {
      for (const s of REFRESH_STAGES) {
        if (s === p.stage) break;
        bars.get(s)?.update(100, { stage: s.padEnd(11) });
      }
      bars.get(p.stage)?.update(Math.round(p.stageFraction * 100), { stage: p.stage.padEnd(11) });
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}

function printSummary(s: RefreshSummary): void {
  console.log(`run ${s.runId} complete${s.scope ? ` (scope "${s.scope}")` : ''}; previous ${s.previousRunId ?? 'none'}`);
  console.log(`  stages: ${s.stages.map((t) => `${t.stage} ${(t.ms / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`  counts: ${JSON.stringify(s.counts)}`);
  if (s.deletedRuns.length) console.log(`  deleted old runs: ${s.deletedRuns.join(', ')}`);
}

function printEstimate(a: RefreshEstimateAnswer): void {
  const c = a.counts;
  const k = (x: number) => x.toLocaleString('en-US');
  console.log(`refresh estimate${a.scope ? ` for scope "${a.scope}"` : ' for the whole graph'}`);
  console.log(`  counts: ${k(c.entities)} entities, ${k(c.pays)} PAYS, ${k(c.supplies)} SUPPLIES, ${k(c.rated)} RATED, ${k(c.paid)} PAID events, ${k(c.loans)} loans, ${k(c.flags)} flags`);
  for (const s of a.estimate.stages) console.log(`  ${s.stage.padEnd(10)} ~${Math.ceil(s.seconds)} s, process memory ~${Math.ceil(s.memoryMb)} MB`);
  console.log(`  total: ~${Math.ceil(a.estimate.seconds)} s; peak memory ~${Math.ceil(a.estimate.memoryMb)} MB of METRICS_MAX_MEMORY_MB ${a.maxMemoryMb} MB`);
  console.log(a.refusal ? `  a run would refuse to start: ${a.refusal}` : '  a run fits the memory budget');
}

async function runEstimate(config: Config, scope: string): Promise<void> {
  const runtime = await openRuntime(config);
  try {
    const answer = await estimateRefreshOf(runtime.db, config.metrics, scope);
    printEstimate(answer);
    if (answer.refusal) process.exitCode = 1;
  } finally {
    await runtime.close();
  }
}

async function runInline(config: Config, scope: string): Promise<void> {
  const runtime = await openRuntime(config);
  const bars = stageBars();
  try {
    const runId = newRunId(new Date());
    const summary = await refreshMetrics(runtime.db, config.metrics, { runId, jobId: 'cli-inline', scope }, (p) => bars.update(p), activeFraudModel(config));
    bars.stop();
    printSummary(summary);
  } finally {
    bars.stop();
    await runtime.close();
  }
}

async function runQueued(config: Config, opts: RefreshOptions): Promise<void> {
  const enqueued = await requestRefresh(config, opts.scope, 'cli', new Date());
  console.log(`refresh job ${enqueued.jobId} (run ${enqueued.runId})${enqueued.deduplicated ? ' was already queued or running' : ' queued'}`);
  if (!opts.wait) return;
  const events = new QueueEvents(QUEUE_NAMES.metrics, { connection: bullConnection(config.redis), prefix: config.redis.prefix });
  const queue = createMetricsQueue(config.redis);
  const bars = stageBars();
  try {
    await events.waitUntilReady();
    events.on('progress', ({ jobId, data }) => {
      if (jobId === enqueued.jobId && typeof data === 'object' && data !== null && 'stage' in data) bars.update(data as RefreshProgress);
    });
    const job = await queue.getJob(enqueued.jobId);
    if (!job) throw new Error(`job ${enqueued.jobId} disappeared`);
    const summary = (await job.waitUntilFinished(events, Number(opts.timeout) * 1000)) as RefreshSummary;
    bars.stop();
    printSummary(summary);
  } finally {
    bars.stop();
    await Promise.allSettled([events.close(), queue.close()]);
  }
}

export function registerRefresh(program: Command): void {
  program
    .command('refresh')
    .description('recompute the network metrics (PageRank, communities, risk) as a new run; shows stage progress')
    .option('--scope <prefix>', 'only entities whose id starts with this (a scoped refresh)', '')
    .option('--inline', 'compute in this process instead of enqueueing for a worker')
    .option('--estimate', 'print the expected memory and time of a refresh of the current graph (and whether it fits METRICS_MAX_MEMORY_MB); runs nothing')
    .option('--no-wait', 'enqueue and return without following progress')
    .option('--timeout <seconds>', 'how long to follow a queued job', '3600')
    .action(async (opts: RefreshOptions) => {
      const config = configFromEnvironment();
      if (opts.estimate) await runEstimate(config, opts.scope);
      else if (opts.inline) await runInline(config, opts.scope);
      else await runQueued(config, opts);
    });
}
