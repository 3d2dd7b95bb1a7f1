// Serving on worker threads with a large stack: the main thread's default stack ends Lua
// recursion far earlier than luajit, a worker's can be sized to reach its ~22000 (see
// runtime/lua/deep-stack.ts, which run.js and `roverc run` use).
// With several workers (--workers N) each runs its own copy of the app (its own Lua state)
// and all listen on one port (SO_REUSEPORT), so the kernel spreads connections over cores.
// The main thread only starts the workers: it imports none of the runtime (Lua's buffered
// output included), so that they start sooner.
import { writeSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startLuaThread } from '../lua/deep-stack.js';

/** What a serving worker receives. */
export interface WorkerJob<T> {
  readonly data: T;
  /** One of several workers on the same port. */
  readonly shared: boolean;
  /** The port the first worker bound (the others must use it, even when 0 was asked). */
  readonly port?: number;
}

/** Sent by a shared worker once it listens. */
interface ListeningMessage {
  listening: { host: string; port: number };
}

/** What the main thread asks of a worker: stop gracefully, or close at once and exit with a code. */
type StopMessage = 'stop' | { stopNow: number };

/**
 * Stops the server: `undefined` gracefully (drain, exit 0), a number at once (every connection
 * closed, exit with that code).
 */
export type Stop = (nowWithCode?: number) => void;

/** How long workers get to obey a second signal before the process ends by the signal itself. */
const STOP_NOW_MS = 2000;

/**
 * On the main thread: runs `script` again on `workers` worker threads with `data` and a
 * large stack, turns SIGINT/SIGTERM into a request to stop and resolves with the highest exit
 * code once all have ended. A second signal during the drain closes every worker's server at
 * once and exits with 128 + the signal's number (130, 143). Workers are never terminate()d:
 * a worker torn down with uWS sockets open aborts the process (uv_loop_close with open handles).
 */
export function runOnBigStack(script: string | URL, data: unknown, workers = 1): Promise<number> {
  // (workers: how many are to run; fewer when one cannot start)
  return new Promise((resolve, reject) => {
    const shared = workers > 1;
    const running: Worker[] = [];
    let exited = 0;
    let worst = 0;
    let listening = 0;
    let signals = 0;
    /** The exit code a second signal asked for. */
    let forced: number | undefined;
    /** An exception that ended a worker (reported once all have stopped). */
    let failure: { error: unknown } | undefined;
    let stopNowTimer: NodeJS.Timeout | undefined;
    const finish = (code: number) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      clearTimeout(stopNowTimer);
      if (failure !== undefined) reject(failure.error);
      else resolve(code);
    };
    const post = (m: StopMessage) => {
      for (const w of running) w.postMessage(m);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        post('stop');
        return;
      }
      forced ??= 128 + (osConstants.signals[signal] ?? osConstants.signals.SIGTERM);
      if (signals === 2) {
        post({ stopNow: forced });
        // a worker stuck in Lua code cannot read the request: end by the signal (no teardown, no core)
        stopNowTimer = setTimeout(() => dieBy(signal), STOP_NOW_MS);
      } else {
        dieBy(signal);
      }
    };
    const dieBy = (signal: NodeJS.Signals) => {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const start = (port?: number) => {
      const job: WorkerJob<unknown> = { data, shared, port };
      const worker = startLuaThread(script, { roverWorker: job });
      if (worker === undefined) {
        // (reported): the workers already running stop, as when one fails
        workers = running.length;
        if (workers === 0) finish(1);
        else if (signals === 0) {
          worst = 1;
          signals = 1;
          post('stop');
        }
        return;
      }
      running.push(worker);
      worker.on('error', (error) => {
        // a bug escaped a worker: stop the others at once, report it when all have ended
        failure ??= { error };
        forced ??= 1;
        post({ stopNow: 1 });
      });
      worker.on('message', (m: ListeningMessage | unknown) => {
        if (typeof m !== 'object' || m === null || !('listening' in m)) return;
        const at = (m as ListeningMessage).listening;
        if (++listening === 1) for (let i = 1; i < workers; i++) start(at.port);
        if (listening === workers && signals === 0) {
          writeSync(1, `listening on http://${at.host}:${at.port} (${workers} workers)\n`);
        }
      });
      worker.on('exit', (code) => {
        worst = Math.max(worst, code);
        // one worker failing (port taken, load error) stops the others
        if (code !== 0 && signals === 0) {
          signals = 1;
          post('stop');
        }
        if (++exited === running.length && (listening === 0 || running.length === workers)) finish(forced ?? worst);
      });
    };
    start();
  });
}

/** On a worker runOnBigStack started: its job (undefined elsewhere). */
export function bigStackJob<T>(): WorkerJob<T> | undefined {
  return isMainThread ? undefined : (workerData as { roverWorker?: WorkerJob<T> } | null)?.roverWorker;
}

/** The serve options a worker adds to its own: the shared port, and reporting it. */
export function workerListenOptions(job: WorkerJob<unknown>): { shared?: boolean; port?: number; onListening?: (host: string, port: number) => void } {
  if (!job.shared) return {};
  const report = (host: string, port: number) => parentPort!.postMessage({ listening: { host, port } } satisfies ListeningMessage);
  return job.port === undefined ? { shared: true, onListening: report } : { shared: true, port: job.port, onListening: report };
}

/**
 * On that worker: runs `serve`, handing it a way to learn of stop requests, then ends the
 * thread with its exit code (os.exit() in a handler lands here too). Buffered output (Lua's
 * print, the request log) is written out however the thread ends, an uncaught exception included.
 */
export async function finishOnBigStack(serve: (onStop: (stop: Stop) => void) => Promise<number>): Promise<never> {
  const port = parentPort!;
  const { flushAll } = await import('../stdlib/output.js');
  process.on('exit', flushAll);
  // a request that arrives before the server can stop is kept for it
  let early: StopMessage | undefined;
  let deliver = (m: StopMessage) => {
    if (early === undefined || m !== 'stop') early = m;
  };
  port.on('message', (m: unknown) => {
    if (m === 'stop' || (typeof m === 'object' && m !== null && 'stopNow' in m)) deliver(m as StopMessage);
  });
  const code = await serve((stop) => {
    deliver = (m) => stop(m === 'stop' ? undefined : m.stopNow);
    if (early !== undefined) deliver(early);
  });
  flushAll();
  process.exit(code);
}
