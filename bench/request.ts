// Request group: the in-process cost of handling one request, interpreted vs compiled vs
// hand-written uWS code. Two sections:
// - context: building ctx and reading what a handler reads (headers, query, route
//   parameters, body), with the full request (interpreted: FULL_REQUEST) or only what the
//   compiler proves the handler reads (compiled: the route's RequestUse);
// - handler call: one request through RoverServer's real request path (context, handler,
//   serialization, the write to uWS) for every GET route of the fixture apps.
// uWS's request and response are stand-ins (bench/http/fake-uws.ts): no socket, no parsing.
import { BodyReader, type BodySink } from '../runtime/http/body-reader.js';
import { RequestContext } from '../runtime/http/context.js';
import type { Route } from '../runtime/http/routes.js';
import type { LuaValue } from '../runtime/lua/value.js';
import { callRoute, findRoute, loadApp, type LoadedApp, type Mode } from './http/apps.js';
import { BASELINE_ROUTES } from './http/baseline-routes.js';
import { asRequest, asResponse, chunkOf, FakeRequest, FakeResponse, type RequestSpec } from './http/fake-uws.js';
import { BenchGroup, parseBenchArgs, ROOT, type MicroCase } from './lib/index.js';

const MODES: readonly Mode[] = ['interpreted', 'compiled'];
const CONTEXT_APP = 'bench/http/context-app.lua';
/** Fixture apps with GET routes (exit and load-errors are not apps to serve; bodies has no GET). */
const FIXTURE_APPS = ['hello', 'list', 'crud', 'hardening', 'responses', 'validation'];
/** Routes left out, with the reason (shown in the notes). */
const SKIPPED_ROUTES: Record<string, string> = {
  'responses GET /fail/recursion': 'it measures running out of JS stack, not handling a request',
};

// ---- requests ----

const BASE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['host', 'api.example.com'],
  ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
  ['accept', 'application/json'],
];
const MORE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['accept-encoding', 'gzip, deflate, br'],
  ['accept-language', 'en-US,en;q=0.5'],
  ['cache-control', 'no-cache'],
  ['connection', 'keep-alive'],
  ['cookie', 'session=6f1c2a9e4b7d; theme=dark'],
  ['referer', 'https://app.example.com/dashboard'],
  ['x-request-id', '2f6d8c1e-55b3-4c1a-9a7e-0d3b8f4e7a21'],
  ['x-forwarded-for', '203.0.113.7'],
  ['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl'],
];
const QUERY_PARTS = ['q=rover', 'page=2', 'sort=name', 'order=desc', 'limit=20', 'lang=en', 'fields=id%2Cname%2Cemail', 'debug=false',
  'from=2024-01-01', 'to=2024-12-31', 'tag=a', 'tag=b', 'city=S%C3%A3o+Paulo', 'v=3', 'cb=1718000000'];
const bodyOf = (n: number): Buffer => {
  const unit = '{"id":1,"name":"rover","tags":["a","b"]}'; // 40 bytes
  return Buffer.from(unit.repeat(Math.ceil(n / unit.length)).slice(0, n), 'latin1');
};

function post(url: string, more: Partial<RequestSpec> = {}): RequestSpec {
  return { method: 'POST', url, query: '', headers: BASE_HEADERS, params: [], ...more };
}

function withBody(body: Buffer): RequestSpec {
  return post('/upload', {
    headers: [...BASE_HEADERS, ['content-type', 'application/json'], ['content-length', String(body.length)]],
    body,
  });
}

// ---- context cases ----

interface ContextCase {
  name: string;
  detail: string;
  /** The context app's route (its request use comes from the compiler). */
  path: string;
  spec: RequestSpec;
  /** What the handler reads, through ctx. */
  read: (ctx: RequestContext) => unknown;
  /** The same, written by hand against uWS. */
  hand: (req: FakeRequest, res: FakeResponse, chunk: ArrayBuffer | undefined) => unknown;
}

const str = (v: LuaValue): string => v as string;
const readHeader = (ctx: RequestContext) => str(ctx.headers().getStr('user-agent'));
const readQuery = (ctx: RequestContext) => { const q = ctx.query(); return `${str(q.getStr('q'))} ${str(q.getStr('page'))}`; };
const readParams = (ctx: RequestContext) => { const p = ctx.params(); return `${str(p.getStr('shop'))}/${str(p.getStr('category'))}/${str(p.getStr('item'))}`; };
const readBody = (ctx: RequestContext) => ctx.bodyOrRaise().text();

