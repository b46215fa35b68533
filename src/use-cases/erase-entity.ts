/**
 * Erasure of one entity ("the right to be forgotten"): its facts, what is its alone, its place in every
 * derived value, its audit events and its lines in the data folders; the audit keeps a tombstone (a hash
 * of the id, when, who, why). The steps run so that a failed erasure can simply be run again: everything
 * that is found through the entity goes before the entity node itself, which goes last.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config/index.js';
import { dataDir } from '../config/index.js';
import type { Database } from '../db/driver.js';
import {
  createTombstone,
  entityExists,
  listNamingNodes,
  rewriteProperties,
  runEraseStep,
  updateCommunitiesWithout,
  updateRingsWithout,
  type NamingNode,
} from '../db/erasure-repository.js';
import { redactText, redactValue, valueNamesId } from '../erasure/redact.js';
import { hashEntityId } from '../erasure/tombstone.js';
import { NotFoundError } from '../errors/app-error.js';
import { eraseFromFiles, type FileSweep } from './erase-files.js';

/** Rows per transaction of the batched deletes. */
export const ERASE_BATCH = 5000;

export interface EraseRequest {
  readonly id: string;
  /** Why (free text; the id, if it appears in it, is replaced). */
  readonly reason: string;
  /** Who: an API key id, or `cli:<user>`. */
  readonly keyId: string;
  readonly role: string;
  /** `DELETE /v1/entities/:id` or `cli erase`. */
  readonly route: string;
  readonly requestId: string;
  readonly now: Date;
}

export interface EraseSummary {
  /** HMAC-SHA256 (or SHA-256) of the id, as kept by the tombstone. */
  readonly entityHash: string;
  readonly tombstoneId: string;
  readonly auditEventsDeleted: number;
  readonly rings: { readonly updated: number; readonly deleted: number };
  readonly communitiesUpdated: number;
  readonly loansDetached: number;
  readonly relationshipsDeleted: number;
  readonly nodesDeleted: number;
  readonly derivedRewritten: number;
  readonly files: FileSweep;
}

/** The data folders an erasure sweeps: REJECTS_DIR and UPLOAD_DIR (absolute). */
export function erasureDirs(config: Config): string[] {
  return [dataDir(config.ingest.rejectsDir), dataDir(config.ingest.uploadDir)];
}

/** Rewrites every other node whose properties name `id` so they no longer do; returns the nodes written. */
async function scrubDerived(db: Database, id: string): Promise<number> {
  const nodes: NamingNode[] = [];
  await listNamingNodes(db, id, (node) => {
    const props = node.props.filter((p) => valueNamesId(p.value, id)).map((p) => ({ key: p.key, value: redactValue(p.value, id) }));
    if (props.length > 0) nodes.push({ ref: node.ref, props });
  });
  return rewriteProperties(db, nodes, ERASE_BATCH);
}

/** Erases entity `req.id`; NotFoundError when it does not exist. */
export async function eraseEntity(db: Database, config: Config, req: EraseRequest): Promise<EraseSummary> {
  const { id } = req;
  if (!(await entityExists(db, id))) throw new NotFoundError('entity', id);
  const auditEventsDeleted = await runEraseStep(db, 'audit', id, ERASE_BATCH);
  const rings = await updateRingsWithout(db, id);
  const communitiesUpdated = await updateCommunitiesWithout(db, id);
  const files = await eraseFromFiles(erasureDirs(config), id);
  const loansDetached = await runEraseStep(db, 'lent', id, ERASE_BATCH);
  const relationshipsDeleted = await runEraseStep(db, 'facts', id, ERASE_BATCH);
  const nodesDeleted = await runEraseStep(db, 'owned', id, ERASE_BATCH);
  const derivedRewritten = await scrubDerived(db, id);
  await runEraseStep(db, 'entity', id, ERASE_BATCH);
  const entityHash = hashEntityId(id, config.identifiers.hmacKey);
  const tombstoneId = randomUUID();
  await createTombstone(db, {
    id: tombstoneId,
    keyId: req.keyId,
    role: req.role,
    entityHash,
    atMs: req.now.getTime(),
    reason: redactText(req.reason, id).slice(0, 1000),
    route: req.route,
    requestId: req.requestId,
  });
  return { entityHash, tombstoneId, auditEventsDeleted, rings, communitiesUpdated, loansDetached, relationshipsDeleted, nodesDeleted: nodesDeleted + 1, derivedRewritten, files };
}
