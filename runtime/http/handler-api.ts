// Calling a compiled route handler from TypeScript, without a server: what the typed exports of
// a build's routes.ts use (compiler/codegen/route-module.ts), and what a unit test needs to
// build the request context they take.
//
//   import { itemsGet } from './out/list/routes.js';
//   import { makeRequestContext } from './out/list/roverc/runtime/http/handler-api.js';
//   const answer = itemsGet(makeRequestContext({ path: '/items', query: { n: '2' } }));
//   answer.status;          // 200
//   answer.json(200).count; // typed: ItemsGetResponse
import type { HttpRequest } from 'uwebsockets';
import { current } from '../lua/callstack.js';
import { toLuaError } from '../lua/errors.js';
import type { LuaFunction } from '../lua/value.js';
import { uncaughtMessage } from '../interp/run-file.js';
import { flushAll } from '../stdlib/output.js';
import type { RoverApp } from './app-table.js';
import { RequestContext } from './context.js';
import { writesJson } from './direct.js';
import { HttpError, ValidationError } from './errors.js';
import { toLuaString } from './json.js';
import { genericJsonOnly } from './json-mode.js';
import { requestIdFor } from './request-id.js';
import { FULL_REQUEST, type StaticRoute } from './request-use.js';
import { newOutgoing, toOutgoing, validationBody } from './responses.js';
import { collectRoutes, type Method, type Route } from './routes.js';
import { checkStaticHandlers, type StaticCheck } from './static-handlers.js';

export type { RequestContext } from './context.js';

/** A request for a handler, as a unit test writes it. */
export interface RequestInit {
  /** Upper case; default GET. */
  readonly method?: string;
  /** The request path without the query, as it arrives (percent-encoded); default `/`. */
  readonly path?: string;
  /** Path parameters by name (`{ id: '7' }` for `/users/:id`), as they appear in the path (percent-encoded). */
  readonly params?: Readonly<Record<string, string>>;
  /** The query string (without `?`) or its pairs (encoded here). */
  readonly query?: string | Readonly<Record<string, string>>;
  /** Request headers (names in any case). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body: bytes, text, or a value sent as JSON (Content-Type application/json unless headers say otherwise). */
  readonly body?: Buffer | string | object;
}

/** The parts of uWS's HttpRequest a RequestContext reads, from a RequestInit. */
class TestRequest {
  constructor(private readonly init: RequestInit, private readonly headers: [string, string][],
    private readonly query: string, private readonly params: string[]) {}
  getUrl(): string { return this.init.path ?? '/'; }
  getMethod(): string { return (this.init.method ?? 'GET').toLowerCase(); }
  getCaseSensitiveMethod(): string { return this.init.method ?? 'GET'; }
  getQuery(): string { return this.query; }
  getParameter(i: number): string { return this.params[i] ?? ''; }
  getHeader(name: string): string {
    const found = this.headers.find(([k]) => k === name.toLowerCase());
    return found === undefined ? '' : found[1];
  }
  forEach(cb: (key: string, value: string) => void): void {
    for (const [k, v] of this.headers) cb(k, v);
  }
}

/**
 * A request context as the server makes one, for calling a handler in a test. Everything is
 * copied in at once, so the context can be read after the call, like one whose body arrived.
 */
export function makeRequestContext(init: RequestInit = {}): RequestContext {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: [string, string][] = Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]);
  let body: Buffer | undefined;
  if (init.body !== undefined) {
    if (Buffer.isBuffer(init.body)) body = init.body;
    else if (typeof init.body === 'string') body = Buffer.from(init.body, 'utf8');
    else {
      body = Buffer.from(JSON.stringify(init.body), 'utf8');
      if (!headers.some(([k]) => k === 'content-type')) headers.push(['content-type', 'application/json']);
    }
    if (!headers.some(([k]) => k === 'content-length')) headers.push(['content-length', String(body.length)]);
  }
  const query = typeof init.query === 'string' ? init.query
    : Object.entries(init.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const names = Object.keys(init.params ?? {});
  const route: Route = {
    method: method.toLowerCase() as Method,
    segments: names.map((text) => ({ text, param: true })),
    params: names,
    handler: () => undefined,
    luaPath: 'api',
    path: init.path ?? '/',
    uses: FULL_REQUEST,
    serializers: undefined,
    before: [],
    after: [],
  };
  const req = new TestRequest(init, headers, query, names.map((n) => init.params![n]));
  const ctx = new RequestContext(method, route, req as unknown as HttpRequest);
  ctx.requestId = requestIdFor(req.getHeader('x-request-id'));
  ctx.contentType = toLuaString(req.getHeader('content-type'));
  ctx.snapshot();
  ctx.body = body;
  return ctx;
}

