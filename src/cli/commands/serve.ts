/** `creditgraph serve`: the HTTP API (and web view) until SIGTERM / Ctrl-C. */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { startApi } from '../../runtime/start-api.js';
import { closeOnSignals } from '../../api/server.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API on HOST:PORT (applies the Neo4j schema first)')
    .option('-p, --port <port>', 'port (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      const config = configFromEnvironment();
      const api = await startApi(config, opts.port === undefined ? {} : { port: Number(opts.port) });
      closeOnSignals(api.close);
      console.log(`creditgraph API listening on ${api.url}`);
    });
}
