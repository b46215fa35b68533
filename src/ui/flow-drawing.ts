/**
 * Draws a loan's use of funds as SVG: the borrower on the left, each hop a column to the right, an
 * edge per payment path with its loan-money amount on it; edges and entities of an alert in red.
 */
import { layoutFlow, NODE_H, NODE_W, type FlowEdgeIn, type FlowNodeIn } from './flow-layout.js';
import { formatMinor } from './money.js';

const SVG = 'http://www.w3.org/2000/svg';
const RED = '#dc2626';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const shortId = (id: string) => (id.length > 20 ? `${id.slice(0, 9)}…${id.slice(-9)}` : id);

/** An SVG element drawing the flow (scaled to its container through its viewBox). */
export function drawFlow(nodes: readonly FlowNodeIn[], edges: readonly FlowEdgeIn[], currency: string): SVGSVGElement {
  const layout = layoutFlow(nodes, edges);
  const root = svg('svg', { viewBox: `0 0 ${layout.width} ${layout.height}`, class: 'flow', role: 'img', 'aria-label': 'where the loan money went' });
  const defs = svg('defs', {});
  defs.append(arrowHead('arrow', '#64748b'), arrowHead('arrow-alert', RED));
  root.append(defs);
  for (const e of layout.edges) {
    const colour = e.alert ? RED : '#94a3b8';
    const g = svg('g', { class: e.alert ? 'flow-edge alert' : 'flow-edge', 'data-from': e.from, 'data-to': e.to });
    g.append(
      svg('path', { d: e.d, fill: 'none', stroke: colour, 'stroke-width': e.width.toFixed(1), 'stroke-opacity': 0.75, 'marker-end': `url(#${e.alert ? 'arrow-alert' : 'arrow'})` }),
      svg('text', { x: e.labelX, y: e.labelY, 'text-anchor': 'middle', class: 'amount', fill: e.alert ? RED : '#0f172a' }, formatMinor(e.amountMinor, currency)),
    );
    root.append(g);
  }
  for (const n of layout.nodes) {
    const alert = n.alerts.length > 0;
    const g = svg('g', { class: `flow-node ${n.role}${alert ? ' alert' : ''}`, 'data-id': n.id, transform: `translate(${n.x},${n.y})` });
    g.append(
      svg('rect', { width: NODE_W, height: NODE_H, rx: 6, fill: alert ? '#fee2e2' : n.role === 'borrower' ? '#dbeafe' : '#fff', stroke: alert ? RED : '#64748b', 'stroke-width': alert ? 2 : 1 }),
      svg('text', { x: 8, y: 16, class: 'id' }, shortId(n.id)),
      svg('text', { x: 8, y: 32, class: 'received', fill: alert ? RED : '#64748b' }, n.role === 'borrower' ? 'borrower' : alert ? n.alerts.join(', ') : formatMinor(n.receivedMinor, currency)),
    );
    root.append(g);
  }
  return root;
}

function arrowHead(id: string, colour: string): SVGMarkerElement {
  const marker = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
  return marker;
}
