// Routes found statically in a route file, and what each handler reads from its request.
// The running app table stays the truth (the server walks it at start-up, in both modes);
// this analysis tells compiled mode which request fields a handler can reach, so that it
// copies those and nothing else, and where each handler is defined (compiled code records the
// closure each definition makes: routes.ts exports it typed, and start-up checks it against
// the app table, runtime/http/static-handlers.ts). A route it cannot place, or a handler
// whose `ctx` escapes, simply gets the full request.
import type { AnyCall, Expression, FunctionDeclaration, MemberExpression, Node } from '../frontend/ast.js';
import { isCall, lineOf } from '../frontend/ast.js';
import { parentMap, walk } from '../frontend/parse.js';
import { FULL_REQUEST, type FieldUse, type RequestUse, type StaticRoute } from '../../runtime/http/request-use.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';
import { RESERVED_KEYS } from '../../runtime/http/routes.js';

export const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** Keys that never make a path segment: middleware tables and the names the server refuses. */
const NOT_SEGMENTS: ReadonlySet<string> = new Set(['before', 'after', ...RESERVED_KEYS]);

/** Keys written `.name` in a Lua path (as the server's route table writes them); others `["key"]`. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Routes declared in a module: `function api.a.p_id.get(ctx)` and `api.a.get = function(ctx)`
 * (or `api["a.json"].get = ...`), where `api` is a local holding `rover.server(...)` or a
 * sub-table alias of it (`local users = api.users`).
 */
export function staticRoutes(res: Resolution): StaticRoute[] {
  return routeHandlers(res).map((r) => r.route);
}

/** A route found in the source, with its handler and the local that holds the app. */
export interface RouteHandler {
  readonly route: StaticRoute;
  readonly handler: FunctionDeclaration;
  readonly app: LocalVar;
}

/** A `before`/`after` function found in the source: `function api.admin.before.auth(ctx)`. */
interface MiddlewareDecl {
  readonly kind: 'before' | 'after';
  /** The keys of the table it belongs to, under the app: ['admin']. */
  readonly scope: readonly string[];
  readonly luaPath: string;
}

