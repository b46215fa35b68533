#!/usr/bin/env node
// Entry point of the `creditgraph` command: runs the compiled JavaScript of `npm run build` (dist/).
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('creditgraph: not built yet; run `npm run build` first (npm start and npm test do it for you)');
  process.exit(1);
}
await import(main.href);
