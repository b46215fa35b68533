/**
 * The side panel: one entity's network facts (from the drawn graph) and its credit score from
 * GET /v1/entities/:id/score — score, band, PD, dimensions, reasons with evidence, the limit, and the
 * fraud risk with its own reasons.
 */
import { ApiError, apiGet } from './api-client.js';
import { formatAmount } from './styling.js';

/** The parts of the score response the panel shows (see src/scoring/score-entity.ts). */
export interface ScoreView {
  score: number;
  band?: string;
  pd?: number;
  dimensions?: Array<{ key?: string; label?: string; subScore?: number; points?: number; maxPoints?: number }>;
  reasons?: Array<{ code?: string; text?: string; evidence?: ReasonEvidenceView }>;
  limit?: { amount?: number; currency?: string; reason?: { text?: string } | null } | number | null;
  runId?: string | null;
  featuresAsOf?: string;
  stale?: boolean;
  fraudRisk?: number | null;
  fraudReasons?: Array<{ code?: string; text?: string; evidence?: ReasonEvidenceView }>;
  fraudModelVersion?: string | null;
}

/** A reason's evidence: short facts, and the entities it names (analysts only). */
export interface ReasonEvidenceView {
  facts?: Array<{ label?: string; value?: string }>;
  entities?: Array<{ id?: string; role?: string }>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function facts(rows: Array<[string, string]>): HTMLElement {
  const dl = el('dl', { className: 'facts' });
  for (const [k, v] of rows) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  return dl;
}

const pct = (v: unknown, digits = 1) => (typeof v === 'number' ? `${(v * 100).toFixed(digits)}%` : '—');

function networkFacts(id: string, attrs: Record<string, unknown>): HTMLElement {
  return facts([
    ['kind', String(attrs.kind ?? '—')],
    ['bad', attrs.bad ? 'yes (defaulted or flagged)' : 'no'],
    ['community', String(attrs.community ?? '—')],
    ['community risk', pct(attrs.communityRisk)],
    ['exposure', typeof attrs.exposure === 'number' ? `${attrs.exposure.toFixed(4)} (percentile ${pct(attrs.exposurePct)})` : '—'],
    ['PageRank percentile', pct(attrs.pagerankPct)],
    ['id', id],
  ]);
}

function limitText(limit: ScoreView['limit']): string {
  if (limit === null || limit === undefined) return '—';
  if (typeof limit === 'number') return formatAmount(limit);
  const amount = formatAmount(limit.amount, limit.currency);
  return limit.reason?.text ? `${amount} (${limit.reason.text})` : amount;
}

function dimensionsList(dimensions: NonNullable<ScoreView['dimensions']>): HTMLElement {
  const box = el('div', { className: 'dimensions' });
  for (const d of dimensions) {
    const sub = Math.max(0, Math.min(100, Number(d.subScore ?? 0)));
    const bar = el('div', { className: 'bar' }, el('i'));
    (bar.firstChild as HTMLElement).style.width = `${sub}%`;
    box.append(el('div', { className: 'dimension' }, el('span', { text: `${d.label ?? d.key ?? '?'} · ${sub.toFixed(0)}/100` }), bar));
  }
  return box;
}

/** A link that opens an entity's network in the view (the page follows `#entity=` hashes). */
function entityLink(id: string, role: string | undefined): HTMLElement {
  const a = el('a', { className: 'entity-link', text: id });
  a.href = `#entity=${encodeURIComponent(id)}`;
  a.dataset.id = id;
  if (role) a.title = role;
  return a;
}

/** Evidence as short facts ("label value") and links to the entities it names, each with its role. */
function evidenceOf(evidence: ReasonEvidenceView | undefined): HTMLElement {
  const box = el('div', { className: 'evidence' });
  for (const f of evidence?.facts ?? []) box.append(el('span', { className: 'fact', text: `${f.label ?? ''} ${f.value ?? ''}`.trim() }));
  for (const e of evidence?.entities ?? []) {
    if (!e.id) continue;
    box.append(el('span', { className: 'fact' }, document.createTextNode(`${e.role ?? 'entity'}: `), entityLink(e.id, e.role)));
  }
  return box;
}

function reasonsList(reasons: NonNullable<ScoreView['reasons']>): HTMLElement {
  const ol = el('ol', { className: 'reasons' });
  for (const r of reasons) ol.append(el('li', { className: 'reason' }, el('div', { text: r.text ?? r.code ?? '' }), evidenceOf(r.evidence)));
  return ol;
}

/** The fraud score beside the credit score: its probability and its own reasons. */
function fraudSection(score: ScoreView): HTMLElement {
  const box = el('div', { className: 'fraud' }, el('h3', { text: 'Fraud risk' }));
  if (typeof score.fraudRisk !== 'number') {
    box.append(el('p', { className: 'muted', text: 'no fraud model in service' }));
    return box;
  }
  box.append(
    el('div', {}, el('span', { className: 'fraud-risk', text: pct(score.fraudRisk, 1) }), el('span', { className: 'muted', text: ` probability of fraud · ${score.fraudModelVersion ?? ''}` })),
    score.fraudReasons?.length ? reasonsList(score.fraudReasons) : el('p', { className: 'muted', text: 'no fraud reasons reported' }),
  );
  return box;
}

export function renderScore(score: ScoreView): HTMLElement {
  const box = el('section', { className: 'score-box' });
  const head = el('div', {}, el('span', { className: 'score', text: String(score.score) }));
  if (score.band) head.append(el('span', { className: 'band', text: score.band }));
  box.append(head, facts([
    ['PD', pct(score.pd, 2)],
    ['limit', limitText(score.limit)],
    ...(score.featuresAsOf ? ([['facts as of', score.featuresAsOf.slice(0, 16).replace('T', ' ')]] as Array<[string, string]>) : []),
    ...(score.stale ? ([['network signals', 'stale (last run too old)']] as Array<[string, string]>) : []),
  ]));
  if (score.dimensions?.length) box.append(el('h3', { text: 'Dimensions' }), dimensionsList(score.dimensions));
  box.append(el('h3', { text: 'Reasons' }), score.reasons?.length ? reasonsList(score.reasons) : el('p', { className: 'muted', text: 'no reasons reported' }));
  box.append(fraudSection(score));
  return box;
}

/** The score; a 503 (a dependency slow or down, retriable) is retried once after a short pause. */
async function getScore(id: string): Promise<ScoreView> {
  const path = `/v1/entities/${encodeURIComponent(id)}/score`;
  try {
    return await apiGet<ScoreView>(path);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 503) throw error;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return apiGet<ScoreView>(path);
  }
}

/** Shows the entity at once, then its score when it arrives (or why there is none). */
export async function showEntity(panel: HTMLElement, id: string, attrs: Record<string, unknown>): Promise<void> {
  const scoreSlot = el('div', { className: 'muted', text: 'loading score…' });
  panel.replaceChildren(el('h2', { text: id }), scoreSlot, el('h3', { text: 'Network' }), networkFacts(id, attrs));
  panel.dataset.entity = id;
  try {
    const score = await getScore(id);
    if (panel.dataset.entity === id) scoreSlot.replaceWith(renderScore(score));
  } catch (error) {
    const text = error instanceof ApiError ? `no score: ${error.message}` : `no score: ${String(error)}`;
    if (panel.dataset.entity === id) scoreSlot.replaceWith(el('p', { className: 'muted score-error', text }));
  }
}
