// What a handler can read from its request, as the compiler proves it (compiled mode). The
// server copies only that before reading a body; a handler it knows nothing about gets all.
import type { JsonSerializer } from './json-writer.js';
import type { GuardField, ResponseShape } from './response-shape.js';
import type { Route } from './routes.js';

/** Which keys of a table-valued field (headers, query) a handler reads. */
export type FieldUse = 'none' | 'all' | readonly string[];

export interface RequestUse {
  readonly headers: FieldUse;
  readonly query: FieldUse;
  readonly params: boolean;
  readonly body: boolean;
  /**
   * The handler uses `ctx` only in its own body, by the calls above (or not at all), so that
   * nothing can hold it once the handler has returned: the server may reuse one context.
   */
  readonly transient?: true;
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
  /** What the handler writes per status, as proven (for the API description). */
  readonly responses?: readonly ResponseShape[];
  /** The guard schema of the request body, when the handler validates it with one. */
  readonly body?: readonly GuardField[];
  /** Generated JSON serializers by status ("200", ..., or "default" for any status). */
  readonly serializers?: Readonly<Record<string, JsonSerializer>>;
  /** The middleware around the route found in the source, in run order (Lua paths; `--explain`). */
  readonly middleware?: { readonly before: readonly string[]; readonly after: readonly string[] };
  /**
   * Where compiled code records the handler's closure: `$handlers[index]` of the compiled module
   * `module` (its `require` name; "" for the entry). See runtime/http/static-handlers.ts.
   */
  readonly site?: { readonly module: string; readonly index: number };
}

/**
 * Gives each route of the running app what was found for it at build time: its request use,
 * its serializers, and the rest (for the API description). A route declared more than once
 * in the source (the last assignment wins at run time) keeps the full request and the
 * generic encoder: which declaration it is cannot be told statically.
 */
export function attachStaticRoutes(routes: readonly Route[], found: readonly StaticRoute[]): void {
  const byKey = new Map<string, StaticRoute | null>();
  for (const s of found) {
    const key = `${s.method} ${s.path}`;
    byKey.set(key, byKey.has(key) ? null : s);
  }
  for (const route of routes) {
    const s = byKey.get(`${route.method.toUpperCase()} ${route.path}`);
    if (!s) continue;
    // Middleware reads the request too, unanalysed: such a route keeps the full request.
    route.uses = route.before.length + route.after.length > 0 ? FULL_REQUEST : s.uses;
    route.serializers = s.serializers;
    route.declared = s;
  }
}
