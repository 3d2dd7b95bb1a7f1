// Server group: end-to-end HTTP on loopback under wrk, for fixture routes: the compiled
// build (out/<app>/server.js), `roverc serve --mode interpreted`, the hand-written uWS
// server (http-baseline.ts), uWS answering a constant body (http-constant.ts, the
// ceiling) and, where its private copy is installed, nginx + lua-nginx-module with one
// worker (http/nginx.ts). Server on core 0, wrk on core 1 (taskset). The value is the
// server's CPU time per request (/proc/<pid>/stat of its processes over the measured
// interval): on a shared 2-core machine req/s also measures wrk and the neighbours.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { comparable, coreTicks, firstDifference, headerSetComparable, HOST, killTree, rawGet, running, startServer, stopServer, treeCpuSeconds, treePeakRssMb, type Command, type Server } from './http/servers.js';
import { nginxCommand, nginxProblem } from './http/nginx.js';
import { missingTools, runWrk, WRK_REPORT_SCRIPT } from './http/wrk.js';
import { buildExample } from '../compiler/tools/build-out.js';
import { BenchGroup, median, parseBenchArgs, ROOT, type Cell } from './lib/index.js';

interface Scenario { name: string; app: string; path: string; route: string }
const SCENARIOS: readonly Scenario[] = [
  { name: 'hello', app: 'hello', path: '/hello', route: 'GET /hello' },
  { name: 'params', app: 'hello', path: '/users/42', route: 'GET /users/:id' },
  { name: 'small-params', app: 'small', path: '/users/42', route: 'GET /users/:id, no request log' },
  { name: 'small-echo', app: 'small', path: '/echo?a=1&b=two', route: 'GET /echo: a two-field echo of the query, no request log' },
  { name: 'list100', app: 'list', path: '/items', route: 'GET /items (100 objects)' },
];

const SERVER_CORE = '0';
const LOAD_CORE = '1';
/** What a contestant's command may need: the app, the port, the reference body (a file) with its type, a folder for its files. */
interface Launch { app: string; port: number; bodyFile: string; type: string; dir: string }
interface Contestant {
  name: string;
  /** `node <args>`, or another executable */
  launch: (l: Launch) => string[] | Command;
  /** The response as compared with the reference's (default: comparable(), byte for byte but Date and the request id). */
  compare?: (raw: string) => string;
}

/** The first contestant's response is the reference the others must match byte for byte. */
const NODE_CONTESTANTS: readonly Contestant[] = [
  { name: 'interpreted', launch: (l) => ['bin/roverc.js', 'serve', `fixtures/http/${l.app}/app.lua`, '--mode', 'interpreted', '--host', HOST, '--port', String(l.port)] },
  { name: 'compiled', launch: (l) => [`out/${l.app}/server.js`, '--host', HOST, '--port', String(l.port)] },
  { name: 'hand-written', launch: (l) => ['dist/bench/http-baseline.js', '--host', HOST, '--port', String(l.port)] },
  { name: 'constant', launch: (l) => ['dist/bench/http-constant.js', '--body-file', l.bodyFile, '--type', l.type, '--host', HOST, '--port', String(l.port)] },
];
/**
 * nginx + lua-nginx-module + LuaJIT, one worker (bench/http/nginx.ts), where its private copy is
 * installed: nginx writes its own headers first, so its headers are compared as a set.
 */
const NGINX_CONTESTANT: Contestant = { name: 'nginx', launch: (l) => nginxCommand(l.app, l.port, l.dir), compare: headerSetComparable };

/** One timed run. cpuUs: server CPU µs per request; cpu: share of one core the server used; busy0/1: share of cores 0 and 1 used by anything. */
interface Sample { cpuUs: number; rps: number; p50Ms: number; p99Ms: number; cpu: number; busy0: number; busy1: number }

/**
 * out/<app>/ holds the committed build; its runtime copy (out/<app>/roverc/) is git-ignored.
 * A missing copy is taken from a fresh build in a temporary folder: the committed files are
 * never rewritten (the test that out/ is fresh must see them as committed).
 */
