// `roverc serve app.lua`: loads a Rover route file (interpreted or compiled), walks its app
// table into routes and serves them on uWebSockets.js until SIGINT/SIGTERM.
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';
import { readSource } from '../frontend/source.js';
import { loadChunk } from '../../runtime/interp/interpreter.js';
import type { RoverApp } from '../../runtime/http/app-table.js';
import { loadCompiledApp, runAppChunk, serveGlobals } from '../../runtime/http/load-app.js';
import { serveApp, type AppSource, type LoadedApp, type ServeOptions as AppServeOptions } from '../../runtime/http/serve-app.js';
import { siteHandlers } from '../../runtime/http/static-handlers.js';
import { bigStackJob, finishOnBigStack, runOnBigStack, workerListenOptions, type Stop } from '../../runtime/http/big-stack.js';
import { flushAll, stderr } from '../../runtime/stdlib/output.js';
import { formatProblem } from './report.js';
import type { RunMode } from './worker-run.js';
import { interpretedRoutes } from '../route-table.js';

export interface ServeOptions extends AppServeOptions {
  mode: RunMode;
}

/** Syntax errors and bad files are reported as `roverc check` reports them. */
function describeError(e: unknown): string | undefined {
  return e instanceof Diagnostic || e instanceof UsageError ? formatProblem(e) : undefined;
}

/** Serves the app until `onStop` calls back; resolves with the exit code. */
export async function serve(file: string, options: ServeOptions, onStop: (stop: Stop) => void): Promise<number> {
  let source: AppSource;
  try {
    source = options.mode === 'compiled' ? await compiledSource(file) : { file, load: () => loadInterpreted(file), describeError, staticRoutes: interpretedRoutes(file) };
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
  const { compileCached, importModules } = await import('../run-compiled.js');
  const { modules, routes } = await compileCached(file);
  const load = async (): Promise<LoadedApp> => {
    const { main, loaders, namespaces } = await importModules(modules);
    const app = loadCompiledApp(file, main, loaders);
    // each static route's closure, checked against the app table at start-up (static-handlers.ts)
    return { app, staticRoutes: routes, handlers: siteHandlers(routes, namespaces) };
  };
  return { file, load, describeError };
}

/** Runs `serve` on worker threads with a large stack (see runtime/http/big-stack.ts). */
export function serveInWorker(file: string, options: ServeOptions, workers = 1): Promise<number> {
  return runOnBigStack(new URL(import.meta.url), { file, options }, workers);
}

const job = bigStackJob<{ file: string; options: ServeOptions }>();
if (job !== undefined) {
  const { file, options } = job.data;
  await finishOnBigStack((onStop) => serve(file, { ...options, ...workerListenOptions(job) }, onStop));
}
