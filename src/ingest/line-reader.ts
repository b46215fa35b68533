/**
 * Streams a file (optionally gzip-compressed) as numbered text lines in bounded memory: chunks are split
 * on `\n` bytes and each line decoded as strict UTF-8, so an invalid byte sequence is reported for its
 * own line instead of corrupting the text. Reports bytes read (of the file on disk) for progress.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface TextLine {
  /** 1-based physical line number. */
  readonly line: number;
  /** The decoded text without the line break, or null when the bytes are not valid UTF-8. */
  readonly text: string | null;
  /** True for the file's last line when it does not end with a line break. */
  readonly unterminated: boolean;
  /** For a line that is not valid UTF-8: its bytes decoded leniently (U+FFFD), for the rejects file. */
  readonly lossy?: string;
}

export interface LineSource {
  readonly lines: AsyncIterable<TextLine>;
  /** Bytes of the file read so far (compressed bytes for .gz). */
  bytesRead(): number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function toLine(bytes: Buffer, line: number, unterminated: boolean): TextLine {
  let text = decode(bytes);
  if (text === null) return { line, text, unterminated, lossy: bytes.toString('utf8') };
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { line, text, unterminated };
}

/** Splits any byte stream into lines (exported for tests and request bodies). */
export async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<TextLine> {
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of stream) {
    const data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    let nl = data.indexOf(10);
    while (nl >= 0) {
      line += 1;
      yield toLine(data.subarray(start, nl), line, false);
      start = nl + 1;
      nl = data.indexOf(10, start);
    }
    pending = Buffer.from(data.subarray(start));
  }
  if (pending.length > 0) {
    line += 1;
    yield toLine(pending, line, true);
  }
}

/** Opens `path` as numbered lines; `.gz` files are decompressed on the fly. */
export function openLineSource(path: string): LineSource {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let stream: Readable = file;
  if (path.endsWith('.gz')) stream = file.pipe(createGunzip());
  file.on('error', (err) => stream.destroy(err));
  return { lines: splitLines(stream), bytesRead: () => file.bytesRead };
}
