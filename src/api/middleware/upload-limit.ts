/**
 * The guards of uploaded files: a request whose Content-Length is over INGEST_UPLOAD_MAX_BYTES is
 * refused before reading a byte; a streamed body is cut as soon as it passes the bound (413, stating
 * it); a client that goes away before the end of its upload fails the upload at once (so the request
 * ends and the partial file is removed, instead of waiting forever for bytes that never come).
 */
import { Transform, type Readable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { AppError, PayloadTooLargeError } from '../../errors/app-error.js';

/** The 413 error of an upload over `maxBytes`. */
export function uploadTooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `the upload is over the limit of ${maxBytes} bytes (INGEST_UPLOAD_MAX_BYTES); split the file or compress it (.gz)`,
    maxBytes,
  );
}

/** The client closed the connection before its upload was complete. */
export class UploadAbortedError extends AppError {
  override name = 'UploadAbortedError';
  constructor() {
    super('upload_aborted', 'the client closed the connection before the upload was complete; nothing was kept', 400);
  }
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

/** Calls `onAbort` once if the request's connection closes before its body was complete. */
export function onClientAbort(req: Request, onAbort: () => void): void {
  const check = () => {
    if (!req.complete) onAbort();
  };
  req.once('close', check);
  req.once('error', check);
}

/**
 * `source` (the request, or a multipart file part) passed through a counter that fails with a 413 past
 * `maxBytes`, or with UploadAbortedError when the client goes away first. On failure the source is
 * drained (so a multipart parser can finish) and the connection marked to close after the answer.
 */
export function limitBytes(req: Request, source: Readable, maxBytes: number, res: Response): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(uploadTooLarge(maxBytes));
      done(null, chunk);
    },
  });
  const release = () => {
    source.unpipe(counter);
    source.resume();
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  counter.once('error', release);
  counter.once('close', () => {
    if (!counter.writableFinished) release();
  });
  // A source that failed with a clear error (a malformed multipart form) keeps it; any other failure is
  // the client going away. The source may have failed before it got here.
  const fail = (error: unknown) => counter.destroy(error instanceof AppError ? error : new UploadAbortedError());
  if (source.errored) {
    fail(source.errored);
    return counter;
  }
  source.once('error', fail);
  onClientAbort(req, () => counter.destroy(new UploadAbortedError()));
  return source.pipe(counter);
}
