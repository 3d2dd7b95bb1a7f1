// What a handler can read from its request, as the compiler proves it (compiled mode). The
// server copies only that before reading a body; a handler it knows nothing about gets all.
import type { Route } from './routes.js';

/** Which keys of a table-valued field (headers, query) a handler reads. */
export type FieldUse = 'none' | 'all' | readonly string[];

export interface RequestUse {
  readonly headers: FieldUse;
  readonly query: FieldUse;
  readonly params: boolean;
  readonly body: boolean;
}

export const FULL_REQUEST: RequestUse = { headers: 'all', query: 'all', params: true, body: true };

/** A route as the compiler found it in the source. */
export interface StaticRoute {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** `/users/:id`. */
  readonly path: string;
  /** The handler's Lua path: `api.users.p_id.get`. */
  readonly luaPath: string;
  readonly file: string;
  readonly line: number;
  readonly uses: RequestUse;
}

/**
 * Gives each route of the running app the request use found for it at build time. A route
 * declared more than once in the source (the last assignment wins at run time) keeps the
 * full request: which declaration it is cannot be told statically.
 */
export function attachRequestUse(routes: readonly Route[], found: readonly StaticRoute[]): void {
  const byKey = new Map<string, StaticRoute | null>();
  for (const s of found) {
    const key = `${s.method} ${s.path}`;
    byKey.set(key, byKey.has(key) ? null : s);
  }
  for (const route of routes) {
    const s = byKey.get(`${route.method.toUpperCase()} ${route.path}`);
    if (s) route.uses = s.uses;
  }
}
