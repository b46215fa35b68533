/**
 * The left-hand lists: alerts (entities that crossed a threshold since the previous run), rings
 * (payment cycles and shared-identifier groups) and communities, each ranked by risk, and the loans
 * under post-loan monitoring (most severe alerts first). Choosing an item opens its subgraph, or a
 * loan's use of funds.
 */
import { formatMinor } from './money.js';
import { ApiError, apiGet, withQuery } from './api-client.js';

export type ListTab = 'alerts' | 'rings' | 'communities' | 'loans';

interface Listed {
  items: Array<Record<string, unknown>>;
}

export interface ListItem {
  readonly title: string;
  readonly meta: string;
  /** What choosing the item opens. */
  readonly open: { readonly kind: 'entity' | 'ring' | 'community' | 'loan'; readonly id: string };
}

const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');

function toItem(tab: ListTab, row: Record<string, unknown>): ListItem {
  if (tab === 'alerts') {
    const crossed = Array.isArray(row.crossed) ? row.crossed.join(', ') : '';
    return {
      title: String(row.entity),
      meta: `${crossed}${typeof row.fraudRisk === 'number' ? ` · fraud risk ${pct(row.fraudRisk)}` : ''} · exposure ${typeof row.exposureNorm === 'number' ? `${row.exposureNorm.toFixed(1)}× what its connections explain` : `percentile ${pct(row.exposurePct)}`} · community risk ${pct(row.communityRisk)}`,
      open: { kind: 'entity', id: String(row.entity) },
    };
  }
  if (tab === 'loans') {
    const alerts = Number(row.alertCount ?? 0);
    const flagged = alerts > 0 ? `${alerts} ${String(row.severity)} alert${alerts === 1 ? '' : 's'}` : 'no alerts';
    const currency = String(row.currency ?? '');
    return {
      title: `loan ${String(row.loanId)} · ${String(row.borrower)}`,
      meta: `${flagged} · ${formatMinor(Number(row.amountMinor), currency)} · limit ${formatMinor(Number(row.limitMinor), currency)}`,
      open: { kind: 'loan', id: String(row.loanId) },
    };
  }
  if (tab === 'rings') {
    return {
      title: `${row.kind === 'cycle' ? 'payment cycle' : 'shared identifier'} ${String(row.id)}`,
      meta: `${String(row.size)} members · risk ${pct(row.risk)}`,
      open: { kind: 'ring', id: String(row.id) },
    };
  }
  return {
    title: `community ${String(row.id)}`,
    meta: `${String(row.size)} members · ${String(row.bad ?? 0)} bad · risk ${pct(row.risk)}`,
    open: { kind: 'community', id: String(row.id) },
  };
}

const PATHS: Record<ListTab, [string, Record<string, string | number>]> = {
  alerts: ['/v1/alerts', { limit: 50 }],
  rings: ['/v1/rings', { limit: 50 }],
  communities: ['/v1/communities', { sort: 'risk', limit: 50 }],
  loans: ['/v1/monitoring/loans', { limit: 100 }],
};

/** The metrics run the lists show: `?run=<id>` in the page's address, else the run in service. */
function runOfPage(): string | undefined {
  return new URLSearchParams(window.location.search).get('run') ?? undefined;
}

/** Fills `list` with the tab's items; `onOpen` gets the chosen item. */
export async function showList(list: HTMLElement, tab: ListTab, onOpen: (item: ListItem) => void): Promise<void> {
  list.replaceChildren();
  try {
    const [path, query] = PATHS[tab];
    const body = await apiGet<Listed>(withQuery(path, { ...query, runId: runOfPage() }), tab === 'loans' ? 'monitoring' : 'fraud_investigation');
    if (!body.items.length) {
      list.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: `no ${tab} in the current run` }));
      return;
    }
    for (const row of body.items) {
      const item = toItem(tab, row);
      const li = document.createElement('li');
      li.dataset.kind = item.open.kind;
      li.dataset.id = item.open.id;
      if (tab === 'loans' && Number(row.alertCount ?? 0) > 0) li.classList.add('alerted');
      li.append(Object.assign(document.createElement('div'), { textContent: item.title }));
      li.append(Object.assign(document.createElement('div'), { className: 'meta', textContent: item.meta }));
      li.addEventListener('click', () => onOpen(item));
      list.append(li);
    }
  } catch (error) {
    const text = error instanceof ApiError ? error.message : String(error);
    list.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: text }));
  }
}
