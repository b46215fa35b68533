/**
 * Turns numbered text lines of a CSV or NDJSON file into validated records of one type. CSV needs a
 * header row (optional for ratings); a header naming an unknown column, or lacking a required one,
 * fails the whole file. Every bad row comes out with its line, its original content and its problems.
 */
import type { FieldProblem } from '../errors/app-error.js';
import type { ReadOptions } from './field-reader.js';
import { CsvRecordParser } from './csv-line.js';
import { DEFAULT_MAX_LINE_BYTES, type TextLine } from './line-reader.js';
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

/** The reject of a line that could not be decoded: too long, or not UTF-8. */
function undecodable<T extends RecordType>(l: TextLine): RecordEvent<T> {
  const problem = l.tooLongBytes ? { reason: `line longer than ${l.tooLongBytes} bytes` } : INVALID_UTF8;
  return { kind: 'bad', line: l.line, original: l.lossy ?? null, problems: [problem] };
}

export interface CsvReadOptions extends ReadOptions {
  /**
   * Longest record in characters (default 1 MiB): a quoted field still open past it (a stray quote)
   * rejects the record gathered so far, and reading goes on at the next line.
   */
  readonly maxRecordChars?: number;
}

/** One CSV record: its first line, its text (line breaks of quoted fields included), its fields. */
interface CsvRecord {
  readonly line: number;
  readonly text: string;
  readonly fields: string[];
}

/**
 * Joins physical lines into CSV records (a quoted field may hold line breaks), carrying the quote
 * state from line to line (each character is examined once). A record still open after `maxChars`
 * characters (a stray quote) is rejected and reading goes on at the next line.
 */
export class CsvRecordJoiner {
  private readonly parser = new CsvRecordParser();
  private open: { readonly line: number; readonly parts: string[]; chars: number } | undefined;

  constructor(private readonly maxChars: number) {}

  /** Characters the parser has examined so far (linear in the input; tests check it). */
  get scanned(): number {
    return this.parser.scanned;
  }

  /** The record line `l` completes; a reject of an over-long open record; or null (blank, still open). */
  take(l: TextLine & { text: string }): CsvRecord | RecordEvent<never> | null {
    const open = this.open;
    if (!open && l.text.trim() === '') return null;
    const fields = this.parser.push(l.text);
    if (!open) {
      if (fields) return { line: l.line, text: l.text, fields };
      this.open = { line: l.line, parts: [l.text], chars: l.text.length };
      return this.tooLong();
    }
    open.parts.push(l.text);
    open.chars += l.text.length + 1;
    if (fields) {
      this.open = undefined;
      return { line: open.line, text: open.parts.join('\n'), fields };
    }
    return this.tooLong();
  }

  private tooLong(): RecordEvent<never> | null {
    const open = this.open;
    if (!open || open.chars <= this.maxChars) return null;
    this.open = undefined;
    this.parser.reset();
    const reason = `quoted field still open after ${this.maxChars} characters (unbalanced quote?)`;
    const original = `${open.parts.join('\n').slice(0, 200)}…`;
    return { kind: 'bad', line: open.line, original, problems: [{ reason }] };
  }

  /** The reject of a record still open at the end of the file, if any. */
  leftover(): RecordEvent<never> | undefined {
    if (!this.open) return undefined;
    const { line, parts } = this.open;
    const reason = 'quoted field is never closed (truncated file?)';
    return { kind: 'bad', line, original: parts.join('\n'), problems: [{ reason }] };
  }
}

/** Validated records of a CSV file. */
export async function* readCsvRecords<T extends RecordType>(
  type: T,
  lines: AsyncIterable<TextLine>,
  options: CsvReadOptions,
): AsyncGenerator<RecordEvent<T>> {
  const joiner = new CsvRecordJoiner(options.maxRecordChars ?? DEFAULT_MAX_LINE_BYTES);
  let header: string[] | undefined;
  for await (const l of lines) {
    if (l.fileError !== undefined) {
      yield* joinerLeftover(joiner);
      yield fileError(l);
      return;
    }
    if (l.text === null) {
      yield undecodable(l);
      continue;
    }
    const record = joiner.take({ ...l, text: l.text });
    if (record === null) continue;
    if ('kind' in record) {
      yield record;
      continue;
    }
    if (!header) {
      const spec = RECORD_SPECS[type];
      if (spec.headerOptional && /^\s*[+-]?\d/.test(record.fields[0] ?? '')) header = [...spec.columns];
      else {
        header = record.fields.map((f) => f.trim());
        const problems = headerProblems(type, header);
        if (problems.length > 0) {
          yield { kind: 'file-error', line: record.line, problems };
          return;
        }
        continue;
      }
    }
    yield csvRow(type, header, record.fields, record.text, record.line, l.unterminated, options);
  }
  yield* joinerLeftover(joiner);
}

function* joinerLeftover(joiner: CsvRecordJoiner): Generator<RecordEvent<never>> {
  const leftover = joiner.leftover();
  if (leftover) yield leftover;
}

/** The file-level reject of a file that cannot be read on (bad or oversized gzip). */
function fileError(l: TextLine): RecordEvent<never> {
  return { kind: 'file-error', line: l.line, problems: [{ reason: l.fileError ?? 'cannot be read' }] };
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
    if (l.fileError !== undefined) {
      yield fileError(l);
      return;
    }
    if (l.text === null) {
      yield undecodable(l);
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
  options: CsvReadOptions,
): AsyncGenerator<RecordEvent<T>> {
  return format === 'csv' ? readCsvRecords(type, lines, options) : readNdjsonRecords(type, lines, options);
}