/** A hand-written handler copies the body chunk (uWS reuses its memory) and reads it. */
function handBody(res: FakeResponse, chunk: ArrayBuffer | undefined): string {
  let text = '';
  let parts: Buffer[] = [];
  res.onAborted();
  res.onData((c, last) => {
    parts.push(Buffer.from(new Uint8Array(c)));
    if (last) {
      text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts)).toString('latin1');
      parts = [];
    }
  });
  res.feed(chunk!);
  return text;
}

const CONTEXT_CASES: readonly ContextCase[] = [
  ...[3, 12].map((n): ContextCase => ({
    name: `ctx headers ${n}`, detail: `${n} request headers; the handler reads user-agent`, path: '/headers',
    spec: post('/headers', { headers: [...BASE_HEADERS, ...MORE_HEADERS].slice(0, n) }),
    read: readHeader, hand: (req) => req.getHeader('user-agent'),
  })),
  ...[3, 8, 15].map((n): ContextCase => ({
    name: `ctx query ${n}`, detail: `${n} query parameters; the handler reads q and page`, path: '/search',
    spec: post('/search', { query: QUERY_PARTS.slice(0, n).join('&') }),
    read: readQuery, hand: (req) => { const q = new URLSearchParams(req.getQuery() ?? ''); return `${q.get('q')} ${q.get('page')}`; },
  })),
  {
    name: 'ctx params 3', detail: 'route /shops/:shop/:category/:item; the handler reads all three', path: '/shops/:shop/:category/:item',
    spec: post('/shops/acme/tools/hammer%2042', { params: ['acme', 'tools', 'hammer%2042'] }),
    read: readParams, hand: (req) => `${decodeURIComponent(req.getParameter(0))}/${decodeURIComponent(req.getParameter(1))}/${decodeURIComponent(req.getParameter(2))}`,
  },
  ...([[5, '5 B'], [40, '40 B'], [1024, '1 KB'], [10240, '10 KB']] as const).map(([n, label]): ContextCase => ({
    name: `ctx body ${label}`, detail: `a ${label} body read in one chunk; the handler reads it as text`, path: '/upload',
    spec: withBody(bodyOf(n)),
    read: readBody, hand: (_req, res, chunk) => handBody(res, chunk),
  })),
];

/** BodyReader reports to the server; here it only has to hold still. */
const SINK: BodySink = {
  limit: 1 << 20,
  bodyStarted() {},
  bodyDone() {},
  bodyFailed() { throw new Error('body refused'); },
  internalError(_res, e) { throw e; },
};

/**
 * What the server does for a request with a body (the only time it copies the request; see
 * RoverServer.request): a ctx, snapshot() of what the route may read, the body read by
 * BodyReader; then the handler's reads.
 */
function contextOp(route: Route, c: ContextCase): () => unknown {
  const chunk = c.spec.body === undefined ? undefined : chunkOf(c.spec.body);
  return () => {
    const ctx = new RequestContext(c.spec.method, route, asRequest(new FakeRequest(c.spec)));
    ctx.snapshot();
    if (chunk !== undefined) {
      const res = new FakeResponse();
      new BodyReader(SINK, asResponse(res), ctx, chunk.byteLength, false, 0);
      res.feed(chunk);
    }
    return c.read(ctx);
  };
}

function contextCase(c: ContextCase, apps: Record<Mode, LoadedApp>): MicroCase {
  const chunk = c.spec.body === undefined ? undefined : chunkOf(c.spec.body);
  const compiled = findRoute(apps.compiled, 'POST', c.path);
  return {
    name: c.name, section: 'context', detail: `${c.detail}; compiled request use ${JSON.stringify(compiled.uses)}`,
    fns: {
      interpreted: contextOp(findRoute(apps.interpreted, 'POST', c.path), c),
      compiled: contextOp(compiled, c),
      'hand-written': () => c.hand(new FakeRequest(c.spec), new FakeResponse(), chunk),
    },
  };
}

// ---- handler calls ----

/** Values for route parameters, by name. */
const PARAM_VALUES: Record<string, string> = { id: '1', name: 'rover', postId: '7', n: '10' };
/** Query strings for the routes that read one, by "<app> <path>". */
const QUERIES: Record<string, string> = {
  'hello /search': 'q=rover&page=2&lang=en',
  'crud /users': 'limit=2',
  'hardening /query': 'a=1&b=two',
  'hardening /loc/query': 'to=/next',
  'validation /direct': 'name=rover&page=3',
};
const EXTRA_HEADERS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  'hello /echo/headers': [['x-custom-header', 'bench']],
};

