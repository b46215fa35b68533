/**
 * Draws docs/architecture.svg, the README's picture of how data flows through creditgraph, from a table of
 * boxes that name the real modules, queues and stores (each box cites the files it stands for; a test checks
 * that they exist, that every queue and every src/ directory is drawn, and that the committed SVG is this
 * script's output).
 *
 *   npx tsx scripts/docs/draw-architecture.ts          # rewrites docs/architecture.svg
 *   npx tsx scripts/docs/draw-architecture.ts --check  # exits 1 when the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SVG_PATH = join(ROOT, 'docs', 'architecture.svg');

type Side = 'l' | 'r' | 't' | 'b';
type Kind = 'entry' | 'queue' | 'module' | 'pure' | 'store' | 'stage';

interface Box {
  readonly id: string;
  readonly kind: Kind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly title: string;
  readonly lines?: readonly string[];
  /** Files or directories of the repository the box stands for (checked to exist). */
  readonly paths: readonly string[];
}

interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** The side it leaves and the side it enters (l, r, t, b); default right→left or left→right. */
  readonly sides?: `${Side}${Side}`;
  readonly dashed?: boolean;
  /** Corner points between the two ends (a bent arrow around other boxes). */
  readonly via?: readonly (readonly [number, number])[];
}

interface Lane {
  readonly y: number;
  readonly h: number;
  readonly title: string;
}

const W = 1200;
const H = 760;

const LANES: readonly Lane[] = [
  { y: 48, h: 176, title: 'Load: facts in' },
  { y: 236, h: 216, title: 'Refresh: metrics runs' },
  { y: 464, h: 196, title: 'Serve: scores and exploration' },
];

/** The boxes: every path is a real file or directory of this repository. */
export const BOXES: readonly Box[] = [
  // load
  { id: 'cli-ingest', kind: 'entry', x: 24, y: 80, w: 210, h: 52, title: 'creditgraph ingest', lines: ['CSV / NDJSON files, gzip'], paths: ['src/cli/commands/ingest.ts'] },
  { id: 'http-ingest', kind: 'entry', x: 24, y: 150, w: 210, h: 60, title: 'HTTP (admin)', lines: ['POST /v1/<type>', 'POST /v1/imports (upload)'], paths: ['src/api/routes/ingest-routes.ts', 'src/api/routes/import-routes.ts'] },
  { id: 'ingest-worker', kind: 'module', x: 470, y: 150, w: 176, h: 60, title: 'ingest worker', lines: ['workers/ingest.worker.ts'], paths: ['workers/ingest.worker.ts'] },
  { id: 'ingest', kind: 'pure', x: 470, y: 70, w: 176, h: 66, title: 'src/ingest', lines: ['parse, validate,', 'rejects file:line'], paths: ['src/ingest'] },
  { id: 'ingest-use', kind: 'module', x: 672, y: 80, w: 200, h: 120, title: 'ingest use case', lines: ['src/use-cases/ingest-file.ts', 'UNWIND batches,', 'one transaction each;', 'touched entities\'', 'features after the load'], paths: ['src/use-cases/ingest-file.ts', 'src/use-cases/refresh-touched-features.ts', 'cypher/ingest'] },
  // refresh
  { id: 'schedule', kind: 'entry', x: 24, y: 268, w: 210, h: 52, title: 'nightly schedule', lines: ['METRICS_CRON (BullMQ)'], paths: ['src/queue/metrics-producer.ts'] },
  { id: 'http-refresh', kind: 'entry', x: 24, y: 334, w: 210, h: 52, title: 'POST /v1/metrics/runs', lines: ['or creditgraph refresh'], paths: ['src/api/routes/metrics-routes.ts', 'src/cli/commands/refresh.ts'] },
  { id: 'metrics-worker', kind: 'module', x: 470, y: 258, w: 176, h: 56, title: 'metrics worker', lines: ['workers/metrics.worker.ts'], paths: ['workers/metrics.worker.ts', 'src/use-cases/refresh-metrics.ts'] },
  { id: 'snapshot', kind: 'stage', x: 470, y: 348, w: 110, h: 66, title: 'snapshot', lines: ['keyset pages', '→ typed arrays'], paths: ['src/db/snapshot-repository.ts', 'cypher/snapshot', 'src/analytics/facts.ts'] },
  { id: 'analytics', kind: 'pure', x: 600, y: 330, w: 170, h: 100, title: 'analytics, features', lines: ['worker thread: PageRank,', 'betweenness, Louvain,', 'exposure, rings, nearest', 'bad; every feature'], paths: ['src/analytics', 'src/features', 'src/use-cases/run-analytics-thread.ts', 'src/use-cases/compute-run-features.ts'] },
  { id: 'writeback', kind: 'stage', x: 790, y: 348, w: 96, h: 66, title: 'write-back', lines: ['run id,', 'then switch'], paths: ['src/db/metrics-repository.ts', 'cypher/metrics'] },
  // serve
  { id: 'lender', kind: 'entry', x: 24, y: 496, w: 210, h: 60, title: 'lenders', lines: ['GET /v1/entities/:id/score', 'POST /v1/scores'], paths: ['src/api/routes/score-routes.ts'] },
  { id: 'analyst', kind: 'entry', x: 24, y: 572, w: 210, h: 60, title: 'analysts', lines: ['web view /ui (dist/ui): network,', 'paths, rings; runs (operators)'], paths: ['src/ui', 'src/ui/runs-view.ts', 'src/api/routes/ui-routes.ts', 'src/api/routes/explore-routes.ts'] },
  { id: 'api', kind: 'module', x: 270, y: 496, w: 170, h: 136, title: 'src/api (Express)', lines: ['key + role per route,', 'zod-validated,', '/openapi.json, /docs,', 'problem+json errors,', '/healthz /readyz /metrics,', 'bull-board at', '/admin/queues'], paths: ['src/api/create-app.ts', 'src/api/middleware/auth.ts', 'src/api/openapi/registry.ts', 'src/api/routes/queue-board-routes.ts'] },
  { id: 'score-use', kind: 'module', x: 470, y: 500, w: 176, h: 56, title: 'score use case', lines: ['the stored feature vector:', 'one key seek'], paths: ['src/use-cases/score-entities.ts', 'src/db/score-repository.ts', 'cypher/score'] },
  { id: 'scoring', kind: 'pure', x: 672, y: 500, w: 200, h: 56, title: 'src/scoring', lines: ['PD, score, band, reasons,', 'credit limit'], paths: ['src/scoring'] },
  { id: 'explore-use', kind: 'module', x: 470, y: 572, w: 402, h: 60, title: 'explore use cases', lines: ['ego network, paths, communities, rings, alerts', '(cypher/explore); every read audited'], paths: ['src/use-cases/explore-ego-network.ts', 'src/use-cases/explore-paths.ts', 'src/db/explore-repository.ts', 'cypher/explore', 'src/use-cases/score-audit.ts'] },
];

