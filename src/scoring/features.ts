/**
 * What scoring consumes: an entity's feature values by name (null = missing) and the evidence behind
 * them. The schema itself (names, definitions, directions, dimensions) lives in src/features/schema.ts.
 */
import type { FeatureEvidence } from '../features/evidence.js';
import { FEATURE_NAMES, type FeatureName } from '../features/schema.js';

export {
  DIMENSIONS,
  FEATURE_NAMES,
  FEATURE_SPECS,
  FEATURE_SCHEMA_VERSION,
  type Dimension,
  type FeatureName,
  type FeatureSpec,
  type RiskDirection,
} from '../features/schema.js';
export { emptyEvidence, type FeatureEvidence } from '../features/evidence.js';

/** One value per feature; null when it cannot be computed (no data). */
export type FeatureVector = Readonly<Record<FeatureName, number | null>>;

/** Everything scoring needs about one entity. */
export interface Features {
  readonly entityId: string;
  readonly values: FeatureVector;
  readonly evidence: FeatureEvidence;
}

/** A vector with every feature missing (a start for builders and tests). */
export function emptyFeatureVector(): Record<FeatureName, number | null> {
  return Object.fromEntries(FEATURE_NAMES.map((n) => [n, null])) as Record<FeatureName, number | null>;
}
