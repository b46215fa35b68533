// Bootstrap of the second analytics thread when running from TypeScript sources (see
// analytics-thread-boot.mjs): register tsx in the thread, then load the helper's entry.
import { register } from 'tsx/esm/api';

register();
await import('./analytics-thread-helper.ts');
