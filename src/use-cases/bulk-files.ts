/**
 * Temporary files of a bulk load: buffered line writers, and line partitions (records hashed by key into
 * N files, so every record of one key lands in one file, in the order written). A partition is read back
 * whole; the caller picks N so that a partition stays small, which bounds memory for any input size.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../ingest/duplicate-tracker.js';

const FLUSH_CHARS = 1 << 20;

/** Appends lines to a file through a 1 MiB buffer (synchronous writes: simple and fast for one writer). */
export class LineFile {
  private fd: number;
  private buffer: string[] = [];
  private chars = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.buffer.push(line);
    this.chars += line.length + 1;
    this.lines += 1;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.chars = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** N files `<name>.<i>.part`; `write(key, line)` appends the line to the file of the key's hash. */
export class Partitions {
  private readonly files: LineFile[];

  constructor(
    private readonly dir: string,
    private readonly name: string,
    readonly count: number,
  ) {
    this.files = Array.from({ length: count }, (_, i) => new LineFile(this.pathOf(i)));
  }

  private pathOf(i: number): string {
    return join(this.dir, `${this.name}.${i}.part`);
  }

  write(key: string, line: string): void {
    (this.files[fnv1a(key) % this.count] as LineFile).write(line);
  }

  get lines(): number {
    return this.files.reduce((n, f) => n + f.lines, 0);
  }

  /** Closes every file (call once, before reading). */
  close(): void {
    for (const f of this.files) f.close();
  }

  /** The lines of partition `i`, in the order written; deletes the file once read. */
  read(i: number): string[] {
    const path = this.pathOf(i);
    const text = readFileSync(path, 'utf8');
    rmSync(path);
    if (text.length === 0) return [];
    return text.slice(0, -1).split('\n');
  }
}

/** Partitions for about `bytes` of records: one per 32 MiB, 1..1024. */
export function partitionCountFor(bytes: number): number {
  return Math.min(1024, Math.max(1, Math.ceil(bytes / (32 * 1024 * 1024))));
}
