/**
 * Soak: the score and ego-network routes held at a fixed rate for a long time. `creditgraph serve` runs as
 * its own process (scoped to the network's prefix); a separate load process (bench/soak-load.ts) sends
 * `--rate` requests/s in total, half to GET /v1/entities/:id/score and half to GET
 * /v1/entities/:id/network, for `--minutes`. Per minute it prints requests, non-2xx answers and client
 * errors, p99 per route and the API process's RSS; at the end a verdict: no errors, and the RSS of the
 * last minute at most `--rss-tolerance` % above the second minute's (the first minute includes warm-up).
 *
 * The network: the `--size` sample (default s: 2,000 entities, 20,000 payments) under `--prefix`,
 * generated and loaded when missing, with a metrics run scoped to the prefix.
 *
 *   npm run bench:soak [-- --minutes 10 --rate 100 --connections 40 --size s --prefix soak- --rss-tolerance 15]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import { createApiKey, deleteApiKey } from '../src/db/api-key-repository.js';
import { isNetworkSize } from '../src/ingest/generator/sizes.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { prepareNetwork, rssOf, runLoadProcess, startApi } from './serve-harness.js';

interface RouteFigures {
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}
interface MinuteRow {
  readonly minute: number;
  readonly score: RouteFigures;
  readonly network: RouteFigures;
}

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    connections: { type: 'string', default: '40' },
    size: { type: 'string', default: 's' },
    seed: { type: 'string', default: '1' },
    prefix: { type: 'string', default: 'soak-' },
    port: { type: 'string', default: '8092' },
    'rss-tolerance': { type: 'string', default: '15' },
    'period-seconds': { type: 'string', default: '60' },
    refresh: { type: 'boolean', default: false },
  },
});
if (!isNetworkSize(values.size!)) throw new Error('--size must be s, m or l');
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const tolerance = Number(values['rss-tolerance']);
if (!(minutes >= 1) || !(rate > 0)) throw new Error('--minutes must be >= 1 and --rate > 0');
const prefix = values.prefix!;
const config = configFromEnvironment();
const rt = await openRuntime(config);
const work = join(PROJECT_ROOT, '.local', 'bench', `soak-${values.size}-${values.seed}`);
mkdirSync(work, { recursive: true });

const { ids, idsFile, runId } = await prepareNetwork(rt.db, config, {
  size: values.size, seed: Number(values.seed), prefix, work, scope: prefix, refresh: values.refresh!,
});
console.log(`network: ${ids.length} entities under "${prefix}"; run in service ${runId}`);
const key = await createApiKey(rt.db, 'analyst', 'bench-soak', new Date());
const { api, url } = await startApi(Number(values.port), { SERVING_SCOPE: prefix });
const rssStart = rssOf(api.pid!);
console.log(`API pid ${api.pid}, RSS at start ${(rssStart / 2 ** 20).toFixed(0)} MB; ${rate} req/s for ${minutes} min (half score, half network)`);
const periodS = Number(values['period-seconds']);
console.log(`${periodS === 60 ? 'minute' : `${periodS} s`.padStart(6)}  requests  req/s  non-2xx  errors  p99 score  p99 network  max score  max network  RSS MB`);

const rows: Array<MinuteRow & { rss: number }> = [];
try {
  await runLoadProcess<MinuteRow>(
    'soak-load.ts',
    { url, key: key.key, idsFile, minutes, rate, connections: Number(values.connections), seed: 11, periodS },
    (row) => {
      const rss = rssOf(api.pid!);
      rows.push({ ...row, rss });
      const { score: s, network: n } = row;
      console.log(
        `${String(row.minute).padStart(6)} ${String(s.requests + n.requests).padStart(9)} ${((s.requests + n.requests) / periodS).toFixed(1).padStart(6)} ${String(s.non2xx + n.non2xx).padStart(8)} ` +
          `${String(s.errors + n.errors).padStart(7)} ${`${s.p99} ms`.padStart(10)} ${`${n.p99} ms`.padStart(12)} ` +
          `${`${s.max} ms`.padStart(10)} ${`${n.max} ms`.padStart(12)} ${(rss / 2 ** 20).toFixed(0).padStart(7)}`,
      );
    },
  );
} finally {
  api.kill('SIGTERM');
  await deleteApiKey(rt.db, key.id);
  await rt.close();
}

const total = rows.reduce((a, r) => a + r.score.requests + r.network.requests, 0);
const bad = rows.reduce((a, r) => a + r.score.non2xx + r.network.non2xx + r.score.errors + r.network.errors, 0);
const base = rows[Math.min(1, rows.length - 1)]!.rss;
const last = rows[rows.length - 1]!.rss;
const drift = ((last - base) / base) * 100;
// A leak is growth: memory the GC hands back (RSS falling) is not a failure.
const flat = drift <= tolerance;
console.log(
  `\n${total} requests in ${rows.length} min, ${bad} non-2xx or errors; RSS ${(base / 2 ** 20).toFixed(0)} MB (minute ${Math.min(2, rows.length)}) → ` +
    `${(last / 2 ** 20).toFixed(0)} MB (minute ${rows.length}), ${drift >= 0 ? '+' : ''}${drift.toFixed(1)} %`,
);
console.log(`verdict: ${bad === 0 && flat ? 'PASS' : 'FAIL'} (no errors: ${bad === 0 ? 'yes' : 'no'}; RSS grown by at most ${tolerance} %: ${flat ? 'yes' : 'no'})`);
process.exitCode = bad === 0 && flat ? 0 : 1;