function luaPathOf(chain: readonly string[]): string {
  return chain[0] + chain.slice(1).map((k) => (IDENTIFIER.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');
}

/**
 * The middleware that runs around a route, as the server orders it at run time
 * (runtime/http/routes.ts): befores from the app table inward, each table's in declaration
 * order; afters as Rover runs them (the reverse of innermost-table-first).
 */
function chainFor(keys: readonly string[], decls: readonly MiddlewareDecl[]): { before: string[]; after: string[] } {
  const applies = (d: MiddlewareDecl) => d.scope.length <= keys.length && d.scope.every((k, i) => keys[i] === k);
  const byDepth = (kind: 'before' | 'after') => decls.filter((d) => d.kind === kind && applies(d))
    .map((d, i) => ({ d, i })).sort((a, b) => a.d.scope.length - b.d.scope.length || a.i - b.i).map((x) => x.d.luaPath);
  const afters: string[] = [];
  // innermost table first, each in declaration order; then run in reverse
  for (let depth = keys.length; depth >= 0; depth--) {
    for (const d of decls) if (d.kind === 'after' && d.scope.length === depth && applies(d)) afters.push(d.luaPath);
  }
  return { before: byDepth('before'), after: afters.reverse() };
}

export function routeHandlers(res: Resolution): RouteHandler[] {
  const roots = new Map<LocalVar, string[]>();
  const apps = new Map<LocalVar, LocalVar>();
  const routes: RouteHandler[] = [];
  const middleware: MiddlewareDecl[] = [];
  const routeKeys = new Map<RouteHandler, string[]>();
  /** `api.x.before.name = fn`, `api.x.before = fn` or `api.x.before = { name = fn }`. */
  const addMiddleware = (target: Expression, value: Expression): boolean => {
    const chain = chainOf(target);
    if (chain === undefined || chain.length < 2) return false;
    const at = chain.length - 2;
    if (value.type === 'FunctionDeclaration' && (chain[at] === 'before' || chain[at] === 'after') && at >= 1) {
      middleware.push({ kind: chain[at] as 'before' | 'after', scope: chain.slice(1, at), luaPath: luaPathOf(chain) });
      return true;
    }
    const last = chain[chain.length - 1];
    if (last !== 'before' && last !== 'after') return false;
    if (value.type === 'FunctionDeclaration') {
      middleware.push({ kind: last, scope: chain.slice(1, -1), luaPath: luaPathOf(chain) });
      return true;
    }
    if (value.type === 'TableConstructorExpression') {
      for (const f of value.fields) {
        if (f.type === 'TableKeyString' && f.value.type === 'FunctionDeclaration') {
          middleware.push({ kind: last, scope: chain.slice(1, -1), luaPath: luaPathOf([...chain, f.key.name]) });
        }
      }
      return true;
    }
    return false;
  };
  const chainOf = (e: Expression): string[] | undefined => {
    if (e.type === 'Identifier') {
      const ref = res.refs.get(e);
      return ref === undefined || ref.kind === 'global' || ref.v.reassigned ? undefined : roots.get(ref.v);
    }
    if (e.type === 'MemberExpression' && e.indexer === '.') {
      const base = chainOf(e.base);
      return base === undefined ? undefined : [...base, e.identifier.name];
    }
    // api["openapi.json"].post: keys that are not names
    if (e.type === 'IndexExpression' && e.index.type === 'StringLiteral') {
      const base = chainOf(e.base);
      return base === undefined ? undefined : [...base, e.index.value];
    }
    return undefined;
  };
  const add = (target: Expression, fn: FunctionDeclaration, at: Node): void => {
    const chain = chainOf(target);
    if (chain === undefined || chain.length < 2) return;
    const method = chain[chain.length - 1];
    if (!(ROUTE_METHODS as readonly string[]).includes(method)) return;
    // `api.before.get` is middleware named get; `api.json.get` a load error (runtime/http/routes.ts)
    if (chain.slice(1, -1).some((k) => NOT_SEGMENTS.has(k) || k.startsWith('__rover_'))) return;
    const segments = chain.slice(1, -1).map((k) => (k.startsWith('p_') ? `:${k.slice(2)}` : k));
    if (segments.some((s) => s === ':')) return; // a load error at run time
    const route = {
      method: method.toUpperCase(),
      path: '/' + segments.join('/'),
      luaPath: luaPathOf(chain),
      file: res.file,
      line: lineOf(at),
      uses: requestUse(res, fn),
    };
    const handler = { route, handler: fn, app: appOf(target)! };
    routes.push(handler);
    routeKeys.set(handler, chain.slice(1, -1));
  };
  /** The app local behind a chain of fields (`users.p_id` -> `api`). */
  const appOf = (e: Expression): LocalVar | undefined => {
    while (e.type === 'MemberExpression' || e.type === 'IndexExpression') e = e.base;
    const ref = e.type === 'Identifier' ? res.refs.get(e) : undefined;
    return ref === undefined || ref.kind === 'global' ? undefined : apps.get(ref.v);
  };
  walk(res.chunk, (n) => {
    if (n.type === 'LocalStatement' && n.variables.length === 1 && n.init.length === 1) {
      const v = res.decls.get(n.variables[0])!;
      const init = n.init[0];
      if (isServerCall(res, init)) {
        roots.set(v, [n.variables[0].name]);
        apps.set(v, v);
      } else {
        const chain = chainOf(init);
        if (chain !== undefined) {
          roots.set(v, chain);
          apps.set(v, appOf(init)!);
        }
      }
    } else if (n.type === 'FunctionDeclaration' && !n.isLocal && n.identifier?.type === 'MemberExpression') {
      if (!addMiddleware(n.identifier, n)) add(n.identifier, n, n);
    } else if (n.type === 'AssignmentStatement' && n.variables.length === 1 && n.init.length === 1 && n.variables[0].type === 'MemberExpression') {
      if (!addMiddleware(n.variables[0], n.init[0]) && n.init[0].type === 'FunctionDeclaration') add(n.variables[0], n.init[0], n);
    }
  });
  if (middleware.length === 0) return routes;
  // Middleware reads the request too, unanalysed: such routes get the full request.
  return routes.map((r) => {
    const chain = chainFor(routeKeys.get(r)!, middleware);
    if (chain.before.length + chain.after.length === 0) return r;
    return { ...r, route: { ...r.route, uses: FULL_REQUEST, middleware: chain } };
  });
}

/** The module calls `rover.server`: it is a Rover app (build writes a server.js for it). */
export function isRoverApp(res: Resolution): boolean {
  let found = false;
  walk(res.chunk, (n) => {
    if (!found && isCall(n) && isServerCall(res, n)) found = true;
  });
  return found;
}

/** `rover.server(...)` or `rover.server{...}` with the global `rover`. */
function isServerCall(res: Resolution, e: Expression): boolean {
  if (!isCall(e) || e.base.type !== 'MemberExpression' || e.base.indexer !== '.' || e.base.identifier.name !== 'server') return false;
  const base = e.base.base;
  return base.type === 'Identifier' && base.name === 'rover' && res.refs.get(base)?.kind === 'global';
}

/** What a handler reads through its first parameter; everything when `ctx` escapes. */
export function requestUse(res: Resolution, fn: FunctionDeclaration): RequestUse {
  const info = res.functions.get(fn);
  const ctx = info?.params[0];
  // with no parameter, a vararg handler still has ctx in `...`, which may go anywhere
  if (ctx === undefined) return info?.isVararg !== false ? FULL_REQUEST : { ...NO_USE, transient: true };
  if (ctx.reassigned) return FULL_REQUEST;
  const use: { -readonly [K in keyof RequestUse]: RequestUse[K] } = { ...NO_USE };
  const parents = parentMap(fn);
  let escapes = false;
  let nested = false;
  walk(fn, (n) => {
    if (escapes || n.type !== 'Identifier') return;
    const ref = res.refs.get(n);
    if (ref === undefined || ref.kind === 'global' || ref.v !== ctx) return;
    // a function made inside the handler may outlive it, and ctx with it
    if (enclosingFunction(parents, n) !== fn) nested = true;
    const parent = parents.get(n);
    if (parent?.type === 'MemberExpression' && parent.base === n) {
      const member = parent as MemberExpression;
      const name = member.identifier.name;
      if (member.indexer === '.' && (name === 'method' || name === 'path') && !isAssignTarget(parents, member)) return;
      const call = parents.get(member);
      if (member.indexer === ':' && call !== undefined && isCall(call) && (call as AnyCall).base === member) {
        switch (name) {
          case 'params': use.params = true; return;
          case 'body': use.body = true; return;
          // header lookups are case-insensitive: the server copies names in lower case
          case 'headers': use.headers = merge(use.headers, lowerCase(keysRead(res, parents, call as AnyCall))); return;
          case 'query': use.query = merge(use.query, keysRead(res, parents, call as AnyCall)); return;
          // request state and id: they read no request field
          case 'set': case 'get': case 'request_id': return;
        }
      }
    }
    escapes = true;
  });
  if (escapes) return FULL_REQUEST;
  if (!nested) use.transient = true;
  return use;
}

const NO_USE: RequestUse = { headers: 'none', query: 'none', params: false, body: false };

function lowerCase(use: FieldUse): FieldUse {
  return typeof use === 'string' ? use : [...new Set(use.map((k) => k.toLowerCase()))].sort();
}

function merge(a: FieldUse, b: FieldUse): FieldUse {
  if (a === 'all' || b === 'all') return 'all';
  if (a === 'none') return b;
  if (b === 'none') return a;
  return [...new Set([...a, ...b])].sort();
}

/**
 * The constant keys read from the table a `ctx:headers()` call returns: used in place
 * (`ctx:headers()["user-agent"]`), or through a local that is only ever indexed by constants.
 */
function keysRead(res: Resolution, parents: Map<Node, Node>, call: AnyCall): FieldUse {
  const key = constantKey(parents.get(call), call);
  if (key !== undefined) return key === null ? 'all' : [key];
  const stmt = parents.get(call);
  if (stmt?.type !== 'LocalStatement' || stmt.variables.length !== 1 || stmt.init[0] !== call) return 'all';
  const v = res.decls.get(stmt.variables[0])!;
  if (v.reassigned) return 'all';
  const keys = new Set<string>();
  let dynamic = false;
  const scope = enclosingFunction(parents, stmt);
  if (scope === undefined) return 'all';
  walk(scope, (n) => {
    if (dynamic || n.type !== 'Identifier') return;
    const ref = res.refs.get(n);
    if (ref === undefined || ref.kind === 'global' || ref.v !== v) return;
    const k = constantKey(parents.get(n), n);
    if (k === undefined || k === null || isAssignTarget(parents, parents.get(n)!)) dynamic = true;
    else keys.add(k);
  });
  return dynamic ? 'all' : [...keys].sort();
}

/** `x.name` or `x["const"]` read on `base`: the key; null for another index; undefined otherwise. */
function constantKey(parent: Node | undefined, base: Node): string | null | undefined {
  if (parent?.type === 'MemberExpression' && parent.base === base && parent.indexer === '.') return parent.identifier.name;
  if (parent?.type === 'IndexExpression' && parent.base === base) {
    return parent.index.type === 'StringLiteral' ? parent.index.value : null;
  }
  return undefined;
}

function isAssignTarget(parents: Map<Node, Node>, e: Node): boolean {
  const p = parents.get(e);
  return p?.type === 'AssignmentStatement' && (p.variables as Node[]).includes(e);
}

function enclosingFunction(parents: Map<Node, Node>, n: Node): FunctionDeclaration | undefined {
  for (let p = parents.get(n); p !== undefined; p = parents.get(p)) {
    if (p.type === 'FunctionDeclaration') return p;
  }
  return undefined;
}
