/** Scheduling of worker threads. */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread (Linux: a thread is a task with its own id,
 * /proc/thread-self names it, and setpriority applies to it alone). Worker threads that compute
 * call it so that the event loop of their process — a server answering requests — always gets the
 * CPU first. Does nothing where the platform has no per-thread priority.
 */
export function lowerThreadPriority(nice = 10): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
