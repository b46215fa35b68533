/**
 * The facts behind an entity's features that reasons cite (ids are entity ids as stored). Computed with
 * the features and stored beside them, so a score never goes back to the graph to explain itself.
 */
export interface FeatureEvidence {
  /** The payer with the largest share of the 365-day inflow. */
  readonly topPayer: { readonly id: string; readonly share: number } | null;
  readonly community: {
    readonly id: string;
    /** Smoothed bad rate of the community without the entity, 0..1. */
    readonly badRate: number;
    readonly overallBadRate: number;
    readonly size: number;
  } | null;
  /** Shortest path to the nearest other bad entity (ids from this entity to the bad one, inclusive). */
  readonly nearestBad: { readonly id: string; readonly hops: number; readonly path: readonly string[] } | null;
  /** A few bad counterparties, most recent first. */
  readonly badCounterparties: readonly string[];
  readonly loans: { readonly repaid: number; readonly late: number; readonly defaulted: number; readonly current: number };
  readonly reported: { readonly negative: number; readonly positive: number; readonly worstBy: string | null };
  readonly flagReasons: readonly string[];
  readonly lastActivityAt: string | null;
  /** The currency amounts are counted in (the one most of the entity's payments use). */
  readonly currency: string | null;
}

/** Evidence with nothing known. */
export function emptyEvidence(): FeatureEvidence {
  return {
    topPayer: null,
    community: null,
    nearestBad: null,
    badCounterparties: [],
    loans: { repaid: 0, late: 0, defaulted: 0, current: 0 },
    reported: { negative: 0, positive: 0, worstBy: null },
    flagReasons: [],
    lastActivityAt: null,
    currency: null,
  };
}
