// The request context `ctx` handed to handlers, and the body value `ctx:body()` returns.
// Nothing is converted until the handler asks: ctx:headers() builds its table on first call.
// While the uWS handler runs, ctx reads the live uWS request; before any asynchronous step
// (reading a body) the server calls snapshot(), which copies the raw strings it will need.
import { isUtf8 } from 'node:buffer';
import type { HttpRequest } from 'uwebsockets';
import { libError } from '../lua/errors.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';
import { HttpError } from './errors.js';
import { schemaFields, validateOrRaise } from './guard.js';
import { JsonSyntaxError, jsonToLua, parseJson, toLuaString } from './json.js';
import type { Route } from './routes.js';
import { index } from '../lua/ops.js';
import { parseQuery, parseQueryPairs, percentDecode, PercentDecodeError } from './url.js';
import { newRequestId } from './request-id.js';

const EMPTY: string[] = [];

let snapshotTarget: string[] = [];
function collectHeader(key: string, value: string): void {
  snapshotTarget.push(key, value);
}
// forEach keeps repeated headers (joined later), which getHeader would not.
let wantedHeaders: readonly string[] = EMPTY;
function collectWantedHeader(key: string, value: string): void {
  if (wantedHeaders.includes(key)) snapshotTarget.push(key, value);
}

export class RequestContext extends LuaTable {
  /** The uWS request while its handler runs; undefined afterwards. */
  private req: HttpRequest | undefined;
  private url: string | undefined = undefined;
  private rawQuery: string | undefined = undefined;
  private headerList: string[] | undefined = undefined;
  private paramValues: string[] | undefined = undefined;
  /** The request body (undefined or empty: no body). */
  body: Buffer | undefined = undefined;
  private headersTable: LuaTable | undefined = undefined;
  private queryTable: LuaTable | undefined = undefined;
  private paramsTable: LuaTable | undefined = undefined;
  /** Decoded parameter values, made once (the params table and direct reads share them). */
  private paramsDecoded: string[] | undefined = undefined;
  /** The query's pairs, made once for direct reads (compiled code), when no query table exists yet. */
  private queryPairs: Map<string, string> | undefined = undefined;
  /** Whether the raw query has something to decode (found by the first direct read). */
  private queryDecodes: boolean | undefined = undefined;
  /** Set by the server for a route whose handler can answer with JSON text (see direct.ts); taken by its first call. */
  jsonClaim = false;
  private bodyValue: BodyValue | undefined = undefined;
  /** The request's Content-Type ('' for none), copied when a body is coming. */
  contentType = '';
  /**
   * This request's id (see request-id.ts), set by the server before anything runs: the
   * client's, or '' for a fresh one, made when first needed (id(), or the response's header).
   */
  requestId = '';
  /** Access-Control-Allow-Origin for the response, when CORS allows the request's origin. */
  cors: string | undefined = undefined;
  /** ctx:set / ctx:get state, made on first set. */
  private state: LuaTable | undefined = undefined;

  /** `method` and `route` change only when the server reuses this context (reuse). */
  constructor(public method: string, public route: Route, req: HttpRequest) {
    super();
    this.metatable = CTX_META;
    this.req = req;
  }

  /**
   * This context as a new one for another request: how the server reuses one for the routes
   * whose handler cannot keep it (RequestUse.transient), to save building a table per request.
   * Every field the constructor leaves is set back (a test compares the two).
   */
  reuse(method: string, route: Route, req: HttpRequest): void {
    this.method = method;
    this.route = route;
    this.req = req;
    this.url = undefined;
    this.rawQuery = undefined;
    this.headerList = undefined;
    this.paramValues = undefined;
    this.body = undefined;
    this.headersTable = undefined;
    this.queryTable = undefined;
    this.paramsTable = undefined;
    this.paramsDecoded = undefined;
    this.queryPairs = undefined;
    this.queryDecodes = undefined;
    this.jsonClaim = false;
    this.bodyValue = undefined;
    this.contentType = '';
    this.requestId = '';
    this.cors = undefined;
    this.state = undefined;
  }

  /** The request id, a fresh one made now if it is due. */
  id(): string {
    return (this.requestId ||= newRequestId());
  }

  setState(key: LuaValue, value: LuaValue): void {
    if (key === undefined || (typeof key === 'number' && Number.isNaN(key))) throw libError(`bad argument #1 to 'set' (a key expected, got ${typeName(key)})`);
    (this.state ??= new LuaTable()).set(key, value);
  }

  getState(key: LuaValue): LuaValue {
    return key === undefined || this.state === undefined ? undefined : this.state.get(key);
  }