/** A handler's answer, as the server would write it (without the server's own headers). */
export interface RouteAnswer<M = Record<number, unknown>> {
  readonly status: number;
  readonly contentType: string | undefined;
  /** Headers the response sets: `location` of a redirect and the app's `headers = {...}`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as the server sends it: bytes, one character each (a Lua string). */
  readonly text: string;
  /**
   * The JSON body, typed by what the compiler proved the handler writes for `status` (a key of
   * M: the route's `...Responses` type); throws when the answer has another status or is not JSON.
   */
  json<S extends keyof M>(status: S): M[S];
  /** The JSON body of any status, unchecked. */
  json(): unknown;
}

/** A handler failed: the server would answer `status` with `body` (500 for a Lua error). */
export class HandlerError extends Error {
  constructor(readonly status: number, message: string, readonly body: string) {
    super(message);
    this.name = 'HandlerError';
  }
}

class Answer implements RouteAnswer<Record<PropertyKey, unknown>> {
  constructor(readonly status: number, readonly contentType: string | undefined, readonly headers: Readonly<Record<string, string>>, readonly text: string) {}

  json(status?: PropertyKey): unknown {
    if (status !== undefined && status !== 'default' && status !== this.status) {
      throw new Error(`expected a ${String(status)} answer, got ${this.status}: ${this.text.slice(0, 200)}`);
    }
    if (this.contentType !== 'application/json') throw new Error(`the answer is not JSON (${this.contentType ?? 'no content type'}): ${this.text.slice(0, 200)}`);
    return JSON.parse(Buffer.from(this.text, 'latin1').toString('utf8'));
  }
}

const checks = new WeakMap<RoverApp, StaticCheck>();

/**
 * Calls the handler of `routes[i]` (the closure its definition made, `handlers[i]`) with `ctx`
 * and turns what it returns into the answer the server would write: the same serializers and
 * the same JSON text as the server's call (ROVERC_JSON=generic is honoured). Middleware does
 * not run. A Lua error is thrown as a HandlerError with the status the server would answer.
 * What Lua printed is written out before it returns.
 * A route the app table changed at run time, or whose definition did not run, cannot be
 * called this way: the error says why.
 */
export function callRoute<M>(app: RoverApp, routes: readonly StaticRoute[], handlers: readonly (LuaFunction | undefined)[], i: number, ctx: RequestContext): RouteAnswer<M> {
  let check = checks.get(app);
  if (check === undefined) {
    check = checkStaticHandlers(collectRoutes(app), routes, handlers);
    checks.set(app, check);
  }
  const problem = check.problems.get(i);
  if (problem !== undefined) throw new Error(problem.message);
  const route = routes[i];
  const handler = handlers[i]!;
  const serializers = genericJsonOnly() ? undefined : route.serializers;
  const middleware = route.middleware !== undefined && route.middleware.before.length + route.middleware.after.length > 0;
  ctx.jsonClaim = serializers !== undefined && !middleware && writesJson(handler);
  const out = newOutgoing();
  const depth = current.depth;
  try {
    toOutgoing(handler(ctx), out, serializers);
  } catch (e) {
    current.truncate(depth);
    throw handlerError(e);
  } finally {
    ctx.jsonClaim = false;
    // what Lua printed (while loading, or in the handler) is written out now, not at some later flush
    flushAll();
  }
  const headers: Record<string, string> = {};
  if (out.location !== undefined) headers.location = out.location;
  for (let k = 0; out.headers !== undefined && k < out.headers.length; k += 2) headers[out.headers[k].toLowerCase()] = out.headers[k + 1];
  // the body types by status are the compiler's proof (routes.ts); json(status) checks the status
  const text = typeof out.body === 'string' ? out.body : out.body.toString('latin1'); // a reused buffer: copied now
  return new Answer(out.status, out.contentType, headers, text) as unknown as RouteAnswer<M>;
}

function handlerError(e: unknown): unknown {
  let err;
  try {
    err = toLuaError(e);
  } catch {
    return e; // not a Lua error
  }
  if (err.value instanceof ValidationError) return new HandlerError(400, err.value.describe(), validationBody(err.value));
  const message = uncaughtMessage(err.value) ?? 'nil';
  const status = err instanceof HttpError ? err.status : 500;
  return new HandlerError(status, message, '{"error":' + JSON.stringify(message) + '}');
}
