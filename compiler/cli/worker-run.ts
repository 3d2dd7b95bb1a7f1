// Runs a Lua program on a worker thread with a large stack (runtime/lua/deep-stack.ts), so
// deep Lua recursion ends in Lua's "stack overflow" error at luajit's depth rather than at
// V8's much smaller default limit.
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';
import { runFile } from '../../runtime/interp/interpreter.js';
import { deepStackJob, finishOnDeepStack, runOnDeepStack } from '../../runtime/lua/deep-stack.js';
import { formatProblem } from './report.js';

export type RunMode = 'interpreted' | 'compiled';

interface Job {
  file: string;
  args: string[];
  mode: RunMode;
}

export function runInWorker(file: string, args: string[], mode: RunMode): Promise<number> {
  return runOnDeepStack<Job>(new URL(import.meta.url), { file, args, mode });
}

const job = deepStackJob<Job>();
if (job !== undefined) {
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
  finishOnDeepStack(code);
}
