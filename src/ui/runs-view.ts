/**
 * The Runs page of the web view (operators): the metrics runs newest first with their status, stage,
 * duration and counts; a chart of stage durations over the last runs (a slow night stands out); and,
 * for the chosen run, its stages with timings, counts, parameters, and why it failed. While a run is
 * running the page polls GET /v1/metrics/runs and the run's job (GET /v1/jobs/:id) for its progress.
 * The queues themselves (waiting, active, failed jobs, retries) open in bull-board (admin keys only).
 * Opened by the header's Runs button or the URL hash #runs; `window.__creditgraphRuns` exposes its
 * state to the browser test.
 */
import { ApiError, apiGet, storedKey } from './api-client.js';
import { formatDuration, renderStageChart } from './runs-chart.js';

interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface RunView {
  readonly id: string;
  readonly scope: string;
  readonly status: 'running' | 'writing' | 'complete' | 'failed';
  readonly stage: string | null;
  readonly current: boolean;
  readonly scopeCurrent: boolean;
  readonly attempts: number;
  readonly jobId: string | null;
  readonly startedAt: string;
  readonly snapshotAt: string | null;
  readonly finishedAt: string | null;
  readonly params: unknown;
  readonly stages: readonly StageTiming[];
  readonly counts: Record<string, unknown>;
  readonly error: string | null;
  readonly failedStage: string | null;
}

interface JobView {
  readonly state: string;
  readonly progress: { stage?: string; percent?: number; stageFraction?: number } | number | null;
  readonly attemptsMade: number;
  readonly failedReason: string | null;
}

/** What the browser test reads: finished list loads, polls of a running run, the last error. */
const state = { loads: 0, polls: 0, selected: null as string | null, error: null as string | null };
(window as unknown as { __creditgraphRuns: typeof state }).__creditgraphRuns = state;

const POLL_MS = 2000;
const LIMIT = 30;

const CSS = `
[hidden] { display: none !important; }
#runs-view { padding: 0.8rem 1rem; overflow: auto; height: calc(100% - 3rem); background: #fff; }
#runs-view .runs-head { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.6rem; }
#runs-view h2 { font-size: 1.05rem; margin: 0 0.6rem 0 0; }
#runs-view .runs-body { display: grid; grid-template-columns: 1fr 24rem; gap: 1rem; align-items: start; }
#runs-table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
#runs-table th, #runs-table td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
#runs-table tbody tr { cursor: pointer; }
#runs-table tbody tr:hover, #runs-table tbody tr.selected { background: #eff6ff; }
.run-status { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.8rem; background: #e2e8f0; }
.run-status.complete { background: #dcfce7; } .run-status.failed { background: #fee2e2; color: var(--bad); }
.run-status.running, .run-status.writing { background: #dbeafe; }
#run-detail h3 { font-size: 0.95rem; margin: 0.8rem 0 0.3rem; }
#run-detail .run-error { color: var(--bad); background: #fef2f2; border: 1px solid #fecaca; padding: 0.4rem 0.6rem; border-radius: 4px; word-break: break-word; }
.stage-row { display: grid; grid-template-columns: 6.5rem 1fr 5.5rem; gap: 0.4rem; align-items: center; font-size: 0.85rem; margin: 0.15rem 0; }
.stage-row .bar > i { background: #2563eb; }
.stage-row.failed { color: var(--bad); } .stage-row.pending { color: var(--muted); }
.progress { height: 0.6rem; background: var(--line); border-radius: 3px; overflow: hidden; margin: 0.3rem 0; }
.progress > i { display: block; height: 100%; background: #16a34a; }
.stage-chart .grid { stroke: #e2e8f0; } .stage-chart .median { stroke: #64748b; stroke-dasharray: 4 3; }
.stage-chart .tick, .stage-chart .legend, .stage-chart .median-label { font-size: 10.5px; fill: #475569; }
.stage-chart .slow-outline { fill: none; stroke: var(--bad); stroke-width: 2; }
.stage-chart .slow-label, .stage-chart .failed-label { font-size: 10.5px; fill: var(--bad); font-weight: 600; }
.stage-chart .empty { fill: var(--muted); }
`;

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const when = (iso: string | null): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '—');
const totalMs = (run: RunView): number => run.stages.reduce((s, t) => s + t.ms, 0);
const isActive = (run: RunView): boolean => run.status === 'running' || run.status === 'writing';
const plain = (v: unknown): string =>
  typeof v === 'number'
    ? v.toLocaleString('en-US', { maximumFractionDigits: 4 })
    : typeof v === 'string' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