  /**
   * Copies what the handler may read from the uWS request, which dies when its callback
   * returns: in compiled mode only the headers, query and parameters it is known to use.
   */
  snapshot(): void {
    const req = this.req!;
    const uses = this.route.uses;
    this.path();
    this.rawQuery = uses.query === 'none' ? '' : req.getQuery() ?? '';
    if (uses.headers !== 'none') {
      snapshotTarget = [];
      if (uses.headers === 'all') {
        req.forEach(collectHeader);
      } else {
        wantedHeaders = uses.headers;
        req.forEach(collectWantedHeader);
        wantedHeaders = EMPTY;
      }
      this.headerList = snapshotTarget;
      snapshotTarget = EMPTY;
    } else {
      this.headerList = EMPTY;
    }
    const n = uses.params ? this.route.params.length : 0;
    const values: string[] = new Array(n);
    for (let i = 0; i < n; i++) values[i] = req.getParameter(i);
    this.paramValues = values;
    this.req = undefined;
  }

  /** The handler has returned: the uWS request is gone. */
  detach(): void {
    this.req = undefined;
  }

  private live(what: string): HttpRequest {
    if (this.req === undefined) throw libError(`ctx:${what}() used after its request ended (call it inside the handler)`);
    return this.req;
  }

  /** The request path without the query, as a byte string. */
  path(): string {
    if (this.url === undefined) this.url = toLuaString(this.live('path').getUrl());
    return this.url;
  }

  /** Header names and values as uWS gives them (copied once). */
  private rawHeaders(): string[] {
    let list = this.headerList;
    if (list === undefined) {
      snapshotTarget = [];
      this.live('headers').forEach(collectHeader);
      list = snapshotTarget;
      snapshotTarget = EMPTY;
      this.headerList = list;
    }
    return list;
  }

  headers(): LuaTable {
    if (this.headersTable !== undefined) return this.headersTable;
    const list = this.rawHeaders();
    const t = new LuaTable();
    t.metatable = HEADERS_META;
    for (let i = 0; i < list.length; i += 2) {
      // uWS's forEach decodes names and values as UTF-8: encode them back into bytes.
      const key = toLuaString(list[i]);
      const value = toLuaString(list[i + 1]);
      const previous = t.getStr(key);
      // Repeated headers combine as HTTP says they may: "a, b".
      t.setStr(key, previous === undefined ? value : `${previous as string}, ${value}`);
    }
    this.headersTable = t;
    return t;
  }

  query(): LuaTable {
    if (this.queryTable === undefined) {
      const raw = this.rawQuery ?? this.live('query').getQuery() ?? '';
      try {
        // compiled mode: only the keys the handler is proven to read
        const use = this.route.uses.query;
        this.queryTable = parseQuery(raw, typeof use === 'string' ? undefined : use);
      } catch (e) {
        if (e instanceof PercentDecodeError) throw new HttpError(400, `Invalid query string: ${e.message}`);
        throw e;
      }
    }
    return this.queryTable;
  }

  params(): LuaTable {
    if (this.paramsTable !== undefined) return this.paramsTable;
    const names = this.route.params;
    const values = this.decodedParams();
    const t = new LuaTable();
    for (let i = 0; i < names.length; i++) t.setStr(names[i], values[i]);
    this.paramsTable = t;
    return t;
  }

