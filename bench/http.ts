// HTTP benchmark: end-to-end throughput of fixture routes under wrk on loopback, for the
// interpreter, the compiled build (out/<app>/server.js) and a hand-written uWS.js server.
// The server runs on core 0 and wrk on core 1 (taskset). See bench/README.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Scenario { name: string; app: string; path: string; route: string }
const SCENARIOS: readonly Scenario[] = [
  { name: 'hello', app: 'hello', path: '/hello', route: 'GET /hello' },
  { name: 'params', app: 'hello', path: '/users/42', route: 'GET /users/:id' },
  { name: 'list100', app: 'list', path: '/items', route: 'GET /items (100 objects)' },
];

type ContestantName = 'interpreted' | 'compiled' | 'hand-written';
const HOST = '127.0.0.1';
const SERVER_CORE = '0';
const LOAD_CORE = '1';
/** The first contestant's response is the reference the others must match byte for byte. */
const CONTESTANTS: ReadonlyArray<{ name: ContestantName; args: (app: string, port: number) => string[] }> = [
  { name: 'interpreted', args: (app, port) => ['bin/roverc.js', 'serve', `fixtures/http/${app}/app.lua`, '--mode', 'interpreted', '--host', HOST, '--port', String(port)] },
  { name: 'compiled', args: (app, port) => [`out/${app}/server.js`, '--host', HOST, '--port', String(port)] },
  { name: 'hand-written', args: (_app, port) => ['dist/bench/http-baseline.js', '--host', HOST, '--port', String(port)] },
];

// Only `done` is defined, so wrk still sends its static request (no per-request Lua).
const WRK_REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"bytes":%d,"p99Us":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
`;

interface WrkReport { requests: number; durationUs: number; bytes: number; p99Us: number; errors: Record<string, number> }
/** cpu: share of one core the server used; busy0/busy1: share of cores 0 and 1 used by anything. */
interface Sample { rps: number; p99Ms: number; rssMb: number; cpu: number; reqPerCpuSec: number; busy0: number; busy1: number }
interface Result {
  scenario: string; contestant: ContestantName; status: 'ok' | 'failed'; error?: string;
  samples: Sample[]; median: Sample | null;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
const running = new Set<ChildProcess>();

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free on HOST right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The raw response (status line, headers, body) to one GET, as latin1 text. */
function rawGet(port: number, urlPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, HOST, () => socket.end(`GET ${urlPath} HTTP/1.1\r\nHost: ${HOST}:${port}\r\nConnection: close\r\n\r\n`));
    socket.setTimeout(5000, () => socket.destroy(new Error('no response within 5 s')));
    socket.on('data', (c: Buffer) => chunks.push(c)).on('error', reject).on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** The response without its Date header, the one part that may differ between two servers. */
const comparable = (raw: string): string => raw.replace(/^date: [^\r\n]*\r\n/im, '');

function firstDifference(got: string, want: string): string {
  let i = 0;
  while (i < got.length && got[i] === want[i]) i++;
  return `response differs at byte ${i}: got ${JSON.stringify(got.slice(i, i + 40))}, expected ${JSON.stringify(want.slice(i, i + 40))}`;
}

/** Sum of user+sys CPU seconds of all threads of a process (Linux /proc). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
}

/** Busy and total clock ticks per core since boot (/proc/stat); idle and iowait are not busy. */
function coreTicks(): Array<{ busy: number; total: number }> {
  return readFileSync('/proc/stat', 'latin1').split('\n').filter((l) => /^cpu\d/.test(l)).map((l) => {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = l.split(/\s+/).slice(1).map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq!;
    return { busy, total: busy + idle! + iowait! + steal! };
  });
}

function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

interface Server { child: ChildProcess; pid: number; port: number; stderr: () => string }

/** Starts a contestant on core 0 and waits until it answers HTTP (60 s at most). */
async function startServer(args: (port: number) => string[], probePath: string): Promise<Server> {
  const port = await freePort();
  // stdout goes to /dev/null: the request log is written (as in production) but not read.
  const child = spawn('taskset', ['-c', SERVER_CORE, process.execPath, ...args(port)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { if (stderr.length < 4000) stderr += s; });
  let exited = false;
  child.on('exit', () => { exited = true; running.delete(child); });
  const lastLine = () => stderr.trim().split('\n').pop() ?? '';
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (exited) throw new Error(`server exited before answering (exit code ${child.exitCode})${stderr ? `: ${lastLine()}` : ''}`);
    try {
      await rawGet(port, probePath);
      return { child, pid: child.pid!, port, stderr: () => stderr };
    } catch {
      await sleep(100);
    }
  }
  await stopServer(child);
  throw new Error('server did not answer within 60 s');
}

/** SIGTERM (roverc stops cleanly on it), SIGKILL after 5 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Runs wrk on core 1 against the server; rejects when it fails or reports any error. */
function runWrk(script: string, port: number, urlPath: string, seconds: number, connections: number): Promise<WrkReport> {
  const args = ['-c', LOAD_CORE, 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, `http://${HOST}:${port}${urlPath}`];
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || line === undefined) { reject(new Error(`wrk failed (exit ${code}): ${out.trim().slice(-300)}`)); return; }
      const report = JSON.parse(line) as WrkReport;
      const errors = Object.entries(report.errors).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
      if (errors.length > 0) reject(new Error(`wrk saw errors: ${errors.join(', ')} (${report.requests} requests)`));
      else if (report.requests === 0) reject(new Error('wrk completed no request'));
      else resolve(report);
    });
  });
}

