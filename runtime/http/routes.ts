// The route table of an app: walks the app table as Rover does. The chain of keys is the
// path, `p_<name>` is a parameter `:name`, the last key is the method.
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction, type LuaValue } from '../lua/value.js';
import type { RoverApp } from './app-table.js';
import type { JsonSerializer } from './json-writer.js';
import { FULL_REQUEST, type RequestUse, type StaticRoute } from './request-use.js';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
export type Method = (typeof METHODS)[number];

export interface Segment {
  /** Static text, or the parameter's name. */
  readonly text: string;
  readonly param: boolean;
}

export interface Route {
  readonly method: Method;
  readonly segments: readonly Segment[];
  /** Parameter names in path order (uWS hands parameters over by index). */
  readonly params: readonly string[];
  readonly handler: LuaFunction;
  /** Where the handler sits in Lua, for messages: "api.users.p_id.get". */
  readonly luaPath: string;
  /** "/users/:id" (also the uWS pattern). */
  readonly path: string;
  /** What the handler can read (compiled mode narrows it; see request-use.ts). */
  uses: RequestUse;
  /** Build-time JSON serializers by status (see request-use.ts); undefined: the generic encoder. */
  serializers: Readonly<Record<string, JsonSerializer>> | undefined;
  /** What the compiler found for this route (for the API description); see request-use.ts. */
  declared?: StaticRoute;
  /** Compiled mode: the app table's function is not the closure of the route's static definition (static-handlers.ts). */
  replaced?: true;
  /** `before` middleware in run order: global first, then each scope inward, each in declaration order. */
  readonly before: readonly Middleware[];
  /** `after` middleware in run order (Rover's: the reverse of innermost-scope-first). */
  readonly after: readonly Middleware[];
}

/** A named `before`/`after` function: `api.admin.before.auth` is { name: 'auth', luaPath: 'api.admin.before.auth' }. */
export interface Middleware {
  readonly name: string;
  readonly luaPath: string;
  readonly fn: LuaFunction;
}

/** What serving an app needs from its table: the routes and the `api.on_error` hook. */
export interface AppRoutes {
  readonly routes: Route[];
  readonly onError: LuaFunction | undefined;
}

/**
 * Keys Rover never treats as path segments (its response builders and the app's `config`):
 * Rover skips a route under one of them without a word; roverc refuses it.
 */
export const RESERVED_KEYS = ['json', 'text', 'html', 'redirect', 'error', 'no_content', 'raw', 'stream', 'stream_with_headers', 'sse', 'config'] as const;

/** Rover's lifecycle hooks that roverc does not run (on_error it does). */
const UNSUPPORTED_HOOKS = ['on_start', 'on_ready', 'on_shutdown'] as const;

