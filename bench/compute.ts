// Compute benchmark: runs bench/lua/*.lua as whole processes under luajit and roverc's modes and compares times.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Programs in bench/lua with the size passed as arg[1] under --quick (the full size is each program's default). */
const PROGRAMS: ReadonlyArray<{ name: string; quickSize: number }> = [
  { name: 'fib', quickSize: 24 },
  { name: 'spectral_norm', quickSize: 120 },
  { name: 'binary_trees', quickSize: 8 },
  { name: 'table_array', quickSize: 50000 },
  { name: 'hash_strings', quickSize: 10000 },
  { name: 'string_build', quickSize: 5000 },
  { name: 'string_format', quickSize: 5000 },
  { name: 'oop_methods', quickSize: 50000 },
  { name: 'text_patterns', quickSize: 1000 },
  { name: 'closures', quickSize: 20000 },
];
const TIMEOUT_MS = 15 * 60 * 1000;

type ContestantName = 'luajit' | 'interpreted' | 'compiled';
interface Contestant { name: ContestantName; command: string; args: (file: string, size: string[]) => string[] }
interface Sample { wall: number; cpu: number | null }
interface RunOutcome extends Sample { ok: boolean; stdout: string; error: string }
interface Result {
  program: string; size: string; contestant: ContestantName; status: 'ok' | 'failed';
  error?: string; samples: Sample[]; median: Sample | null;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const roverc = path.join(root, 'bin', 'roverc.js');

/** Seconds of user+sys CPU used by waited-for children of this process (Linux /proc), or null elsewhere. */
function childrenCpu(ticksPerSecond: number): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond; // cutime, cstime
  } catch {
    return null;
  }
}

