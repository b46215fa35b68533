/**
 * Writes rejected rows as NDJSON (one `{file, line, message, errors, row}` object per line), opening the
 * file only when the first reject arrives, and respecting backpressure.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { FieldProblem } from '../errors/app-error.js';
import { formatProblem } from './validate-record.js';

export interface RejectRecord {
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly errors: readonly FieldProblem[];
  readonly row: unknown;
}

/** `file:line: field: reason; field: reason` for one rejected row. */
export function rejectMessage(file: string, line: number, problems: readonly FieldProblem[]): string {
  const [first, ...rest] = problems;
  if (!first) return formatProblem(file, line, { reason: 'rejected' });
  return [
    formatProblem(file, line, first),
    ...rest.map((p) => (p.field ? `${p.field}: ${p.reason}` : p.reason)),
  ].join('; ');
}

export class RejectsWriter {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly path: string | null) {}

  async write(record: RejectRecord): Promise<void> {
    this.count += 1;
    if (this.path === null) return;
    if (!this.stream) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path, { flags: 'w' });
    }
    const errors = record.errors.map((e) =>
      e.field === undefined ? { reason: e.reason } : { field: e.field, reason: e.reason },
    );
    if (!this.stream.write(`${JSON.stringify({ ...record, errors })}\n`)) await once(this.stream, 'drain');
  }

  /** Closes the file (if one was opened); returns its path or null when nothing was rejected. */
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    const stream = this.stream;
    this.stream = undefined;
    await new Promise<void>((resolve, reject) =>
      stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    return this.path;
  }
}
