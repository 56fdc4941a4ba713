// Preload of coldStart.mjs's `search` view (node --import ./traceWorker.mjs; worker threads
// inherit it): in a worker thread, timestamps what the thread receives and posts, with its own
// CPU time and run-queue wait (/proc/thread-self/schedstat), and posts them after each result as
// a { type: 'trace' } message, which the pool ignores (no jobId). Does nothing in the main thread.
import { readFileSync, readlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort } from 'node:worker_threads';

if (!isMainThread && parentPort) {
  const marks = [];
  const mark = (what) => {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    marks.push({
      what,
      t: performance.timeOrigin + performance.now(),
      runMs: run / 1e6,
      waitMs: wait / 1e6,
    });
  };
  mark('worker preload');
  marks[0].tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  // wraps the entry's listener: a listener of our own would start the port before the entry
  // listens, and the messages that arrive meanwhile would be lost to it
  const on = parentPort.on;
  parentPort.on = function (name, fn) {
    if (name !== 'message') return on.call(this, name, fn);
    return on.call(this, name, (m) => {
      mark(`got ${m.type}${m.position === undefined ? '' : ` ${m.position}`}`);
      fn(m);
    });
  };
  const post = parentPort.postMessage;
  parentPort.postMessage = function (m, ...rest) {
    mark(`post ${m.type}${m.position === undefined ? '' : ` ${m.position}`}`);
    post.call(this, m, ...rest);
    if (m.type === 'result') post.call(this, { type: 'trace', marks: marks.splice(0) });
  };
}
