/**
 * One Louvain implementation on the synthetic graph, in its own process so its peak memory can be
 * read from the kernel's high-water mark: prints one JSON line {impl, size, ms, rssBeforeMb,
 * peakRssMb, communities, modularity}. Run by bench/analytics.ts; by hand:
 *
 *   node --import tsx bench/louvain-compare.ts m graphology|typed-array
 */
import { prepareGraph } from '../src/analytics/analytics-pipeline.js';
import { louvainCommunities } from '../test/helpers/graphology-louvain.js';
import { louvainCsr } from '../src/analytics/louvain-csr.js';
import { createRng } from '../src/analytics/rng.js';
import { edgesAt, peakRssMb, syntheticSnapshot } from './synthetic-graph.js';

const size = process.argv[2] ?? 'm';
const impl = process.argv[3] ?? 'typed-array';
const graph = prepareGraph(syntheticSnapshot(edgesAt(size)));
const rssBeforeMb = peakRssMb();
const t = performance.now();
const run = impl === 'graphology' ? louvainCommunities : louvainCsr;
const r = run(graph.undirected, { resolution: 1, rng: createRng(2) });
const ms = performance.now() - t;
console.log(
  JSON.stringify({
    impl,
    size,
    ms: Math.round(ms),
    rssBeforeMb: Math.round(rssBeforeMb),
    peakRssMb: Math.round(peakRssMb()),
    communities: r.count,
    modularity: r.modularity,
  }),
);
