/**
 * Community risk at a past or present time: the run's communities with the bad labels of that time.
 * Same smoothing as the metrics run (src/analytics/community-risk.ts) and the same leave-one-out form,
 *   risk(v, t) = (bad(c, t) − bad(v, t) + a·prior(t)) / (size(c) − 1 + a),   prior(t) = bad(t) / n,
 * where bad(·, t) counts entities bad as of t. Comparing t = origination with t = now shows how the
 * borrower's surroundings changed while its community stayed the same. Flags and defaults are counted
 * from sorted times; the few entities with adverse reports are checked one by one.
 */
import type { BadAt } from './bad-at.js';

export class CommunityRiskAt {
  private readonly size: Uint32Array;
  /** Earliest flag or default of each community's members, sorted: community c is [start[c], start[c+1]). */
  private readonly start: Uint32Array;
  private readonly times: Float64Array;
  private readonly all: Float64Array;
  /** Members with adverse reports, per community. */
  private readonly reported = new Map<number, number[]>();

  constructor(
    private readonly community: ArrayLike<number>,
    private readonly bad: BadAt,
    private readonly smoothing: number,
  ) {
    const n = community.length;
    const since = bad.recordedSince;
    let count = 0;
    for (let v = 0; v < n; v++) count = Math.max(count, community[v]! + 1);
    this.size = new Uint32Array(count);
    this.start = new Uint32Array(count + 1);
    const finite: number[] = [];
    for (let v = 0; v < n; v++) {
      this.size[community[v]!]!++;
      if (Number.isFinite(since[v]!)) {
        this.start[community[v]! + 1]!++;
        finite.push(v);
      }
    }
    for (let c = 0; c < count; c++) this.start[c + 1]! += this.start[c]!;
    const fill = this.start.slice(0, count);
    this.times = new Float64Array(finite.length);
    for (const v of finite) this.times[fill[community[v]!]!++] = since[v]!;
    for (let c = 0; c < count; c++) this.times.subarray(this.start[c]!, this.start[c + 1]!).sort();
    this.all = Float64Array.from(finite, (v) => since[v]!).sort();
    for (const v of bad.reported) this.reported.set(community[v]!, [...(this.reported.get(community[v]!) ?? []), v]);
  }

  /** Bad entities as of t among the recorded-bad times in [from, to) plus the reported entities given. */
  private countBad(from: number, to: number, sorted: Float64Array, reported: Iterable<number>, t: number): number {
    let count = countBefore(sorted, from, to, t);
    for (const v of reported) if (!(this.bad.recordedSince[v]! < t) && this.bad.reportedBad(v, t)) count++;
    return count;
  }

  /** The community risk of entity v's community at time t, leaving v out. */
  riskAt(v: number, t: number): number {
    const c = this.community[v]!;
    const n = this.community.length;
    const a = this.smoothing;
    const prior = n > 0 ? this.countBad(0, this.all.length, this.all, this.bad.reported, t) / n : 0;
    const bad = this.countBad(this.start[c]!, this.start[c + 1]!, this.times, this.reported.get(c) ?? [], t) - (this.bad.isBad(v, t) ? 1 : 0);
    const others = this.size[c]! - 1 + a;
    return others > 0 ? (bad + a * prior) / others : prior;
  }
}

/** How many of the sorted values in [from, to) are < t. */
function countBefore(sorted: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}
