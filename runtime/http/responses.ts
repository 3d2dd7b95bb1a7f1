// The response builders on the app table (api.json, api.text, api.html, api.redirect,
// api:error, api.no_content) and the rule that turns whatever a handler returns into a response.
import { STATUS_CODES } from 'node:http';
import { LuaError, libError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';
import { ValidationError } from './errors.js';
import { encodeJson } from './json.js';
import type { JsonSerializer } from './json-writer.js';

export const JSON_TYPE = 'application/json';
export const TEXT_TYPE = 'text/plain';
export const HTML_TYPE = 'text/html';

/** What a builder made: a table to Lua (type() is "table"), read by the server when returned. */
export class ResponseValue extends LuaTable {
  constructor(
    readonly status: number,
    readonly contentType: string | undefined,
    /** The body as a byte string, or the value to encode as JSON when `json` is set. */
    readonly body: LuaValue,
    readonly json: boolean,
    readonly location: string | undefined = undefined,
  ) {
    super();
  }
}

/**
 * A compiled handler's JSON response as text (runtime/http/direct.ts): what the route's
 * serializer writes for the table it stands for. Only the server's own call of a handler gets one.
 * The body is a byte string, or bytes in a reused buffer (json-bytes.ts) valid until the next call.
 */
export class JsonText {
  constructor(readonly status: number, readonly body: string | Buffer) {}
}

/** Every `api.json` builder made (compiled handlers check that `api.json` is still one). */
export const JSON_BUILDERS = new WeakSet<object>();

/** The response about to be written: one reused object, since handlers run one at a time. */
export interface Outgoing {
  status: number;
  contentType: string | undefined;
  /** Byte string ('' for no body), or bytes a compiled handler wrote (valid until the next handler call). */
  body: string | Buffer;
  location: string | undefined;
  /** Headers the app set (`headers = {...}`): name, value, name, value... (byte strings); undefined: none. */
  headers: string[] | undefined;
  /** The X-Request-ID to send (route requests only): '' for a fresh one (request-id.ts). */
  requestId: string | undefined;
  /** Access-Control-Allow-Origin to send (CORS on and the origin allowed). */
  cors: string | undefined;
}

export function newOutgoing(): Outgoing {
  return { status: 200, contentType: undefined, body: '', location: undefined, headers: undefined, requestId: undefined, cors: undefined };
}

function set(out: Outgoing, status: number, contentType: string | undefined, body: string | Buffer, location?: string): void {
  out.status = status;
  out.contentType = contentType;
  out.body = body;
  out.location = location;
  out.headers = undefined;
}

/** RFC 9110 §5.6.2 token: what a header name may be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers uWS writes itself (framing): an app's value would contradict them. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * The response headers of a `headers = {...}` table, checked as redirect URLs are: a value
 * with a control byte (CR, LF, NUL...) is an error, never written.
 */
function readHeaders(t: LuaTable): string[] {
  const list: string[] = [];
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    const [name, value] = e;
    if (typeof name !== 'string' || !TOKEN.test(name)) {
      throw new LuaError(`response header name ${typeof name === 'string' ? `'${name}'` : `of type ${typeName(name)}`} is not a valid header name`);
    }
    if (FRAMING_HEADERS.has(name.toLowerCase())) throw new LuaError(`response header '${name}' is set by the server and cannot be set by the app`);
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new LuaError(`response header '${name}' must be a string or a number, got ${typeName(value)}`);
    }
    const text = ops.tostring(value);
    if (!headerSafe(text)) throw new LuaError(`response header '${name}' contains a control character such as CR, LF or NUL`);
    list.push(name, text);
  }
  return list;
}

/** The table without its `headers` field (which are response headers, not JSON). */
function withoutHeaders(t: LuaTable): LuaTable {
  const copy = new LuaTable();
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    if (e[0] !== 'headers') copy.set(e[0], e[1]);
  }
  return copy;
}

/**
 * A JSON response's table with a `headers = {...}` table field: its headers go out as
 * response headers, the rest as the body (through the generic encoder, in both modes).
 */
function setJsonWithHeaders(out: Outgoing, status: number, t: LuaTable, headers: LuaTable): void {
  const list = readHeaders(headers);
  set(out, status, JSON_TYPE, encodeJson(withoutHeaders(t)));
  applyHeaders(out, list);
}

