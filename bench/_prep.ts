import { mkdirSync, rmSync } from 'node:fs';
import { prepareBulkImport } from '../src/use-cases/bulk-prepare.js';
const workDir = '/tmp/cg-bulk-prep'; rmSync(workDir, { recursive: true, force: true }); mkdirSync(workDir);
const t = Date.now();
const r = await prepareBulkImport(process.argv[2]!, { workDir, identifierHmacKey: 'x'.repeat(32), identifierMaxGroup: 50, rejectsPathFor: () => null,
  onFile: (s) => console.log(s.type, s.rows, s.elapsedMs, s.rowsPerSecond) });
const cu = process.cpuUsage(); console.log(Date.now() - t, "ms wall", Math.round((cu.user+cu.system)/1000), "ms cpu", JSON.stringify(r.expected), process.resourceUsage().maxRSS);
