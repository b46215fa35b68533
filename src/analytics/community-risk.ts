/**
 * Community risk: a smoothed bad rate (additive smoothing towards the overall rate),
 *   risk(c) = (bad(c) + a·prior) / (size(c) + a),   prior = bad entities / all entities.
 * Small communities are pulled towards the prior instead of jumping to 0 % or 100 %.
 *
 * The value attached to an entity leaves the entity itself out ("leave-one-out"):
 *   entityRisk(v) = (bad(c) − bad(v) + a·prior) / (size(c) − 1 + a),
 * so a defaulted entity's own label never raises the signal that scores it.
 */

export interface CommunityStats {
  readonly id: number;
  readonly size: number;
  readonly bad: number;
  /** Raw bad rate bad / size. */
  readonly defaultRate: number;
  /** Smoothed rate, including every member. */
  readonly risk: number;
}

export interface CommunityRiskResult {
  readonly communities: readonly CommunityStats[];
  /** Leave-one-out smoothed risk per entity. */
  readonly entityRisk: Float64Array;
  readonly prior: number;
}

/** Per-community statistics and per-entity leave-one-out risk; `smoothing` is a (≥ 0, pseudo-members). */
export function communityRisk(community: Uint32Array, count: number, bad: Uint8Array, smoothing: number): CommunityRiskResult {
  const n = community.length;
  const size = new Uint32Array(count);
  const badCount = new Uint32Array(count);
  let totalBad = 0;
  for (let v = 0; v < n; v++) {
    size[community[v]!]!++;
    if (bad[v]) {
      badCount[community[v]!]!++;
      totalBad++;
    }
  }
  const prior = n > 0 ? totalBad / n : 0;
  const a = smoothing;
  const communities: CommunityStats[] = [];
  for (let c = 0; c < count; c++) {
    const s = size[c]!;
    const b = badCount[c]!;
    communities.push({ id: c, size: s, bad: b, defaultRate: s > 0 ? b / s : 0, risk: s + a > 0 ? (b + a * prior) / (s + a) : prior });
  }
  const entityRisk = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const c = community[v]!;
    const others = size[c]! - 1 + a;
    entityRisk[v] = others > 0 ? (badCount[c]! - (bad[v] ? 1 : 0) + a * prior) / others : prior;
  }
  return { communities, entityRisk, prior };
}
