/**
 * One loan's monitoring in the web view (GET /v1/loans/:id/monitoring): where its money went, drawn
 * in the main area, and in the side panel its alerts, moving limit and a chart of the borrower's
 * weekly inflow and outflow before and after the loan.
 */
import { apiGet } from './api-client.js';
import { drawCashflow, type WeekPoint } from './cashflow-chart.js';
import { drawFlow } from './flow-drawing.js';
import type { FlowEdgeIn, FlowNodeIn } from './flow-layout.js';
import { formatMinor } from './money.js';

interface AlertView {
  code: string;
  severity: string;
  amountMinor: number;
  share: number;
  path: string[];
  detail: string;
  at: string;
}

/** The parts of the monitoring answer the view shows (see src/monitoring/monitoring-record.ts). */
export interface LoanMonitoringView {
  loanId: string;
  runId: string | null;
  monitored: boolean;
  monitoring: null | {
    borrower: string;
    lender: string | null;
    currency: string;
    amountMinor: number;
    status: string;
    disbursement: { at: string; amountMinor: number; source: string } | null;
    tracedMinor: number;
    retainedMinor: number;
    limit: { baseMinor: number; amountMinor: number; factors: Array<{ name: string; factor: number }> };
    behaviour: { baselineInflowMinor: number; weeks: WeekPoint[] };
    flow: null | { nodes: FlowNodeIn[]; edges: FlowEdgeIn[]; byHop: number[]; windowEnd: string };
    alerts: AlertView[];
  };
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

export async function fetchLoan(loanId: string): Promise<LoanMonitoringView> {
  return apiGet<LoanMonitoringView>(`/v1/loans/${encodeURIComponent(loanId)}/monitoring`, 'monitoring');
}

/** Draws the flow into `stage` (or says why there is none). */
export function renderFlow(stage: HTMLElement, view: LoanMonitoringView): void {
  const m = view.monitoring;
  if (!m?.flow) {
    const why = !m ? 'not monitored by the run in service (not open, or no run yet)' : 'no disbursement recorded: the funds are not traced';
    stage.replaceChildren(el('p', { className: 'muted flow-empty', text: `loan ${view.loanId}: ${why}` }));
    return;
  }
  stage.replaceChildren(drawFlow(m.flow.nodes, m.flow.edges, m.currency));
}

/** Fills the side panel with the loan's facts, alerts, limit and cash-flow chart. */
export function renderLoanPanel(panel: HTMLElement, view: LoanMonitoringView): void {
  const m = view.monitoring;
  panel.replaceChildren(el('h2', { text: `loan ${view.loanId}` }));
  if (!m) {
    panel.append(el('p', { className: 'muted', text: 'not monitored by the run in service' }));
    return;
  }
  const c = m.currency;
  const factors = m.limit.factors.map((f) => `${f.name} ×${f.factor.toFixed(2)}`).join(', ');
  panel.append(
    facts([
      ['borrower', m.borrower],
      ['lender', m.lender ?? '—'],
      ['amount', `${formatMinor(m.amountMinor, c)} (${m.status})`],
      ['disbursed', m.disbursement ? `${m.disbursement.at.slice(0, 10)} · ${formatMinor(m.disbursement.amountMinor, c)}` : '—'],
      ['paid out (hop 1)', formatMinor(m.tracedMinor, c)],
      ['still held', formatMinor(m.retainedMinor, c)],
      ['limit', `${formatMinor(m.limit.amountMinor, c)} of ${formatMinor(m.limit.baseMinor, c)}${factors ? ` (${factors})` : ''}`],
    ]),
    el('h3', { text: 'Alerts' }),
  );
  if (!m.alerts.length) panel.append(el('p', { className: 'muted', text: 'no alerts' }));
  else {
    const ol = el('ol', { className: 'loan-alerts' });
    for (const a of m.alerts) {
      ol.append(
        el(
          'li',
          { className: `loan-alert ${a.severity}` },
          el('div', { text: `${a.code} · ${a.severity} · ${formatMinor(a.amountMinor, c)} (${(a.share * 100).toFixed(0)}%)` }),
          el('div', { className: 'evidence', text: `${a.path.join(' → ')} — ${a.detail}, ${a.at.slice(0, 10)}` }),
        ),
      );
    }
    panel.append(ol);
  }
  panel.append(el('h3', { text: 'Weekly inflow and outflow' }), drawCashflow(m.behaviour.weeks, m.behaviour.baselineInflowMinor));
}
