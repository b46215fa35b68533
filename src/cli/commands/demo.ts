/**
 * `creditgraph demo` (what `npm start` runs): the main job in one command. Starts the local services if
 * needed, loads the s sample network once, runs a metrics refresh, starts a worker process and the API
 * with the web view, creates a demo analyst key, and prints the URL, the key and a ready `curl`.
 * Ctrl-C stops what it started (the API and the worker; `npm run services -- stop` stops Neo4j).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { environmentWithServices, loadConfig, PROJECT_ROOT } from '../../config/index.js';
import { closeOnSignals } from '../../api/server.js';
import { startApi } from '../../runtime/start-api.js';
import { openRuntime } from '../../runtime/runtime.js';
import { ingestRules } from '../../use-cases/ingest-file.js';
import { DEMO_PREFIX, ensureDemoKey, ensureSampleNetwork, runDemoRefresh, type DemoReporter } from '../../use-cases/prepare-demo.js';

function startServices(): void {
  const result = spawnSync('bash', [join(PROJECT_ROOT, 'scripts/services.sh'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('could not start the local services (see the messages above)');
}

function consoleReporter(): DemoReporter {
  let lastStage = '';
  return {
    step: (message) => console.log(`• ${message}`),
    refresh: (p) => {
      if (p.stage !== lastStage) {
        lastStage = p.stage;
        console.log(`  ${p.stage.padEnd(11)} ${String(p.percent).padStart(3)}%`);
      }
    },
  };
}

function startWorkerChild(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/creditgraph.js'), 'worker'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (/consuming/.test(String(d))) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code} while starting`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the main job (npm start): services, sample network, metrics, worker, API and web view')
    .option('--prefix <prefix>', 'load the sample network under this id prefix and refresh only it (tests)', DEMO_PREFIX)
    .action(async (opts: { prefix: string }) => {
      const scoped = opts.prefix !== DEMO_PREFIX;
      startServices();
      // a scoped demo (tests) serves scores from its own scoped run
      const served: Record<string, string> = scoped ? { SERVING_SCOPE: opts.prefix } : {};
      const config = loadConfig({ LOG_LEVEL: 'warn', ...environmentWithServices(), ...served });
      const workDir = join(PROJECT_ROOT, '.local', 'demo');
      const report = consoleReporter();
      const runtime = await openRuntime(config);
      let key: string;
      try {
        await ensureSampleNetwork(runtime.db, ingestRules(config), workDir, report, opts.prefix);
        const summary = await runDemoRefresh(runtime.db, config, report, scoped ? opts.prefix : '');
        report.step(`metrics run ${summary.runId} is current (${summary.stages.map((s) => `${s.stage} ${(s.ms / 1000).toFixed(1)} s`).join(', ')})`);
        key = await ensureDemoKey(runtime.db, workDir);
      } finally {
        await runtime.close();
      }
      const worker = await startWorkerChild(served);
      const api = await startApi(config);
      closeOnSignals(async () => {
        await api.close();
        await stopChild(worker);
      });
      const entity = `${opts.prefix}E0001`;
      console.log(`
creditgraph is ready
  web view:  ${api.url}/ui   (enter the analyst key below)
  API docs:  ${api.url}/docs
  analyst key: ${key}
  a score:   curl -s -H 'Authorization: Bearer ${key}' -H 'X-Purpose: testing' ${api.url}/v1/entities/${entity}/score
  stop:      Ctrl-C (Neo4j keeps running; npm run services -- stop stops it)
`);
    });
}