function applyHeaders(out: Outgoing, list: string[]): void {
  const kept: string[] = [];
  for (let i = 0; i < list.length; i += 2) {
    // Content-Type replaces the builder's; two would confuse clients.
    if (list[i].toLowerCase() === 'content-type') out.contentType = list[i + 1];
    else kept.push(list[i], list[i + 1]);
  }
  out.headers = kept.length > 0 ? kept : undefined;
}

/** The `headers` field of a JSON response table when it is a table. */
function headersField(v: LuaValue): LuaTable | undefined {
  if (!(v instanceof LuaTable)) return undefined;
  const h = v.getStr('headers');
  return h instanceof LuaTable ? h : undefined;
}

/** A route's build-time serializers by status ("default": any status); see request-use.ts. */
export type Serializers = Readonly<Record<string, JsonSerializer>> | undefined;

/** JSON for a status: the route's generated serializer when it takes the value, else the generic encoder. */
function json(v: LuaValue, status: number, serializers: Serializers): string {
  if (serializers !== undefined) {
    const serialize = serializers[status] ?? serializers.default;
    const text = serialize === undefined ? undefined : serialize(v);
    if (text !== undefined) return text;
  }
  return encodeJson(v);
}

/** Fills `out` from a handler's return value (errors here become 500s like handler errors). */
export function toOutgoing(result: LuaResult, out: Outgoing, serializers?: Serializers): void {
  const v = first(result);
  if ((v as unknown) instanceof JsonText) {
    const j = v as unknown as JsonText;
    set(out, j.status, JSON_TYPE, j.body);
    return;
  }
  if (v instanceof ResponseValue) {
    // The builders check their header values; this keeps any other way of making a response honest.
    if (v.location !== undefined && !headerSafe(v.location)) throw new LuaError('redirect URL contains a control character such as CR, LF or NUL');
    const h = v.json ? headersField(v.body) : undefined;
    if (h !== undefined) {
      setJsonWithHeaders(out, v.status, v.body as LuaTable, h);
      return;
    }
    const body = v.json ? json(v.body, v.status, serializers) : (v.body as string);
    set(out, v.status, v.contentType, body, v.location);
    return;
  }
  switch (typeof v) {
    case 'undefined': set(out, 204, undefined, ''); return;
    case 'string': set(out, 200, TEXT_TYPE, v); return;
    case 'number':
    case 'boolean': set(out, 200, TEXT_TYPE, ops.tostring(v)); return;
  }
  if (v instanceof LuaTable) {
    const h = headersField(v);
    if (h !== undefined) setJsonWithHeaders(out, 200, v, h);
    else set(out, 200, JSON_TYPE, json(v, 200, serializers));
    return;
  }
  throw new LuaError(`handler returned a ${typeName(v)} value (expected a table, string, number, boolean, nil or a response)`);
}

// ---- error bodies ----

/** `{"error": message}` for a byte-string message. */
export function errorBody(message: string): string {
  return '{"error":' + JSON.stringify(message) + '}';
}

/** `{"errors": [{field, message, type}...]}` for a failed validation. */
export function validationBody(err: ValidationError): string {
  let s = '{"errors":[';
  err.errors.forEach((e, i) => {
    s += (i === 0 ? '' : ',') + '{"field":' + JSON.stringify(e.field) + ',"message":' + JSON.stringify(e.message) +
      ',"type":' + JSON.stringify(e.type) + '}';
  });
  return s + ']}';
}

/** The reason phrase of a status ("Not Found"), "Unknown" for codes without one. */
export function reason(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

// ---- builders ----

function checkStatus(v: LuaValue, fn: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599) return v;
  throw libError(`bad argument #1 to '${fn}' (HTTP status code 100-599 expected, got ${typeof v === 'number' ? ops.tostring(v) : typeName(v)})`);
}

function checkText(v: LuaValue, fn: string, arg: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return ops.tostring(v);
  throw libError(`bad argument #${arg} to '${fn}' (string expected, got ${typeName(v)})`);
}

