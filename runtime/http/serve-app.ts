// Serving a loaded Rover app: the route table from its app table, the uWS server, the
// "listening on" line, and a clean stop. Used by `roverc serve` and by the server.js that
// `roverc build` writes (which loads no compiler).
import { createServer, type AddressInfo } from 'node:net';
import { RoverApp } from './app-table.js';
import { AppLoadError } from './load-app.js';
import { configProblem } from './config.js';
import { tlsProblem } from './tls.js';
import { RequestLog } from './log.js';
import { attachStaticRoutes, FULL_REQUEST, type StaticRoute } from './request-use.js';
import { checkStaticHandlers } from './static-handlers.js';
import { collectApp, RouteError, type Route } from './routes.js';
import type { LuaFunction } from '../lua/value.js';
import { RoverServer } from './server.js';
import { loadUws, UwsMissingError } from './uws.js';
import type { Stop } from './big-stack.js';
import { flushAll, stderr, stdout } from '../stdlib/output.js';
import { genericJsonOnly, jsonModeProblem } from './json-mode.js';

export interface ServeOptions {
  /** Override the config's host and port (the command-line flags). */
  host?: string;
  port?: number;
  /** This server is one of several workers sharing the port (see big-stack.ts). */
  shared?: boolean;
  /** Called with the bound port instead of printing "listening on" (workers after the first). */
  onListening?: (host: string, port: number) => void;
}

/**
 * A loaded compiled app with what the compiler found in it: its static routes and, parallel to
 * them, the closure each one's definition made when the main chunk ran (static-handlers.ts).
 */
export interface LoadedApp {
  readonly app: RoverApp;
  readonly staticRoutes: readonly StaticRoute[];
  readonly handlers: readonly (LuaFunction | undefined)[];
}

/** How to load the app, and what the compiler found in it (compiled mode). */
export interface AppSource {
  readonly file: string;
  /** The app table, or (compiled mode) the app with its static routes and their handlers, which then replace `staticRoutes`. */
  load(): RoverApp | LoadedApp | Promise<RoverApp | LoadedApp>;
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

/** A port free on `host` right now (the OS picks it). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serves the app until `onStop` calls back; resolves with an exit code once the server has
 * stopped (or failed to start).
 */
export async function serveApp(source: AppSource, options: ServeOptions, onStop: (stop: Stop) => void): Promise<number> {
  const file = source.file;
  let app: RoverApp;
  let routes: Route[];
  let onError: LuaFunction | undefined;
  let staticRoutes = source.staticRoutes;
  let handlers: readonly (LuaFunction | undefined)[] | undefined;
  const jsonProblem = jsonModeProblem();
  if (jsonProblem !== undefined) return fail(`roverc: ${jsonProblem}`);
  try {
    const loaded = await source.load();
    if (loaded instanceof RoverApp) {
      app = loaded;
    } else {
      ({ app, staticRoutes, handlers } = loaded);
    }
    const problem = configProblem(app.config) ?? (app.config.tls === undefined ? undefined : tlsProblem(app.config.tls));
    if (problem !== undefined) return fail(`roverc: ${file}: ${problem}`);
    ({ routes, onError } = collectApp(app));
  } catch (e) {
    const known = source.describeError?.(e);
    if (known !== undefined) return fail(known);
    if (e instanceof AppLoadError) return fail(`roverc: ${e.message}`);
    if (e instanceof RouteError) return fail(`roverc: ${file}: ${e.message}`);
    throw e;
  }
  if (staticRoutes !== undefined) {
    // ROVERC_JSON=generic: every response through the generic encoder (to rule the serializers out)
    const found = genericJsonOnly() ? staticRoutes.map((r) => ({ ...r, serializers: undefined })) : staticRoutes;
    attachStaticRoutes(routes, found);
    if (handlers !== undefined) {
      // compiled: each static route's closure must be what the app table holds (static-handlers.ts)
      const check = checkStaticHandlers(routes, staticRoutes, handlers);
      for (const r of check.fallbacks) {
        r.uses = FULL_REQUEST;
        r.replaced = true;
      }
      for (const p of check.problems.values()) if (p.warn) stderr.write(`roverc: warning: ${p.message}\n`);
    }
  }
  const config = app.config;
  const host = options.host ?? config.host;
  let port = options.port ?? config.port;
  // uSockets shares only a port it was given: the first of several workers picks one first.
  if (options.shared && port === 0) port = await freePort(host);
  let uws;
  try {
    uws = await loadUws();
  } catch (e) {
    if (e instanceof UwsMissingError) return fail(`roverc: ${e.message}`);
    throw e;
  }
  // graceMs: how long requests whose body is arriving may take; a stop at once (0) overrides a
  // graceful stop in progress, and the first to finish gives the exit code.
  let stopWith: (code: number, graceMs?: number) => void = () => {};
  const log = new RequestLog(config.logLevel);
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    stopWith = (code, graceMs) => {
      if (stopping && graceMs !== 0) return;
      stopping = true;
      void server.close(graceMs).then(() => {
        log.close();
        resolve(code);
      });
    };
  });
  const server = new RoverServer(uws, routes, config, log, (code) => stopWith(code), onError);
  let bound;
  try {
    bound = await server.listen(host, port, options.shared);
  } catch (e) {
    return fail(`roverc: ${(e as Error).message}`);
  }
  if (options.onListening !== undefined) {
    options.onListening(host, bound.port);
  } else {
    stdout.write(`listening on ${config.tls === undefined ? 'http' : 'https'}://${host}:${bound.port}\n`);
    flushAll();
  }
  log.open();
  onStop((now) => (now === undefined ? stopWith(0) : stopWith(now, 0)));
  return stopped;
}

