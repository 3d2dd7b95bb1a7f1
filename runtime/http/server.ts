// The HTTP server: routes registered with uWebSockets.js, requests handed to Lua handlers,
// their results written back. uWS matches routes natively (static segments beat parameters,
// an empty segment never matches a parameter); one catch-all answers 404 or 405.
//
// uWS rules this file follows: the request object lives only during its callback, so a
// handler runs inside it when there is no body, and everything is copied first when there
// is; onAborted is attached before reading a body; nothing is written to an aborted
// response; writes after an asynchronous step are corked.
import type { HttpRequest, HttpResponse, TemplatedApp, us_listen_socket } from 'uwebsockets';
import { current } from '../lua/callstack.js';
import { LuaError, toLuaError } from '../lua/errors.js';
import { formatTraceback } from '../stdlib/debug.js';
import { ExitRequest } from '../stdlib/os.js';
import { flushAll } from '../stdlib/output.js';
import { uncaughtMessage } from '../interp/run-file.js';
import { first } from '../lua/multi.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction, type LuaResult } from '../lua/value.js';
import type { ServerConfig } from './config.js';
import { pristineContext, RequestContext } from './context.js';
import { docsPage } from './docs-page.js';
import { openApiDocument, openApiJson } from './openapi.js';
import { HttpError, ValidationError } from './errors.js';
import type { RequestLog } from './log.js';
import { errorBody, HTML_TYPE, JSON_TYPE, newOutgoing, reason, ResponseValue, TEXT_TYPE, toOutgoing, validationBody, type Outgoing } from './responses.js';
import { newRequestId, saneRequestId } from './request-id.js';
import { allowedOrigin, corsHeaders, preflightHeaders } from './cors.js';
import { setsHeader } from './security-headers.js';
import { allowedMethods, type Method, type Route } from './routes.js';
import { BodyReader } from './body-reader.js';
import { toLuaString } from './json.js';
import { writesJson } from './direct.js';
import { CONTENT_LENGTH, CONTENT_TYPE, contentTypeValue, headerBlock, ORIGIN, SECURITY_BLOCK_NAME, SECURITY_BLOCK_VALUE, SECURITY_HEADER_BYTES, TRANSFER_ENCODING, wire, X_REQUEST_ID } from './wire-bytes.js';

type UWS = typeof import('uwebsockets');

const STATUS_LINES: string[] = [];
function statusLine(status: number): string {
  return (STATUS_LINES[status] ??= `${status} ${reason(status)}`);
}