/** A callable table: `b(x)` calls `call(x)`; `b:status(n, x)` calls `status(n, x)`. */
function builder(call: (x: LuaValue) => ResponseValue, status: (n: LuaValue, x: LuaValue) => ResponseValue,
  extra?: Record<string, (x: LuaValue) => ResponseValue>): LuaTable {
  const b = new LuaTable();
  const meta = new LuaTable();
  meta.setStr('__call', builtin(function responseBuilder(_self: LuaValue, x: LuaValue): LuaResult {
    return call(x);
  }));
  b.metatable = meta;
  // Called with ':' the builder is the first argument; with '.' it is not: accept both.
  b.setStr('status', builtin(function statusBuilder(s: LuaValue, n: LuaValue, x: LuaValue): LuaResult {
    return s === b ? status(n, x) : status(s, n);
  }));
  for (const [key, fn] of Object.entries(extra ?? {})) {
    b.setStr(key, builtin(function responseVariant(s: LuaValue, x: LuaValue): LuaResult {
      return fn(s === b ? x : s);
    }));
  }
  return b;
}

/**
 * Control bytes other than tab, which no header value may hold (RFC 9110 §5.5). uWS writes
 * header values as they are: a CR or LF would end the header and start another one
 * (response splitting).
 */
const HEADER_UNSAFE = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Whether a byte string can be written as a header value. */
export function headerSafe(value: string): boolean {
  return !HEADER_UNSAFE.test(value);
}

function redirect(status: number, url: LuaValue, fn: string): ResponseValue {
  if (typeof url !== 'string' || url === '') throw libError(`bad argument #1 to '${fn}' (URL string expected, got ${typeName(url)})`);
  if (!headerSafe(url)) throw libError(`bad argument #1 to '${fn}' (URL contains a control character such as CR, LF or NUL)`);
  return new ResponseValue(status, undefined, '', false, url);
}

function errorResponse(status: number, message: LuaValue): ResponseValue {
  let body: string;
  if (message instanceof ValidationError) body = validationBody(message);
  else if (message === undefined) body = errorBody(reason(status));
  else if (typeof message === 'string' || typeof message === 'number') body = errorBody(ops.tostring(message));
  else body = '{"error":' + encodeJson(message) + '}';
  return new ResponseValue(status, JSON_TYPE, body, false);
}

const NO_CONTENT = new ResponseValue(204, undefined, '', false);

/** A table that calls `call` (with itself first) when called. */
function callable(call: LuaValue): LuaTable {
  const t = new LuaTable();
  const meta = new LuaTable();
  meta.setStr('__call', call);
  t.metatable = meta;
  return t;
}

/** The builders every app table carries, by key. */
export function createBuilders(): Map<string, LuaValue> {
  const json = builder(
    (x) => new ResponseValue(200, JSON_TYPE, x, true),
    (n, x) => new ResponseValue(checkStatus(n, 'status'), JSON_TYPE, x, true));
  JSON_BUILDERS.add(json);
  const text = builder(
    (x) => new ResponseValue(200, TEXT_TYPE, checkText(x, 'text', 1), false),
    (n, x) => new ResponseValue(checkStatus(n, 'status'), TEXT_TYPE, checkText(x, 'status', 2), false));
  const html = builder(
    (x) => new ResponseValue(200, HTML_TYPE, checkText(x, 'html', 1), false),
    (n, x) => new ResponseValue(checkStatus(n, 'status'), HTML_TYPE, checkText(x, 'status', 2), false));
  const redirectBuilder = builder(
    (x) => redirect(302, x, 'redirect'),
    (n, x) => redirect(checkStatus(n, 'status'), x, 'status'),
    { permanent: (x) => redirect(301, x, 'permanent') });
  const builders = new Map<string, LuaValue>();
  builders.set('json', json);
  builders.set('text', text);
  builders.set('html', html);
  builders.set('redirect', redirectBuilder);
  // Callable tables like the others, so that `function api.error.get` is caught as a route
  // under a builder name instead of failing with "attempt to index a function value".
  builders.set('error', callable(builtin(function error(_self: LuaValue, a: LuaValue, b: LuaValue, c: LuaValue): LuaResult {
    // api:error(status, message) passes the app table first; api.error(status, message) does not.
    return typeof a === 'number' ? errorResponse(checkStatus(a, 'error'), b) : errorResponse(checkStatus(b, 'error'), c);
  })));
  builders.set('no_content', callable(builtin(function no_content(): LuaResult {
    return NO_CONTENT;
  })));
  return builders;
}
