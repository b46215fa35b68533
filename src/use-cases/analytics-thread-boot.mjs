// Bootstrap of the analytics worker thread when running from TypeScript sources: a worker thread does
// not inherit the tsx loader that bin/creditgraph.js registered in the main thread, so register it
// here, then load the thread's entry. (A compiled build starts analytics-thread.js directly.)
import { register } from 'tsx/esm/api';

register();
await import('./analytics-thread.ts');
