/**
 * What the request log costs per request: an Express app in-process answering a small JSON route, called
 * over HTTP (keep-alive) with the headers an API client sends (Bearer key, purpose, user agent…), with
 * (a) no request log, (b) pino-http with its default serializers (every request and response header),
 * (c) creditgraph's request log (src/api/middleware/request-log.ts: id, method, path, status; no headers).
 * Lines go to /dev/null. Prints the process CPU time per request of each, best of --rounds interleaved
 * rounds of --requests requests, and the log's share of the CPU.
 *
 *   npx tsx bench/request-log.ts [-- --requests 5000 --rounds 3]
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import express, { type RequestHandler } from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestLog } from '../src/api/middleware/request-log.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '3' } } });
const requests = Number(values.requests);
const rounds = Number(values.rounds);

const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const variants: Record<string, RequestHandler | undefined> = {
  'no request log': undefined,
  'pino-http defaults (headers)': pinoHttp({ logger }) as RequestHandler,
  'lean request log (no headers)': requestLog(logger),
};

async function cpuPerRequest(middleware: RequestHandler | undefined): Promise<number> {
  const app = express();
  if (middleware) app.use(middleware);
  app.get('/v1/entities/:id/score', (req, res) => {
    res.json({ entityId: req.params.id, score: 640, pd: 0.031, band: 'B' });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/entities/e-1/score`;
  const headers = {
    authorization: 'Bearer cg_0123456789ab_abcdefghijklmnopqrstuvwxyz012345',
    'x-purpose': 'credit_decision',
    'user-agent': 'lender-client/1.0',
    accept: 'application/json',
    'x-request-id': 'bench',
  };
  for (let i = 0; i < 200; i++) await (await fetch(url, { headers })).arrayBuffer();
  const start = process.cpuUsage();
  for (let i = 0; i < requests; i++) await (await fetch(url, { headers })).arrayBuffer();
  const used = process.cpuUsage(start);
  server.closeAllConnections();
  server.close();
  return (used.user + used.system) / requests;
}

const best: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, middleware] of Object.entries(variants)) {
    const us = await cpuPerRequest(middleware);
    best[name] = Math.min(best[name] ?? Infinity, us);
  }
}
const base = best['no request log']!;
console.log(`${requests} requests x ${rounds} rounds (best round), CPU of client and server in this process`);
for (const [name, us] of Object.entries(best)) {
  const share = name === 'no request log' ? '' : `  log ${(us - base).toFixed(1)} µs/request = ${((100 * (us - base)) / us).toFixed(1)}% of the CPU`;
  console.log(`${name.padEnd(30)} ${us.toFixed(1)} µs/request${share}`);
}
