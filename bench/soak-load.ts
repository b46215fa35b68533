/**
 * The load generator of bench/soak.ts, run as its own process: for each minute, two autocannon instances
 * side by side, one on GET /v1/entities/:id/score and one on GET /v1/entities/:id/network (depth 1), each
 * at half the fixed total rate, with random ids of the network. Prints one JSON line per minute:
 * `{minute, score: {requests, non2xx, errors, p50, p99, max}, network: {...}}`. Not meant to be run by hand.
 *
 *   node --import tsx bench/soak-load.ts '<json options>'
 */
import autocannon, { type Request, type Result } from 'autocannon';
import { randomIdPicker } from './random-ids.js';

interface SoakLoadOptions {
  readonly url: string;
  readonly key: string;
  readonly idsFile: string;
  readonly minutes: number;
  /** Requests per second, both routes together. */
  readonly rate: number;
  readonly connections: number;
  readonly seed: number;
  /** Seconds per reporting period (60; shorter only to try the script). */
  readonly periodS: number;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as SoakLoadOptions;
const nextId = randomIdPicker(opts.idsFile, opts.seed);
const pick = () => encodeURIComponent(nextId());
const headers = { authorization: `Bearer ${opts.key}`, 'x-purpose': 'testing' };

function route(path: (id: string) => string): Promise<Result> {
  const request: Request = {
    method: 'GET',
    setupRequest: (req: Request) => ({ ...req, path: path(pick()) }),
  };
  return autocannon({
    url: opts.url,
    connections: Math.max(1, Math.floor(opts.connections / 2)),
    overallRate: opts.rate / 2,
    duration: opts.periodS,
    headers,
    requests: [request],
    timeout: 30,
  });
}

const summary = (r: Result) => ({
  requests: r.requests.total,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
});

for (let minute = 1; minute <= opts.minutes; minute++) {
  const [score, network] = await Promise.all([
    route((id) => `/v1/entities/${id}/score`),
    route((id) => `/v1/entities/${id}/network?depth=1`),
  ]);
  console.log(JSON.stringify({ minute, score: summary(score), network: summary(network) }));
}
