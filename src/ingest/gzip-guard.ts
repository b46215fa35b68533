/**
 * Bounds what a `.gz` file may decompress to (INGEST_MAX_DECOMPRESSED_BYTES), so a small upload cannot
 * expand into terabytes (a gzip bomb), and turns zlib's errors into clear ones: a file that is not
 * gzip, or is cut short, says so instead of failing with a bare `incorrect header check`.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { AppError } from '../errors/app-error.js';

/** Default bound of the decompressed size of one file (16 GiB). */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 ** 3;

/** A `.gz` input that cannot be read: not gzip, truncated (400), or over the decompressed bound (413). */
export class CompressedInputError extends AppError {
  override name = 'CompressedInputError';
  constructor(code: 'invalid_gzip' | 'decompressed_too_large', message: string, details?: unknown) {
    super(code, message, code === 'invalid_gzip' ? 400 : 413, { details });
  }
}

/** The error for content over `maxBytes` once decompressed. */
export function decompressedTooLarge(maxBytes: number): CompressedInputError {
  return new CompressedInputError(
    'decompressed_too_large',
    `the file decompresses to more than ${maxBytes} bytes (INGEST_MAX_DECOMPRESSED_BYTES): a gzip bomb, or split the file`,
    { limit: maxBytes },
  );
}

/** zlib's error as a CompressedInputError naming the problem. */
export function invalidGzip(error: Error): CompressedInputError {
  const truncated = /unexpected end of file/i.test(error.message);
  const reason = truncated ? 'it is cut short (truncated upload or file?)' : `it is not gzip data (${error.message})`;
  return new CompressedInputError('invalid_gzip', `the .gz file cannot be decompressed: ${reason}`);
}

/** Counts decompressed bytes and fails with `decompressedTooLarge` past `maxBytes`. */
function counter(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(decompressedTooLarge(maxBytes));
      done(null, chunk);
    },
  });
}

/**
 * A gunzip whose output is bounded: `source` (compressed bytes) in, decompressed bytes out; errors are
 * CompressedInputError (zlib errors translated, the bound enforced as the bytes come out).
 */
export function boundedGunzip(source: NodeJS.ReadableStream, maxBytes: number): Transform {
  const gunzip = createGunzip();
  const out = counter(maxBytes);
  source.on('error', (err: Error) => out.destroy(err));
  gunzip.on('error', (err: Error) => out.destroy(invalidGzip(err)));
  out.on('close', () => gunzip.destroy());
  source.pipe(gunzip).pipe(out);
  return out;
}

/**
 * A pass-through for compressed uploads that checks, as the bytes go by, that they are gzip data and
 * decompress to at most `maxBytes`; the bytes themselves pass unchanged (they are stored compressed).
 * Errors with CompressedInputError; waits for zlib's verdict at the end (a truncated stream fails).
 */
export function gzipVerifier(maxBytes: number): Transform {
  const gunzip: Gunzip = createGunzip();
  let seen = 0;
  let failure: Error | undefined;
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (failure) return done(failure);
      if (!gunzip.write(chunk)) gunzip.once('drain', () => done(failure ?? null, chunk));
      else done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (failure) return done(failure);
      gunzip.once('end', () => done(failure));
      gunzip.once('error', () => done(failure));
      gunzip.end();
    },
  });
  gunzip.on('data', (part: Buffer) => {
    seen += part.length;
    if (seen > maxBytes && !failure) {
      failure = decompressedTooLarge(maxBytes);
      gunzip.destroy();
      verifier.destroy(failure);
    }
  });
  gunzip.on('error', (err: Error) => {
    if (failure) return;
    failure = invalidGzip(err);
    verifier.destroy(failure);
  });
  return verifier;
}
