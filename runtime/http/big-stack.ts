// Serving on a worker thread with a large stack: the main thread's default stack ends Lua
// recursion after a few hundred calls, a worker's can be sized to reach luajit's ~22000.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { flushAll } from '../stdlib/output.js';

const STACK_MB = 900;

/**
 * On the main thread: runs `script` again on a worker with `data` and a large stack, turns
 * SIGINT/SIGTERM into a request to stop (a second signal ends it at once) and resolves
 * with the worker's exit code.
 */
export function runOnBigStack(script: string | URL, data: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { roverWorker: data },
      resourceLimits: { stackSizeMb: STACK_MB },
      stdout: false,
      stderr: false,
    });
    let signals = 0;
    const onSignal = () => {
      if (signals++ === 0) worker.postMessage('stop');
      else void worker.terminate();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    worker.on('error', reject);
    worker.on('exit', (code) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(code);
    });
  });
}

/** On the worker runOnBigStack started: its data (undefined elsewhere). */
export function bigStackJob<T>(): T | undefined {
  return isMainThread ? undefined : (workerData as { roverWorker?: T } | null)?.roverWorker;
}

/**
 * On that worker: runs `serve`, handing it a way to learn of the stop request, then ends the
 * thread with its exit code (os.exit() in a handler lands here too).
 */
export async function finishOnBigStack(serve: (onStop: (stop: () => void) => void) => Promise<number>): Promise<never> {
  const port = parentPort!;
  const code = await serve((stop) => {
    port.on('message', (m) => {
      if (m === 'stop') stop();
    });
  });
  flushAll();
  process.exit(code);
}
