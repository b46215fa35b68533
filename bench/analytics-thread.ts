/**
 * How free the metrics worker's event loop stays while the analytics run in their worker thread (the
 * timing side of test/unit/use-cases/run-analytics-thread.test.ts): runs the three stages on a synthetic
 * heavy-tailed graph in the thread while a 10 ms timer on the main thread records the longest gap between
 * its ticks. BullMQ renews the job lock from that loop every METRICS_LOCK_MS / 2 (15 s by default), so the
 * worst gap must stay far below that.
 *
 *   npm run bench:analytics-thread -- s|m
 */
import { ANALYTICS_DEFAULTS } from '../src/analytics/analytics-pipeline.js';
import { runAnalyticsInThread } from '../src/use-cases/run-analytics-thread.js';
import { edgesAt, syntheticSnapshot } from './synthetic-graph.js';

const size = process.argv[2] ?? 's';
const snapshot = syntheticSnapshot(edgesAt(size));
const opts = { ...ANALYTICS_DEFAULTS };
let last = performance.now();
let worstGap = 0;
let ticks = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  worstGap = Math.max(worstGap, now - last);
  last = now;
  ticks++;
}, 10);
const started = performance.now();
try {
  await runAnalyticsInThread(snapshot, opts, 1, (done) => {
    console.log(`${done.stage.padEnd(12)} done at ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
} finally {
  clearInterval(ticker);
}
const took = performance.now() - started;
console.log(
  `size ${size} (${snapshot.ids.length} entities, ${edgesAt(size)} edges): analytics ${(took / 1000).toFixed(2)} s in the thread; ` +
    `main-thread timer ticks ${ticks}, longest gap between ticks ${worstGap.toFixed(0)} ms (timer period 10 ms)`,
);
