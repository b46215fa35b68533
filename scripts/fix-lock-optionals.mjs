// Some registries do not serve every platform-only optional package (msgpackr-extract's darwin, win32 and
// linux-arm builds), so `npm install` leaves them out of package-lock.json and `npm ci` then refuses the
// lock. This restores their entries (never installed on Linux x64: os/cpu do not match). Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const parent = lock.packages['node_modules/msgpackr-extract'];
let added = 0;
for (const [name, version] of Object.entries(parent?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const [, platform, cpu] = /msgpackr-extract-(\w+)-(\w+)$/.exec(name) ?? [];
  lock.packages[key] = {
    version,
    resolved: `https://registry.npmjs.org/${name}/-/${name.split('/')[1]}-${version}.tgz`,
    cpu: [cpu],
    license: 'MIT',
    optional: true,
    os: [platform],
  };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: restored ${added} platform-only optional entries`);
