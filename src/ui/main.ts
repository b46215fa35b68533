/**
 * The analyst web view at /ui: enter an analyst key once, search an entity, explore its network
 * (click: score panel; double-click: expand), or open an alert, ring or community from the lists.
 * `window.__creditgraph` exposes the graph and renderer to the browser test.
 */
import { ApiError, apiGet, storedKey, storeKey, withQuery } from './api-client.js';
import { GraphView, type ApiGraph } from './graph-view.js';
import { showList, type ListItem, type ListTab } from './lists.js';
import { showEntity } from './panel.js';
import { fetchLoan, renderFlow, renderLoanPanel } from './loan-view.js';
import { mountRunsView } from './runs-view.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
};

const statusBox = byId<HTMLDivElement>('status');
const panel = byId<HTMLElement>('panel');
const listBox = byId<HTMLOListElement>('list-items');
const results = byId<HTMLUListElement>('search-results');
const depthSelect = byId<HTMLSelectElement>('depth');
const view = new GraphView(byId('graph'));
const flowStage = byId<HTMLDivElement>('flow');

/** What the browser test reads: loads counts finished graph loads, expansions finished expansions, loans finished loan views. */
const state = { loads: 0, expansions: 0, loans: 0, center: null as string | null, error: null as string | null };
(window as unknown as { __creditgraph: object }).__creditgraph = { graph: view.graph, renderer: view.renderer, state };

function setStatus(text: string, isError = false): void {
  statusBox.textContent = text;
  statusBox.classList.toggle('error', isError);
  state.error = isError ? text : null;
}

function failed(error: unknown): void {
  setStatus(error instanceof ApiError ? `${error.status}: ${error.message}` : String(error), true);
}

function describe(g: ApiGraph, what: string): string {
  const a = g.attributes as { truncated?: boolean; cap?: number; cut?: { nodes?: number } };
  const cut = a.truncated ? ` — capped at ${a.cap}, ${a.cut?.nodes ?? 0} more left out` : '';
  return `${g.nodes.length} entities, ${g.edges.length} ties: ${what}${cut}`;
}

/** Shows the network drawing, or a loan's flow drawing, in the main area. */
function showStage(flow: boolean): void {
  flowStage.hidden = !flow;
  byId('legend').style.visibility = flow ? 'hidden' : '';
}

async function openLoan(loanId: string): Promise<void> {
  setStatus(`loading loan ${loanId}…`);
  try {
    const loan = await fetchLoan(loanId);
    showStage(true);
    renderFlow(flowStage, loan);
    renderLoanPanel(panel, loan);
    state.loans += 1;
    const m = loan.monitoring;
    setStatus(m?.flow ? `loan ${loanId}: where the money went in the ${m.flow.byHop.length} hops after disbursement` : `loan ${loanId}`);
  } catch (error) {
    failed(error);
  }
}

async function openGraph(path: string, what: string, center: string | null): Promise<void> {
  setStatus(`loading ${what}…`);
  showStage(false);
  try {
    const g = await apiGet<ApiGraph>(path);
    view.replace(g);
    state.center = center;
    state.loads += 1;
    setStatus(describe(g, what));
    if (center && view.graph.hasNode(center)) {
      view.select(center);
      void showEntity(panel, center, view.graph.getNodeAttributes(center));
    }
  } catch (error) {
    failed(error);
  }
}

/** The entity whose network was opened last (its hash is set by openEntity, not a link). */
let opened: string | null = null;

function openEntity(id: string): void {
  results.hidden = true;
  opened = id;
  window.location.hash = `entity=${encodeURIComponent(id)}`;
  void openGraph(withQuery(`/v1/entities/${encodeURIComponent(id)}/network`, { depth: depthSelect.value }), `network of ${id}`, id);
}

function openItem(item: ListItem): void {
  if (item.open.kind === 'entity') return openEntity(item.open.id);
  if (item.open.kind === 'loan') return void openLoan(item.open.id);
  const base = item.open.kind === 'ring' ? '/v1/rings/' : '/v1/communities/';
  void openGraph(base + encodeURIComponent(item.open.id), `${item.open.kind} ${item.open.id}`, null);
}

async function expandNode(node: string): Promise<void> {
  setStatus(`expanding ${node}…`);
  try {
    const g = await apiGet<ApiGraph>(withQuery(`/v1/entities/${encodeURIComponent(node)}/network`, { depth: 1, limit: 60 }));
    const added = view.expand(g, node);
    state.expansions += 1;
    setStatus(`${view.graph.order} entities, ${view.graph.size} ties (+${added} from ${node})`);
  } catch (error) {
    failed(error);
  }
}

async function search(query: string): Promise<void> {
  if (!query) return;
  try {
    const { items } = await apiGet<{ items: Array<{ id: string; bad: boolean }> }>(withQuery('/v1/entities', { search: query, limit: 20 }));
    if (items.length === 1 && items[0]?.id === query) return openEntity(query);
    results.replaceChildren(
      ...items.map((hit) => {
        const li = Object.assign(document.createElement('li'), { textContent: hit.id });
        li.dataset.id = hit.id;
        if (hit.bad) li.append(Object.assign(document.createElement('span'), { className: 'bad-mark', textContent: ' ●' }));
        li.addEventListener('click', () => openEntity(hit.id));
        return li;
      }),
    );
    if (!items.length) results.append(Object.assign(document.createElement('li'), { textContent: `no entity id starts with "${query}"` }));
    results.hidden = false;
  } catch (error) {
    failed(error);
  }
}

let activeTab: ListTab = 'alerts';
function showTab(tab: ListTab): void {
  activeTab = tab;
  document.querySelectorAll<HTMLButtonElement>('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  void showList(listBox, tab, openItem);
}

async function useKey(key: string): Promise<void> {
  storeKey(key);
  const status = byId('key-status');
  try {
    await apiGet('/v1/communities?limit=1');
    status.textContent = 'key accepted';
    setStatus('Search an entity, or open an alert or ring.');
    showTab(activeTab);
  } catch (error) {
    status.textContent = error instanceof ApiError ? `key refused (${error.status})` : 'API unreachable';
  }
}

byId<HTMLFormElement>('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void useKey(byId<HTMLInputElement>('api-key').value);
});
byId<HTMLFormElement>('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void search(byId<HTMLInputElement>('search').value.trim());
});
document.querySelectorAll<HTMLButtonElement>('.tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab as ListTab)));

view.renderer.on('clickNode', ({ node }) => {
  view.select(node);
  void showEntity(panel, node, view.graph.getNodeAttributes(node));
});
view.renderer.on('doubleClickNode', (e) => {
  e.preventSigmaDefault();
  void expandNode(e.node);
});
view.renderer.on('clickStage', () => (results.hidden = true));

// links in the panel (evidence naming other entities) open that entity's network
window.addEventListener('hashchange', () => {
  const m = /entity=([^&]+)/.exec(window.location.hash);
  const id = m?.[1] ? decodeURIComponent(m[1]) : null;
  if (id && id !== opened && storedKey()) openEntity(id);
});

mountRunsView(byId<HTMLButtonElement>('open-runs'), byId('runs-view'), document.querySelector('main') as HTMLElement);

const saved = storedKey();
if (saved) {
  byId<HTMLInputElement>('api-key').value = saved;
  void useKey(saved).then(() => {
    const m = /entity=([^&]+)/.exec(window.location.hash);
    if (m?.[1]) openEntity(decodeURIComponent(m[1]));
  });
}
