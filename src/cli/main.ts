/** The `creditgraph` command. Each subcommand lives in its own file under commands/. */
import { Command } from 'commander';
import { ConfigError } from '../config/index.js';
import { registerServices } from './commands/services.js';
import { registerServe } from './commands/serve.js';
import { registerWorker } from './commands/worker.js';
import { registerKeys } from './commands/keys.js';
import { registerDemo } from './commands/demo.js';
import { registerIngest } from './commands/ingest.js';
import { registerMigrate } from './commands/migrate.js';
import { registerGenerate } from './commands/generate.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerTrain } from './commands/train.js';
import { registerScore } from './commands/score.js';
import { registerRefresh } from './commands/refresh.js';
import { registerMonitor } from './commands/monitor.js';
import { registerErase } from './commands/erase.js';

const program = new Command();
program
  .name('creditgraph')
  .description('relationship-graph analytics for credit and fraud risk')
  .version('0.1.0')
  .showHelpAfterError();

registerServices(program);
registerServe(program);
registerWorker(program);
registerKeys(program);
registerDemo(program);
registerIngest(program);
registerMigrate(program);
registerGenerate(program);
registerEvaluate(program);
registerTrain(program);
registerScore(program);
registerRefresh(program);
registerMonitor(program);
registerErase(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) console.error(`creditgraph: ${error.message}`);
  else console.error(`creditgraph: ${(error as Error).message ?? error}`);
  process.exit(1);
}
