/**
 * Layout of a loan's use of funds for drawing: one column per hop from the borrower (left) outwards,
 * nodes in a column ordered by the loan money they received (largest on top), edges as curves from a
 * node's right side to the next column's left side — or, for money going back to an earlier column
 * (a round trip), as an arc below the drawing. Pure: positions in the units of an SVG viewBox.
 */

export interface FlowNodeIn {
  readonly id: string;
  readonly hop: number;
  readonly receivedMinor: number;
  readonly role: string;
  readonly alerts: readonly string[];
}

export interface FlowEdgeIn {
  readonly from: string;
  readonly to: string;
  readonly hop: number;
  readonly amountMinor: number;
  readonly alert: string | null;
}

export interface PlacedNode extends FlowNodeIn {
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge extends FlowEdgeIn {
  /** SVG path data. */
  readonly d: string;
  /** Where the amount label goes. */
  readonly labelX: number;
  readonly labelY: number;
  /** Stroke width, 1.5..10 by log amount. */
  readonly width: number;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

export const NODE_W = 150;
export const NODE_H = 40;
const COLUMN_GAP = 110;
const ROW_GAP = 26;
const MARGIN = 30;

export function layoutFlow(nodes: readonly FlowNodeIn[], edges: readonly FlowEdgeIn[]): FlowLayout {
  const columns = new Map<number, FlowNodeIn[]>();
  for (const n of nodes) columns.set(n.hop, [...(columns.get(n.hop) ?? []), n]);
  const hops = [...columns.keys()].sort((a, b) => a - b);
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  const backward = edges.some((e) => columnOf(nodes, e.to) <= columnOf(nodes, e.from));
  const height = 2 * MARGIN + tallest * NODE_H + (tallest - 1) * ROW_GAP + (backward ? 90 : 0);
  const width = 2 * MARGIN + hops.length * NODE_W + Math.max(0, hops.length - 1) * COLUMN_GAP;
  const placed = new Map<string, PlacedNode>();
  hops.forEach((hop, c) => {
    const column = [...columns.get(hop)!].sort((a, b) => b.receivedMinor - a.receivedMinor || (a.id < b.id ? -1 : 1));
    const span = column.length * NODE_H + (column.length - 1) * ROW_GAP;
    const top = MARGIN + ((tallest * NODE_H + (tallest - 1) * ROW_GAP) - span) / 2;
    column.forEach((n, r) => placed.set(n.id, { ...n, x: MARGIN + c * (NODE_W + COLUMN_GAP), y: top + r * (NODE_H + ROW_GAP) }));
  });
  const largest = Math.max(1, ...edges.map((e) => e.amountMinor));
  const bottom = height - MARGIN / 2;
  const placedEdges = edges.flatMap((e): PlacedEdge[] => {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) return [];
    const width = 1.5 + 8.5 * (Math.log1p(e.amountMinor) / Math.log1p(largest));
    if (b.x > a.x) {
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_H / 2;
      const mx = (x1 + x2) / 2;
      return [{ ...e, d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, labelX: mx, labelY: (y1 + y2) / 2 - 6, width }];
    }
    const x1 = a.x + NODE_W / 2;
    const x2 = b.x + NODE_W / 2;
    const y1 = a.y + NODE_H;
    const y2 = b.y + NODE_H;
    return [{ ...e, d: `M${x1},${y1} C${x1},${bottom} ${x2},${bottom} ${x2},${y2}`, labelX: (x1 + x2) / 2, labelY: bottom - 10, width }];
  });
  return { width, height, nodes: [...placed.values()], edges: placedEdges };
}

function columnOf(nodes: readonly FlowNodeIn[], id: string): number {
  return nodes.find((n) => n.id === id)?.hop ?? 0;
}
