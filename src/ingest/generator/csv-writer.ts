/** Writes CSV rows to a file through a buffer, waiting for the stream to drain (bounded memory). */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_CHARS = 1 << 20;

/** Quotes a field when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path);
    this.buffer.push(`${header.join(',')}\n`);
  }

  async write(fields: readonly (string | number | null)[]): Promise<void> {
    const line = `${fields.map(csvField).join(',')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}