/** Stores drawn as cylinders spanning the lanes. */
export const STORES: readonly Box[] = [
  { id: 'redis', kind: 'store', x: 270, y: 136, w: 170, h: 320, title: 'Redis', lines: ['BullMQ queues', '(QUEUE_PREFIX)'], paths: ['src/queue/connection.ts', 'src/queue/names.ts'] },
  { id: 'neo4j', kind: 'store', x: 912, y: 76, w: 264, h: 556, title: 'Neo4j 5.26', lines: [], paths: ['cypher/schema', 'src/db/driver.ts', 'scripts/services.sh'] },
];

/** Queue pills inside the Redis cylinder: each name is checked against src/queue/names.ts. */
export const QUEUES: readonly { name: string; y: number }[] = [
  { name: 'ingest', y: 166 },
  { name: 'metrics', y: 272 },
  { name: 'health', y: 318 },
];

const NEO4J_SECTIONS: readonly { title: string; lines: readonly string[] }[] = [
  { title: 'facts', lines: ['(:Entity) PAID / PAYS', 'SUPPLIES, OWNS, RATED', '(:Loan) (:Flag) (:Identifier)'] },
  { title: 'per metrics run', lines: ['(:MetricsRun {current})', '(:EntityMetrics {runId,', '  signals, features})', '(:Community) (:Ring)'] },
  { title: 'service', lines: ['(:ApiKey {hash, role})', '(:AuditEvent)'] },
];

export const ARROWS: readonly Arrow[] = [
  { from: 'cli-ingest', to: 'ingest' , label: 'rows' },
  { from: 'http-ingest', to: 'redis' },
  { from: 'redis', to: 'ingest-worker' },
  { from: 'ingest-worker', to: 'ingest', sides: 'tb' },
  { from: 'ingest', to: 'ingest-use' },
  { from: 'ingest-use', to: 'neo4j', label: 'MERGE' },
  { from: 'schedule', to: 'redis' },
  { from: 'http-refresh', to: 'redis' },
  { from: 'redis', to: 'metrics-worker' },
  { from: 'metrics-worker', to: 'snapshot', sides: 'bt' },
  { from: 'snapshot', to: 'analytics' },
  { from: 'analytics', to: 'writeback' },
  { from: 'writeback', to: 'neo4j' },
  { from: 'neo4j', to: 'snapshot', label: 'read facts', dashed: true, sides: 'lb', via: [[525, 443]] },
  { from: 'lender', to: 'api' },
  { from: 'analyst', to: 'api' },
  { from: 'api', to: 'score-use' },
  { from: 'score-use', to: 'scoring' },
  { from: 'neo4j', to: 'score-use', label: 'read', dashed: true, sides: 'lt', via: [[558, 482]] },
  { from: 'api', to: 'explore-use' },
  { from: 'explore-use', to: 'neo4j', label: 'read' },
];

