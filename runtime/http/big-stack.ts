// Serving on worker threads with a large stack: the main thread's default stack ends Lua
// recursion after a few hundred calls, a worker's can be sized to reach luajit's ~22000.
// With several workers (--workers N) each runs its own copy of the app (its own Lua state)
// and all listen on one port (SO_REUSEPORT), so the kernel spreads connections over cores.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { flushAll, stdout } from '../stdlib/output.js';

const STACK_MB = 900;

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

/**
 * On the main thread: runs `script` again on `workers` worker threads with `data` and a
 * large stack, turns SIGINT/SIGTERM into a request to stop (a second signal ends them at
 * once) and resolves with the highest exit code once all have ended.
 */
export function runOnBigStack(script: string | URL, data: unknown, workers = 1): Promise<number> {
  return new Promise((resolve, reject) => {
    const shared = workers > 1;
    const running: Worker[] = [];
    let exited = 0;
    let worst = 0;
    let listening = 0;
    let signals = 0;
    const onSignal = () => {
      for (const w of running) {
        if (signals === 0) w.postMessage('stop');
        else void w.terminate();
      }
      signals++;
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const start = (port?: number) => {
      const job: WorkerJob<unknown> = { data, shared, port };
      const worker = new Worker(script, {
        workerData: { roverWorker: job },
        resourceLimits: { stackSizeMb: STACK_MB },
        stdout: false,
        stderr: false,
      });
      running.push(worker);
      worker.on('error', reject);
      worker.on('message', (m: ListeningMessage | unknown) => {
        if (typeof m !== 'object' || m === null || !('listening' in m)) return;
        const at = (m as ListeningMessage).listening;
        if (++listening === 1) for (let i = 1; i < workers; i++) start(at.port);
        if (listening === workers) {
          stdout.write(`listening on http://${at.host}:${at.port} (${workers} workers)\n`);
          flushAll();
        }
      });
      worker.on('exit', (code) => {
        worst = Math.max(worst, code);
        // one worker failing (port taken, load error) stops the others
        if (code !== 0 && signals === 0) onSignal();
        if (++exited === running.length && (listening === 0 || running.length === workers)) {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve(worst);
        }
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