/** Which tools are missing, with how to install each (the script never installs anything). */
function missingTools(): string[] {
  const missing: string[] = [];
  if (spawnSync('wrk', ['--version']).error) missing.push('wrk: not found; install it with `sudo apt-get install wrk` (Debian/Ubuntu) or from https://github.com/wg/wrk');
  if (spawnSync('taskset', ['-V']).error) missing.push('taskset: not found; it is in util-linux (`sudo apt-get install util-linux`)');
  if (os.cpus().length < 2) missing.push(`two cores are needed (server on core ${SERVER_CORE}, wrk on core ${LOAD_CORE}); this machine has ${os.cpus().length}`);
  return missing;
}

/** out/<app>/ holds the committed build; its runtime copy (out/<app>/roverc/) is git-ignored. */
function ensureBuilt(apps: string[]): void {
  if (apps.every((app) => existsSync(path.join(root, 'out', app, 'roverc')))) return;
  process.stderr.write('out/*/roverc missing: running the build:out step (node dist/compiler/tools/build-out.js)\n');
  const built = spawnSync(process.execPath, ['dist/compiler/tools/build-out.js'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building out/ failed');
}

interface RunOptions { script: string; warmup: number; duration: number; runs: number; connections: number }

/** Per scenario: start every contestant, check its answer, warm it up, then the interleaved timed runs. */
async function runScenarios(scenarios: readonly Scenario[], options: RunOptions, results: Result[]): Promise<void> {
  const { script, warmup, duration, runs, connections } = options;
  for (const scenario of scenarios) {
    const log = (what: string) => process.stderr.write(`[${scenario.name}] ${what}\n`);
    const rows = CONTESTANTS.map((c): Result => ({ scenario: scenario.name, contestant: c.name, status: 'ok', samples: [], median: null }));
    const fail = (i: number, e: unknown) => {
      rows[i]!.status = 'failed';
      rows[i]!.error = e instanceof Error ? e.message : String(e);
      log(`${CONTESTANTS[i]!.name}: FAIL ${rows[i]!.error}`);
    };
    // Start every contestant and check its response against the reference before any timing.
    const servers: Array<Server | undefined> = [];
    let reference: string | undefined;
    for (const [i, c] of CONTESTANTS.entries()) {
      log(`${c.name}: start, check the response, warm up ${warmup} s`);
      try {
        const server = servers[i] = await startServer((port) => c.args(scenario.app, port), scenario.path);
        const response = comparable(await rawGet(server.port, scenario.path));
        if (!response.startsWith('HTTP/1.1 200 ')) throw new Error(`answered ${JSON.stringify(response.split('\r\n')[0])}`);
        reference ??= response;
        if (response !== reference) throw new Error(firstDifference(response, reference));
        await runWrk(script, server.port, scenario.path, warmup, connections);
      } catch (e) {
        fail(i, e);
      }
    }
    // Timed runs, interleaved and rotated so that background load and ordering hit all alike.
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < CONTESTANTS.length; k++) {
        const i = (k + r) % CONTESTANTS.length;
        const server = servers[i];
        if (rows[i]!.status !== 'ok' || server === undefined) continue;
        log(`${CONTESTANTS[i]!.name}: run ${r + 1}/${runs}, ${duration} s`);
        try {
          const cpu0 = cpuSeconds(server.pid), cores0 = coreTicks();
          const report = await runWrk(script, server.port, scenario.path, duration, connections);
          const cpu = cpuSeconds(server.pid) - cpu0, cores1 = coreTicks();
          const busy = (core: number) => (cores1[core]!.busy - cores0[core]!.busy) / (cores1[core]!.total - cores0[core]!.total || 1);
          const seconds = report.durationUs / 1e6;
          rows[i]!.samples.push({
            rps: report.requests / seconds, p99Ms: report.p99Us / 1000, rssMb: rssMb(server.pid),
            cpu: cpu / seconds, reqPerCpuSec: cpu > 0 ? report.requests / cpu : NaN, busy0: busy(0), busy1: busy(1),
          });
        } catch (e) {
          const gone = server.child.exitCode !== null || server.child.signalCode !== null;
          fail(i, gone ? new Error(`${(e as Error).message}; server exited: ${server.stderr().trim().slice(-300)}`) : e);
        }
      }
    }
    await Promise.all(servers.map((s) => s && stopServer(s.child)));
    for (const row of rows) {
      if (row.status === 'failed' || row.samples.length === 0) { row.samples = []; continue; }
      const of = (k: keyof Sample) => median(row.samples.map((s) => s[k]));
      // RSS: the largest seen after a run, not the median.
      row.median = {
        rps: of('rps'), p99Ms: of('p99Ms'), rssMb: Math.max(...row.samples.map((s) => s.rssMb)), cpu: of('cpu'),
        reqPerCpuSec: of('reqPerCpuSec'), busy0: of('busy0'), busy1: of('busy1'),
      };
    }
    results.push(...rows);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true },
      duration: { type: 'string' }, runs: { type: 'string' }, connections: { type: 'string', default: '64' },
    },
  });
  const duration = Number(values.duration ?? (values.quick ? 2 : 10));
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  const connections = Number(values.connections);
  const warmup = values.quick ? 1 : 3;
  for (const [name, v] of [['duration', duration], ['runs', runs], ['connections', connections]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer, got ${v}`);
  }
  const only = (values.only ?? []).flatMap((s) => s.split(','));
  const scenarios = SCENARIOS.filter((s) => only.length === 0 || only.includes(s.name));
  if (scenarios.length === 0) throw new Error(`--only matched no scenario; scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const missing = missingTools();
  if (missing.length > 0) {
    for (const m of missing) process.stderr.write(`bench:http: ${m}\n`);
    process.exitCode = 1;
    return;
  }
  ensureBuilt([...new Set(scenarios.map((s) => s.app))]);

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-http-bench-'));
  const script = path.join(tmp, 'report.lua');
  writeFileSync(script, WRK_REPORT);
  const stopAll = () => { for (const c of running) c.kill('SIGKILL'); rmSync(tmp, { recursive: true, force: true }); };
  process.once('SIGINT', () => { stopAll(); process.exit(130); });
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg();

  const results: Result[] = [];
  try {
    await runScenarios(scenarios, { script, warmup, duration, runs, connections }, results);
  } finally {
    stopAll();
  }


  const get = (scenario: string, c: ContestantName) => results.find((r) => r.scenario === scenario && r.contestant === c);
  const ratio = (scenario: string, a: ContestantName, b: ContestantName, k: 'rps' | 'reqPerCpuSec'): number | null => {
    const x = get(scenario, a)?.median?.[k], y = get(scenario, b)?.median?.[k];
    return x !== undefined && y !== undefined && y > 0 ? x / y : null;
  };
  const fmtRatio = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)}x`);
  const table = (header: string[], body: string[][]): string => {
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (row: string[]) => `| ${row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
    return [line(header), `|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
  };
  const perRun = table(
    ['scenario', 'contestant', 'req/s', 'p99 ms', 'RSS MB', 'server CPU', 'req per CPU-s', 'core 0/1 busy'],
    results.map((r) => {
      const m = r.median;
      const route = scenarios.find((s) => s.name === r.scenario)!.route;
      const head = [r.contestant === CONTESTANTS[0]!.name ? `${r.scenario}: ${route}` : '', r.contestant];
      if (m === null) return [...head, 'FAIL', '-', '-', '-', '-', '-'];
      const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
      return [...head, Math.round(m.rps).toLocaleString('en-US'), m.p99Ms.toFixed(2), m.rssMb.toFixed(0), pct(m.cpu),
        Math.round(m.reqPerCpuSec).toLocaleString('en-US'), `${pct(m.busy0)}/${pct(m.busy1)}`];
    }),
  );
  const ratios = table(
    ['scenario', 'route', 'compiled/hand-written req/s', '(per CPU-s)', 'compiled/interpreted req/s', '(per CPU-s)'],
    scenarios.map((s) => [s.name, s.route,
      fmtRatio(ratio(s.name, 'compiled', 'hand-written', 'rps')), fmtRatio(ratio(s.name, 'compiled', 'hand-written', 'reqPerCpuSec')),
      fmtRatio(ratio(s.name, 'compiled', 'interpreted', 'rps')), fmtRatio(ratio(s.name, 'compiled', 'interpreted', 'reqPerCpuSec'))]),
  );
  // The issue's targets, where their scenario ran.
  const targets = [
    ...['hello', 'params'].map((s) => ({ scenario: s, what: `compiled >= 0.9x hand-written on ${s}`, value: ratio(s, 'compiled', 'hand-written', 'rps'), min: 0.9 })),
    { scenario: 'list100', what: 'compiled >= 3x interpreted on list100', value: ratio('list100', 'compiled', 'interpreted', 'rps'), min: 3 },
  ].filter((t) => scenarios.some((s) => s.name === t.scenario));

  const total = Number(process.hrtime.bigint() - started) / 1e9;
  const cpus = os.cpus();
  const wrkVersion = (spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '').trim();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, wrk: wrkVersion,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`, date: startedAt,
    loadavgBefore: loadBefore, loadavgAfter: os.loadavg(),
  };
  const out = process.stdout;
  out.write(`${perRun}\n\nmedian of ${runs} run(s); RSS is the largest after a run; server CPU is the share of one core the server used during the run;\n`
    + `core 0/1 busy counts every process (core 0 busy well above server CPU: other processes took the server's core).\n\n${ratios}\n\n`);
  for (const t of targets) out.write(`target ${t.what}: ${t.value === null ? 'not measured' : `${t.value.toFixed(2)}x, ${t.value >= t.min ? 'met' : 'NOT met'}`}\n`);
  for (const r of results) if (r.status === 'failed') out.write(`FAIL ${r.scenario} ${r.contestant}: ${r.error}\n`);
  out.write(`${values.quick ? 'quick' : 'full'} mode: wrk -t1 -c${connections} -d${duration}s, warm-up ${warmup} s, server on core ${SERVER_CORE}, wrk on core ${LOAD_CORE}; `
    + `${machine.cpu} x${machine.cores}, node ${machine.node}; load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}; total ${total.toFixed(0)} s\n`);
  const outDir = path.join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const json = { machine, options: { quick: values.quick, duration, runs, connections, warmup, only }, totalSeconds: total, targets, results };
  writeFileSync(path.join(outDir, 'http.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stderr.write(`wrote ${path.relative(process.cwd(), path.join(outDir, 'http.json')) || 'http.json'}\n`);
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

await main();