function ensureBuilt(apps: string[], log: (s: string) => void): void {
  // Always anew: a runtime copy left by an older build would run old runtime code unnoticed.
  log(`copying out/*/roverc from a fresh build for ${apps.join(', ')}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-out-'));
  try {
    for (const app of apps) {
      buildExample(app, path.join(tmp, app));
      const target = path.join(ROOT, 'out', app, 'roverc');
      rmSync(target, { recursive: true, force: true });
      cpSync(path.join(tmp, app, 'roverc'), target, { recursive: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface RunOptions { script: string; warmup: number; duration: number; runs: number; connections: number }

async function main(): Promise<void> {
  const { common, values } = parseBenchArgs({ duration: { type: 'string' }, runs: { type: 'string' }, connections: { type: 'string' } });
  const opts: RunOptions = {
    script: '',
    duration: Number(values.duration ?? (common.quick ? 2 : 5)),
    runs: Number(values.runs ?? (common.quick ? 1 : 3)),
    connections: Number(values.connections ?? 64),
    warmup: common.quick ? 1 : 2,
  };
  for (const k of ['duration', 'runs', 'connections'] as const) {
    if (!Number.isInteger(opts[k]) || opts[k] < 1) throw new Error(`--${k} must be a positive integer, got ${opts[k]}`);
  }
  const { script: _script, ...shown } = opts;
  const nginxMissing = nginxProblem();
  const contestants = nginxMissing === undefined ? [...NODE_CONTESTANTS, NGINX_CONTESTANT] : NODE_CONTESTANTS;
  const g = new BenchGroup({
    group: 'server', title: 'Server: HTTP end to end', unit: 'CPU µs/req', better: 'lower',
    description: `Server CPU time per request (user+sys of all its processes and threads, /proc/<pid>/stat, over the measured interval) over loopback under wrk (-t1 -c${opts.connections}, keep-alive, one path), server on core ${SERVER_CORE} and wrk on core ${LOAD_CORE}; `
      + `${opts.duration} s runs after a ${opts.warmup} s warm-up, interleaved and rotated, median of ${opts.runs}. `
      + 'interpreted: `roverc serve --mode interpreted`; compiled: `node out/<app>/server.js`; hand-written: bench/http/baseline-routes.ts on uWS with JSON.stringify; '
      + 'constant: uWS answering the reference body read once (bench/http-constant.ts), the ceiling of the HTTP path'
      + (nginxMissing === undefined ? '; nginx: nginx + lua-nginx-module + LuaJIT, one worker, running the fixture\'s handlers (bench/http/nginx.ts).' : '.'),
    contestants: contestants.map((c) => c.name), baseline: 'hand-written',
    comparisons: [['compiled', 'hand-written'], ['compiled', 'constant'], ['interpreted', 'compiled'], ...nginxMissing === undefined ? [['nginx', 'compiled'] as [string, string]] : []],
    metrics: [
      { key: 'rps', label: 'req/s', digits: 0 }, { key: 'p50Ms', label: 'p50 ms' }, { key: 'p99Ms', label: 'p99 ms' }, { key: 'rssMb', label: 'peak RSS MB', digits: 0 },
      { key: 'cpu', label: 'server CPU', unit: '%', digits: 0 },
      { key: 'busy0', label: 'core 0 busy', unit: '%', digits: 0 }, { key: 'busy1', label: 'core 1 busy', unit: '%', digits: 0 },
    ],
  }, common, shown);
  const missing = missingTools();
  if (missing.length > 0) {
    g.skip(missing.join('; '));
    return;
  }
  const scenarios = g.select(SCENARIOS);
  g.progress.plan(scenarios.length * contestants.length * (opts.runs + 1));
  ensureBuilt([...new Set(scenarios.map((s) => s.app))], (s) => g.progress.log(s));
  g.note('the hello fixture has log_level = "info": interpreted and compiled write a request log line per request (to /dev/null), as a deployed app would, and nginx its access log line (to /dev/null); small, list and the hand-written and constant servers log nothing');
  g.note(nginxMissing === undefined
    ? 'nginx: nginx 1.22 + lua-nginx-module + OpenResty\'s LuaJIT (Debian packages unpacked by bench/tools/install-nginx.sh), one worker, running the fixture\'s own handlers (bench/http/nginx/rover_routes.lua) with JSON written in Lua in roverc\'s key order and number digits (cjson cannot: hash order, %.14g); its CPU is the master\'s and the worker\'s; the request log as the fixture has it (hello: access_log to /dev/null); its headers are compared as a set, its own (Server, Connection) left out, the body byte for byte'
    : `nginx + LuaJIT contestant: skipped (${nginxMissing})`);

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-server-bench-'));
  opts.script = path.join(tmp, 'report.lua');
  writeFileSync(opts.script, WRK_REPORT_SCRIPT);
  const stopAll = () => { for (const c of running) killTree(c); rmSync(tmp, { recursive: true, force: true }); };
  process.once('SIGINT', () => { stopAll(); process.exit(130); });
  try {
    for (const s of scenarios) await runScenario(g, s, opts, contestants);
  } finally {
    stopAll();
  }
  g.finish();
}

/** Starts every contestant, checks its answer, warms it up, then the interleaved timed runs. */
async function runScenario(g: BenchGroup, scenario: Scenario, o: RunOptions, contestants: readonly Contestant[]): Promise<void> {
  const cells: Record<string, Cell> = {};
  const samples: Record<string, Sample[]> = {};
  for (const c of contestants) { cells[c.name] = { value: null, samples: [] }; samples[c.name] = []; }
  const fail = (name: string, e: unknown) => {
    cells[name]!.error = e instanceof Error ? e.message : String(e);
    g.progress.log(`FAIL ${scenario.name} / ${name}: ${cells[name]!.error}`);
  };
  const servers: Array<Server | undefined> = [];
  let reference: string | undefined;
  // the constant server answers the reference's body, written here once the first contestant answered
  const bodyFile = path.join(path.dirname(o.script), `${scenario.name}.body`);
  let type = 'application/json';
  for (const [i, c] of contestants.entries()) {
    g.progress.step(`${scenario.name}: ${c.name} start, check the response, warm up ${o.warmup} s`);
    try {
      const dir = path.dirname(o.script);
      const server = servers[i] = await startServer(SERVER_CORE, (port) => c.launch({ app: scenario.app, port, bodyFile, type, dir }), scenario.path);
      const response = comparable(await rawGet(server.port, scenario.path));
      if (!response.startsWith('HTTP/1.1 200 ')) throw new Error(`answered ${JSON.stringify(response.split('\r\n')[0])}`);
      if (reference === undefined) {
        reference = response;
        const split = response.indexOf('\r\n\r\n');
        writeFileSync(bodyFile, Buffer.from(response.slice(split + 4), 'latin1'));
        type = /^content-type: ([^\r]*)/im.exec(response.slice(0, split))?.[1] ?? type;
      }
      const same = c.compare ?? ((raw: string) => raw);
      if (same(response) !== same(reference)) throw new Error(firstDifference(same(response), same(reference)));
      await runWrk(LOAD_CORE, o.script, server.port, scenario.path, o.warmup, o.connections);
    } catch (e) {
      fail(c.name, e);
    }
  }
  // Timed runs, interleaved and rotated so that background load and ordering hit all alike.
  for (let r = 0; r < o.runs; r++) {
    for (let k = 0; k < contestants.length; k++) {
      const i = (k + r) % contestants.length;
      const c = contestants[i]!;
      const server = servers[i];
      g.progress.step(`${scenario.name}: ${c.name} run ${r + 1}/${o.runs}, ${o.duration} s`);
      if (cells[c.name]!.error !== undefined || server === undefined) continue;
      try {
        const cpu0 = treeCpuSeconds(server.pid), cores0 = coreTicks();
        const report = await runWrk(LOAD_CORE, o.script, server.port, scenario.path, o.duration, o.connections);
        const cpu = treeCpuSeconds(server.pid) - cpu0, cores1 = coreTicks();
        const busy = (core: number) => (cores1[core]!.busy - cores0[core]!.busy) / (cores1[core]!.total - cores0[core]!.total || 1);
        const seconds = report.durationUs / 1e6;
        samples[c.name]!.push({
          cpuUs: report.requests > 0 ? cpu * 1e6 / report.requests : NaN,
          rps: report.requests / seconds, p50Ms: report.p50Us / 1000, p99Ms: report.p99Us / 1000,
          cpu: cpu / seconds, busy0: busy(0), busy1: busy(1),
        });
      } catch (e) {
        const gone = server.child.exitCode !== null || server.child.signalCode !== null;
        fail(c.name, gone ? new Error(`${(e as Error).message}; server exited: ${server.stderr().trim().slice(-300)}`) : e);
      }
    }
  }
  for (const [i, c] of contestants.entries()) {
    const cell = cells[c.name]!;
    const server = servers[i];
    const rss = server !== undefined && server.child.exitCode === null ? treePeakRssMb(server.pid) : null;
    const ss = samples[c.name]!;
    if (cell.error !== undefined || ss.length === 0) { cell.samples = []; continue; }
    const of = (k: keyof Sample) => median(ss.map((s) => s[k]));
    cell.samples = ss.map((s) => s.cpuUs);
    cell.value = of('cpuUs');
    cell.extra = {
      rps: of('rps'), p50Ms: of('p50Ms'), p99Ms: of('p99Ms'), rssMb: rss, cpu: of('cpu') * 100,
      busy0: of('busy0') * 100, busy1: of('busy1') * 100,
    };
  }
  await Promise.all(servers.map((s) => s && stopServer(s.child)));
  g.addRow({ name: scenario.name, detail: `${scenario.route}, fixtures/http/${scenario.app}; requested as ${scenario.path}`, cells });
}

await main();
