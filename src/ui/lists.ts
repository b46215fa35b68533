/**
 * The left-hand lists: alerts (entities that crossed a threshold since the previous run), rings
 * (payment cycles and shared-identifier groups) and communities, each ranked by risk. Choosing an
 * item opens its subgraph.
 */
import { ApiError, apiGet } from './api-client.js';

export type ListTab = 'alerts' | 'rings' | 'communities';

interface Listed {
  items: Array<Record<string, unknown>>;
}

export interface ListItem {
  readonly title: string;
  readonly meta: string;
  /** What choosing the item opens. */
  readonly open: { readonly kind: 'entity' | 'ring' | 'community'; readonly id: string };
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

const PATHS: Record<ListTab, string> = {
  alerts: '/v1/alerts?limit=50',
  rings: '/v1/rings?limit=50',
  communities: '/v1/communities?sort=risk&limit=50',
};

/** Fills `list` with the tab's items; `onOpen` gets the chosen item. */
export async function showList(list: HTMLElement, tab: ListTab, onOpen: (item: ListItem) => void): Promise<void> {
  list.replaceChildren();
  try {
    const body = await apiGet<Listed>(PATHS[tab]);
    if (!body.items.length) {
      list.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: `no ${tab} in the current run` }));
      return;
    }
    for (const row of body.items) {
      const item = toItem(tab, row);
      const li = document.createElement('li');
      li.dataset.kind = item.open.kind;
      li.dataset.id = item.open.id;
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
