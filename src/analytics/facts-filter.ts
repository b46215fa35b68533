/**
 * Facts with some ratings hidden (evaluation protocols hide the ratings that produced the labels).
 * Everything else is shared with the input; the ratings are rebuilt with their CSR indices.
 */
import type { Facts, RatingEvents } from './facts.js';
import { argsortByTime, countingSortBy, permute } from './sort-order.js';

/** `facts` without the ratings for which `hidden(rater, ratee)` is true; also returns how many were hidden. */
export function hideRatings(facts: Facts, hidden: (rater: number, ratee: number) => boolean): { facts: Facts; hidden: number } {
  const r = facts.ratings;
  const keep: number[] = [];
  for (let i = 0; i < r.length; i++) if (!hidden(r.rater[i]!, r.ratee[i]!)) keep.push(i);
  if (keep.length === r.length) return { facts, hidden: 0 };
  const n = facts.kind.length;
  const order = Uint32Array.from(keep);
  const rater = permute(r.rater, order);
  const ratee = permute(r.ratee, order);
  const at = permute(r.at, order);
  const rating = permute(r.rating, order);
  // still sorted by (rater, at): keep preserves the order; rebuild the offsets and the by-ratee order
  const raterOffsets = countingSortBy(Uint32Array.from(keep, (_, k) => k), rater, n).offsets;
  const inn = countingSortBy(argsortByTime(at), ratee, n);
  const ratings: RatingEvents = { length: keep.length, rater, ratee, at, rating, raterOffsets, inOrder: inn.order, rateeOffsets: inn.offsets };
  return { facts: { ...facts, ratings }, hidden: r.length - keep.length };
}

/** Time of the latest payment or rating (epoch ms), or null when there is none. */
export function latestEventMs(facts: Facts): number | null {
  let latest = -Infinity;
  for (const t of facts.payments.at) if (t > latest) latest = t;
  for (const t of facts.ratings.at) if (t > latest) latest = t;
  return Number.isFinite(latest) ? latest : null;
}
