/**
 * Visual encoding of the network: node size by PageRank (relative to the nodes on screen), colour by
 * community, edge width by amount (log scale). Pure functions over attribute values.
 */

/** Tableau-like palette; a community keeps its colour across loads (hash of its id). */
const PALETTE = ['#2563eb', '#16a34a', '#f59e0b', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#c026d3', '#ca8a04'];
export const NO_COMMUNITY_COLOUR = '#94a3b8';
export const BAD_OUTLINE = '#dc2626';

export function communityColour(community: string | null | undefined): string {
  if (community === null || community === undefined) return NO_COMMUNITY_COLOUR;
  let h = 0;
  for (let i = 0; i < community.length; i += 1) h = (h * 31 + community.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? NO_COMMUNITY_COLOUR;
}

/** Node radius in pixels: 4..18 by sqrt(pagerank / largest on screen); 7 without metrics. */
export function nodeSize(pagerank: number | null | undefined, maxPagerank: number): number {
  if (pagerank === null || pagerank === undefined || !(maxPagerank > 0)) return 7;
  return 4 + 14 * Math.sqrt(Math.max(0, pagerank) / maxPagerank);
}

/** Edge width in pixels: 0.6..6 by log(1 + amount) / log(1 + largest amount on screen). */
export function edgeSize(total: number, maxTotal: number): number {
  if (!(maxTotal > 0)) return 1;
  return 0.6 + 5.4 * (Math.log1p(Math.max(0, total)) / Math.log1p(maxTotal));
}

export function edgeColour(kind: string): string {
  return kind === 'supplies' ? '#c4b5fd' : '#cbd5e1';
}

/** Minor units as a readable amount ("12,345.67 EUR"). */
export function formatAmount(minor: number | null | undefined, currency?: string | null): string {
  if (minor === null || minor === undefined) return '—';
  const major = minor / 100;
  const text = major.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return currency ? `${text} ${currency}` : text;
}