function getRequest(app: string, route: Route): RequestSpec {
  const params = route.params.map((p) => PARAM_VALUES[p] ?? 'x');
  let i = 0;
  const url = route.segments.length === 0 ? '/' : '/' + route.segments.map((s) => (s.param ? params[i++] : s.text)).join('/');
  return { method: 'GET', url, query: QUERIES[`${app} ${route.path}`] ?? '', headers: [...BASE_HEADERS, ...(EXTRA_HEADERS[`${app} ${route.path}`] ?? [])], params };
}

/** Puts three users in the crud app's store (POST /users), so that its GETs return something. */
function seedCrud(loaded: LoadedApp): void {
  const route = findRoute(loaded, 'POST', '/users');
  for (const [name, email] of [['Ada', 'ada@example.com'], ['Grace', 'grace@example.com'], ['Linus', 'linus@example.com']]) {
    const body = Buffer.from(JSON.stringify({ name, email }), 'utf8');
    const res = callRoute(loaded, route, { ...post('/users'), headers: [...BASE_HEADERS, ['content-length', String(body.length)]], body });
    if (!res.text().startsWith('201')) throw new Error(`${loaded.mode}: seeding crud failed: ${res.text()}`);
  }
}

interface RouteCase { name: string; app: string; path: string }

async function main(): Promise<void> {
  process.chdir(ROOT); // Lua chunk names (in error messages) are paths from the root, as in the server
  const { common } = parseBenchArgs();
  const g = new BenchGroup({
    group: 'request', title: 'Request handling (in-process)', unit: 'ns/op',
    description: 'Time per request inside the server process, without sockets or HTTP parsing: building the request context '
      + 'and reading what a handler reads, then one full handler call (context, handler, JSON, the write to uWS) per fixture GET route.',
    contestants: ['interpreted', 'compiled', 'hand-written'], baseline: 'compiled',
    comparisons: [['interpreted', 'compiled'], ['compiled', 'hand-written']],
  }, common);

  const loaded = new Map<string, Promise<Record<Mode, LoadedApp>>>();
  const apps = (file: string, setup?: (a: LoadedApp) => void) => {
    let p = loaded.get(file);
    if (p === undefined) {
      g.progress.log(`loading ${file} (interpreted, compiled)`);
      p = Promise.all(MODES.map((m) => loadApp(file, m))).then(([interpreted, compiled]) => {
        setup?.(interpreted!);
        setup?.(compiled!);
        return { interpreted: interpreted!, compiled: compiled! };
      });
      loaded.set(file, p);
    }
    return p;
  };

  // The route list comes from the interpreted app tables (both modes walk the same table).
  const routeCases: RouteCase[] = [];
  for (const app of FIXTURE_APPS) {
    const file = `fixtures/http/${app}/app.lua`;
    const { routes } = await loadApp(file, 'interpreted');
    for (const r of routes) {
      if (r.method !== 'get') continue;
      const name = `${app} GET ${r.path}`;
      if (SKIPPED_ROUTES[name] !== undefined) continue;
      routeCases.push({ name, app, path: r.path });
    }
  }
  for (const [name, why] of Object.entries(SKIPPED_ROUTES)) g.note(`${name} is left out: ${why}`);

  // Each select() keeps its first case under --smoke: one of each section.
  const contextCases = g.select(CONTEXT_CASES);
  const chosenRoutes = g.select(routeCases);
  g.progress.plan(contextCases.length + chosenRoutes.length);

  for (const c of contextCases) g.measure(contextCase(c, await apps(CONTEXT_APP)));

  for (const rc of chosenRoutes) {
    const file = `fixtures/http/${rc.app}/app.lua`;
    const both = await apps(file, rc.app === 'crud' ? seedCrud : undefined);
    const spec = getRequest(rc.app, findRoute(both.interpreted, 'GET', rc.path));
    const fns: Record<string, () => unknown> = {};
    for (const m of MODES) {
      const route = findRoute(both[m], 'GET', rc.path);
      fns[m] = () => callRoute(both[m], route, spec);
    }
    const hand = BASELINE_ROUTES.find((b) => b.app === rc.app && b.path === rc.path);
    if (hand !== undefined) {
      fns['hand-written'] = () => {
        const res = new FakeResponse();
        hand.handler(asResponse(res), asRequest(new FakeRequest(spec)));
        return res;
      };
    }
    const query = spec.query ? `?${spec.query}` : '';
    g.measure({ name: rc.name, section: 'handler call', detail: `GET ${spec.url}${query}`, fns, canon: (r) => (r as FakeResponse).text() });
  }

  g.finish();
}

await main();