/** Statuses whose responses never carry a body (RFC 9110 §15.2, §15.3.5, §15.4.5). */
function bodiless(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/** Lua error messages may embed a traceback (error(debug.traceback(...))): clients get the message. */
function withoutTraceback(message: string): string {
  const i = message.indexOf('\nstack traceback:');
  return i < 0 ? message : message.slice(0, i);
}

// ---- request framing ----
// forEach with functions made once (no closure per request); their state lives here.
let firstLength = '';
let lengthConflict = false;
function compareLength(key: string, value: string): void {
  if (key === 'content-length' && value !== firstLength) lengthConflict = true;
}
let codings = '';
function collectCodings(key: string, value: string): void {
  if (key === 'transfer-encoding') codings += (codings === '' ? '' : ',') + value;
}

/** bodyLength results other than a length. */
const CHUNKED = -1;
const CONFLICTING_LENGTHS = -2;
const INVALID_LENGTH = -3;
const BAD_CODINGS = -4;
const UNSUPPORTED_CODING = -5;

function framingStatus(problem: number): number {
  return problem === UNSUPPORTED_CODING ? 501 : 400;
}

function framingMessage(problem: number): string {
  switch (problem) {
    case CONFLICTING_LENGTHS: return 'Conflicting Content-Length headers';
    case INVALID_LENGTH: return 'Invalid Content-Length header';
    case BAD_CODINGS: return 'Invalid Transfer-Encoding (chunked must be the last coding, once)';
    default: return 'Unsupported Transfer-Encoding (only chunked is accepted)';
  }
}

/**
 * How the request's body is framed: its length (0: no body), CHUNKED, or a problem (< -1).
 * uWS itself refuses an invalid Content-Length and Transfer-Encoding with Content-Length,
 * but frames by the first of several Content-Length headers, and takes any
 * Transfer-Encoding value containing "chunked" as chunked and any other as no body. HTTP
 * wants a 400 when the end of the body cannot be told for sure: several different lengths
 * (RFC 9112 §6.3), chunked not the last coding or applied twice (§6.1); codings the server
 * cannot undo (gzip, ...) are a 501.
 */
function bodyLength(req: HttpRequest): number {
  const length = req.getHeader(CONTENT_LENGTH);
  if (length !== '') {
    firstLength = length;
    lengthConflict = false;
    req.forEach(compareLength);
    if (lengthConflict) return CONFLICTING_LENGTHS;
    const n = length === '0' ? 0 : Number(length);
    return Number.isInteger(n) && n >= 0 ? n : INVALID_LENGTH;
  }
  if (req.getHeader(TRANSFER_ENCODING) === '') return 0;
  codings = '';
  req.forEach(collectCodings);
  const list = codings.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  codings = '';
  const chunked = list.filter((c) => c === 'chunked').length;
  if (list.length === 1 && chunked === 1) return CHUNKED;
  return chunked !== 1 || list[list.length - 1] !== 'chunked' ? BAD_CODINGS : UNSUPPORTED_CODING;
}

/**
 * Whether the route's compiled handler may answer with JSON text: where its serializers are on
 * (not ROVERC_JSON=generic), no middleware runs (it could call the handler with the same ctx
 * first) and the app table still holds the handler the compiler saw.
 */
export function answersWithJsonText(route: Route): boolean {
  return route.serializers !== undefined && route.before.length + route.after.length === 0 && route.replaced !== true && writesJson(route.handler);
}

type ListenWithOptions = (host: string, port: number, options: number, cb: (socket: us_listen_socket | false) => void) => TemplatedApp;

export interface Listening {
  host: string;
  port: number;
}

export class RoverServer {
  private readonly app: TemplatedApp;
  private listenSocket: us_listen_socket | undefined;
  /** The response being built; reused because handlers run one at a time. */
  private readonly out: Outgoing = newOutgoing();
  /** Requests whose body is still arriving (waited for on shutdown). */
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private readonly flushTimer: NodeJS.Timeout;
  // Set just before res.cork(writeCorked): cork calls back synchronously, so no closure is needed.
  private corkRes: HttpResponse | undefined;
  private corkHead = false;
  private corkClose = false;
  private readonly writeCorked = () => this.write(this.corkRes!, this.corkHead, this.corkClose);
  /** current.depth when the running handler was called (the error hook runs there). */
  private runDepth = 0;
  /** The context reusedContext hands out. */
  private spare: RequestContext | undefined = undefined;
  /** Paths the server answers GET and HEAD for itself (the API description). */
  private readonly served = new Set<string>();

  constructor(private readonly uws: UWS, private readonly routes: readonly Route[], private readonly config: ServerConfig,
    private readonly log: RequestLog, private readonly onExit: (code: number) => void = () => {},
    /** `api.on_error(err)`: sees every error of a request and may answer it. */
    private readonly onError: LuaFunction | undefined = undefined) {
    const tls = config.tls;
    this.app = tls === undefined ? uws.App() : uws.SSLApp({ cert_file_name: tls.certFile, key_file_name: tls.keyFile });
    const shape = (r: Route) => r.segments.map((s) => (s.param ? ':' : s.text)).join('/');
    const explicitHead = new Set(routes.filter((r) => r.method === 'head').map(shape));
    for (const route of routes) {
      this.register(route.method, route, false);
      // HEAD of a GET route runs the GET handler and sends its headers only.
      if (route.method === 'get' && !explicitHead.has(shape(route))) this.register('head', route, true);
    }
    if (config.docs) this.serveDocs();
    this.serveHealth();
    this.app.any('/*', (res, req) => {
      try {
        this.fallback(res, req);
      } catch (e) {
        this.internalError(res, e);
      }
    });
    // Lua's print and the request log are buffered; write them out a few times a second.
    this.flushTimer = setInterval(flushAll, 50);
    this.flushTimer.unref();
  }

  /**
   * The API description (config `docs`): GET /openapi.json and a readable page at GET /docs,
   * each unless the app has a GET route of that path. Built once, here.
   */
  private serveDocs(): void {
    const own = (path: string) => this.routes.some((r) => r.method === 'get' && r.path === path);
    const serveJson = !own('/openapi.json');
    const doc = openApiDocument(this.routes);
    if (serveJson) this.serveFixed('/openapi.json', JSON_TYPE, Buffer.from(openApiJson(doc), 'utf8'));
    if (!own('/docs')) {
      const page = docsPage(doc, serveJson ? '/openapi.json' : undefined);
      this.serveFixed('/docs', `${HTML_TYPE}; charset=utf-8`, Buffer.from(page, 'utf8'));
    }
  }

  /** GET/HEAD /healthz and /readyz for load balancers, unless the app has its own. */
  private serveHealth(): void {
    const own = (path: string) => this.routes.some((r) => r.method === 'get' && r.path === path);
    if (!own('/healthz')) this.serveFixed('/healthz', JSON_TYPE, Buffer.from('{"status":"ok"}'));
    if (!own('/readyz')) this.serveFixed('/readyz', JSON_TYPE, Buffer.from('{"status":"ready"}'));
  }

  /** Answers GET (and HEAD, unless the app has that route) of `path` with a body made once. */
  private serveFixed(path: string, type: string, body: Buffer): void {
    const length = String(body.length);
    const handler = (head: boolean) => (res: HttpResponse, req: HttpRequest) => {
      const method = head ? 'HEAD' : 'GET';
      const start = this.log.start();
      if (this.badFraming(res, req, method, path, start)) return;
      this.out.cors = this.corsFor(req);
      this.out.headers = undefined;
      res.writeStatus('200 OK').writeHeader(CONTENT_TYPE, type);
      this.writeCommonHeaders(res);
      if (head) {
        res.writeHeader('content-length', length);
        res.endWithoutBody();
      } else {
        res.end(body);
      }
      if (this.log.timed) this.log.request(method, req.getUrl(), 200, start);
    };
    this.app.get(path, handler(false));
    if (!this.routes.some((r) => r.method === 'head' && r.path === path)) this.app.head(path, handler(true));
    this.served.add(path);
  }

  private register(method: Method, route: Route, head: boolean): void {
    const name = head ? 'HEAD' : method.toUpperCase();
    const json = answersWithJsonText(route);
    const handler = (res: HttpResponse, req: HttpRequest) => {
      try {
        this.request(res, req, route, name, head, json);
      } catch (e) {
        this.internalError(res, e);
      }
    };
    const pattern = route.path;
    switch (method) {
      case 'get': this.app.get(pattern, handler); break;
      case 'post': this.app.post(pattern, handler); break;
      case 'put': this.app.put(pattern, handler); break;
      case 'patch': this.app.patch(pattern, handler); break;
      case 'delete': this.app.del(pattern, handler); break;
      case 'head': this.app.head(pattern, handler); break;
      case 'options': this.app.options(pattern, handler); break;
    }
  }

  /** `shared`: other workers of this server listen on the same port (SO_REUSEPORT). */
  listen(host: string, port: number, shared = false): Promise<Listening> {
    return new Promise((resolve, reject) => {
      // Exclusive unless shared: a port already in use is an error, never silently shared.
      // The native listen takes (host, port, options, cb); the typings only know (port, options, cb).
      const listen = this.app.listen as unknown as ListenWithOptions;
      const exclusive = (this.uws as unknown as { LIBUS_LISTEN_EXCLUSIVE_PORT?: number }).LIBUS_LISTEN_EXCLUSIVE_PORT ?? 1;
      listen.call(this.app, host, port, shared ? 0 : exclusive, (socket) => {
        if (socket === false) {
          reject(new Error(`cannot listen on ${host}:${port} (address in use or not available)`));
          return;
        }
        this.listenSocket = socket;
        resolve({ host, port: this.uws.us_socket_local_port(socket) });
      });
    });
  }

  /**
   * Stops accepting connections, lets requests whose body is still arriving finish (up to
   * `graceMs`), then closes every connection.
   */
  async close(graceMs = 5000): Promise<void> {
    if (this.listenSocket !== undefined) {
      this.uws.us_listen_socket_close(this.listenSocket);
      this.listenSocket = undefined;
    }
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    // The last response may still sit in uWS's cork buffer (it flushes when its callback
    // returns): let the loop turn before closing every connection.
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(this.flushTimer);
    this.app.close();
    flushAll();
  }

  /**
   * A bug in roverc escaped to a uWS callback. An exception must not reach uWS (it aborts the
   * process when a request is left unanswered): log it and drop the connection.
   */
  internalError(res: HttpResponse, e: unknown): void {
    this.log.handlerError('?', '?', 'internal error in the HTTP server', e instanceof Error ? e.stack : String(e));
    try {
      res.close();
    } catch {
      // Already answered or aborted.
    }
  }

  // ---- requests ----

  private request(res: HttpResponse, req: HttpRequest, route: Route, method: string, head: boolean, json: boolean): void {
    const start = this.log.start();
    if (method === 'OPTIONS' && this.preflight(res, req, start)) return;
    const expected = bodyLength(req);
    if (expected < 0 && expected !== CHUNKED) {
      this.refuseFraming(res, expected, method, toLuaString(req.getUrl()), start);
      return;
    }
    const ctx = expected === 0 && route.uses.transient === true ? this.reusedContext(method, route, req) : new RequestContext(method, route, req);
    ctx.jsonClaim = json;
    ctx.requestId = saneRequestId(req.getHeader(X_REQUEST_ID));
    ctx.cors = this.corsFor(req);
    if (expected === 0) {
      // No body: run the handler now, while the uWS request is alive (already corked by uWS).
      this.run(ctx);
      if (this.log.timed) this.log.request(method, ctx.path(), this.out.status, start);
      ctx.detach();
      this.write(res, head);
      return;
    }
    if (expected > this.config.bodySizeLimit) {
      this.reject(res, 413, `Request body too large (limit ${this.config.bodySizeLimit} bytes)`, method, ctx, start);
      return;
    }
    ctx.contentType = toLuaString(req.getHeader(CONTENT_TYPE));
    ctx.snapshot();
    // A handler proven never to read its body (compiled mode) gets none: the bytes are counted, not copied.
    new BodyReader(this, res, ctx, expected, head, start, route.uses.body);
  }

  /**
   * The server's one reusable context, made the new request's (RequestContext.reuse), for a
   * request without a body to a route whose handler cannot keep its ctx: it is done with when
   * the handler returns, before another request can start.
   */
  private reusedContext(method: string, route: Route, req: HttpRequest): RequestContext {
    const ctx = this.spare;
    if (ctx === undefined || !pristineContext(ctx)) return (this.spare = new RequestContext(method, route, req));
    ctx.reuse(method, route, req);
    return ctx;
  }

  /**
   * Answers before reading the body. uWS discards the rest of the body as it arrives; the
   * connection stays open, because closing it while the client is still sending makes most
   * clients report a reset instead of the answer.
   */
  private reject(res: HttpResponse, status: number, message: string, method: string, ctx: RequestContext, start: number): void {
    const path = ctx.path();
    ctx.detach();
    this.setError(status, message);
    this.out.requestId = ctx.requestId;
    this.out.cors = ctx.cors;
    this.write(res, false);
    if (this.log.timed) this.log.request(method, path, status, start);
  }

  /** A body has arrived completely (called by BodyReader, outside the uWS request callback). */
  bodyDone(res: HttpResponse, ctx: RequestContext, head: boolean, start: number): void {
    this.inFlight--;
    this.run(ctx);
    this.corkRes = res;
    this.corkHead = head;
    res.cork(this.writeCorked);
    this.corkRes = undefined;
    if (this.log.timed) this.log.request(ctx.method, ctx.path(), this.out.status, start);
    this.settled();
  }

  /** The body was too large or the client went away: nothing more to do for this request. */
  bodyFailed(res: HttpResponse | undefined, ctx: RequestContext, start: number): void {
    this.inFlight--;
    if (res !== undefined) {
      this.setError(413, `Request body too large (limit ${this.config.bodySizeLimit} bytes)`);
      this.out.requestId = ctx.requestId;
      this.out.cors = ctx.cors;
      this.corkRes = res;
      this.corkHead = false;
      res.cork(this.writeCorked);
      this.corkRes = undefined;
      if (this.log.timed) this.log.request(ctx.method, ctx.path(), 413, start);
    }
    this.settled();
  }

  bodyStarted(): void {
    this.inFlight++;
  }

  get limit(): number {
    return this.config.bodySizeLimit;
  }

  private settled(): void {
    if (this.inFlight === 0 && this.drained !== undefined) {
      const done = this.drained;
      this.drained = undefined;
      done();
    }
  }

  /** Calls the middleware and the handler and fills `this.out`; a Lua error becomes a 500 (or the 4xx it carries). */
  private run(ctx: RequestContext): void {
    const depth = current.depth;
    this.runDepth = depth;
    const route = ctx.route;
    try {
      if (route.before.length === 0 && route.after.length === 0) {
        toOutgoing(route.handler(ctx), this.out, route.serializers);
      } else {
        const early = this.before(ctx);
        if (early !== undefined) {
          toOutgoing(early, this.out, undefined);
        } else {
          const result = first(route.handler(ctx));
          for (const mw of route.after) {
            const r = first(mw.fn(ctx));
            if (r !== undefined) throw new LuaError(`after middleware ${mw.luaPath} returned a ${typeName(r)}: after middleware cannot change the response (return nothing)`);
          }
          toOutgoing(result, this.out, route.serializers);
        }
      }
    } catch (e) {
      try {
        this.failed(e, ctx);
      } catch {
        // Describing the error ran Lua (a __tostring metamethod) that failed in turn.
        this.setError(500, '(error object is not a string)');
      }
      current.truncate(depth);
      current.tails = 0; // handlers start with no pending tail calls
    }
    this.out.requestId = ctx.requestId;
    this.out.cors = ctx.cors;
  }

  /** The Access-Control-Allow-Origin for this request, when CORS is on and allows its origin. */
  private corsFor(req: HttpRequest): string | undefined {
    const cors = this.config.cors;
    return cors === undefined ? undefined : allowedOrigin(cors, req.getHeader(ORIGIN));
  }

  /**
   * A CORS preflight (OPTIONS with Access-Control-Request-Method, CORS on): 204 with the
   * allowed methods and headers, or 403 for an origin CORS does not allow. False: not one.
   */
  private preflight(res: HttpResponse, req: HttpRequest, start: number): boolean {
    const cors = this.config.cors;
    if (cors === undefined || req.getHeader('access-control-request-method') === '' || req.getHeader('origin') === '') return false;
    const path = toLuaString(req.getUrl());
    if (this.badFraming(res, req, 'OPTIONS', path, start)) return true;
    const allowed = allowedOrigin(cors, req.getHeader('origin'));
    const out = this.out;
    out.requestId = undefined;
    out.cors = undefined;
    if (allowed === undefined) {
      this.setError(403, 'CORS: this origin is not allowed');
      this.write(res, false);
    } else {
      out.status = 204;
      out.contentType = undefined;
      out.body = '';
      out.location = undefined;
      out.headers = preflightHeaders(cors, allowed);
      this.write(res, false);
    }
    if (this.log.timed) this.log.request('OPTIONS', path, out.status, start);
    return true;
  }

  /** The security headers (unless off, or set by the app) and the CORS headers of the response in `this.out`. */
  private writeCommonHeaders(res: HttpResponse): void {
    const out = this.out;
    if (this.config.securityHeaders) {
      if (out.headers === undefined) {
        res.writeHeader(SECURITY_BLOCK_NAME, SECURITY_BLOCK_VALUE);
      } else {
        for (const [name, nameBytes, value] of SECURITY_HEADER_BYTES) if (!setsHeader(out.headers, name)) res.writeHeader(nameBytes, value);
      }
    }
    this.writeCorsHeaders(res);
  }

  private writeCorsHeaders(res: HttpResponse): void {
    const out = this.out;
    if (out.cors !== undefined) {
      const list = corsHeaders(this.config.cors!, out.cors);
      for (let i = 0; i < list.length; i += 2) res.writeHeader(list[i], list[i + 1]);
    }
  }

  /**
   * Runs the route's `before` middleware in order. One that returns a response answers the
   * request: later ones, the handler and every `after` are skipped, as in Rover. Any other
   * returned value is an error rather than ignored (Rover ignores it, so an auth check that
   * returns a plain table would let the request through).
   */
  private before(ctx: RequestContext): ResponseValue | undefined {
    for (const mw of ctx.route.before) {
      const r = first(mw.fn(ctx));
      if (r === undefined) continue;
      if (r instanceof ResponseValue) return r;
      throw new LuaError(`before middleware ${mw.luaPath} returned a ${typeName(r)}: to answer early return a response (api.json, api:error, ...), else return nothing`);
    }
    return undefined;
  }

  private failed(e: unknown, ctx: RequestContext): void {
    if (e instanceof ExitRequest) {
      // os.exit() in a handler stops the server, as it stops a Lua program. Not from inside
      // this uWS callback, which must answer its request first.
      this.setError(503, 'The server is stopping (os.exit)');
      const code = e.code;
      setImmediate(() => this.onExit(code));
      return;
    }
    let err: LuaError;
    try {
      err = toLuaError(e);
    } catch {
      // Not a Lua error: a bug in roverc. Answer 500 and keep serving.
      this.log.handlerError(ctx.method, ctx.route.path, 'internal error', e instanceof Error ? e.stack : String(e));
      this.setError(500, 'Internal server error');
      return;
    }
    if (err.value instanceof ValidationError) {
      if (this.errorHook(ctx, 400, err.value.describe(), 'VALIDATION_ERROR')) return;
      this.setJson(400, validationBody(err.value));
      return;
    }
    if (err instanceof HttpError) {
      if (this.errorHook(ctx, err.status, err.value as string, errorCode(err.status))) return;
      this.setError(err.status, err.value as string);
      return;
    }
    current.nameBadArgument(err);
    current.enterRaiser(err); // the traceback starts at the library function that raised it
    const message = withoutTraceback(uncaughtMessage(err.value) ?? 'nil');
    if (this.log.errors) {
      this.log.handlerError(ctx.method, ctx.route.path, message, err.traceback ?? formatTraceback(undefined, undefined, 1));
    }
    if (this.errorHook(ctx, 500, message, 'INTERNAL_ERROR')) return;
    this.setError(500, message);
  }

  /**
   * Calls `api.on_error(err)` with Rover's `{message, path, status, code}`; true when it
   * answered (returned a response). A hook that returns nothing leaves the default answer;
   * one that fails is logged and leaves the default answer too.
   */
  private errorHook(ctx: RequestContext, status: number, message: string, code: string): boolean {
    const hook = this.onError;
    if (hook === undefined) return false;
    const err = new LuaTable();
    err.setStr('message', message);
    err.setStr('path', ctx.path());
    err.setStr('status', status);
    err.setStr('code', code);
    // The failed call's frames are done with (any traceback was taken): the hook runs at the handler's depth.
    const depth = this.runDepth;
    current.truncate(depth);
    current.tails = 0;
    try {
      const r = first(hook(err));
      if (r === undefined) return false;
      toOutgoing(r, this.out, undefined);
      return true;
    } catch (e) {
      let text: string;
      try {
        text = withoutTraceback(uncaughtMessage(toLuaError(e).value) ?? 'nil');
      } catch {
        text = e instanceof Error ? e.message : String(e);
      }
      current.truncate(depth);
      if (this.log.errors) this.log.handlerError(ctx.method, ctx.route.path, `api.on_error failed: ${text}`, undefined);
      return false;
    }
  }

  private setError(status: number, message: string): void {
    this.setJson(status, errorBody(message));
  }

  private setJson(status: number, body: string): void {
    const out = this.out;
    out.status = status;
    out.contentType = JSON_TYPE;
    out.body = body;
    out.location = undefined;
    out.headers = undefined;
  }

  /** Writes `this.out` to the response; `close`: then close the connection (responses with a body only). */
  private write(res: HttpResponse, head: boolean, close = false): void {
    const out = this.out;
    // uWS writes `200 OK` itself when no status was written: one native call less per request
    if (out.status !== 200) res.writeStatus(statusLine(out.status));
    // the usual case: content-type, x-request-id and the security headers in one call
    const block = out.contentType !== undefined && out.requestId !== undefined && out.location === undefined && out.headers === undefined && this.config.securityHeaders
      ? headerBlock(out.contentType, out.requestId) : undefined;
    if (block !== undefined) {
      res.writeHeader(CONTENT_TYPE, block);
      this.writeCorsHeaders(res);
    } else {
      if (out.contentType !== undefined) res.writeHeader(CONTENT_TYPE, contentTypeValue(out.contentType));
      if (out.location !== undefined) res.writeHeader('location', Buffer.from(out.location, 'latin1'));
      if (out.requestId !== undefined) res.writeHeader(X_REQUEST_ID, out.requestId || newRequestId());
      this.writeCommonHeaders(res);
    }
    const headers = out.headers;
    if (headers !== undefined) {
      for (let i = 0; i < headers.length; i += 2) res.writeHeader(headers[i], Buffer.from(headers[i + 1], 'latin1'));
    }
    // endWithoutBody(n) with a reported length fails to end the response in this uWS build.
    if (bodiless(out.status)) {
      res.endWithoutBody();
    } else if (head) {
      res.writeHeader('content-length', String(out.body.length));
      res.endWithoutBody();
    } else {
      res.end(typeof out.body === 'string' ? wire(out.body) : out.body, close);
    }
  }

  /** Refuses a request whose body framing is bad (see bodyLength); false if it is fine. */
  private badFraming(res: HttpResponse, req: HttpRequest, method: string, path: string, start: number): boolean {
    const framing = bodyLength(req);
    if (framing >= 0 || framing === CHUNKED) return false;
    this.refuseFraming(res, framing, method, path, start);
    return true;
  }

  /**
   * The body's end is unknown, or a proxy in front may have found another end than uWS did
   * (request smuggling): answer 400 (501), then close the connection (RFC 9112 §6.1, §6.3).
   * The answer waits for the next turn of the loop: uWS keeps parsing the bytes it already
   * has after a response ends, even one that closes the connection, so what the client
   * sent as a body would run as a request; while a response is pending uWS closes the
   * connection instead of running a request that follows.
   */
  private refuseFraming(res: HttpResponse, problem: number, method: string, path: string, start: number): void {
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    setImmediate(() => {
      if (aborted) return;
      try {
        this.setError(framingStatus(problem), framingMessage(problem));
        this.out.requestId = undefined;
        this.out.cors = undefined;
        this.corkRes = res;
        this.corkHead = false;
        this.corkClose = true;
        res.cork(this.writeCorked);
        if (this.log.timed) this.log.request(method, path, this.out.status, start);
      } catch (e) {
        this.internalError(res, e);
      } finally {
        this.corkRes = undefined;
        this.corkClose = false;
      }
    });
  }

  // ---- no route ----

  /** No route for this method and path: 405 with Allow when another method has one, else 404. */
  private fallback(res: HttpResponse, req: HttpRequest): void {
    const start = this.log.start();
    // Methods are case-sensitive: `get /x` is not GET (uWS's getMethod() lower-cases).
    const method = req.getCaseSensitiveMethod();
    if (method === 'OPTIONS' && this.preflight(res, req, start)) return;
    const path = toLuaString(req.getUrl());
    if (this.badFraming(res, req, method, path, start)) return;
    const allowed = allowedMethods(this.routes, path, this.served);
    const out = this.out;
    out.requestId = undefined;
    out.headers = undefined;
    out.cors = this.corsFor(req);
    if (allowed.length === 0) {
      out.status = 404;
      out.contentType = TEXT_TYPE;
      out.body = 'Route not found';
      out.location = undefined;
      this.write(res, method === 'HEAD');
    } else {
      this.setError(405, `Method ${method} not allowed for ${path} (allowed: ${allowed.join(', ')})`);
      res.writeStatus(statusLine(405)).writeHeader('allow', allowed.join(', '));
      res.writeHeader(CONTENT_TYPE, contentTypeValue(JSON_TYPE));
      this.writeCommonHeaders(res);
      if (method === 'HEAD') res.endWithoutBody();
      else res.end(wire(out.body as string));
    }
    if (this.log.timed) this.log.request(method, path, out.status, start);
  }
}

/** Rover's `code` for an error status (api.on_error's err.code). */
function errorCode(status: number): string {
  switch (status) {
    case 400: return 'BAD_REQUEST';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 415: return 'UNSUPPORTED_MEDIA_TYPE';
    default: return status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${status}`;
  }
}