  /** Every parameter decoded, in order; the first bad one is a 400 (nothing is kept then). */
  private decodedParams(): string[] {
    if (this.paramsDecoded !== undefined) return this.paramsDecoded;
    const names = this.route.params;
    const values: string[] = new Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const raw = this.paramValues !== undefined ? this.paramValues[i] : this.live('params').getParameter(i);
      try {
        values[i] = percentDecode(raw, false);
      } catch (e) {
        if (e instanceof PercentDecodeError) throw new HttpError(400, `Invalid path parameter '${names[i]}': ${e.message}`);
        throw e;
      }
    }
    this.paramsDecoded = values;
    return values;
  }

  // ---- direct reads (compiled code: `ctx:params().id` with no table; see runtime/http/direct.ts) ----
  // Each gives what indexing the table `ctx:params()` (headers, query) returns would give:
  // once that table exists (the handler used it whole), it is read, since Lua code may have
  // changed it; before, nothing can have, and the value comes from the request.

  /** `ctx:params()[name]`. */
  param(name: string): LuaValue {
    if (this.paramsTable !== undefined) return index(this.paramsTable, name);
    const values = this.decodedParams();
    // a name given twice: the table keeps the last
    const i = this.route.params.lastIndexOf(name);
    return i < 0 ? undefined : values[i];
  }

  /** `ctx:headers()[key]`: stored names are lower case, and a lookup in another case finds them. */
  header(key: string): LuaValue {
    if (this.headersTable !== undefined) return index(this.headersTable, key);
    const list = this.rawHeaders();
    const value = joinedHeader(list, key);
    if (value !== undefined) return value;
    const lower = key.toLowerCase();
    return lower === key ? undefined : joinedHeader(list, lower);
  }

  /** `ctx:query()[key]`. */
  queryValue(key: string): LuaValue {
    if (this.queryTable !== undefined) return index(this.queryTable, key);
    if (this.queryPairs === undefined) {
      // the query of a live request is read once for the handler's reads
      const raw = (this.rawQuery ??= this.live('query').getQuery() ?? '');
      // nothing to decode, so nothing to refuse: the key's last value, read off the string
      if (!(this.queryDecodes ??= needsDecoding(raw))) {
        const use = this.route.uses.query;
        return typeof use !== 'string' && !use.includes(key) ? undefined : lastQueryValue(raw, key);
      }
      const pairs = new Map<string, string>();
      try {
        const use = this.route.uses.query;
        parseQueryPairs(raw, typeof use === 'string' ? undefined : use, (k, v) => pairs.set(k, v));
      } catch (e) {
        if (e instanceof PercentDecodeError) throw new HttpError(400, `Invalid query string: ${e.message}`);
        throw e;
      }
      this.queryPairs = pairs;
    }
    return this.queryPairs.get(key);
  }

  bodyOrRaise(): BodyValue {
    if (this.bodyValue !== undefined) return this.bodyValue;
    const body = this.body;
    if (body === undefined || body.length === 0) throw new HttpError(400, 'Request has no body');
    this.bodyValue = new BodyValue(body, this.contentType);
    return this.bodyValue;
  }
}

/** Whether percentDecode (or toLuaString) would change something in a query string (a loop: a regex test costs more on short strings). */
function needsDecoding(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 37 /* % */ || c === 43 /* + */ || c > 0x7f) return true;
  }
  return false;
}

/** The value of the last `key=value` (or bare `key`) pair of a query with nothing to decode, as parseQueryPairs splits it. */
function lastQueryValue(raw: string, key: string): string | undefined {
  if (key.includes('=') || key.includes('&')) return undefined; // no key of such a query holds one
  let found: string | undefined;
  const n = key.length;
  for (let start = 0; start <= raw.length;) {
    let end = raw.indexOf('&', start);
    if (end < 0) end = raw.length;
    if (end > start && raw.startsWith(key, start)) {
      if (start + n === end) found = '';
      else if (raw.charCodeAt(start + n) === 61 /* = */) found = raw.slice(start + n + 1, end);
    }
    start = end + 1;
  }
  return found;
}

/** The values of the headers named `key` (as the headers table stores names), joined as it joins them. */
function joinedHeader(list: readonly string[], key: string): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < list.length; i += 2) {
    if (toLuaString(list[i]) !== key) continue;
    const value = toLuaString(list[i + 1]);
    out = out === undefined ? value : `${out}, ${value}`;
  }
  return out;
}

/**
 * Whether `v` is a request context whose `ctx:params()`, `ctx.method`... are the built-in
 * ones: no field of its own (rawset) and its own metatable. Compiled direct reads check this.
 */
export function pristineContext(v: LuaValue): v is RequestContext {
  return v instanceof RequestContext && v.f === NO_FIELDS && v.metatable === CTX_META;
}

function ctxSelf(v: LuaValue, method: string): RequestContext {
  if (v instanceof RequestContext) return v;
  throw libError(`calling '${method}' on bad self (the request context expected, got ${typeName(v)}; use ctx:${method}())`);
}

const headersFn = builtin(function headers(self: LuaValue): LuaResult {
  return ctxSelf(self, 'headers').headers();
});
const queryFn = builtin(function query(self: LuaValue): LuaResult {
  return ctxSelf(self, 'query').query();
});
const paramsFn = builtin(function params(self: LuaValue): LuaResult {
  return ctxSelf(self, 'params').params();
});
const bodyFn = builtin(function body(self: LuaValue): LuaResult {
  return ctxSelf(self, 'body').bodyOrRaise();
});
const setFn = builtin(function set(self: LuaValue, key: LuaValue, value: LuaValue): LuaResult {
  ctxSelf(self, 'set').setState(key, value);
  return undefined;
});
const getFn = builtin(function get(self: LuaValue, key: LuaValue): LuaResult {
  return ctxSelf(self, 'get').getState(key);
});
const requestIdFn = builtin(function request_id(self: LuaValue): LuaResult {
  return ctxSelf(self, 'request_id').id();
});

/**
 * Header names are stored in lower case; a lookup in any case finds them, as HTTP names are
 * case-insensitive (`ctx:headers()["Authorization"]`). pairs() gives the lower-case names.
 */
