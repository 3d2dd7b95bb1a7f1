// Loading a Rover app in-process the way `roverc serve` does, in either mode, and calling
// one of its routes through the server's real request path (RoverServer), minus the socket.
import { readSource } from '../../compiler/frontend/source.js';
import { compileCached, importModules } from '../../compiler/run-compiled.js';
import type { RoverApp } from '../../runtime/http/app-table.js';
import { loadCompiledApp, runAppChunk, serveGlobals } from '../../runtime/http/load-app.js';
import { RequestLog } from '../../runtime/http/log.js';
import { attachStaticRoutes } from '../../runtime/http/request-use.js';
import { interpretedRoutes } from '../../compiler/route-table.js';
import { collectRoutes, type Route } from '../../runtime/http/routes.js';
import { answersWithJsonText, RoverServer } from '../../runtime/http/server.js';
import { loadChunk } from '../../runtime/interp/interpreter.js';
import { asRequest, asResponse, chunkOf, FakeRequest, FakeResponse, type RequestSpec } from './fake-uws.js';

export type Mode = 'interpreted' | 'compiled';

export interface LoadedApp {
  readonly mode: Mode;
  readonly app: RoverApp;
  /** As the server has them: in compiled mode each carries the request use the compiler proved. */
  readonly routes: Route[];
  readonly server: RoverServer;
}

/** Enough of uWS's App for RoverServer's constructor (it registers routes; nothing listens). */
function stubUws(): ConstructorParameters<typeof RoverServer>[0] {
  const app: Record<string, unknown> = {};
  for (const m of ['get', 'post', 'put', 'patch', 'del', 'head', 'options', 'any']) app[m] = () => app;
  return { App: () => app } as unknown as ConstructorParameters<typeof RoverServer>[0];
}

/**
 * Loads `file` (relative to the repository root, the current directory) as `roverc serve
 * --mode <mode>` would (compiler/cli/serve.ts): interpreted, its main chunk through the
 * interpreter; compiled, the modules compileCached writes. Both attach what the analysis
 * found (serializers in both modes, the narrowed request in compiled mode).
 */
export async function loadApp(file: string, mode: Mode): Promise<LoadedApp> {
  let app: RoverApp;
  let routes: Route[];
  if (mode === 'interpreted') {
    app = runAppChunk(loadChunk(readSource(file).text, file, serveGlobals(file)), file);
    routes = collectRoutes(app);
    const found = interpretedRoutes(file);
    if (found !== undefined) attachStaticRoutes(routes, found);
  } else {
    const { modules, routes: found } = await compileCached(file);
    const { main, loaders } = await importModules(modules);
    app = loadCompiledApp(file, main, loaders);
    routes = collectRoutes(app);
    attachStaticRoutes(routes, found);
  }
  // No request log: its cost (a clock read and a line per request) is the server group's.
  const server = new RoverServer(stubUws(), routes, app.config, new RequestLog('nope'));
  return { mode, app, routes, server };
}

type RequestMethod = (res: unknown, req: unknown, route: Route, method: string, head: boolean, json: boolean) => void;

/** RoverServer's per-request entry point (private: the uWS route callback calls it). */
function requestEntry(server: RoverServer): RequestMethod {
  const f = (server as unknown as { request?: RequestMethod }).request;
  if (typeof f !== 'function') throw new Error('RoverServer has no request(res, req, route, method, head, json) method any more: update bench/http/apps.ts');
  return f;
}

/** One request to `route`, as uWS would hand it to the server (with JSON text where the server allows it); returns the response written. */
export function callRoute(loaded: LoadedApp, route: Route, spec: RequestSpec): FakeResponse {
  const res = new FakeResponse();
  requestEntry(loaded.server).call(loaded.server, asResponse(res), asRequest(new FakeRequest(spec)), route, spec.method, false, answersWithJsonText(route));
  if (spec.body !== undefined && spec.body.length > 0) res.feed(chunkOf(spec.body));
  return res;
}

export function findRoute(loaded: LoadedApp, method: string, path: string): Route {
  const r = loaded.routes.find((x) => x.method === method.toLowerCase() && x.path === path);
  if (r === undefined) throw new Error(`${loaded.mode}: no route ${method} ${path}`);
  return r;
}
