/**
 * Streams a file (optionally gzip-compressed) as numbered text lines in bounded memory: chunks are split
 * on `\n` bytes and each line decoded as strict UTF-8, so an invalid byte sequence is reported for its
 * own line instead of corrupting the text. A line longer than the bound (default 1 MiB) is reported as
 * too long as soon as it passes the bound, and the rest of it is skipped unread up to the next `\n`.
 * Reports bytes read (of the file on disk) for progress.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { boundedGunzip, CompressedInputError, DEFAULT_MAX_DECOMPRESSED_BYTES } from './gzip-guard.js';

export interface TextLine {
  /** 1-based physical line number. */
  readonly line: number;
  /** The decoded text without the line break, or null when the bytes are not valid UTF-8. */
  readonly text: string | null;
  /** True for the file's last line when it does not end with a line break. */
  readonly unterminated: boolean;
  /** For a line that is not valid UTF-8: its bytes decoded leniently (U+FFFD), for the rejects file. */
  readonly lossy?: string;
  /** Set (to the bound, in bytes) when the line is longer than the bound; `text` is then null. */
  readonly tooLongBytes?: number;
  /**
   * Set when the file cannot be read on from here (a `.gz` that is not gzip, cut short, or over the
   * decompressed bound): the reason; `text` is then null and no line follows.
   */
  readonly fileError?: string;
}

/** Longest line read by default, in bytes without the line break (1 MiB). */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/** Bytes of a too-long line kept (leniently decoded) for the rejects file. */
const TOO_LONG_SAMPLE_BYTES = 200;

export interface LineSource {
  readonly lines: AsyncIterable<TextLine>;
  /** Bytes of the file read so far: of the lines handed out (plain files), compressed bytes read (.gz). */
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

function tooLong(pieces: readonly Buffer[], line: number, maxLineBytes: number): TextLine {
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  const lossy = `${Buffer.concat(pieces, Math.min(total, TOO_LONG_SAMPLE_BYTES)).toString('utf8')}…`;
  return { line, text: null, unterminated: false, lossy, tooLongBytes: maxLineBytes };
}

/** Cuts chunks into lines; a line past the bound is reported once and its rest dropped unread. */
class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private skipping = false;
  private line = 1;
  private base = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly consumed: { bytes: number },
  ) {}

  *push(chunk: Buffer): Generator<TextLine> {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.consumed.bytes = this.base + nl + 1;
      yield* this.complete(chunk.subarray(start, nl));
      start = nl + 1;
    }
    this.base += chunk.length;
    this.consumed.bytes = this.base;
    if (!this.skipping && start < chunk.length) yield* this.hold(Buffer.from(chunk.subarray(start)));
  }

  *end(): Generator<TextLine> {
    if (this.partBytes > 0) {
      yield toLine(Buffer.concat(this.parts), this.line, true);
      this.parts = [];
      this.partBytes = 0;
      this.line += 1;
    }
  }

  /** The number of the line being read (1-based). */
  get lineNumber(): number {
    return this.line;
  }

  /** The current line ends with `piece`. */
  private *complete(piece: Buffer): Generator<TextLine> {
    if (!this.skipping) {
      if (this.partBytes + piece.length > this.maxLineBytes)
        yield tooLong([...this.parts, piece], this.line, this.maxLineBytes);
      else yield toLine(this.partBytes > 0 ? Buffer.concat([...this.parts, piece]) : piece, this.line, false);
    }
    this.parts = [];
    this.partBytes = 0;
    this.skipping = false;
    this.line += 1;
  }

  /** The current line goes on with `rest` (no line break yet). */
  private *hold(rest: Buffer): Generator<TextLine> {
    if (this.partBytes + rest.length <= this.maxLineBytes) {
      this.parts.push(rest);
      this.partBytes += rest.length;
      return;
    }
    yield tooLong([...this.parts, rest], this.line, this.maxLineBytes);
    this.parts = [];
    this.partBytes = 0;
    this.skipping = true;
  }
}

/**
 * Splits any byte stream into lines of at most `maxLineBytes` bytes (exported for tests and request
 * bodies); memory stays within one chunk plus one line. `consumed.bytes` follows the bytes of the
 * lines handed out so far (line breaks included).
 */
export async function* splitLines(
  stream: AsyncIterable<Buffer>,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  consumed: { bytes: number } = { bytes: 0 },
): AsyncGenerator<TextLine> {
  const splitter = new LineSplitter(maxLineBytes, consumed);
  try {
    for await (const chunk of stream) yield* splitter.push(chunk);
  } catch (error) {
    if (!(error instanceof CompressedInputError)) throw error;
    // the lines read so far stand; the file ends here with its reason
    yield* splitter.end();
    yield { line: splitter.lineNumber, text: null, unterminated: false, fileError: error.message };
    return;
  }
  yield* splitter.end();
}

/**
 * Opens `path` as numbered lines; `.gz` files are decompressed on the fly, at most
 * `maxDecompressedBytes` (past it, or on bad gzip data, the last line carries a `fileError`).
 */
export function openLineSource(
  path: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES,
): LineSource {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream: Readable = path.endsWith('.gz') ? boundedGunzip(file, maxDecompressedBytes) : file;
  // plain files: the bytes of the lines handed out (the stream reads ahead); .gz: compressed bytes read
  const consumed = { bytes: 0 };
  const bytesRead = path.endsWith('.gz') ? () => file.bytesRead : () => consumed.bytes;
  return { lines: splitLines(stream, maxLineBytes, consumed), bytesRead };
}
