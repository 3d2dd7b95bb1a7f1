// Compute group: the Lua programs of bench/lua/ as whole processes under luajit and PUC Lua 5.4
// (when installed), their hand-written JavaScript counterparts of bench/js/ under node (the V8
// floor: what plain, hand-optimized JS doing the same work costs), and roverc's two modes
// (compiled: `roverc build` once, then `node run.js`, as a user runs it). The child's CPU time,
// whole and without start-up: roverc's modes report their main chunk's own CPU time; for the
// others each contestant's start-up (the CPU time of an empty program) is taken off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchGroup, median, parseBenchArgs, ROOT, type Cell } from './lib/index.js';

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
  { name: 'particles', quickSize: 2000 },
];
/** Runs of the empty program whose median CPU time is a contestant's start-up. */
const STARTUP_RUNS = 5;
const TIMEOUT_MS = 5 * 60 * 1000;

interface Contestant {
  name: string; command: string; args: (file: string, size: string[]) => string[];
  /** Whether the contestant has a version of this program (all do, but js only where bench/js/ has one). */
  applies?: (file: string) => boolean;
  /**
   * roverc's modes report the CPU time of the main chunk itself (ROVERC_MAIN_CPU), js that of its
   * module (bench/js/main-cpu.mjs): their work is measured, not estimated as the whole run less
   * a start-up measured in other runs.
   */
  reportsMainCpu?: boolean;
}
interface RunOutcome { ok: boolean; stdout: string; error: string; wall: number; cpu: number | null; mainCpu: number | null }

const roverc = path.join(ROOT, 'bin', 'roverc.js');
/** The hand-written JS counterpart of a Lua program: bench/js/<name>.mjs (the start-up's empty.lua: bench/js/empty.mjs). */
const jsProgram = (file: string) => path.join(ROOT, 'bench', 'js', `${path.basename(file, '.lua')}.mjs`);
/** Preloaded into the js runs: reports the program's own CPU time as roverc's runs do (ROVERC_MAIN_CPU). */
const JS_MAIN_CPU = pathToFileURL(path.join(ROOT, 'bench', 'js', 'main-cpu.mjs')).href;
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** Seconds of user+sys CPU used by waited-for children of this process (Linux /proc), or null elsewhere. */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond; // cutime, cstime
  } catch {
    return null;
  }
}

/** bash's `time` reports the command's user and system CPU from getrusage to the millisecond. */
const HAS_BASH = spawnSync('bash', ['-c', 'true']).status === 0;
const CPU_LINE = /\nroverc-cpu ([0-9.]+) ([0-9.]+)\n?$/;

/** Where roverc's runs write their main chunk's CPU time (see Contestant.reportsMainCpu). */
let mainCpuDir: string | undefined;

function run(c: Contestant, file: string, size: string[]): RunOutcome {
  const args = c.args(file, size); // (may build: not part of the time)
  let env: NodeJS.ProcessEnv | undefined;
  let mainCpuFile: string | undefined;
  if (c.reportsMainCpu) {
    mainCpuDir ??= mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-cpu-'));
    mainCpuFile = path.join(mainCpuDir, 'main-cpu');
    rmSync(mainCpuFile, { force: true });
    env = { ...process.env, ROVERC_MAIN_CPU: mainCpuFile };
  }
  const cpu0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  // /proc counts CPU in clock ticks (10 ms), too coarse for programs of a few tenths of a
  // second: bash's `time` gives milliseconds; /proc stays the fallback
  const options = { cwd: ROOT, encoding: 'latin1' as const, timeout: TIMEOUT_MS, maxBuffer: 64 << 20, env };
  const child = HAS_BASH
    ? spawnSync('bash', ['-c', 'TIMEFORMAT="roverc-cpu %3U %3S"; time "$@"', 'bash', c.command, ...args], options)
    : spawnSync(c.command, args, options);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const mainCpu = mainCpuFile !== undefined && existsSync(mainCpuFile) ? Number(readFileSync(mainCpuFile, 'utf8')) : null;
  const cpu1 = childrenCpu();
  let cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  const timed = HAS_BASH ? CPU_LINE.exec('\n' + (child.stderr ?? '')) : null;
  if (timed !== null) {
    cpu = Number(timed[1]) + Number(timed[2]);
    child.stderr = ('\n' + child.stderr).slice(0, timed.index).slice(1);
  }
  const lines = (child.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const stderrLine = (lines.find((l) => /error|roverc:|luajit:/i.test(l)) ?? lines[0] ?? '').slice(0, 300);
  let error = '';
  if (child.error) error = child.error.message;
  else if (child.signal) error = `killed by ${child.signal}`;
  else if (child.status !== 0) error = `exit code ${child.status}${stderrLine ? `: ${stderrLine}` : ''}`;
  if (error === '' && c.reportsMainCpu && (mainCpu === null || !Number.isFinite(mainCpu))) error = 'no main chunk CPU time (ROVERC_MAIN_CPU)';
  return { ok: error === '', stdout: child.stdout ?? '', error, wall, cpu, mainCpu };
}

function firstDifference(got: string, want: string): string {
  const g = got.split('\n'), w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `wrong output at line ${i + 1}: got ${JSON.stringify(g[i] ?? '<end>')}, expected ${JSON.stringify(w[i] ?? '<end>')}`;
  }
  return 'wrong output';
}