function facts(
  entries: ReadonlyArray<[string, unknown]>,
  numbers: 'grouped' | 'plain' = 'grouped',
): HTMLElement {
  const dl = el('dl', { className: 'facts' });
  for (const [k, v] of entries) {
    const text = numbers === 'plain' && typeof v === 'number' ? String(v) : plain(v);
    dl.append(el('dt', { textContent: k }), el('dd', { textContent: text }));
  }
  return dl;
}

/** Nested parameters as dotted keys: {options: {pagerank: {alpha}}} → options.pagerank.alpha. */
export function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return prefix ? [[prefix, value]] : [];
}

/** The stages of a run: done with their time, the failed one, the ones not reached. */
function stageRows(run: RunView, job: JobView | null): HTMLElement {
  const box = el('div', { className: 'stages' });
  const longest = Math.max(1, ...run.stages.map((s) => s.ms));
  for (const s of run.stages) {
    const bar = el('div', { className: 'bar' }, el('i'));
    (bar.firstChild as HTMLElement).style.width = `${Math.round((s.ms / longest) * 100)}%`;
    box.append(
      el(
        'div',
        { className: 'stage-row done' },
        el('span', { textContent: s.stage }),
        bar,
        el('span', { textContent: formatDuration(s.ms) }),
      ),
    );
  }
  const progress = job && typeof job.progress === 'object' ? job.progress : null;
  if (isActive(run) && progress?.stage && !run.stages.some((s) => s.stage === progress.stage)) {
    box.append(
      el(
        'div',
        { className: 'stage-row running' },
        el('span', { textContent: progress.stage }),
        el('span', { textContent: 'running…' }),
        el('span', { textContent: `${Math.round((progress.stageFraction ?? 0) * 100)}%` }),
      ),
    );
  }
  if (run.failedStage) {
    box.append(
      el(
        'div',
        { className: 'stage-row failed' },
        el('span', { textContent: run.failedStage }),
        el('span', { textContent: 'failed here' }),
        el('span'),
      ),
    );
  }
  return box;
}

function runDetail(run: RunView, job: JobView | null): HTMLElement[] {
  const out: HTMLElement[] = [el('h3', { textContent: run.id })];
  if (run.status === 'failed') {
    const where = run.failedStage ? `Failed in stage ${run.failedStage}` : 'Failed';
    out.push(el('p', { className: 'run-error' }, `${where}: ${run.error ?? 'no error recorded'}`));
  }
  if (isActive(run)) {
    const percent = job && typeof job.progress === 'object' && job.progress ? (job.progress.percent ?? 0) : 0;
    const bar = el('div', { className: 'progress' }, el('i'));
    (bar.firstChild as HTMLElement).style.width = `${percent}%`;
    out.push(
      el(
        'p',
        { className: 'muted' },
        `${run.status}${job ? ` · job ${job.state}, attempt ${job.attemptsMade + 1}` : ''} · ${percent}%`,
      ),
      bar,
    );
  }
  out.push(
    facts([
      [
        'status',
        run.status + (run.current ? ' (in service)' : run.scopeCurrent ? ' (in service for its scope)' : ''),
      ],
      ['scope', run.scope || 'the whole graph'],
      ['started', when(run.startedAt)],
      ['snapshot', when(run.snapshotAt)],
      ['finished', when(run.finishedAt)],
      ['total', formatDuration(totalMs(run))],
      ['attempts', run.attempts],
      ['job', run.jobId ?? '—'],
    ]),
  );
  out.push(el('h3', { textContent: 'Stages' }), stageRows(run, job));
  const counts = Object.entries(run.counts);
  out.push(
    el('h3', { textContent: 'Counts' }),
    counts.length ? facts(counts) : el('p', { className: 'muted', textContent: 'none recorded yet' }),
  );
  const params = flatten(run.params);
  out.push(
    el('h3', { textContent: 'Parameters' }),
    params.length ? facts(params, 'plain') : el('p', { className: 'muted', textContent: 'none recorded' }),
  );
  return out;
}

function runRow(run: RunView, selected: boolean, onSelect: (id: string) => void): HTMLTableRowElement {
  const count = (k: string) =>
    typeof run.counts[k] === 'number' ? (run.counts[k] as number).toLocaleString('en-US') : '—';
  const row = el(
    'tr',
    { className: selected ? 'selected' : '' },
    el('td', { textContent: when(run.startedAt).slice(0, 16) }),
    el('td', { textContent: run.id }),
    el('td', { textContent: run.scope || 'all' }),
    el('td', {}, el('span', { className: `run-status ${run.status}`, textContent: run.status })),
    el('td', {
      textContent: run.status === 'failed' ? `failed: ${run.failedStage ?? '?'}` : (run.stage ?? '—'),
    }),
    el('td', { textContent: run.stages.length ? formatDuration(totalMs(run)) : '—' }),
    el('td', { textContent: count('entities') }),
  );
  row.dataset.run = run.id;
  row.addEventListener('click', () => onSelect(run.id));
  return row;
}

