/**
 * A small SVG chart of the borrower's weekly inflow and outflow before and after the loan, with the
 * origination marked and the baseline's mean weekly inflow as a dashed line.
 */

export interface WeekPoint {
  readonly week: number;
  readonly inflowMinor: number;
  readonly outflowMinor: number;
}

const SVG = 'http://www.w3.org/2000/svg';
const W = 320;
const H = 140;
const PAD = { left: 8, right: 8, top: 14, bottom: 18 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function drawCashflow(weeks: readonly WeekPoint[], baselineInflowMinor: number): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'cashflow', role: 'img', 'aria-label': 'weekly inflow and outflow before and after the loan' });
  if (weeks.length === 0) return root;
  const first = weeks[0]!.week;
  const last = weeks[weeks.length - 1]!.week;
  const top = Math.max(1, baselineInflowMinor, ...weeks.map((w) => Math.max(w.inflowMinor, w.outflowMinor)));
  const x = (week: number) => PAD.left + ((week - first) / Math.max(1, last - first)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const line = (pick: (w: WeekPoint) => number) => weeks.map((w) => `${x(w.week).toFixed(1)},${y(pick(w)).toFixed(1)}`).join(' ');
  root.append(
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0), stroke: '#e2e8f0' }),
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(baselineInflowMinor), y2: y(baselineInflowMinor), stroke: '#16a34a', 'stroke-dasharray': '3 3', 'stroke-opacity': 0.6 }),
    svg('polyline', { points: line((w) => w.inflowMinor), fill: 'none', stroke: '#16a34a', 'stroke-width': 1.8, class: 'inflow' }),
    svg('polyline', { points: line((w) => w.outflowMinor), fill: 'none', stroke: '#ea580c', 'stroke-width': 1.8, class: 'outflow' }),
  );
  if (first <= 0 && last >= 0) {
    root.append(
      svg('line', { x1: x(0), x2: x(0), y1: PAD.top - 4, y2: H - PAD.bottom, stroke: '#2563eb', 'stroke-dasharray': '4 2' }),
      svg('text', { x: x(0) + 3, y: PAD.top + 4, class: 'chart-label', fill: '#2563eb' }, 'loan'),
    );
  }
  root.append(
    svg('text', { x: PAD.left, y: H - 4, class: 'chart-label', fill: '#16a34a' }, 'inflow'),
    svg('text', { x: PAD.left + 44, y: H - 4, class: 'chart-label', fill: '#ea580c' }, 'outflow'),
    svg('text', { x: W - PAD.right, y: H - 4, 'text-anchor': 'end', class: 'chart-label', fill: '#64748b' }, `weeks ${first} … ${last}`),
  );
  return root;
}