/** The cross-cutting modules in the footer strip (checked to exist, like the boxes). */
export const FOOTER: readonly { path: string; what: string }[] = [
  { path: 'src/config', what: 'settings, validated and frozen' },
  { path: 'src/runtime', what: 'one driver, one Redis' },
  { path: 'src/db', what: 'the only Neo4j code (cypher/ loader)' },
  { path: 'src/auth', what: 'API keys' },
  { path: 'src/errors', what: 'AppError' },
  { path: 'src/logging', what: 'pino' },
  { path: 'src/cli', what: 'creditgraph command' },
];

const FILL: Record<Kind, string> = {
  entry: '#eef4fb',
  queue: '#fde7d9',
  module: '#ffffff',
  pure: '#eaf6ec',
  store: '#f4f0fa',
  stage: '#fffbe6',
};
const STROKE: Record<Kind, string> = {
  entry: '#5b87b8',
  queue: '#d2773c',
  module: '#555555',
  pure: '#4c9a5a',
  store: '#7a5fa8',
  stage: '#b59a2b',
};

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function textLines(x: number, y: number, title: string, lines: readonly string[], anchor = 'middle'): string {
  const out = [`<text x="${x}" y="${y}" text-anchor="${anchor}" class="t">${esc(title)}</text>`];
  lines.forEach((line, i) => out.push(`<text x="${x}" y="${y + 16 + i * 14}" text-anchor="${anchor}" class="s">${esc(line)}</text>`));
  return out.join('');
}

function drawBox(b: Box): string {
  const rect = `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6" fill="${FILL[b.kind]}" stroke="${STROKE[b.kind]}"/>`;
  return `<g id="${b.id}">${rect}${textLines(b.x + b.w / 2, b.y + 19, b.title, b.lines ?? [])}</g>`;
}

function drawCylinder(b: Box): string {
  const ry = 12;
  const { x, y, w, h } = b;
  const body = `<path d="M${x},${y + ry} v${h - 2 * ry} a${w / 2},${ry} 0 0 0 ${w},0 v${-(h - 2 * ry)}" fill="${FILL.store}" stroke="${STROKE.store}"/>`;
  const top = `<ellipse cx="${x + w / 2}" cy="${y + ry}" rx="${w / 2}" ry="${ry}" fill="${FILL.store}" stroke="${STROKE.store}"/>`;
  const textY = b.id === 'redis' ? y + h - 84 : y + 44;
  return `<g id="${b.id}">${body}${top}${textLines(x + w / 2, textY, b.title, b.lines ?? [])}</g>`;
}

function drawQueues(redis: Box): string {
  return QUEUES.map((q) => {
    const x = redis.x + 20;
    const w = redis.w - 40;
    return `<g id="queue-${q.name}"><rect x="${x}" y="${q.y}" width="${w}" height="28" rx="14" fill="${FILL.queue}" stroke="${STROKE.queue}"/><text x="${x + w / 2}" y="${q.y + 18}" text-anchor="middle" class="s">queue “${q.name}”</text></g>`;
  }).join('');
}

function drawRedisExtras(redis: Box): string {
  const x = redis.x + 20;
  const w = redis.w - 40;
  return `<text x="${x + w / 2}" y="${redis.y + redis.h - 34}" text-anchor="middle" class="s">rate limits per key</text>`;
}

function drawNeo4jSections(neo: Box): string {
  let y = neo.y + 70;
  return NEO4J_SECTIONS.map((s) => {
    const x = neo.x + 16;
    const h = 26 + s.lines.length * 15;
    const g = `<rect x="${x}" y="${y}" width="${neo.w - 32}" height="${h}" rx="4" fill="#ffffff" stroke="#c9bde0"/>${textLines(x + 10, y + 17, s.title, s.lines, 'start')}`;
    y += h + (s.title === 'facts' ? 96 : 84);
    return g;
  }).join('');
}

function anchor(b: Box, side: Side, toward: readonly [number, number]): [number, number] {
  const cy = (lo: number, hi: number, other: number) => Math.max(lo, Math.min(hi, other));
  const [otherMidX, otherMidY] = toward;
  if (side === 'r') return [b.x + b.w, cy(b.y + 14, b.y + b.h - 14, otherMidY)];
  if (side === 'l') return [b.x, cy(b.y + 14, b.y + b.h - 14, otherMidY)];
  if (side === 't') return [cy(b.x + 14, b.x + b.w - 14, otherMidX), b.y];
  return [cy(b.x + 14, b.x + b.w - 14, otherMidX), b.y + b.h];
}

