/**
 * Evaluation protocols for labels that may derive from the graph itself (Bitcoin OTC's REV2 labels come
 * from ratings by the platform's founder and the users he trusts). A protocol names the ratings hidden
 * from the labelled entities; it applies to every labelled entity alike — the training folds of a
 * cross-validation as much as the held-out one — so a model never learns from evidence it will not
 * have when it scores, and a held-out entity's features never see what produced its label.
 *   none       nothing hidden (labels assumed independent of the graph)
 *   full       hide the ratings each labelled entity received from the authority and from every entity
 *              the authority rated ≥ +5 (the raters whose ratings produced the labels)
 *   thin-file  hide every rating the labelled entities received (no credit history)
 */
import type { Facts } from '../../analytics/facts.js';

export const PROTOCOLS = ['none', 'full', 'thin-file'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const PROTOCOL_TEXT: Record<Protocol, string> = {
  none: 'none: nothing hidden; labels assumed independent of the graph',
  full: 'full: hidden the ratings each labelled entity received from the authority and from every user it rated >= +5',
  'thin-file': 'thin-file: hidden every rating the labelled entities received (no credit history)',
};

/** Ratings the authority's circle consists of: the authority and the entities it rated at least this. */
export const AUTHORITY_TRUST_MIN = 5;

export interface ProtocolMask {
  /** True for a rating (rater → ratee) the protocol hides; undefined when nothing is hidden. */
  readonly hidden: ((rater: number, ratee: number) => boolean) | undefined;
  /** Raters whose ratings are hidden: a count (full), 'all' (thin-file) or 0 (none). */
  readonly sources: number | 'all';
}

/** Entities the authority rated at least `minRating` (any time). */
function ratedBy(facts: Facts, authority: number, minRating: number): Set<number> {
  const r = facts.ratings;
  const out = new Set<number>();
  for (let i = r.raterOffsets[authority]!; i < r.raterOffsets[authority + 1]!; i++) if (r.rating[i]! >= minRating) out.add(r.ratee[i]!);
  return out;
}

/**
 * The mask of a protocol over `targets` (every labelled entity, by snapshot index). `authority` is the
 * authority's index (undefined: not in the graph, so nothing is hidden under `full`).
 */
export function protocolMask(protocol: Protocol, facts: Facts, targets: ReadonlySet<number>, authority: number | undefined): ProtocolMask {
  if (protocol === 'none') return { hidden: undefined, sources: 0 };
  if (protocol === 'thin-file') return { hidden: (_rater, ratee) => targets.has(ratee), sources: 'all' };
  const sources = authority === undefined ? new Set<number>() : new Set([authority, ...ratedBy(facts, authority, AUTHORITY_TRUST_MIN)]);
  return { hidden: (rater, ratee) => targets.has(ratee) && sources.has(rater), sources: sources.size };
}
