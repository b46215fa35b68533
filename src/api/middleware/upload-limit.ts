/**
 * The size bound of uploaded files (INGEST_UPLOAD_MAX_BYTES): a request whose Content-Length is over
 * it is refused before reading a byte, and a streamed body is cut as soon as it passes the bound. Both
 * answer 413 stating the bound, and close the connection so the client stops sending.
 */
import { Transform, type Readable } from 'node:stream';
import type { RequestHandler, Response } from 'express';
import { PayloadTooLargeError } from '../../errors/app-error.js';

/** The 413 error of an upload over `maxBytes`. */
export function uploadTooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `the upload is over the limit of ${maxBytes} bytes (INGEST_UPLOAD_MAX_BYTES); split the file or compress it (.gz)`,
    maxBytes,
  );
}

/** Refuses a request whose declared Content-Length is over `maxBytes`. */
export function declaredLengthLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.header('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.setHeader('Connection', 'close');
      return next(uploadTooLarge(maxBytes));
    }
    next();
  };
}

/**
 * `source` passed through a counter that fails with a 413 past `maxBytes`. On failure the source is
 * drained (so a multipart parser can finish) and the connection marked to close after the answer.
 */
export function limitBytes(source: Readable, maxBytes: number, res: Response): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(uploadTooLarge(maxBytes));
      done(null, chunk);
    },
  });
  counter.once('error', () => {
    source.unpipe(counter);
    source.resume();
    if (!res.headersSent) res.setHeader('Connection', 'close');
  });
  return source.pipe(counter);
}
