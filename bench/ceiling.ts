// How far "compiled >= 10x the interpreter" can go on this machine, measured (issue 11).
//
// Both modes call one runtime library (the project's rule: one implementation of each Lua
// semantic), so the time a program must spend inside that library is a floor no compiler can
// go under: interpreted / floor bounds the ratio interpreted/compiled of that program. The
// floor is measured by bench/library-floor.ts, each library-bound program written as ideal
// compiled code (types known, no guards or frames, one library call per Lua library call),
// checked to print what luajit prints. binary_trees is bound the same way by the one table
// representation (issue 11 item 1): its floor builds a LuaTable per Lua constructor. Programs
// whose time is their own code have no such floor; for them the table shows interpreted/js
// (the hand-written JavaScript of bench/js/).
// The summary says what the geometric mean can reach with the library-bound programs at their
// floors, and how fast the others would have to be against hand-written JS for 10x.
//
// Run: `npm run build && node dist/bench/ceiling.js [--runs N] [--only a,b]` (about 5 minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, ROOT } from './lib/index.js';

const PROGRAMS = ['fib', 'spectral_norm', 'binary_trees', 'table_array', 'hash_strings', 'string_build',
  'string_format', 'oop_methods', 'text_patterns', 'closures', 'particles'];
const TARGET = 10;

const roverc = path.join(ROOT, 'bin', 'roverc.js');
const floorJs = path.join(ROOT, 'dist', 'bench', 'library-floor.js');
let floorPrograms: string[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-ceiling-'));

function node(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'latin1', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The CPU seconds of a run's main chunk (ROVERC_MAIN_CPU). */
function mainCpu(args: string[]): number {
  const file = path.join(tmp, 'main-cpu');
  rmSync(file, { force: true });
  node(args, { ROVERC_MAIN_CPU: file });
  return Number(readFileSync(file, 'utf8'));
}

/** The hand-written JS of a program: its own CPU seconds (bench/js/main-cpu.mjs). */
const jsCpu = (name: string) => mainCpu(['--import', pathToFileURL(path.join(ROOT, 'bench', 'js', 'main-cpu.mjs')).href,
  path.join(ROOT, 'bench', 'js', `${name}.mjs`)]);

/** The floor program of bench/library-floor.ts for `name`: its output and work's CPU seconds, or undefined. */
function libraryFloor(name: string): { cpu: number; stdout: string } | undefined {
  if (!floorPrograms.includes(name)) return undefined;
  const file = path.join(tmp, 'main-cpu');
  rmSync(file, { force: true });
  const stdout = node([floorJs, name], { ROVERC_MAIN_CPU: file });
  return { cpu: Number(readFileSync(file, 'utf8')), stdout };
}

function parseArgs(): { runs: number; only: string[] } {
  const argv = process.argv.slice(2);
  let runs = 3;
  let only = PROGRAMS;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--only') only = argv[++i]!.split(',');
    else throw new Error(`unknown option ${argv[i]} (options: --runs N, --only a,b)`);
  }
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`--runs takes a whole number of runs, got ${runs}`);
  const unknown = only.filter((p) => !PROGRAMS.includes(p));
  if (unknown.length > 0) throw new Error(`unknown program ${unknown.join(', ')} (programs: ${PROGRAMS.join(', ')})`);
  return { runs, only };
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

function main(): void {
  const { runs, only } = parseArgs();
  floorPrograms = node([floorJs, '--list']).trim().split('\n');
  console.log(`| program | interpreted (s) | compiled (s) | js (s) | library floor (s) | interpreted/min(floor, compiled) | interpreted/js | interpreted/compiled |`);
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: |');
  const rows: Array<{ name: string; interp: number; compiled: number; js: number; bound: number; libraryBound: boolean }> = [];
  for (const name of only) {
    const lua = path.join('bench', 'lua', `${name}.lua`);
    const out = path.join(tmp, name);
    node([roverc, 'build', lua, '--out', out]);
    const runJs = path.join(out, 'run.js');
    const expected = node([runJs]);
    // the contestants alternate within each run, so that a change in the machine's load
    // falls on all of them rather than on whichever ran then
    const times: { interp: number[]; compiled: number[]; js: number[]; floor: number[] } = { interp: [], compiled: [], js: [], floor: [] };
    for (let r = 0; r < runs; r++) {
      times.interp.push(mainCpu([roverc, 'run', lua]));
      times.compiled.push(mainCpu([runJs]));
      times.js.push(jsCpu(name));
      const f = libraryFloor(name);
      if (f === undefined) continue;
      if (f.stdout !== expected) throw new Error(`bench/library-floor.ts ${name} prints ${JSON.stringify(f.stdout)}, the program ${JSON.stringify(expected)}`);
      times.floor.push(f.cpu);
    }
    const [interp, compiled, js] = [median(times.interp), median(times.compiled), median(times.js)];
    const floor = times.floor.length === 0 ? undefined : median(times.floor);
    const libraryBound = floor !== undefined;
    // compiled code is itself proof of what can be reached: a floor measured above it (noise)
    // does not lower the bound below interpreted/compiled
    const bound = floor !== undefined ? interp / Math.min(floor, compiled) : interp / js;
    rows.push({ name, interp, compiled, js, bound, libraryBound });
    console.log(`| ${name} | ${interp.toFixed(3)} | ${compiled.toFixed(3)} | ${js.toFixed(3)} | ${floor === undefined ? '-' : floor.toFixed(3)} | `
      + `${floor === undefined ? '-' : `**${fmt(bound)}x**`} | ${fmt(interp / js)}x | ${fmt(interp / compiled)}x |`);
  }
  rmSync(tmp, { recursive: true, force: true });
  const lib = rows.filter((r) => r.libraryBound);
  const own = rows.filter((r) => !r.libraryBound);
  console.log();
  console.log(`- interpreted/compiled today: ${fmt(geomean(rows.map((r) => r.interp / r.compiled)))}x on the geomean of ${rows.length}.`);
  console.log(`- ceiling, library-bound programs at their floors and the others at their hand-written JS: `
    + `${fmt(geomean(rows.map((r) => r.bound)))}x.`);
  if (lib.length > 0 && own.length > 0) {
    // geomean over all = TARGET  <=>  product over own of (interp/compiled) = TARGET^n / product over lib of bounds
    const needed = Math.pow(Math.pow(TARGET, rows.length) / lib.reduce((p, r) => p * r.bound, 1), 1 / own.length);
    const atJs = geomean(own.map((r) => r.interp / r.js));
    console.log(`- library-bound (measured floors): ${lib.map((r) => r.name).join(', ')}. For ${TARGET}x the other `
      + `${own.length} need interpreted/compiled ${fmt(needed)}x on their geomean: compiled/js ${(atJs / needed).toFixed(2)} `
      + `(today ${fmt(geomean(own.map((r) => r.interp / r.compiled)))}x, compiled/js ${geomean(own.map((r) => r.compiled / r.js)).toFixed(2)}).`);
  }
}

try {
  main();
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  process.stderr.write(`ceiling: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
