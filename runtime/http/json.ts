// JSON for HTTP bodies: Lua values -> JSON text (responses) and JSON text -> Lua values (requests).
// Both sides work on Lua byte strings: a Lua string holds UTF-8 bytes one per char, and the
// JSON text produced here is a byte string too (the caller sends it with Buffer.from(s, 'latin1')).
import { LuaError } from '../lua/errors.js';
import { numberToString } from '../lua/number.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaValue } from '../lua/value.js';

/** Deeper nesting than this is an error (and how cycles are caught without a visited set). */
export const MAX_DEPTH = 64;

/**
 * Request JSON nested deeper than this is refused (as serde_json does): converting it would
 * only make a table no response could encode, after a long time for a megabyte of `[`.
 */
export const MAX_DECODE_DEPTH = 128;

/** Keys with this prefix are internal to Rover and never serialized. */
const HIDDEN_PREFIX = '__rover_';

/** Raised for values JSON cannot represent; the server turns it into a 500. */
export function encodeError(message: string): LuaError {
  return new LuaError(message);
}

/**
 * Encodes a Lua value as JSON: a table with keys exactly 1..n (n > 0) is an array, any other
 * table an object; integral numbers print without a fraction; NaN and ±inf print null.
 */
export function encodeJson(v: LuaValue): string {
  return encodeValue(v, 0, []);
}

/**
 * Encodes a value found inside `depth` levels of tables (a build-time serializer hands over
 * the subtrees it could not prove), so that the depth limit counts as for the whole value.
 */
export function encodeAt(v: LuaValue, depth: number): string {
  return encodeValue(v, depth, []);
}

const NEEDS_ESCAPE = /[\x00-\x1f"\\]/;

/**
 * A byte string as a JSON string. JSON.stringify escapes quotes, backslashes and control
 * bytes and leaves bytes 0x80-0xff alone, which is exactly right for a byte string holding
 * UTF-8; most strings need no escape, and for a short one a scan is cheaper than the call
 * (escaping by hand measured slower than the call for strings that need it).
 */
export function encodeString(s: string): string {
  if (s.length < 64) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c) return JSON.stringify(s);
    }
    return '"' + s + '"';
  }
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** A JSON number as the encoder writes it: integral without a fraction, NaN and ±inf null. */
export function encodeNumber(v: number): string {
  return v - v === 0 ? '' + v : 'null'; // finite: NaN and ±inf give NaN
}

function encodeValue(v: LuaValue, depth: number, path: LuaTable[]): string {
  switch (typeof v) {
    case 'string':
      return encodeString(v);
    case 'number':
      return encodeNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'null';
  }
  if (v instanceof LuaTable) return encodeTable(v, depth + 1, path);
  throw encodeError(`cannot encode a ${typeName(v)} value as JSON`);
}

function encodeTable(t: LuaTable, depth: number, path: LuaTable[]): string {
  if (depth > MAX_DEPTH) {
    // Only now look for a cycle: the common case pays nothing for the check.
    if (path.includes(t)) throw encodeError('cannot encode a cyclic table as JSON');
    throw encodeError(`cannot encode JSON nested deeper than ${MAX_DEPTH} levels`);
  }
  path.push(t);
  const out = isArray(t) ? encodeArray(t.arr, depth, path) : encodeObject(t, depth, path);
  path.pop();
  return out;
}

/** Keys exactly 1..n with n > 0: a full array part and no live key in the hash part. */
export function isArray(t: LuaTable): boolean {
  const arr = t.arr;
  const n = arr.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (arr[i] === undefined) return false;
  return t.hashCount() === 0;
}

function encodeArray(arr: LuaValue[], depth: number, path: LuaTable[]): string {
  let s = '[' + encodeValue(arr[0], depth, path);
  for (let i = 1; i < arr.length; i++) s += ',' + encodeValue(arr[i], depth, path);
  return s + ']';
}

