/**
 * What a role may see of an entity's score, profile and signals (pure).
 *
 * A `lender` decides on one applicant: it gets the score, PD, band, limit, fraudRisk, the reasons as
 * codes with sentences and the entity's own facts (its flows, counts, dates, its own metrics), and
 * nothing that names a third party: no other entity's id, no path to a bad entity, no largest payer, no
 * community id (a community is a group of third parties). Analysts and admins see everything. The rule
 * is an allow-list for metrics (numbers and booleans only: every id is a string or a list of strings)
 * and a scrub for reasons (evidence entities dropped; any third-party id that a sentence or a fact might
 * carry replaced by "another entity").
 */
import type { Role } from './api-key.js';

/** Roles that see third parties (ids, paths, counterparties). */
export const THIRD_PARTY_ROLES: readonly Role[] = ['analyst', 'admin'];

export function seesThirdParties(role: Role): boolean {
  return THIRD_PARTY_ROLES.includes(role);
}

interface Evidence {
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly entities: ReadonlyArray<{ readonly id: string; readonly role: string }>;
}

interface ReasonLike {
  readonly text: string;
  readonly evidence: Evidence;
}

interface ScoreLike {
  readonly entityId: string;
  readonly reasons: readonly ReasonLike[];
  readonly fraudReasons: readonly ReasonLike[];
}

/** Fact labels that name a group of third parties rather than the entity itself. */
const THIRD_PARTY_FACTS = new Set(['community']);

/** Metrics keys a lender never sees even when numeric (ids of groups of third parties). */
const THIRD_PARTY_METRICS = new Set(['community']);

const ANOTHER = 'another entity';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every whole-token occurrence of one of `ids` replaced (an id inside a word is left alone). */
function scrub(text: string, ids: readonly string[]): string {
  let out = text;
  // most texts name no id: a plain search first spares building a pattern per id and string
  for (const id of ids) if (id && out.includes(id)) out = out.replace(new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`, 'g'), ANOTHER);
  return out;
}

/** A reason without third parties: no evidence entities, no id of one in its sentence or facts. */
export function reasonForLender<R extends ReasonLike>(reason: R, selfId: string): R {
  const ids = reason.evidence.entities.map((e) => e.id).filter((id) => id !== selfId);
  const facts = reason.evidence.facts
    .filter((f) => !THIRD_PARTY_FACTS.has(f.label))
    .map((f) => ({ label: f.label, value: scrub(f.value, ids) }));
  return { ...reason, text: scrub(reason.text, ids), evidence: { facts, entities: [] } };
}

/** The score as `role` may see it. */
export function scoreForRole<S extends ScoreLike>(role: Role, score: S): S {
  if (seesThirdParties(role)) return score;
  return {
    ...score,
    reasons: score.reasons.map((r) => reasonForLender(r, score.entityId)),
    fraudReasons: score.fraudReasons.map((r) => reasonForLender(r, score.entityId)),
  };
}

/** Metrics reduced to the entity's own numbers and flags (no string, no list: those are ids). */
export function ownMetrics<M extends Record<string, unknown>>(metrics: M | null): Record<string, number | boolean | null> | null {
  if (metrics === null) return null;
  const out: Record<string, number | boolean | null> = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (THIRD_PARTY_METRICS.has(key)) continue;
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[key] = value;
  }
  return out;
}

interface WithMetrics {
  readonly id: string;
  readonly metrics: Record<string, unknown> | null;
}

/** An entity profile (GET /v1/entities/:id) as `role` may see it. */
export function profileForRole<P extends WithMetrics>(role: Role, profile: P): P {
  if (seesThirdParties(role)) return profile;
  return { ...profile, metrics: ownMetrics(profile.metrics) };
}

interface CommunityNumbers {
  readonly size: number;
  readonly bad: number;
  readonly defaultRate: number;
  readonly risk: number;
}

interface SignalsLike extends WithMetrics {
  readonly community: CommunityNumbers | null;
}

/** An entity's signals (GET /v1/metrics/entities/:id) as `role` may see them: its community's numbers, not which one. */
export function signalsForRole<S extends SignalsLike>(role: Role, signals: S): S {
  if (seesThirdParties(role)) return signals;
  const c = signals.community;
  const community = c ? { size: c.size, bad: c.bad, defaultRate: c.defaultRate, risk: c.risk } : null;
  return { ...signals, metrics: ownMetrics(signals.metrics), community } as S;
}