function drawArrow(a: Arrow, byId: Map<string, Box>): string {
  const from = byId.get(a.from);
  const to = byId.get(a.to);
  if (!from || !to) throw new Error(`arrow ${a.from} → ${a.to}: unknown box`);
  const sides = a.sides ?? (from.x > to.x ? 'lr' : 'rl');
  const fs = sides[0] as Side;
  const ts = sides[1] as Side;
  const mid = (b: Box): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];
  const via = a.via ?? [];
  const first = via[0] ?? mid(to);
  const last = via[via.length - 1] ?? mid(from);
  // a bent arrow leaves and enters level with its corner points; a straight one aims at the other box
  const start = anchor(from, fs, via.length ? [first[0], first[1]] : first);
  const end = anchor(to, ts, last);
  if (via.length && (fs === 'l' || fs === 'r')) start[1] = first[1];
  if (via.length && (ts === 't' || ts === 'b')) end[0] = last[0];
  const points = [start, ...via, end];
  const dash = a.dashed ? ' stroke-dasharray="5 4"' : '';
  const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' ');
  const line = `<path d="${d}" fill="none" stroke="#444" marker-end="url(#arrow)"${dash}/>`;
  const [lx1, ly1] = points[0]!;
  const [lx2, ly2] = points[1]!;
  const label = a.label ? `<text x="${(lx1 + lx2) / 2}" y="${(ly1 + ly2) / 2 - 5}" text-anchor="middle" class="l">${esc(a.label)}</text>` : '';
  return line + label;
}

/** The whole picture as SVG text (deterministic: the same table gives the same bytes). */
export function renderArchitectureSvg(): string {
  const byId = new Map([...BOXES, ...STORES].map((b) => [b.id, b]));
  const redis = byId.get('redis')!;
  const neo = byId.get('neo4j')!;
  const lanes = LANES.map(
    (l) => `<rect x="8" y="${l.y}" width="${W - 16}" height="${l.h}" rx="8" fill="#fafafa" stroke="#e2e2e2"/><text x="20" y="${l.y + 18}" class="lane">${esc(l.title)}</text>`,
  ).join('');
  const footerY = H - 82;
  const footer = [
    `<rect x="8" y="${footerY}" width="${W - 16}" height="74" rx="8" fill="#f7f7f7" stroke="#e2e2e2"/>`,
    `<text x="20" y="${footerY + 20}" class="lane">In every process (API: creditgraph serve; workers: creditgraph worker; both run the compiled JavaScript in dist/)</text>`,
    ...FOOTER.map((f, i) => {
      const col = i % 4;
      const row = Math.floor(i / 4);
      return `<text x="${24 + col * 292}" y="${footerY + 42 + row * 18}" class="s"><tspan class="m">${esc(f.path)}</tspan> ${esc(f.what)}</text>`;
    }),
  ].join('');
  const legend = [
    ['entry', 'entry point'],
    ['module', 'use case / worker'],
    ['pure', 'pure code (no I/O)'],
    ['stage', 'run stage'],
    ['queue', 'BullMQ queue'],
  ]
    .map(([kind, label], i) => {
      const x = 560 + i * 128;
      return `<rect x="${x}" y="16" width="14" height="14" rx="3" fill="${FILL[kind as Kind]}" stroke="${STROKE[kind as Kind]}"/><text x="${x + 20}" y="27" class="s">${label}</text>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`,
    '<title>creditgraph: how data flows between the modules, the queues, Neo4j and the API</title>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>',
    '<style>.t{font-size:13px;font-weight:bold;fill:#222}.s{font-size:11.5px;fill:#333}.l{font-size:10.5px;fill:#666;font-style:italic}.lane{font-size:12px;font-weight:bold;fill:#777}.m{font-family:Menlo,Consolas,monospace;fill:#222}</style></defs>',
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    '<text x="16" y="30" class="t">creditgraph: how data flows</text>',
    legend,
    lanes,
    drawCylinder(redis),
    drawQueues(redis),
    drawRedisExtras(redis),
    drawCylinder(neo),
    drawNeo4jSections(neo),
    ...BOXES.map(drawBox),
    ...ARROWS.map((a) => drawArrow(a, byId)),
    footer,
    '</svg>',
    '',
  ].join('\n');
}

/** Every repository path the picture cites. */
export function citedPaths(): string[] {
  return [...BOXES, ...STORES].flatMap((b) => b.paths).concat(FOOTER.map((f) => f.path));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const svg = renderArchitectureSvg();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SVG_PATH, 'utf8');
    if (current !== svg) {
      console.error('docs/architecture.svg is out of date: run npx tsx scripts/docs/draw-architecture.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(SVG_PATH, svg);
    console.log(`wrote ${SVG_PATH}`);
  }
}