/** `"key":` for the keys seen so far (responses repeat the same few keys endlessly). */
const quotedKeys = new Map<string, string>();

function quoteKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = encodeString(k) + ':';
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
}

function encodeObject(t: LuaTable, depth: number, path: LuaTable[]): string {
  let s = '{';
  let sep = '';
  const arr = t.arr;
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] === undefined) continue;
    s += sep + '"' + (i + 1) + '":' + encodeValue(arr[i], depth, path);
    sep = ',';
  }
  if (t.hashCount() === 0) return s + '}';
  if (t.plainFieldsOnly()) {
    // only plain string keys, in the fields object's own order
    const f = t.f;
    for (const k in f) {
      const v = f[k];
      if (v === undefined || k.startsWith(HIDDEN_PREFIX)) continue;
      s += sep + quoteKey(k) + encodeValue(v, depth, path);
      sep = ',';
    }
    return s + '}';
  }
  const keys = t.hashKeys();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = t.hashValue(k);
    if (v === undefined) continue;
    let key: string;
    if (typeof k === 'string') {
      if (k.startsWith(HIDDEN_PREFIX)) continue;
      key = quoteKey(k);
    } else if (typeof k === 'number') {
      key = '"' + numberToString(k) + '":';
    } else {
      throw encodeError(`cannot encode a table with a ${typeName(k)} key as JSON`);
    }
    s += sep + key + encodeValue(v, depth, path);
    sep = ',';
  }
  return s + '}';
}

// ---- decoding ----

/** Stands for an explicit JSON null where the caller asked to keep them (guard's nullable). */
export const JSON_NULL: LuaTable = new LuaTable();

const NON_ASCII = /[^\x00-\x7f]/;
/** Strings shorter than this are checked by a loop (a regex test costs ~40 ns to start). */
const SHORT = 64;

/** Whether every character of `s` is below 0x80. */
export function isAscii(s: string): boolean {
  if (s.length >= SHORT) return !NON_ASCII.test(s);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A JS string (UTF-16) as the Lua byte string of its UTF-8 encoding. */
export function toLuaString(s: string): string {
  return isAscii(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}

/** Thrown when decoding fails; `detail` is the parser's explanation. */
export class JsonSyntaxError extends Error {}

/** Parses JSON text (a JS string of the UTF-8 body) and returns the JS value. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new JsonSyntaxError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Converts a parsed JSON value to Lua: objects -> tables, arrays -> 1-based sequences,
 * null -> nil (or JSON_NULL when keepNull), strings -> byte strings.
 */
export function jsonToLua(v: unknown, keepNull = false): LuaValue {
  try {
    return convert(v, keepNull, 1);
  } catch (e) {
    if (e instanceof RangeError) throw new JsonSyntaxError(`nesting deeper than ${MAX_DECODE_DEPTH} levels`);
    throw e;
  }
}

function convert(v: unknown, keepNull: boolean, depth: number): LuaValue {
  switch (typeof v) {
    case 'string': return toLuaString(v);
    case 'number':
    case 'boolean': return v;
  }
  if (v === null) return keepNull ? JSON_NULL : undefined;
  if (depth > MAX_DECODE_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DECODE_DEPTH} levels`);
  if (Array.isArray(v)) {
    const arr: LuaValue[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) arr[i] = convert(v[i], keepNull, depth + 1);
    return new LuaTable(arr);
  }
  const t = new LuaTable();
  const o = v as Record<string, unknown>;
  // JSON.parse makes every key an own property ("__proto__" too); none is inherited.
  for (const k in o) {
    const value = convert(o[k], keepNull, depth + 1);
    if (value !== undefined) t.set(toLuaString(k), value);
  }
  return t;
}

/** Decodes JSON text into Lua; throws JsonSyntaxError. */
export function decodeJson(text: string, keepNull = false): LuaValue {
  return jsonToLua(parseJson(text), keepNull);
}