/** A mistake in the app table: the CLI prints it and exits 1. */
export class RouteError extends Error {}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters a path segment may use unescaped (RFC 3986 pchar, minus ':' and '*' that uWS reserves). */
const STATIC_SEGMENT = /^[A-Za-z0-9._~!$&'()+,;=@-]+$/;
const PARAM_NAME = /^[A-Za-z0-9_]+$/;

function childPath(parent: string, key: LuaValue): string {
  if (typeof key === 'string') return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
  return `${parent}[${String(key)}]`;
}

function isMethod(key: string): key is Method {
  return (METHODS as readonly string[]).includes(key);
}

/** All routes of the app, or a RouteError naming the first bad entry. */
export function collectRoutes(app: RoverApp, rootName = 'api'): Route[] {
  return collectApp(app, rootName).routes;
}

interface Scope {
  readonly before: readonly Middleware[];
  /** Innermost scope first, as Rover merges them; run in reverse. */
  readonly after: readonly Middleware[];
}

/** The `before`/`after` functions of one table: a function, or a table of named functions. */
function middlewareOf(value: LuaValue, luaPath: string): Middleware[] {
  if (value === undefined) return [];
  if (typeof value === 'function') return [{ name: 'anonymous', luaPath, fn: value }];
  if (!(value instanceof LuaTable)) throw new RouteError(`${luaPath}: middleware must be a function or a table of named functions, got a ${typeName(value)}`);
  const list: Middleware[] = [];
  for (let e = value.next(undefined); e !== undefined; e = value.next(e[0])) {
    const [key, fn] = e;
    const here = childPath(luaPath, key);
    if (typeof key !== 'string') throw new RouteError(`${here}: middleware names must be strings, got a ${typeName(key)} key`);
    if (typeof fn !== 'function') {
      const nested = fn instanceof LuaTable && fn.next(undefined) !== undefined;
      throw new RouteError(`${here}: middleware must be a function, got a ${nested ? 'table with entries (middleware names cannot nest)' : typeName(fn)}`);
    }
    list.push({ name: key, luaPath: here, fn });
  }
  return list;
}

/** The routes and hooks of the app, or a RouteError naming the first bad entry. */
export function collectApp(app: RoverApp, rootName = 'api'): AppRoutes {
  const routes: Route[] = [];
  const shapes = new Map<string, Route>();
  const ancestors: LuaTable[] = [];
  let onError: LuaFunction | undefined;

  const walk = (t: LuaTable, segments: Segment[], luaPath: string, inherited: Scope) => {
    if (ancestors.includes(t)) throw new RouteError(`${luaPath}: the route table contains itself`);
    ancestors.push(t);
    // A table's middleware applies to every route under it, wherever it is declared.
    const scope: Scope = {
      before: [...inherited.before, ...middlewareOf(t.get('before'), childPath(luaPath, 'before'))],
      after: [...middlewareOf(t.get('after'), childPath(luaPath, 'after')), ...inherited.after],
    };
    for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
      const [key, value] = e;
      const here = childPath(luaPath, key);
      if (t === app && app.isBuilder(key, value)) {
        const extra = app.builderExtra(key as string);
        if (extra !== undefined) throw new RouteError(`${childPath(here, extra)}: ${reservedReason(key as string)}`);
        continue;
      }
      if (typeof key !== 'string') throw new RouteError(`${here}: route keys must be strings, got a ${typeName(key)} key`);
      if (key === 'before' || key === 'after') continue;
      if (t === app && key === 'on_error') {
        if (typeof value === 'function') onError = value;
        else if (!(value instanceof LuaTable && value.next(undefined) === undefined)) {
          throw new RouteError(`${here}: the error hook must be a function (function ${rootName}.on_error(err) ... end), got a ${typeName(value)}`);
        }
        continue;
      }
      if (t === app && (UNSUPPORTED_HOOKS as readonly string[]).includes(key)) {
        throw new RouteError(`${here}: the lifecycle hook '${key}' is not supported by roverc (only on_error is)`);
      }
      // (an empty table is what merely reading api.sse left behind)
      const reserved = (RESERVED_KEYS as readonly string[]).includes(key);
      if (reserved && value instanceof LuaTable && value.next(undefined) === undefined) continue;
      if (reserved || key.startsWith('__rover_')) {
        throw new RouteError(`${here}: ${reservedReason(key)}`);
      }
      if (key === 'on_error') throw new RouteError(`${here}: on_error is read only on the app table (${rootName}.on_error)`);
      if (typeof value === 'function') {
        if (key === 'ws') throw new RouteError(`${here}: WebSocket endpoints are not supported by roverc`);
        if (key === 'static') throw new RouteError(`${here}: static file mounts are not supported by roverc`);
        if (!isMethod(key)) {
          throw new RouteError(`${here}: '${key}' is not an HTTP method (expected get, post, put, patch, delete, head or options)`);
        }
        add(key, segments, value, here, scope);
      } else if (value instanceof LuaTable) {
        walk(value, [...segments, segment(key, here, segments)], here, scope);
      } else {
        throw new RouteError(`${here}: expected a handler function or a table of routes, got a ${typeName(value)}`);
      }
    }
    ancestors.pop();
  };

  const add = (method: Method, segments: Segment[], handler: LuaFunction, luaPath: string, scope: Scope) => {
    const shape = method + ' /' + segments.map((s) => (s.param ? ':' : s.text)).join('/');
    const previous = shapes.get(shape);
    if (previous !== undefined) throw new RouteError(`${luaPath}: same method and path as ${previous.luaPath}`);
    const route: Route = {
      method,
      segments,
      params: segments.filter((s) => s.param).map((s) => s.text),
      handler,
      luaPath,
      path: '/' + segments.map((s) => (s.param ? ':' + s.text : s.text)).join('/'),
      uses: FULL_REQUEST,
      serializers: undefined,
      before: scope.before,
      after: [...scope.after].reverse(),
    };
    shapes.set(shape, route);
    routes.push(route);
  };

  walk(app, [], rootName, { before: [], after: [] });
  return { routes, onError };
}

function reservedReason(key: string): string {
  if (key === 'config') return `'config' is where Rover keeps the server config, never a path segment (Rover skips such routes silently; roverc refuses them)`;
  if (key.startsWith('__rover_')) return `keys starting with __rover_ are Rover's own, never path segments`;
  return `'${key}' is the name of a response builder (api.${key}), never a path segment (Rover skips such routes silently; roverc refuses them)`;
}

function segment(key: string, luaPath: string, before: Segment[]): Segment {
  if (key.startsWith('p_')) {
    const name = key.slice(2);
    if (name === '') throw new RouteError(`${luaPath}: 'p_' needs a parameter name (p_id is the parameter :id)`);
    if (!PARAM_NAME.test(name)) throw new RouteError(`${luaPath}: parameter names use letters, digits and '_'`);
    if (before.some((s) => s.param && s.text === name)) throw new RouteError(`${luaPath}: parameter :${name} appears twice in the path`);
    return { text: name, param: true };
  }
  if (!STATIC_SEGMENT.test(key)) throw new RouteError(`${luaPath}: '${key}' cannot be a path segment (use letters, digits and - . _ ~)`);
  return { text: key, param: false };
}

/** The order of methods in an Allow header. */
const ALLOW_ORDER: readonly Method[] = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

/**
 * The methods (upper case, Allow-header order) that have a route matching a raw path, as uWS
 * matches: raw segments, static text compared as is, parameters matching any non-empty
 * segment. A GET route also answers HEAD. `served`: paths the server answers GET itself.
 */
export function allowedMethods(routes: readonly Route[], path: string, served: ReadonlySet<string> = new Set()): string[] {
  const parts = path === '/' ? [] : path.split('/').slice(1);
  const found = new Set<Method>(served.has(path) ? ['get', 'head'] : []);
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const s = r.segments[i];
      ok = s.param ? parts[i] !== '' : s.text === parts[i];
    }
    if (ok) {
      found.add(r.method);
      if (r.method === 'get') found.add('head');
    }
  }
  return ALLOW_ORDER.filter((m) => found.has(m)).map((m) => m.toUpperCase());
}
