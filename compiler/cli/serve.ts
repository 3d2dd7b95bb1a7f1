// `roverc serve app.lua`: loads a Rover route file (interpreted or compiled), walks its app
// table into routes and serves them on uWebSockets.js until SIGINT/SIGTERM.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';
import { readSource } from '../frontend/source.js';
import { loadChunk } from '../../runtime/interp/interpreter.js';
import { installCompiledSearcher, type ModuleLoader } from '../../runtime/compiled/program.js';
import type { RoverApp } from '../../runtime/http/app-table.js';
import { AppLoadError, runAppChunk, serveGlobals } from '../../runtime/http/load-app.js';
import { RequestLog } from '../../runtime/http/log.js';
import { collectRoutes, RouteError } from '../../runtime/http/routes.js';
import { RoverServer } from '../../runtime/http/server.js';
import { flushAll, stderr, stdout } from '../../runtime/stdlib/output.js';
import { formatProblem } from './report.js';
import type { RunMode } from './worker-run.js';

export interface ServeOptions {
  mode: RunMode;
  /** Override the config's host and port (the command-line flags). */
  host?: string;
  port?: number;
}

function loadInterpreted(file: string): RoverApp {
  const source = readSource(file);
  const G = serveGlobals(file);
  return runAppChunk(loadChunk(source.text, file, G), file);
}

async function loadCompiled(file: string): Promise<RoverApp> {
  // The compiler (typescript, ts-morph) loads only when it is used: it costs seconds.
  const { compileCached } = await import('../run-compiled.js');
  const modules = await compileCached(file);
  const loaders = new Map<string, ModuleLoader>();
  let main: ModuleLoader | undefined;
  for (const m of modules) {
    const load = (await import(pathToFileURL(m.js).href) as { default: ModuleLoader }).default;
    if (m.name === '') main = load;
    else loaders.set(m.name, load);
  }
  const G = serveGlobals(file);
  installCompiledSearcher(G, loaders);
  return runAppChunk(main!(G), file);
}

function fail(message: string): number {
  flushAll();
  stderr.write(message + '\n');
  flushAll();
  return 1;
}

/**
 * Serves the app until `onStop` calls back; resolves with an exit code once the server has
 * stopped (or failed to start).
 */
export async function serve(file: string, options: ServeOptions, onStop: (stop: () => void) => void): Promise<number> {
  let app: RoverApp;
  let routes;
  try {
    app = options.mode === 'compiled' ? await loadCompiled(file) : loadInterpreted(file);
    routes = collectRoutes(app);
  } catch (e) {
    if (e instanceof Diagnostic || e instanceof UsageError) return fail(formatProblem(e));
    if (e instanceof AppLoadError) return fail(`roverc: ${e.message}`);
    if (e instanceof RouteError) return fail(`roverc: ${file}: ${e.message}`);
    throw e;
  }
  const config = app.config;
  const host = options.host ?? config.host;
  const port = options.port ?? config.port;
  const { default: uws } = await import('uwebsockets');
  let stopWith: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    stopWith = (code) => {
      if (stopping) return;
      stopping = true;
      void server.close().then(() => resolve(code));
    };
  });
  const server = new RoverServer(uws, routes, config, new RequestLog(config.logLevel), (code) => stopWith(code));
  let bound;
  try {
    bound = await server.listen(host, port);
  } catch (e) {
    return fail(`roverc: ${(e as Error).message}`);
  }
  stdout.write(`listening on http://${host}:${bound.port}\n`);
  flushAll();
  onStop(() => stopWith(0));
  return stopped;
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
