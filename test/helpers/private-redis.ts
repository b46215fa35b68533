/**
 * A private `redis-server` a test may stop and start (never the shared one): in-memory only, on a port
 * named by the test, started and stopped by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface PrivateRedis {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function privateRedis(port: number): PrivateRedis {
  let child: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    start: () =>
      new Promise((resolve, reject) => {
        const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = proc;
        let out = '';
        const timer = setTimeout(() => reject(new Error(`redis-server on ${port} not ready:\n${out}`)), 20_000);
        proc.stdout?.on('data', (d: Buffer) => {
          out += d;
          if (/Ready to accept connections/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        proc.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server on ${port} exited with ${code}:\n${out}`));
        });
        proc.once('error', reject);
      }),
    stop: async () => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      proc.removeAllListeners('exit');
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
