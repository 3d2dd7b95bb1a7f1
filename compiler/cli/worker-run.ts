// Runs a Lua program on a worker thread with a large stack, so deep Lua recursion ends in
// Lua's "stack overflow" error rather than V8's much smaller default limit.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';
import { runFile } from '../../runtime/interp/interpreter.js';
import { formatProblem } from './report.js';

/** Stack for the Lua thread: enough for luajit's ~22000 nested calls in the interpreter. */
const STACK_MB = 900;

export type RunMode = 'interpreted' | 'compiled';

interface Job {
  file: string;
  args: string[];
  mode: RunMode;
}

export function runInWorker(file: string, args: string[], mode: RunMode): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { file, args, mode } satisfies Job,
      resourceLimits: { stackSizeMb: STACK_MB },
      stdout: false,
      stderr: false,
    });
    let code = 1;
    worker.on('message', (m: number) => { code = m; });
    worker.on('error', reject);
    worker.on('exit', () => resolvePromise(code));
  });
}

if (!isMainThread && parentPort !== null) {
  const job = workerData as Job;
  let code: number;
  try {
    // The compiler (typescript, ts-morph) loads only when it is used: it costs seconds.
    code = job.mode === 'compiled'
      ? await (await import('../run-compiled.js')).runCompiled(job.file, job.args)
      : runFile(job.file, job.args);
  } catch (e) {
    if (!(e instanceof Diagnostic || e instanceof UsageError)) throw e;
    process.stderr.write(formatProblem(e) + '\n');
    code = 1;
  }
  parentPort.postMessage(code);
}