/** `roverc build` of a program into a folder of the bench's, once; the path of its run.js. */
const builds = new Map<string, string>();
let buildRoot: string | undefined;
function built(file: string): string {
  let runJs = builds.get(file);
  if (runJs === undefined) {
    buildRoot ??= mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-build-'));
    const out = path.join(buildRoot, path.basename(file, '.lua'));
    const b = spawnSync(process.execPath, [roverc, 'build', file, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`roverc build ${file}: ${(b.stderr || b.stdout).trim().split('\n')[0]}`);
    runJs = path.join(out, 'run.js');
    builds.set(file, runJs);
  }
  return runJs;
}

/**
 * luajit and PUC Lua 5.4 when installed, the interpreter, and compiled mode when it runs a
 * trivial program right.
 */
function contestants(note: (s: string) => void): Contestant[] {
  const list: Contestant[] = [];
  if (spawnSync('luajit', ['-v']).status === 0) list.push({ name: 'luajit', command: 'luajit', args: (f, s) => [f, ...s] });
  else note('luajit is not installed: outputs are checked against the interpreter, ratios to luajit are missing');
  if (spawnSync('lua5.4', ['-v']).status === 0) list.push({ name: 'lua5.4', command: 'lua5.4', args: (f, s) => [f, ...s] });
  else note('PUC Lua 5.4 is not installed (apt-get install lua5.4): its column is missing');
  list.push({
    name: 'js', command: process.execPath, args: (f, s) => ['--import', JS_MAIN_CPU, jsProgram(f), ...s],
    applies: (f) => existsSync(jsProgram(f)), reportsMainCpu: true,
  });
  list.push({ name: 'interpreted', command: process.execPath, args: (f, s) => [roverc, 'run', f, ...s], reportsMainCpu: true });
  const compiled: Contestant = { name: 'compiled', command: process.execPath, args: (f, s) => [built(f), ...s], reportsMainCpu: true };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-'));
  writeFileSync(path.join(tmp, 'probe.lua'), 'print("probe", 1 + 2)\n');
  let probe: RunOutcome;
  try {
    probe = run(compiled, path.join(tmp, 'probe.lua'), []);
  } catch (e) {
    probe = { ok: false, stdout: '', error: (e as Error).message, wall: 0, cpu: null, mainCpu: null };
  }
  rmSync(tmp, { recursive: true, force: true });
  if (probe.ok && probe.stdout === 'probe\t3\n') list.push(compiled);
  else note(`compiled: skipped, \`roverc run --mode compiled\` does not work (${probe.error || firstDifference(probe.stdout, 'probe\t3\n')})`);
  return list;
}

function main(): void {
  const { common, values } = parseBenchArgs({ runs: { type: 'string' } });
  const runs = values.runs !== undefined ? Number(values.runs) : common.quick ? 1 : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const notes: string[] = [];
  const list = contestants((s) => notes.push(s));
  const names = list.map((c) => c.name);
  const has = (n: string) => names.includes(n);
  const g = new BenchGroup({
    group: 'compute', title: 'Compute: Lua programs', unit: 's',
    description: 'CPU time (user+sys) of whole processes running the programs of bench/lua/, median of '
      + `${runs}; compiled is \`roverc build\` once, then \`node run.js\`. The row "start-up" is an empty program `
      + `(median of ${STARTUP_RUNS}). The second table is each program's work without start-up: for interpreted and `
      + 'compiled the CPU time of the main chunk, and for js of the program\'s module, measured in the process '
      + 'itself (ROVERC_MAIN_CPU; median of the same runs); for luajit and PUC Lua the whole time less their '
      + 'start-up. js is the hand-written JavaScript version '
      + 'of each program (bench/js/), run by node: the V8 floor.',
    contestants: names, baseline: has('luajit') ? 'luajit' : 'interpreted',
    comparisons: ([['compiled', 'luajit'], ['compiled', 'lua5.4'], ['interpreted', 'compiled'], ['interpreted', 'luajit'],
      ['compiled', 'js'], ['js', 'luajit']] as Array<[string, string]>)
      .filter(([a, b]) => has(a) && has(b)),
    metrics: [{ key: 'work', label: 'CPU s, start-up excluded', digits: 3 }],
  }, common, { runs });
  for (const n of notes) g.note(n);

  // Start-up: the CPU time of a program that prints one line.
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-empty-'));
  const empty = path.join(emptyDir, 'empty.lua');
  writeFileSync(empty, 'print("")\n');
  const startup: Record<string, number> = {};
  const startCells: Record<string, Cell> = {};
  for (const c of list) {
    const cpu: number[] = [];
    let error: string | undefined;
    for (let r = 0; r < STARTUP_RUNS && error === undefined; r++) {
      const out = run(c, empty, []);
      if (!out.ok || out.cpu === null) error = out.error || 'no CPU time';
      else cpu.push(out.cpu);
    }
    startup[c.name] = error === undefined ? median(cpu) : 0;
    startCells[c.name] = error === undefined ? { value: startup[c.name]!, samples: cpu, extra: { work: 0 } } : { value: null, samples: [], error };
  }
  rmSync(emptyDir, { recursive: true, force: true });
  g.addRow({ name: 'start-up', section: 'start-up', detail: 'print("")', cells: startCells });

  const programs = g.select(PROGRAMS);
  const applying = (file: string) => list.filter((c) => c.applies?.(file) ?? true);
  g.progress.plan(programs.reduce((n, p) => n + applying(path.join('bench', 'lua', `${p.name}.lua`)).length * (runs + 1), 0));
  for (const program of programs) {
    const file = path.join('bench', 'lua', `${program.name}.lua`);
    const list = applying(file); // a contestant without this program gets no cell: it does not apply to the row
    const quickSize = [String(program.quickSize)];
    const size = common.quick ? quickSize : [];
    const cells: Record<string, Cell> = {};
    for (const c of list) cells[c.name] = { value: null, samples: [] };
    const mainCpu = new Map<string, number[]>(list.map((c) => [c.name, []]));
    const fail = (c: Contestant, error: string) => {
      cells[c.name]!.error = error;
      g.progress.log(`FAIL ${program.name} / ${c.name}: ${error}`);
    };

    // Warm-up at the small size (disk cache, compile cache), checked against the first contestant's output.
    let warmReference: string | undefined;
    for (const c of list) {
      g.progress.step(`${program.name}: ${c.name} warm-up (size ${program.quickSize})`);
      const out = run(c, file, quickSize);
      if (!out.ok) fail(c, `warm-up: ${out.error}`);
      else if (warmReference === undefined) warmReference = out.stdout;
      else if (out.stdout !== warmReference) fail(c, `warm-up: ${firstDifference(out.stdout, warmReference)}`);
    }
    // Timed runs, rotated; a run's time counts only if its output equals the reference
    // (the first contestant's first output: luajit's when installed).
    let reference: string | undefined;
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < list.length; k++) {
        const c = list[(k + r) % list.length]!;
        const cell = cells[c.name]!;
        g.progress.step(`${program.name}: ${c.name} run ${r + 1}/${runs}`);
        if (cell.error !== undefined) continue;
        const out = run(c, file, size);
        if (!out.ok) { fail(c, out.error); continue; }
        reference ??= out.stdout;
        if (out.stdout !== reference) { fail(c, firstDifference(out.stdout, reference)); continue; }
        if (out.cpu === null) { fail(c, 'no CPU time (needs Linux /proc)'); continue; }
        cell.samples.push(out.cpu);
        if (out.mainCpu !== null) mainCpu.get(c.name)!.push(out.mainCpu);
      }
    }
    for (const c of list) {
      const cell = cells[c.name]!;
      if (cell.error !== undefined) { cell.samples = []; continue; }
      cell.value = median(cell.samples);
      cell.extra = { work: c.reportsMainCpu ? median(mainCpu.get(c.name)!) : Math.max(0, cell.value - startup[c.name]!) };
    }
    g.addRow({ name: program.name, section: 'programs', detail: common.quick ? `size ${program.quickSize}` : 'default size', cells });
  }
  if (mainCpuDir !== undefined) rmSync(mainCpuDir, { recursive: true, force: true });
  g.finish();
}

main();
