// Compiled mode's start-up check: the routes the compiler placed statically against the app
// table the main chunk left behind.
//
// Each statically placed route's definition (`function api.users.p_id.get(ctx) ... end`)
// stores the closure it makes in its compiled module's `$handlers` array as well as in the app
// table (compiler/codegen/emit-module.ts). The main chunk still runs once, in order, so a
// definition that is conditional, in a loop or inside a function makes its closure when Lua
// would, over the chunk's own locals. After the chunk ran, the function the app table holds at
// the route's method and path must be that closure: then the route is served by it with what
// the compiler proved of it (the request fields it reads, JSON written as text), and routes.ts
// exports it typed. When it is not (Lua code replaced or removed the route at run time), the
// route is served from the app table with the whole request and no JSON text, as interpreted
// mode serves it, and start-up prints a warning naming the route and its file:line.
import type { LuaFunction } from '../lua/value.js';
import type { Route } from './routes.js';
import type { StaticRoute } from './request-use.js';

/** What a compiled module exports besides its loader: the closures of its static route definitions. */
interface CompiledModuleExports {
  readonly $handlers?: readonly (LuaFunction | undefined)[];
}

/**
 * The closure each static route's definition made (undefined: it did not run), from the
 * compiled modules (their namespaces, by require name; "" for the entry) and their `$handlers`.
 */
export function siteHandlers(found: readonly StaticRoute[], modules: ReadonlyMap<string, object>): (LuaFunction | undefined)[] {
  return found.map((s) => (s.site === undefined ? undefined : (modules.get(s.site.module) as CompiledModuleExports | undefined)?.$handlers?.[s.site.index]));
}

export interface StaticProblem {
  readonly message: string;
  /** Worth a warning at start-up: the app table changed the route at run time (not merely a definition that did not run). */
  readonly warn: boolean;
}

export interface StaticCheck {
  /** By the index of the static route: why its exported handler is not the route the app serves. */
  readonly problems: ReadonlyMap<number, StaticProblem>;
  /** Routes of the app table whose function no static definition made: served from the app table, whole request. */
  readonly fallbacks: ReadonlySet<Route>;
}

function where(s: StaticRoute): string {
  return `${s.method} ${s.path} (${s.luaPath}, ${s.file}:${s.line})`;
}

/**
 * Compares, for every statically placed route, the closure its definition made (`handlers`,
 * parallel to `found`) with the function the app table holds at its method and path (`routes`,
 * the app-table walk of runtime/http/routes.ts).
 */
export function checkStaticHandlers(routes: readonly Route[], found: readonly StaticRoute[], handlers: readonly (LuaFunction | undefined)[]): StaticCheck {
  const byKey = new Map<string, Route>();
  for (const r of routes) byKey.set(`${r.method.toUpperCase()} ${r.path}`, r);
  const served = new Set<LuaFunction>(routes.map((r) => r.handler));
  const routeOf = (s: StaticRoute) => byKey.get(`${s.method} ${s.path}`);
  // routes whose function is one of their static definitions' closures
  const agreed = new Set<Route>();
  found.forEach((s, i) => {
    const r = routeOf(s);
    if (r !== undefined && handlers[i] !== undefined && r.handler === handlers[i]) agreed.add(r);
  });
  const problems = new Map<number, StaticProblem>();
  const fallbacks = new Set<Route>();
  found.forEach((s, i) => {
    const r = routeOf(s);
    const h = handlers[i];
    if (r !== undefined && r.handler === h) return;
    if (h === undefined) {
      // a definition that did not run (an `if` not taken): Lua semantics, not a mistake
      problems.set(i, { message: `${where(s)}: its definition did not run when the app loaded, so it made no handler`, warn: false });
    } else if (r === undefined) {
      const elsewhere = served.has(h) ? ' (its function is served at another path)' : '';
      problems.set(i, { message: `${where(s)}: defined when the app loaded, but the app table has no such route afterwards (removed at run time)${elsewhere}: not served`, warn: true });
      return;
    } else if (agreed.has(r)) {
      problems.set(i, { message: `${where(s)}: another definition of ${s.method} ${s.path} is the one the app table holds`, warn: false });
      return;
    } else {
      problems.set(i, { message: `${where(s)}: the app table holds another function than the one defined at ${s.file}:${s.line} (replaced at run time): served from the app table with the whole request`, warn: true });
    }
    if (r !== undefined && !agreed.has(r)) fallbacks.add(r);
  });
  return { problems, fallbacks };
}
