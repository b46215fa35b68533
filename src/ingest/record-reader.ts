/**
 * Turns numbered text lines of a CSV or NDJSON file into validated records of one type. CSV needs a
 * header row (optional for ratings); a header naming an unknown column, or lacking a required one,
 * fails the whole file. Every bad row comes out with its line, its original content and its problems.
 */
import type { FieldProblem } from '../errors/app-error.js';
import type { ReadOptions } from './field-reader.js';
import { splitCsvRecord } from './csv-line.js';
import type { TextLine } from './line-reader.js';
import { RECORD_SPECS } from './record-specs.js';
import type { RecordType, RowByType } from './record-types.js';
import { unknownFields, validateRecord } from './validate-record.js';

export type FileFormat = 'csv' | 'ndjson';

export type RecordEvent<T extends RecordType> =
  | { readonly kind: 'row'; readonly line: number; readonly row: RowByType[T] }
  | {
      readonly kind: 'bad';
      readonly line: number;
      readonly original: unknown;
      readonly problems: readonly FieldProblem[];
    }
  | { readonly kind: 'file-error'; readonly line: number; readonly problems: readonly FieldProblem[] };

/** The format a file name implies (`.csv`, `.csv.gz`, `.ndjson`, `.jsonl`, with optional `.gz`). */
export function formatOf(fileName: string): FileFormat | undefined {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}

/** The columns a record of `type` must have. */
export function requiredColumns(type: RecordType): string[] {
  const result = validateRecord(type, {});
  if (result.ok) return [];
  return result.problems.filter((p) => p.reason === 'is required' && p.field).map((p) => p.field as string);
}

function headerProblems(type: RecordType, header: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = unknownFields(type, header).map((field) => ({
    field,
    reason: `unknown column (allowed: ${RECORD_SPECS[type].columns.join(', ')})`,
  }));
  for (const field of requiredColumns(type)) {
    if (!header.includes(field))
      problems.push({ field, reason: 'required column is missing from the header' });
  }
  const dup = header.filter((h, i) => header.indexOf(h) !== i);
  for (const field of new Set(dup)) problems.push({ field, reason: 'column appears twice in the header' });
  return problems;
}

const INVALID_UTF8: FieldProblem = { reason: 'is not valid UTF-8' };

/** Validated records of a CSV file. */
export async function* readCsvRecords<T extends RecordType>(
  type: T,
  lines: AsyncIterable<TextLine>,
  options: ReadOptions,
): AsyncGenerator<RecordEvent<T>> {
  let header: string[] | undefined;
  let open: { line: number; text: string } | undefined;
  for await (const l of lines) {
    if (l.text === null) {
      yield { kind: 'bad', line: l.line, original: l.lossy ?? null, problems: [INVALID_UTF8] };
      continue;
    }
    const text = open ? `${open.text}\n${l.text}` : l.text;
    const line = open ? open.line : l.line;
    if (!open && text.trim() === '') continue;
    const fields = splitCsvRecord(text);
    if (fields === null) {
      open = { line, text };
      continue;
    }
    open = undefined;
    if (!header) {
      const spec = RECORD_SPECS[type];
      if (spec.headerOptional && /^\s*[+-]?\d/.test(fields[0] ?? '')) header = [...spec.columns];
      else {
        header = fields.map((f) => f.trim());
        const problems = headerProblems(type, header);
        if (problems.length > 0) {
          yield { kind: 'file-error', line, problems };
          return;
        }
        continue;
      }
    }
    yield csvRow(type, header, fields, text, line, l.unterminated, options);
  }
  if (open)
    yield {
      kind: 'bad',
      line: open.line,
      original: open.text,
      problems: [{ reason: 'quoted field is never closed (truncated file?)' }],
    };
}

function csvRow<T extends RecordType>(
  type: T,
  header: readonly string[],
  fields: readonly string[],
  text: string,
  line: number,
  unterminated: boolean,
  options: ReadOptions,
): RecordEvent<T> {
  if (fields.length !== header.length) {
    const hint = unterminated ? ' (the file ends without a line break: truncated?)' : '';
    const reason = `has ${fields.length} fields, the header has ${header.length}${hint}`;
    return { kind: 'bad', line, original: text, problems: [{ reason }] };
  }
  const record: Record<string, string> = {};
  header.forEach((h, i) => (record[h] = fields[i] as string));
  const result = validateRecord(type, record, options);
  return result.ok
    ? { kind: 'row', line, row: result.row }
    : { kind: 'bad', line, original: record, problems: result.problems };
}

/** Validated records of an NDJSON file (one JSON object per line). */
export async function* readNdjsonRecords<T extends RecordType>(
  type: T,
  lines: AsyncIterable<TextLine>,
  options: ReadOptions,
): AsyncGenerator<RecordEvent<T>> {
  for await (const l of lines) {
    if (l.text === null) {
      yield { kind: 'bad', line: l.line, original: l.lossy ?? null, problems: [INVALID_UTF8] };
      continue;
    }
    if (l.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(l.text);
    } catch (error) {
      const hint = l.unterminated ? ' (the file ends without a line break: truncated?)' : '';
      yield {
        kind: 'bad',
        line: l.line,
        original: l.text,
        problems: [{ reason: `is not valid JSON: ${(error as Error).message}${hint}` }],
      };
      continue;
    }
    const result = validateRecord(type, value, options);
    yield result.ok
      ? { kind: 'row', line: l.line, row: result.row }
      : { kind: 'bad', line: l.line, original: value, problems: result.problems };
  }
}

/** Validated records of a file in either format. */
export function readRecords<T extends RecordType>(
  type: T,
  format: FileFormat,
  lines: AsyncIterable<TextLine>,
  options: ReadOptions,
): AsyncGenerator<RecordEvent<T>> {
  return format === 'csv' ? readCsvRecords(type, lines, options) : readNdjsonRecords(type, lines, options);
}