/** Mounts the Runs page into `container`; `toggle` switches between it and `main` (the network view). */
export function mountRunsView(toggle: HTMLButtonElement, container: HTMLElement, main: HTMLElement): void {
  document.head.append(el('style', { textContent: CSS }));
  const scopeInput = el('input', {
    id: 'runs-scope',
    placeholder: 'scope: id prefix (empty: the whole graph)',
    size: 34,
  });
  const status = el('span', { id: 'runs-status', className: 'muted' });
  const queuesButton = el('button', { id: 'open-queues', type: 'button', textContent: 'Queues (admin)' });
  const chart = el('div', { id: 'runs-chart' });
  const tbody = el('tbody');
  const table = el(
    'table',
    { id: 'runs-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['started', 'run', 'scope', 'status', 'stage', 'duration', 'entities'].map((h) =>
          el('th', { textContent: h }),
        ),
      ),
    ),
    tbody,
  );
  const detail = el(
    'aside',
    { id: 'run-detail' },
    el('p', { className: 'hint', textContent: 'Choose a run to see its stages, counts and parameters.' }),
  );
  const form = el(
    'form',
    { id: 'runs-form', autocomplete: 'off' },
    scopeInput,
    el('button', { type: 'submit', textContent: 'Show' }),
  );
  container.replaceChildren(
    el(
      'div',
      { className: 'runs-head' },
      el('h2', { textContent: 'Metrics runs' }),
      form,
      queuesButton,
      status,
    ),
    chart,
    el('div', { className: 'runs-body' }, table, detail),
  );

  let runs: RunView[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const visible = () => !container.hidden;

  const showDetail = async () => {
    const run = runs.find((r) => r.id === state.selected);
    if (!run) return;
    let job: JobView | null = null;
    if (isActive(run) && run.jobId) {
      job = await apiGet<JobView>(`/v1/jobs/${encodeURIComponent(run.jobId)}`).catch(() => null);
      state.polls += 1;
    }
    if (state.selected === run.id) detail.replaceChildren(...runDetail(run, job));
  };

  const select = (id: string) => {
    state.selected = id;
    tbody.querySelectorAll('tr').forEach((tr) => tr.classList.toggle('selected', tr.dataset.run === id));
    void showDetail();
  };

  const load = async () => {
    clearTimeout(timer);
    const scope = scopeInput.value.trim();
    try {
      const body = await apiGet<{ runs: RunView[] }>(
        `/v1/metrics/runs?scope=${encodeURIComponent(scope)}&limit=${LIMIT}`,
      );
      runs = body.runs;
      tbody.replaceChildren(...runs.map((r) => runRow(r, r.id === state.selected, select)));
      chart.innerHTML = renderStageChart(runs.filter((r) => !isActive(r)).slice(0, 20));
      const active = runs.filter(isActive).length;
      status.textContent = `${runs.length} runs${active ? `, ${active} running (refreshing every ${POLL_MS / 1000} s)` : ''}`;
      state.error = null;
      if (!runs.some((r) => r.id === state.selected)) state.selected = runs[0]?.id ?? null;
      await showDetail();
      state.loads += 1;
      if (active && visible()) timer = setTimeout(() => void load(), POLL_MS);
    } catch (error) {
      state.error = error instanceof ApiError ? `${error.status}: ${error.message}` : String(error);
      status.textContent = state.error;
    }
  };

  const show = (on: boolean) => {
    container.hidden = !on;
    main.hidden = on;
    toggle.textContent = on ? 'Network' : 'Runs';
    if (on) {
      if (window.location.hash !== '#runs') history.replaceState(null, '', '#runs');
      void load();
    } else {
      clearTimeout(timer);
      if (window.location.hash === '#runs') history.replaceState(null, '', window.location.pathname);
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.selected = null;
    void load();
  });
  toggle.addEventListener('click', () => show(container.hidden));
  queuesButton.addEventListener('click', () => void openQueues(status));
  window.addEventListener('hashchange', () => {
    const runs = window.location.hash === '#runs';
    // #runs opens the page; any other hash (an entity link) goes back to the network
    if (runs === container.hidden) show(runs);
  });
  if (window.location.hash === '#runs' && storedKey()) show(true);
}

/** Opens bull-board in a new tab after the API has set its cookie (admin keys only). */
async function openQueues(status: HTMLElement): Promise<void> {
  const key = storedKey();
  const res = await fetch('/admin/queues/session', {
    method: 'POST',
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  if (res.status === 204) window.open('/admin/queues/', '_blank', 'noopener');
  else
    status.textContent = res.status === 403 ? 'the queues need an admin key' : `queues: HTTP ${res.status}`;
}
