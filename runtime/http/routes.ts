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
}

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
  const routes: Route[] = [];
  const shapes = new Map<string, Route>();
  const ancestors: LuaTable[] = [];

  const walk = (t: LuaTable, segments: Segment[], luaPath: string) => {
    if (ancestors.includes(t)) throw new RouteError(`${luaPath}: the route table contains itself`);
    ancestors.push(t);
    for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
      const [key, value] = e;
      if (t === app && app.isBuilder(key, value)) continue;
      const here = childPath(luaPath, key);
      if (typeof key !== 'string') throw new RouteError(`${here}: route keys must be strings, got a ${typeName(key)} key`);
      if (typeof value === 'function') {
        if (!isMethod(key)) {
          throw new RouteError(`${here}: '${key}' is not an HTTP method (expected get, post, put, patch, delete, head or options)`);
        }
        add(key, segments, value, here);
      } else if (value instanceof LuaTable) {
        walk(value, [...segments, segment(key, here, segments)], here);
      } else {
        throw new RouteError(`${here}: expected a handler function or a table of routes, got a ${typeName(value)}`);
      }
    }
    ancestors.pop();
  };

  const add = (method: Method, segments: Segment[], handler: LuaFunction, luaPath: string) => {
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
    };
    shapes.set(shape, route);
    routes.push(route);
  };

  walk(app, [], rootName);
  return routes;
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