function run(command: string, args: string[], ticks: number): RunOutcome {
  const cpu0 = childrenCpu(ticks);
  const t0 = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd: root, encoding: 'latin1', timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childrenCpu(ticks);
  const cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  const lines = (child.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const stderrLine = (lines.find((l) => /error|roverc:|luajit:/i.test(l)) ?? lines[0] ?? '').slice(0, 300);
  let error = '';
  if (child.error) error = child.error.message;
  else if (child.signal) error = `killed by ${child.signal}`;
  else if (child.status !== 0) error = `exit code ${child.status}${stderrLine ? `: ${stderrLine}` : ''}`;
  return { ok: error === '', stdout: child.stdout ?? '', error, wall, cpu };
}

function firstDifference(got: string, want: string): string {
  const g = got.split('\n'), w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `wrong output at line ${i + 1}: got ${JSON.stringify(g[i] ?? '<end>')}, expected ${JSON.stringify(w[i] ?? '<end>')}`;
  }
  return 'wrong output';
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

function main(): void {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true }, runs: { type: 'string' } } });
  const runs = values.runs !== undefined ? Number(values.runs) : values.quick ? 1 : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const only = (values.only ?? []).flatMap((s) => s.split(','));
  const programs = PROGRAMS.filter((p) => only.length === 0 || only.includes(p.name));
  if (programs.length === 0) throw new Error(`--only matched no program; programs: ${PROGRAMS.map((p) => p.name).join(', ')}`);
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();

  const notes: string[] = [];
  const contestants: Contestant[] = [];
  const lj = spawnSync('luajit', ['-v'], { encoding: 'utf8' });
  const luajitVersion = lj.status === 0 ? lj.stdout.trim() : null;
  if (luajitVersion) contestants.push({ name: 'luajit', command: 'luajit', args: (f, s) => [f, ...s] });
  else notes.push('luajit: not installed; outputs are checked against the interpreter');
  const roverMode = (mode: string): Contestant['args'] => (f, s) => [roverc, 'run', f, ...s, '--mode', mode];
  contestants.push({ name: 'interpreted', command: process.execPath, args: roverMode('interpreted') });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-'));
  writeFileSync(path.join(tmp, 'probe.lua'), 'print("probe", 1 + 2)\n');
  const probe = run(process.execPath, roverMode('compiled')(path.join(tmp, 'probe.lua'), []), ticks);
  rmSync(tmp, { recursive: true, force: true });
  if (probe.ok && probe.stdout === 'probe\t3\n') contestants.push({ name: 'compiled', command: process.execPath, args: roverMode('compiled') });
  else notes.push(`compiled: skipped, \`roverc run --mode compiled\` does not work yet (${probe.error || firstDifference(probe.stdout, 'probe\t3\n')})`);
  for (const note of notes) process.stderr.write(`note: ${note}\n`);

  const results: Result[] = [];
  const totalRuns = programs.length * contestants.length * (runs + 1);
  let done = 0;
  programs.forEach((program, index) => {
    const file = path.join('bench', 'lua', `${program.name}.lua`);
    const size = values.quick ? [String(program.quickSize)] : [];
    const progress = (c: Contestant, what: string): void => {
      process.stderr.write(`[run ${++done}/${totalRuns}] ${program.name} (program ${index + 1}/${programs.length}): ${c.name} ${what}\n`);
    };
    const rows = contestants.map((c): Result => ({ program: program.name, size: size[0] ?? 'default', contestant: c.name, status: 'ok', samples: [], median: null }));
    // Warm-up (untimed) doubles as the correctness check against the reference contestant (the first one).
    let reference: string | null = null;
    contestants.forEach((c, i) => {
      const row = rows[i]!;
      if (row.status !== 'ok') { done++; return; }
      progress(c, 'warm-up');
      const out = run(c.command, c.args(file, size), ticks);
      if (!out.ok) { row.status = 'failed'; row.error = out.error; }
      else if (reference === null) reference = out.stdout;
      else if (out.stdout !== reference) { row.status = 'failed'; row.error = firstDifference(out.stdout, reference); }
      if (reference === null) for (const r of rows.slice(i + 1)) { r.status = 'failed'; r.error = `no reference output (${c.name}: ${row.error})`; }
    });
    for (let r = 1; r <= runs; r++) {
      contestants.forEach((c, i) => {
        const row = rows[i]!;
        if (row.status !== 'ok') { done++; return; }
        progress(c, `run ${r}/${runs}`);
        const out = run(c.command, c.args(file, size), ticks);
        if (!out.ok || out.stdout !== reference) { row.status = 'failed'; row.error = out.error || firstDifference(out.stdout, reference ?? ''); return; }
        row.samples.push({ wall: out.wall, cpu: out.cpu });
      });
    }
    for (const row of rows) {
      if (row.status === 'failed') { row.samples = []; process.stderr.write(`FAILED ${program.name} ${row.contestant}: ${row.error}\n`); continue; }
      const cpus = row.samples.map((s) => s.cpu).filter((x): x is number => x !== null);
      row.median = { wall: median(row.samples.map((s) => s.wall)), cpu: cpus.length ? median(cpus) : null };
    }
    results.push(...rows);
  });

  const table = (metric: 'wall' | 'cpu'): string => {
    const value = (program: string, c: ContestantName): number | 'FAIL' | null => {
      const r = results.find((x) => x.program === program && x.contestant === c);
      if (!r) return null;
      return r.status === 'failed' ? 'FAIL' : r.median?.[metric] ?? null;
    };
    const cols: Array<[string, (p: string) => number | 'FAIL' | null, boolean]> = [
      ['luajit s', (p) => value(p, 'luajit'), false],
      ['interpreted s', (p) => value(p, 'interpreted'), false],
      ['compiled s', (p) => value(p, 'compiled'), false],
      ...([['interpreted', 'luajit'], ['compiled', 'luajit'], ['interpreted', 'compiled']] as const).map(([a, b]): [string, (p: string) => number | null, boolean] => [`${a}/${b}`, (p) => {
        const x = value(p, a), y = value(p, b);
        return typeof x === 'number' && typeof y === 'number' && y > 0 ? x / y : null;
      }, true]),
    ];
    const fmt = (v: number | 'FAIL' | null, ratio: boolean): string => v === null ? '-' : v === 'FAIL' ? 'FAIL' : ratio ? `${v.toFixed(1)}x` : v.toFixed(3);
    const body = programs.map((p) => [p.name, ...cols.map(([, get, ratio]) => fmt(get(p.name), ratio))]);
    body.push(['geomean', ...cols.map(([, get, ratio]) => {
      const xs = programs.map((p) => get(p.name)).filter((v): v is number => typeof v === 'number' && v > 0);
      return xs.length ? fmt(geomean(xs), ratio) : '-';
    })]);
    const header = [metric === 'wall' ? 'program (wall)' : 'program (cpu)', ...cols.map(([h]) => h)];
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (row: string[]): string => row.map((cell, i) => i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)).join('  ');
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  };

  const total = Number(process.hrtime.bigint() - started) / 1e9;
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, luajit: luajitVersion,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`, date: startedAt,
  };
  process.stdout.write(`${table('wall')}\n\nuser+sys CPU of the child process (s):\n${table('cpu')}\n\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
  process.stdout.write(`${values.quick ? 'quick' : 'full'} mode, median of ${runs}, ${machine.cpu} x${machine.cores}, node ${machine.node}; total ${total.toFixed(1)} s\n`);
  const outDir = path.join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const json = { machine, options: { quick: values.quick, runs, only }, notes, totalSeconds: total, results };
  writeFileSync(path.join(outDir, 'compute.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stderr.write(`wrote ${path.relative(process.cwd(), path.join(outDir, 'compute.json')) || 'compute.json'}\n`);
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

main();
