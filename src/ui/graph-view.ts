/**
 * The network drawn with sigma.js over a graphology graph: loads the API's serialised graphs, lays
 * them out with ForceAtlas2 (Jacomy et al. 2014, "ForceAtlas2, a continuous graph layout algorithm",
 * PLoS ONE 9(6)), encodes PageRank as size, community as colour and amount as edge width, and rings
 * bad entities in red on a 2D layer drawn over sigma's WebGL nodes.
 */
import { MultiDirectedGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { BAD_OUTLINE, communityColour, edgeColour, edgeSize, nodeSize } from './styling.js';

/** A node or edge as the exploration API serialises it. */
export interface ApiNode {
  key: string;
  attributes: { label?: string; kind?: string | null; bad?: boolean; pagerank?: number | null; community?: string | null; hop?: number; [k: string]: unknown };
}
export interface ApiEdge {
  key: string;
  source: string;
  target: string;
  attributes: { kind?: string; total?: number; count?: number; currency?: string | null; [k: string]: unknown };
}
export interface ApiGraph {
  attributes: Record<string, unknown>;
  nodes: ApiNode[];
  edges: ApiEdge[];
}

type NodeAttrs = Record<string, unknown> & { x: number; y: number; size: number; color: string; label: string; bad: boolean };
type EdgeAttrs = Record<string, unknown> & { size: number; color: string; total: number };

// The package is CommonJS: bundlers hand over module.exports, TypeScript's NodeNext view wraps it in .default.
type ForceAtlas2 = typeof fa2Module.default;
const forceAtlas2: ForceAtlas2 = 'assign' in fa2Module ? (fa2Module as unknown as ForceAtlas2) : fa2Module.default;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
  private selected: string | null = null;
  private readonly outlines: CanvasRenderingContext2D;

  constructor(container: HTMLElement) {
    this.renderer = new Sigma(this.graph, container, {
      defaultEdgeType: 'arrow',
      labelRenderedSizeThreshold: 5,
      labelDensity: 1,
      labelSize: 12,
      zIndex: true,
      nodeReducer: (node, data) => (node === this.selected ? { ...data, highlighted: true, zIndex: 2 } : data),
    });
    // createCanvasContext forwards afterLayer to createLayer, though its type only lists `style`.
    const createContext = this.renderer.createCanvasContext.bind(this.renderer) as unknown as (id: string, o: object) => void;
    createContext('outlines', { afterLayer: 'nodes' });
    this.renderer.resize(true);
    const canvas = this.renderer.getCanvases().outlines;
    const ctx = canvas?.getContext('2d');
    if (!ctx) throw new Error('no 2D context for the outline layer');
    this.outlines = ctx;
    this.renderer.on('afterRender', () => this.drawOutlines());
  }

  /** Replaces the drawing with `data`, laid out afresh, and frames it. */
  replace(data: ApiGraph): void {
    const scratch = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
    mergeInto(scratch, data, null);
    settle(scratch, 200);
    this.selected = null;
    this.graph.clear();
    this.graph.import(scratch.export());
    // A little wider than the drawing, so labels at the edges stay readable.
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1.2, angle: 0 });
    this.renderer.refresh();
  }

  /** Adds `data` around `anchor` (an expansion); returns how many nodes were new. */
  expand(data: ApiGraph, anchor: string): number {
    const scratch = this.graph.copy();
    mergeInto(scratch, data, anchor);
    settle(scratch, 60);
    const before = this.graph.order;
    scratch.forEachNode((node, attrs) => {
      if (this.graph.hasNode(node)) this.graph.mergeNodeAttributes(node, { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color });
      else this.graph.addNode(node, attrs);
    });
    scratch.forEachEdge((edge, attrs, source, target) => {
      if (this.graph.hasEdge(edge)) this.graph.setEdgeAttribute(edge, 'size', attrs.size);
      else this.graph.addEdgeWithKey(edge, source, target, attrs);
    });
    this.renderer.refresh();
    return this.graph.order - before;
  }

  select(node: string | null): void {
    this.selected = node;
    this.renderer.refresh({ skipIndexation: true });
  }

  private drawOutlines(): void {
    const { width, height } = this.renderer.getDimensions();
    const ctx = this.outlines;
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = BAD_OUTLINE;
    ctx.lineWidth = 2.5;
    this.graph.forEachNode((node, attrs) => {
      if (!attrs.bad) return;
      const display = this.renderer.getNodeDisplayData(node);
      if (!display || display.hidden) return;
      const { x, y } = this.renderer.framedGraphToViewport(display);
      ctx.beginPath();
      ctx.arc(x, y, this.renderer.scaleSize(display.size) + 2, 0, Math.PI * 2);
      ctx.stroke();
    });
  }
}

type ViewGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

/**
 * Adds the API's nodes and edges with their drawing attributes. New nodes start on a golden-angle
 * spiral: around the centre by hop for a fresh load, close to `anchor` for an expansion.
 */
function mergeInto(graph: ViewGraph, data: ApiGraph, anchor: string | null): void {
  const origin = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
  let added = 0;
  for (const node of data.nodes) {
    if (graph.hasNode(node.key)) {
      graph.mergeNodeAttributes(node.key, { ...node.attributes } as Partial<NodeAttrs>);
      continue;
    }
    added += 1;
    const hop = typeof node.attributes.hop === 'number' ? node.attributes.hop : 1;
    const radius = anchor ? 0.5 * Math.sqrt(added) : hop * 10 + Math.sqrt(added);
    const angle = added * GOLDEN_ANGLE;
    graph.addNode(node.key, {
      ...node.attributes,
      label: node.attributes.label ?? node.key,
      bad: node.attributes.bad === true,
      x: origin.x + radius * Math.cos(angle),
      y: origin.y + radius * Math.sin(angle),
      size: 7,
      color: communityColour(node.attributes.community),
    });
  }
  for (const edge of data.edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.key, edge.source, edge.target, {
      ...edge.attributes,
      total: Number(edge.attributes.total ?? 0),
      size: 1,
      color: edgeColour(String(edge.attributes.kind ?? 'pays')),
    });
  }
}

/** ForceAtlas2 for `iterations` rounds, then sizes relative to what is on screen. */
function settle(graph: ViewGraph, iterations: number): void {
  if (graph.order >= 2) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, edgeWeightInfluence: 0.5 };
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: (_e, a) => Math.log1p(Number(a.total) || 0) + 1 });
  }
  let maxPagerank = 0;
  let maxTotal = 0;
  graph.forEachNode((_n, a) => (maxPagerank = Math.max(maxPagerank, Number(a.pagerank) || 0)));
  graph.forEachEdge((_e, a) => (maxTotal = Math.max(maxTotal, a.total)));
  graph.updateEachNodeAttributes((_n, a) => ({
    ...a,
    size: nodeSize(a.pagerank as number | null, maxPagerank),
    color: communityColour(a.community as string | null),
  }));
  graph.updateEachEdgeAttributes((_e, a) => ({ ...a, size: edgeSize(a.total, maxTotal) }));
}
