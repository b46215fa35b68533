/**
 * The task pool the two analytics threads share (see analytics-work.ts for the tasks): a shared
 * Int32Array holds the next unclaimed task, the number finished and a failure flag. Each thread
 * claims the next task with Atomics.add until the group it works on is exhausted, so the faster
 * thread simply takes more; the main analytics thread blocks with Atomics.wait (allowed in a worker
 * thread) until the other thread's tasks of a group are done.
 */
import type { AnalyticsWork, WorkSink } from '../analytics/analytics-work.js';
import { runTask } from '../analytics/analytics-work.js';

/** Slots of the control array. */
export const POOL = { next: 0, done: 1, failed: 2 } as const;

export function createControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * 3));
}

/** Claims and runs tasks while the next one is below `end`; returns when none is left below it. */
export function drainTasks(work: AnalyticsWork, control: Int32Array, end: number, sink: WorkSink): void {
  for (;;) {
    if (Atomics.load(control, POOL.next) >= end || Atomics.load(control, POOL.failed)) return;
    const t = Atomics.add(control, POOL.next, 1);
    if (t >= end) return;
    runTask(work, t, sink);
    Atomics.add(control, POOL.done, 1);
    Atomics.notify(control, POOL.done);
  }
}

/** Blocks until `count` tasks are done in all; throws when the other thread reported a failure. */
export function awaitTasks(control: Int32Array, count: number, failure: () => string): void {
  for (;;) {
    if (Atomics.load(control, POOL.failed)) throw new Error(`analytics helper thread: ${failure()}`);
    const done = Atomics.load(control, POOL.done);
    if (done >= count) return;
    Atomics.wait(control, POOL.done, done, 1000);
  }
}

/** Marks the pool failed and wakes the waiting thread. */
export function failPool(control: Int32Array): void {
  Atomics.store(control, POOL.failed, 1);
  Atomics.notify(control, POOL.done);
}
