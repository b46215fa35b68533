/** Gives every request an id (the caller's X-Request-Id when it is sane) and runs the rest of the chain under it. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { withRequestId } from '../../logging/logger.js';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.header('x-request-id');
    const id = given && SANE.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    withRequestId(id, () => next());
  };
}
