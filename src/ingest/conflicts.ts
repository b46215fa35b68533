/**
 * The record rules about keys, shared by every load path (driver loads, strict pre-pass, the bulk
 * importer): a key repeated with the same values is skipped; a key repeated with other values, a
 * loan or flag id reused for another entity, or a key that conflicts with what the graph holds is a
 * rejected row, never a silent move or overwrite. Pure: the reasons users read are built here.
 */
import type { FieldProblem } from '../errors/app-error.js';
import type { DuplicateTracker, DuplicateVerdict } from './duplicate-tracker.js';
import { RECORD_SPECS } from './record-specs.js';
import type { RecordType, RowByType } from './record-types.js';

/** What the database refused in a batch, by the row's key. */
export interface GraphConflict {
  readonly key: string;
  /**
   * `values`: a payment id that exists with other values; `owner`: a loan or flag id that belongs to
   * another entity (`existing` names it); `lender`: a loan that has another lender (`existing`);
   * `group-full`: an identifier already used by `existing` entities (the group cap).
   */
  readonly kind: 'values' | 'owner' | 'lender' | 'group-full';
  readonly existing?: string | number | null;
}

const NOUN: Partial<Record<RecordType, string>> = { loans: 'loan', flags: 'flag', payments: 'payment' };

function shownKey(key: string): string {
  return JSON.stringify(key.split('\u0000').join('→'));
}

/** The row's verdict against the rows read before it in the same file, and its problem when rejected. */
export function checkRepeat<T extends RecordType>(
  tracker: DuplicateTracker,
  type: T,
  row: RowByType[T],
): { readonly verdict: DuplicateVerdict; readonly problem?: FieldProblem } {
  const spec = RECORD_SPECS[type];
  const key = spec.key(row);
  const verdict = tracker.check(key, row, spec.owner?.(row));
  if (verdict === 'conflict') return { verdict, problem: repeatConflictProblem(type, key) };
  const field = spec.columns[0] as string;
  if (verdict === 'owner-conflict') {
    const noun = NOUN[type] ?? type;
    const reason =
      `${noun} id ${shownKey(key)} appears earlier for another ${spec.ownerField ?? 'entity'}; ` +
      `a ${noun} id names one ${noun} of one entity`;
    return { verdict, problem: { field: spec.ownerField ?? field, reason } };
  }
  return { verdict };
}

/** The problem of a row whose key appears earlier in the file with other values. */
export function repeatConflictProblem(type: RecordType, key: string): FieldProblem {
  return {
    field: RECORD_SPECS[type].columns[0] as string,
    reason: `${shownKey(key)} appears earlier with different values`,
  };
}

/** The problem of a row the database refused (see GraphConflict). */
export function graphConflictProblem(type: RecordType, conflict: GraphConflict): FieldProblem {
  const noun = NOUN[type] ?? type;
  const key = shownKey(conflict.key);
  if (conflict.kind === 'owner') {
    const field = RECORD_SPECS[type].ownerField ?? 'id';
    const reason =
      `${noun} ${key} already belongs to ${JSON.stringify(conflict.existing)} in the graph; ` +
      `a ${noun} id cannot move to another entity`;
    return { field, reason };
  }
  if (conflict.kind === 'lender') {
    const reason = `loan ${key} was already lent by ${JSON.stringify(conflict.existing)}; a loan has one lender`;
    return { field: 'lender', reason };
  }
  if (conflict.kind === 'group-full') {
    const reason =
      `this identifier is already used by ${String(conflict.existing)} entities (the cap, IDENTIFIER_MAX_GROUP); ` +
      'a value shared this widely is not a link between entities (placeholder, switchboard, shared office?)';
    return { field: 'value', reason };
  }
  return { field: 'id', reason: `${noun} ${key} already exists in the graph with different values` };
}
