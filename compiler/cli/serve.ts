// `roverc serve app.lua`: loads a Rover route file (interpreted or compiled), walks its app
// table into routes and serves them on uWebSockets.js until SIGINT/SIGTERM.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';
import { readSource } from '../frontend/source.js';
import { loadChunk } from '../../runtime/interp/interpreter.js';
import type { ModuleLoader } from '../../runtime/compiled/program.js';
import type { RoverApp } from '../../runtime/http/app-table.js';
import { loadCompiledApp, runAppChunk, serveGlobals } from '../../runtime/http/load-app.js';
import { serveApp, type AppSource, type ServeOptions as AppServeOptions } from '../../runtime/http/serve-app.js';
import { flushAll, stderr } from '../../runtime/stdlib/output.js';
import type { CompiledModuleFile } from '../run-compiled.js';
import { formatProblem } from './report.js';
import type { RunMode } from './worker-run.js';

export interface ServeOptions extends AppServeOptions {
  mode: RunMode;
}

/** Syntax errors and bad files are reported as `roverc check` reports them. */
function describeError(e: unknown): string | undefined {
  return e instanceof Diagnostic || e instanceof UsageError ? formatProblem(e) : undefined;
}

/** Serves the app until `onStop` calls back; resolves with the exit code. */
export async function serve(file: string, options: ServeOptions, onStop: (stop: () => void) => void): Promise<number> {
  let source: AppSource;
  try {
    source = options.mode === 'compiled' ? await compiledSource(file) : { file, load: () => loadInterpreted(file), describeError };
  } catch (e) {
    const known = describeError(e);
    if (known === undefined) throw e;
    flushAll();
    stderr.write(known + '\n');
    flushAll();
    return 1;
  }
  return serveApp(source, options, onStop);
}

function loadInterpreted(file: string): RoverApp {
  const source = readSource(file);
  const G = serveGlobals(file);
  return runAppChunk(loadChunk(source.text, file, G), file);
}

async function compiledSource(file: string): Promise<AppSource> {
  // The compiler (typescript, ts-morph) loads only when it is used: it costs seconds.
  const { compileCached } = await import('../run-compiled.js');
  const { modules, routes } = await compileCached(file);
  return { file, load: () => loadCompiled(file, modules), staticRoutes: routes, describeError };
}

async function loadCompiled(file: string, modules: readonly CompiledModuleFile[]): Promise<RoverApp> {
  const loaders = new Map<string, ModuleLoader>();
  let main: ModuleLoader | undefined;
  for (const m of modules) {
    const load = (await import(pathToFileURL(m.js).href) as { default: ModuleLoader }).default;
    if (m.name === '') main = load;
    else loaders.set(m.name, load);
  }
  return loadCompiledApp(file, main!, loaders);
}

/** Stack for the server thread, as `roverc run` has: handlers may recurse as deep as luajit allows. */
const STACK_MB = 900;

interface ServeJob {
  file: string;
  options: ServeOptions;
}

/**
 * Runs `serve` on a worker thread with a large stack (the main thread's default stack ends
 * Lua recursion after a few hundred calls). SIGINT/SIGTERM ask the worker to stop; a second
 * signal ends it at once.
 */
export function serveInWorker(file: string, options: ServeOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { roverServe: { file, options } satisfies ServeJob },
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

const job = isMainThread ? undefined : (workerData as { roverServe?: ServeJob } | null)?.roverServe;
if (job !== undefined && parentPort !== null) {
  const port = parentPort;
  const code = await serve(job.file, job.options, (stop) => {
    port.on('message', (m) => {
      if (m === 'stop') stop();
    });
  });
  flushAll();
  // Ends this thread (not the process) with the code; os.exit() in a handler lands here too.
  process.exit(code);
}
