/**
 * Fairness review by segment (region, sector): bad rate, approval rate (limit offered: PD ≤ cut-off)
 * and average score per group, with each group's approval rate divided by the best group's. A ratio
 * under 0.8 is flagged (the "four-fifths rule", US EEOC Uniform Guidelines 1978, §4D) for review.
 */

export interface ScoredOutcome {
  readonly score: number;
  readonly pd: number;
  readonly good: boolean;
  readonly segments: Readonly<Record<string, string | null>>;
}

export interface GroupStats {
  readonly group: string;
  readonly count: number;
  readonly badRate: number;
  readonly approvalRate: number;
  readonly averageScore: number;
  /** Approval rate / best group's approval rate. */
  readonly approvalRatio: number;
  readonly flagged: boolean;
}

export const FAIRNESS_THRESHOLD = 0.8;

/** Per group of `segment` (null groups as "(unknown)"); groups under `minCount` rows are left out. */
export function fairnessBySegment(
  rows: readonly ScoredOutcome[],
  segment: string,
  pdCutoff: number,
  minCount = 1,
): GroupStats[] {
  const groups = new Map<string, ScoredOutcome[]>();
  for (const r of rows) {
    const g = r.segments[segment] ?? '(unknown)';
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const stats = [...groups.entries()]
    .filter(([, rs]) => rs.length >= minCount)
    .map(([group, rs]) => ({
      group,
      count: rs.length,
      badRate: rs.filter((r) => !r.good).length / rs.length,
      approvalRate: rs.filter((r) => r.pd <= pdCutoff).length / rs.length,
      averageScore: rs.reduce((s, r) => s + r.score, 0) / rs.length,
    }));
  const best = Math.max(0, ...stats.map((s) => s.approvalRate));
  return stats
    .map((s) => {
      const approvalRatio = best > 0 ? s.approvalRate / best : 1;
      return { ...s, approvalRatio, flagged: approvalRatio < FAIRNESS_THRESHOLD };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
}
