/**
 * The same PageRank and Louvain as the refresh, timed here and with python-igraph (bench/igraph-compare.py)
 * on the same merged edge lists, in the same run, printed as ratios ours / igraph. Used by
 * bench/analytics.ts (synthetic graphs) and bench/refresh.ts (the graph a refresh reads from Neo4j).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYTICS_DEFAULTS, type PreparedGraph } from '../src/analytics/analytics-pipeline.js';
import { louvainCsr } from '../src/analytics/louvain-csr.js';
import { pagerank } from '../src/analytics/pagerank.js';
import { createRng } from '../src/analytics/rng.js';

const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

/** Our PageRank and Louvain on a prepared graph: their times (s), scores and modularity. */
export interface OurRun {
  pagerankS: number;
  louvainS: number;
  modularity: number;
  pagerank: Float64Array;
}

/** Times our PageRank and Louvain (the refresh's options) on `g`, one after the other in this thread. */
export function timeOurs(g: PreparedGraph): OurRun {
  let t = performance.now();
  const pr = pagerank(g.directed, ANALYTICS_DEFAULTS.pagerank);
  const pagerankS = (performance.now() - t) / 1000;
  t = performance.now();
  const lv = louvainCsr(g.undirected, { resolution: ANALYTICS_DEFAULTS.louvainResolution, rng: createRng(2) });
  return { pagerankS, louvainS: (performance.now() - t) / 1000, modularity: lv.modularity, pagerank: pr.scores };
}

/** Writes the merged directed pairs and the undirected pairs (u < v) as igraph edge lists with weights. */
function writeEdgeLists(g: PreparedGraph, dir: string): void {
  const n = g.directed.n;
  const write = (name: string, offsets: Uint32Array, targets: Uint32Array, weights: Float64Array, keep: (u: number, v: number) => boolean) => {
    const w = new Float64Array(targets.length);
    let k = 0;
    let lines: string[] = [];
    writeFileSync(join(dir, `${name}.txt`), '');
    for (let u = 0; u < n; u++) {
      for (let j = offsets[u]!; j < offsets[u + 1]!; j++) {
        if (!keep(u, targets[j]!)) continue;
        lines.push(`${u} ${targets[j]!}\n`);
        w[k++] = weights[j]!;
      }
      if (lines.length >= 1 << 20 || u === n - 1) {
        appendFileSync(join(dir, `${name}.txt`), lines.join(''));
        lines = [];
      }
    }
    writeFileSync(join(dir, `${name}.w`), Buffer.from(w.buffer, 0, 8 * k));
  };
  writeFileSync(join(dir, 'n.txt'), String(n));
  write('directed', g.directed.outOffsets, g.directed.outTargets, g.directed.outWeights, () => true);
  write('undirected', g.undirected.offsets, g.undirected.targets, g.undirected.weights, (u, v) => u < v);
}

/** Runs igraph on `g`'s edge lists and prints its times beside `ours`, as ratios. */
export function compareWithIgraph(g: PreparedGraph, ours: OurRun): void {
  const probe = spawnSync(PYTHON, ['-c', 'import igraph'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`igraph       not found for ${PYTHON}: install it with  bash scripts/install-bench-tools.sh  (Debian's python3-igraph)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cg-igraph-'));
  try {
    writeEdgeLists(g, dir);
    const script = fileURLToPath(new URL('./igraph-compare.py', import.meta.url));
    const r = JSON.parse(execFileSync(PYTHON, [script, dir], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim()) as {
      igraph: string;
      pagerankS: number;
      louvainS: number;
      louvainCommunities: number;
      louvainModularity: number;
    };
    const theirs = new Float64Array(readFileSync(join(dir, 'pagerank.igraph')).buffer.slice(0));
    let diff = 0;
    for (let v = 0; v < theirs.length; v++) diff = Math.max(diff, Math.abs(theirs[v]! - ours.pagerank[v]!));
    console.log(`igraph       python-igraph ${r.igraph} on the same merged edge lists (same process run, one core each)`);
    console.log(`igraph       PageRank  ours ${ours.pagerankS.toFixed(2)} s, igraph ${r.pagerankS.toFixed(2)} s: ratio ${(ours.pagerankS / r.pagerankS).toFixed(2)}×   (largest score difference ${diff.toExponential(1)})`);
    console.log(`igraph       Louvain   ours ${ours.louvainS.toFixed(2)} s, igraph ${r.louvainS.toFixed(2)} s: ratio ${(ours.louvainS / r.louvainS).toFixed(2)}×   (modularity ours ${ours.modularity.toFixed(4)}, igraph ${r.louvainModularity.toFixed(4)}, ${r.louvainCommunities} communities)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
