/**
 * Validates one raw record (a CSV row mapped to its header, a JSON object) into a normalised row, or
 * the list of everything wrong with it. Unknown fields are an error, never silently dropped.
 */
import type { FieldProblem } from '../errors/app-error.js';
import { FieldReader, type ReadOptions } from './field-reader.js';
import type { RawValue } from './field-parsers.js';
import { RECORD_SPECS } from './record-specs.js';
import type { RecordType, RowByType } from './record-types.js';

export type Validated<T extends RecordType> =
  | { readonly ok: true; readonly row: RowByType[T] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export const DEFAULT_READ_OPTIONS: ReadOptions = { idPrefix: '' };

/** Fields of `raw` that the type does not have. */
export function unknownFields(type: RecordType, fields: readonly string[]): string[] {
  const allowed = RECORD_SPECS[type].columns;
  return fields.filter((f) => !allowed.includes(f));
}

/** Validates one record of `type`. */
export function validateRecord<T extends RecordType>(
  type: T,
  raw: unknown,
  options: ReadOptions = DEFAULT_READ_OPTIONS,
): Validated<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ reason: `a ${type} record must be a JSON object` }] };
  }
  const record = raw as Record<string, RawValue>;
  const unknown = unknownFields(type, Object.keys(record));
  const reader = new FieldReader(record, options);
  const row = RECORD_SPECS[type].build(reader);
  const problems = [
    ...unknown.map((field) => ({
      field,
      reason: `is not a ${type} field (allowed: ${RECORD_SPECS[type].columns.join(', ')})`,
    })),
    ...reader.problems,
  ];
  return problems.length === 0 ? { ok: true, row } : { ok: false, problems };
}

/** `payments.csv:1042: amount: "12,5x" is not a decimal` */
export function formatProblem(file: string, line: number | undefined, problem: FieldProblem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return problem.field === undefined
    ? `${where}: ${problem.reason}`
    : `${where}: ${problem.field}: ${problem.reason}`;
}
