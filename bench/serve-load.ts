/**
 * The load generator of bench/serve.ts, run as its own process (so the API's process and this one do
 * not share a CPU budget or an event loop): autocannon against one route with random entity ids, printing
 * one JSON line of results. Not meant to be run by hand.
 *
 *   node --import tsx bench/serve-load.ts '<json options>'
 */
import autocannon, { type Request } from 'autocannon';
import { randomIdPicker } from './random-ids.js';

interface LoadOptions {
  readonly url: string;
  readonly key: string;
  readonly idsFile: string;
  readonly mode: 'single' | 'batch';
  readonly connections: number;
  readonly durationS?: number;
  readonly amount?: number;
  readonly batchSize?: number;
  readonly seed: number;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const nextId = randomIdPicker(opts.idsFile, opts.seed);
const pick = () => nextId();
const headers = {
  authorization: `Bearer ${opts.key}`,
  'x-purpose': 'testing',
  'content-type': 'application/json',
};

const request: Request =
  opts.mode === 'single'
    ? {
        method: 'GET',
        setupRequest: (req: Request) => ({
          ...req,
          path: `/v1/entities/${encodeURIComponent(pick())}/score`,
        }),
      }
    : {
        method: 'POST',
        path: '/v1/scores',
        setupRequest: (req: Request) => ({
          ...req,
          body: JSON.stringify({ ids: Array.from({ length: opts.batchSize ?? 1000 }, pick) }),
        }),
      };

const result = await autocannon({
  url: opts.url,
  connections: opts.connections,
  ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationS ?? 30 }),
  headers,
  requests: [request],
  timeout: 30,
});
console.log(
  JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
  }),
);
