// Serving a loaded Rover app: the route table from its app table, the uWS server, the
// "listening on" line, and a clean stop. Used by `roverc serve` and by the server.js that
// `roverc build` writes (which loads no compiler).
import type { RoverApp } from './app-table.js';
import { AppLoadError } from './load-app.js';
import { RequestLog } from './log.js';
import { attachRequestUse, type StaticRoute } from './request-use.js';
import { collectRoutes, RouteError } from './routes.js';
import { RoverServer } from './server.js';
import { flushAll, stderr, stdout } from '../stdlib/output.js';

export interface ServeOptions {
  /** Override the config's host and port (the command-line flags). */
  host?: string;
  port?: number;
}

/** How to load the app, and what the compiler found in it (compiled mode). */
export interface AppSource {
  readonly file: string;
  load(): RoverApp | Promise<RoverApp>;
  readonly staticRoutes?: readonly StaticRoute[];
  /** Turns a load failure the caller knows (a syntax error, ...) into its message. */
  describeError?(e: unknown): string | undefined;
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
export async function serveApp(source: AppSource, options: ServeOptions, onStop: (stop: () => void) => void): Promise<number> {
  const file = source.file;
  let app: RoverApp;
  let routes;
  try {
    app = await source.load();
    routes = collectRoutes(app);
  } catch (e) {
    const known = source.describeError?.(e);
    if (known !== undefined) return fail(known);
    if (e instanceof AppLoadError) return fail(`roverc: ${e.message}`);
    if (e instanceof RouteError) return fail(`roverc: ${file}: ${e.message}`);
    throw e;
  }
  if (source.staticRoutes !== undefined) attachRequestUse(routes, source.staticRoutes);
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

