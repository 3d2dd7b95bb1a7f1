// Lua programs run on a worker thread with a large stack. Node's main thread has V8's default
// stack (about 1 MB, fixed once node runs: `--stack-size` cannot be set from a script), which
// ends compiled Lua recursion after about 6,800 nested calls and interpreted recursion sooner;
// luajit reaches about 21,800 and the call stack's MAX_DEPTH (22000) is where both modes raise
// Lua's "stack overflow". `roverc run`, a build's run.js and its server.js (runtime/http/big-stack.ts)
// all run Lua on such a thread; the main thread only starts it.
import { writeSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** The Lua thread's stack: room for MAX_DEPTH nested calls of the interpreter, whose frames are the largest. */
export const STACK_MB = 900;

/**
 * Worker options that keep a Lua thread's stdout and stderr from being piped to
 * process.stdout/stderr: making those streams would put fds 1 and 2 in non-blocking mode (for
 * this process and whoever shares the pipe). The Lua runtime writes to the fds itself.
 */
export const OWN_OUTPUT = { stdout: true, stderr: true } as const;

/** Copies to fds 1 and 2 whatever else a thread started with OWN_OUTPUT writes to its process.stdout/stderr. */
export function forwardOutput(worker: Worker): void {
  worker.stdout.on('data', (b: Buffer) => writeSync(1, b));
  worker.stderr.on('data', (b: Buffer) => writeSync(2, b));
}

/**
 * Starts a Lua thread: `script` on a worker with a STACK_MB stack and its own output. A thread
 * the system refuses (a virtual memory limit too small for its stack, `ulimit -v`) is reported
 * on stderr as roverc's error rather than node's stack trace, and gives undefined.
 */
export function startLuaThread(script: URL | string, workerData: unknown): Worker | undefined {
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData, resourceLimits: { stackSizeMb: STACK_MB }, ...OWN_OUTPUT });
  } catch (e) {
    writeSync(2, `roverc: cannot start the Lua thread: the system refused a thread with a ${STACK_MB} MB stack ` +
      `(${(e as Error).message}), which Lua needs to recurse as deep as under luajit; is virtual memory limited (ulimit -v)?\n`);
    return undefined;
  }
  forwardOutput(worker);
  return worker;
}

interface DeepStackData<T> {
  readonly roverProgram: { readonly job: T };
}

/**
 * On the main thread: runs the module `script` again on a worker thread with a large stack,
 * handing it `job` (see deepStackJob), and resolves with the exit code it reports (or the
 * thread's own, after a `process.exit` there; 1 when the thread cannot start). An exception
 * that escapes the thread rejects.
 */
export function runOnDeepStack<T>(script: URL, job: T): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = startLuaThread(script, { roverProgram: { job } } satisfies DeepStackData<T>);
    if (worker === undefined) {
      resolve(1);
      return;
    }
    let code: number | undefined;
    worker.on('message', (m: unknown) => {
      if (typeof m === 'number') code = m;
    });
    worker.on('error', reject);
    worker.on('exit', (exit) => resolve(code ?? exit));
  });
}

/** On a thread runOnDeepStack started: its job; undefined on any other thread. */
export function deepStackJob<T>(): T | undefined {
  if (isMainThread) return undefined;
  const data = workerData as Partial<DeepStackData<T>> | null;
  return data?.roverProgram?.job;
}

/** On that thread: reports the program's exit code to the main thread (runOnDeepStack resolves with it). */
export function finishOnDeepStack(code: number): void {
  parentPort!.postMessage(code);
}
