/**
 * CPU time of the calling thread alone, in milliseconds, for benchmarks.
 *
 * process.cpuUsage() adds up every thread of the process: the UrlFetchApp transport worker and a
 * test's mock vendor server run in worker threads, and V8's helper threads run concurrently, so it
 * charges their work to the script. On Linux the kernel keeps a nanosecond CPU clock per thread
 * (/proc/thread-self/schedstat, first field); elsewhere this falls back to the whole process and
 * says so through `threadCpuIsPerThread`.
 *
 * The kernel brings a running thread's clock up to date only at scheduler events (ticks, context
 * switches), so a plain read can lag by up to a tick (~1-4 ms): too coarse for the sub-millisecond
 * stretches benchmarks time (one JSON.parse, one service call). A 20 µs Atomics.wait before the
 * read puts the thread to sleep, which brings its clock up to date; that costs ~0.1 ms of wall
 * time per read and no CPU.
 */
import { openSync, readSync } from 'node:fs';

const buffer = Buffer.alloc(64);
const nap = new Int32Array(new SharedArrayBuffer(4));
let fd: number | undefined;
let opened = false;

/** The clock reads the thread that first called it: keep to one thread (the script's). */
function schedstat(): number | undefined {
  if (!opened) {
    opened = true;
    try {
      fd = openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      fd = undefined;
    }
  }
  if (fd === undefined) return undefined;
  Atomics.wait(nap, 0, 0, 0.02);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  const ns = Number(buffer.toString('latin1', 0, n).split(' ', 1)[0]);
  return Number.isFinite(ns) ? ns / 1e6 : undefined;
}

export function threadCpuMs(): number {
  const own = schedstat();
  if (own !== undefined) return own;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** True when threadCpuMs() measures this thread only (else it is the whole process). */
export function threadCpuIsPerThread(): boolean {
  return schedstat() !== undefined;
}