const HEADERS_META = new LuaTable();
HEADERS_META.setStr('__index', builtin(function headerIndex(t: LuaValue, k: LuaValue): LuaResult {
  if (typeof k !== 'string') return undefined;
  const lower = k.toLowerCase();
  return lower === k ? undefined : (t as LuaTable).getStr(lower);
}));

/** The fields object of a table with no plain key (shared): a ctx nobody rawset a field on has it. */
const NO_FIELDS = new LuaTable().f;

/** ctx's fields and methods, resolved on access so that building a ctx costs one object. */
const CTX_META = new LuaTable();
CTX_META.setStr('__index', builtin(function ctxIndex(t: LuaValue, k: LuaValue): LuaResult {
  const ctx = t as RequestContext;
  switch (k) {
    case 'method': return ctx.method;
    case 'path': return ctx.path();
    case 'headers': return headersFn;
    case 'query': return queryFn;
    case 'params': return paramsFn;
    case 'body': return bodyFn;
    case 'set': return setFn;
    case 'get': return getFn;
    case 'request_id': return requestIdFn;
    default: return undefined;
  }
}));

// ---- the body value ----

/** `application/json` or a `+json` type (application/problem+json), parameters ignored. */
function isJsonType(contentType: string): boolean {
  const semi = contentType.indexOf(';');
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

export class BodyValue extends LuaTable {
  private textCache: string | undefined = undefined;

  constructor(readonly bytes: Buffer, readonly contentType = '') {
    super();
    this.metatable = BODY_META;
  }

  /** Text must be UTF-8; binary bodies are read with :bytes() (checked only here, on use). */
  private checkUtf8(): void {
    if (!isUtf8(this.bytes)) throw new HttpError(400, 'Request body is not valid UTF-8');
  }

  text(): string {
    if (this.textCache === undefined) {
      this.checkUtf8();
      this.textCache = this.bytes.toString('latin1');
    }
    return this.textCache;
  }

  /** The bytes as a sequence of numbers 0-255 (Rover's :bytes()). */
  byteTable(): LuaTable {
    const t = new LuaTable();
    const b = this.bytes;
    for (let i = 0; i < b.length; i++) t.set(i + 1, b[i]);
    return t;
  }

  /**
   * The parsed JSON (a JS value). A body declared as another type is a 415; invalid JSON is
   * the client's mistake: a 400. No Content-Type at all is read as JSON.
   */
  parsed(): unknown {
    if (this.contentType !== '' && !isJsonType(this.contentType)) {
      throw new HttpError(415, `Unsupported Media Type: the body must be application/json, got ${this.contentType}`);
    }
    this.checkUtf8();
    try {
      return parseJson(this.bytes.toString('utf8'));
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new HttpError(400, `Invalid JSON in request body: ${toLuaString(e.message)}`);
      throw e;
    }
  }

  json(): LuaValue {
    return convert(() => jsonToLua(this.parsed()));
  }

  expect(schema: LuaValue): LuaValue {
    const fields = schemaFields(schema, "bad argument #1 to 'expect'");
    const parsed = this.parsed();
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new HttpError(400, 'Request body must be a JSON object');
    }
    return validateOrRaise(convert(() => jsonToLua(parsed, true)) as LuaTable, fields);
  }
}

function convert(f: () => LuaValue): LuaValue {
  try {
    return f();
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new HttpError(400, `Invalid JSON in request body: ${e.message}`);
    throw e;
  }
}

function bodySelf(v: LuaValue, method: string): BodyValue {
  if (v instanceof BodyValue) return v;
  throw libError(`calling '${method}' on bad self (a request body expected, got ${typeName(v)}; use body:${method}())`);
}

const BODY_METHODS = new LuaTable();
BODY_METHODS.setStr('text', builtin(function text(self: LuaValue): LuaResult {
  return bodySelf(self, 'text').text();
}));
BODY_METHODS.setStr('as_string', builtin(function as_string(self: LuaValue): LuaResult {
  return bodySelf(self, 'as_string').text();
}));
BODY_METHODS.setStr('bytes', builtin(function bytes(self: LuaValue): LuaResult {
  return bodySelf(self, 'bytes').byteTable();
}));
BODY_METHODS.setStr('json', builtin(function json(self: LuaValue): LuaResult {
  return bodySelf(self, 'json').json();
}));
BODY_METHODS.setStr('expect', builtin(function expect(self: LuaValue, schema: LuaValue): LuaResult {
  return bodySelf(self, 'expect').expect(schema);
}));
const BODY_META = new LuaTable();
BODY_META.setStr('__index', BODY_METHODS);
