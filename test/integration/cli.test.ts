import assert from 'node:assert/strict';
import { runCli, startCli, waitForExit } from '../helpers/cli.js';

describe('creditgraph CLI', () => {
  it('--help lists the subcommands', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const sub of ['services', 'serve', 'worker']) assert.match(stdout, new RegExp(`^\\s+${sub}\\b`, 'm'));
  });

  it('each subcommand has --help', async () => {
    for (const sub of ['services', 'serve', 'worker']) {
      const { code, stdout } = await runCli([sub, '--help']);
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`Usage: creditgraph ${sub}`));
    }
  });

  it('a bad setting stops the process with the variable named', async () => {
    const { code, stderr } = await runCli(['serve'], { PORT: 'eighty' });
    assert.equal(code, 1);
    assert.match(stderr, /PORT="eighty"/);
  });

  it('serve answers /readyz and exits 0 on SIGTERM', async () => {
    const { child, match } = await startCli(['serve'], /listening on (http:\/\/\S+)/, { PORT: '0' });
    const url = match[1] as string;
    const res = await fetch(`${url}/readyz`);
    assert.equal(res.status, 200);
    child.kill('SIGTERM');
    assert.equal(await waitForExit(child), 0);
  });

  it('worker starts consuming and exits 0 on SIGTERM', async () => {
    const { child } = await startCli(['worker'], /consuming: .*health/, { QUEUE_PREFIX: 'cg-test-cli', METRICS_SCHEDULE_ENABLED: 'false' });
    child.kill('SIGTERM');
    assert.equal(await waitForExit(child), 0);
  });
});
