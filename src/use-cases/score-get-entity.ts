/** GET /v1/entities/:id: the entity's profile (kind, segments, relationship counts, current-run metrics). */
import { withDeadline } from '../db/deadline.js';
import { getEntityProfile, type EntityProfile } from '../db/score-repository.js';
import { NotFoundError } from '../errors/app-error.js';
import type { ScoreDeps } from './score-entities.js';

export async function getEntity(deps: ScoreDeps, id: string): Promise<EntityProfile> {
  const profile = await withDeadline(
    getEntityProfile(deps.db, id),
    deps.config.scoring.timeoutMs,
    'Neo4j (entity read)',
  );
  if (!profile) throw new NotFoundError('entity', id);
  return profile;
}
