// What compiled route handlers import (as `rh`) to skip the Lua tables of a request:
// direct reads of `ctx:params().id`, `ctx:headers()[k]`, `ctx:query().k`, `ctx.method`,
// `ctx.path` (RequestContext.param...), and JSON written by the handler itself as bytes
// (JsonBytes) for a response whose shape it proved (JsonText), which the server sends as it is.
import type { LuaFunction, LuaValue } from '../lua/value.js';
import { RequestContext } from './context.js';
import { releaseJsonBytes } from './json-bytes.js';
import { JSON_BUILDERS } from './responses.js';

export { pristineContext, RequestContext } from './context.js';
export { JsonText } from './responses.js';
export { JsonBytes, jsonBytes } from './json-bytes.js';

/** Handlers compiled to answer with JsonText carry this mark (the server then lets them). */
export const WRITES_JSON: unique symbol = Symbol('roverc: writes JSON text');

/** Marks a compiled handler (the function stored in the app table) as one that may write JSON text. */
export function jsonHandler(f: LuaFunction): LuaFunction {
  (f as LuaFunction & { [WRITES_JSON]?: true })[WRITES_JSON] = true;
  return f;
}

export function writesJson(f: LuaFunction): boolean {
  return (f as LuaFunction & { [WRITES_JSON]?: true })[WRITES_JSON] === true;
}

/**
 * True once per request, for the call the server made: only that call may return JsonText
 * (the same handler called from Lua code gets its tables).
 */
export function claim(ctx: LuaValue): boolean {
  if (!(ctx instanceof RequestContext) || !ctx.jsonClaim) return false;
  ctx.jsonClaim = false;
  releaseJsonBytes(); // the previous call's response has been sent (or copied) by now
  return true;
}

/** Whether `v` is a `api.json` builder (not a value the app put in its place). */
export function isJsonBuilder(v: LuaValue): boolean {
  return v !== undefined && JSON_BUILDERS.has(v as object);
}

/** Whether `v` is written as a JSON scalar (else the caller builds the table). */
export function isScalar(v: LuaValue): v is string | number | boolean {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean';
}
