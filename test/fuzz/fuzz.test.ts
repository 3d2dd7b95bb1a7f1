// Differential fuzzing: random programs from generator.ts must print exactly what luajit
// prints, in every mode. Seeds are run in batches (one process per batch) to keep node's
// startup cost low; a disagreement is narrowed to its seed and re-run standalone.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateProgram, programText, type GeneratedProgram } from './generator.js';
import { luajitBuild } from '../support/luajit-build.js';
import { envInt } from '../support/env.js';
import { errorMessage, hasLuajit, MODES, runLuajit, runRoverc, type Mode, type RunResult } from '../support/run-lua.js';


const SEEDS = envInt('ROVERC_FUZZ_SEEDS', 200);
const START = envInt('ROVERC_FUZZ_START', 1);
const BATCH = envInt('ROVERC_FUZZ_BATCH', 50, 1);
const TIMEOUT_MS = 180_000;
/** ROVERC_FUZZ_MODES=interpreted,compiled narrows the modes (default: every mode). */
const FUZZ_MODES: readonly Mode[] = (() => {
  const raw = process.env.ROVERC_FUZZ_MODES;
  if (raw === undefined || raw === '') return MODES;
  const wanted = raw.split(',').map((m) => m.trim());
  for (const m of wanted) if (!(MODES as readonly string[]).includes(m)) throw new Error(`ROVERC_FUZZ_MODES: unknown mode ${m} (modes: ${MODES.join(', ')})`);
  return MODES.filter((m) => wanted.includes(m));
})();

const SEPARATOR = /^==== fuzz seed (\d+)( tail)? ====$/;
const separator = (seed: number, tail = false): string => `==== fuzz seed ${seed}${tail ? ' tail' : ''} ====`;

interface Batch {
  first: number;
  last: number;
  file: string;
  programs: GeneratedProgram[];
  /** the seed whose uncaught error ends the batch, if any */
  tailSeed: number | undefined;
  /** [first line, seed] of each program in the batch file, in order */
  lines: [number, number][];
}

const lineCount = (s: string): number => s.split('\n').length - 1;

/** One file running every program of the batch, then one program's tail. */
function batchText(programs: GeneratedProgram[]): { text: string; tailSeed: number | undefined; lines: [number, number][] } {
  const parts = [`-- roverc fuzz batch: seeds ${programs[0]!.seed}..${programs[programs.length - 1]!.seed}\n`];
  const lines: [number, number][] = [];
  // Each program runs in its own function, as the main chunk of its own file would: luajit's
  // limits are per function (200 locals, and field names in error messages are lost once a
  // function has more than 256 string constants).
  let line = 2;
  const add = (seed: number, text: string): void => {
    lines.push([line, seed]);
    parts.push(text);
    line += lineCount(text);
  };
  for (const p of programs) add(p.seed, `print("${separator(p.seed)}")\ndo\nlocal function program()\n${p.body}end\nprogram()\nend\n`);
  const withTail = [...programs].reverse().find((p) => p.tail !== undefined);
  if (withTail) add(withTail.seed, `print("${separator(withTail.seed, true)}")\n${withTail.tail}`);
  return { text: parts.join(''), tailSeed: withTail?.seed, lines };
}

/** stdout split into the sections printed by each seed (key: "123" or "123 tail"). */
function sections(stdout: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] = [];
  out.set('prelude', current);
  for (const line of stdout.split('\n')) {
    const m = SEPARATOR.exec(line);
    if (m) {
      current = [];
      out.set(m[1]! + (m[2] ?? ''), current);
    } else {
      current.push(line);
    }
  }
  return out;
}

const show = (line: string | undefined): string => (line === undefined ? '<no line>' : JSON.stringify(line));

/** The first differing line of two outputs, with a little context. */
function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const lines = [`stdout differs at line ${i + 1} (luajit ${a.length - 1} lines, roverc ${b.length - 1} lines):`];
  for (let j = Math.max(0, i - 2); j < i; j++) lines.push(`    same   ${show(a[j])}`);
  for (let j = i; j < i + 3 && (j < a.length || j < b.length); j++) {
    if (a[j] === b[j]) {
      lines.push(`    same   ${show(a[j])}`);
    } else {
      lines.push(`  - luajit ${show(a[j])}`);
      lines.push(`  + roverc ${show(b[j])}`);
    }
  }
  return lines.join('\n');
}

function disagreement(want: RunResult, got: RunResult): string | undefined {
  // a run the timeout stopped says nothing about agreement: a busy machine, or a hang
  const stopped = [want.timedOut && 'luajit', got.timedOut && 'roverc'].filter(Boolean);
  if (stopped.length > 0) return `${stopped.join(' and ')} stopped after ${TIMEOUT_MS / 1000} s (timeout)`;
  const problems: string[] = [];
  const ws = want.stdout.toString('latin1');
  const gs = got.stdout.toString('latin1');
  if (ws !== gs) problems.push(firstDifference(ws, gs));
  if (want.code !== got.code) {
    problems.push(`exit code: luajit ${want.code}, roverc ${got.code}`);
  }
  const we = want.code !== 0 ? errorMessage(want.stderr) : '';
  const ge = got.code !== 0 ? errorMessage(got.stderr) : '';
  if (we !== ge) problems.push(`error message:\n  - luajit ${JSON.stringify(we)}\n  + roverc ${JSON.stringify(ge)}`);
  if (got.code !== 0 && want.code === 0) problems.push(`roverc stderr:\n${got.stderr.trimEnd()}`);
  return problems.length === 0 ? undefined : problems.join('\n');
}

const workDir = hasLuajit() ? mkdtempSync(path.join(os.tmpdir(), 'roverc-fuzz-')) : '';
let failures = 0;
const luajitRuns = new Map<string, Promise<RunResult>>();

function luajit(file: string): Promise<RunResult> {
  let run = luajitRuns.get(file);
  if (run === undefined) {
    run = runLuajit(path.basename(file), workDir, TIMEOUT_MS);
    luajitRuns.set(file, run);
  }
  return run;
}

function seedFile(seed: number): string {
  return path.join(workDir, `seed-${seed}.lua`);
}

function makeBatches(): Batch[] {
  const batches: Batch[] = [];
  for (let first = START; first < START + SEEDS; first += BATCH) {
    const last = Math.min(first + BATCH, START + SEEDS) - 1;
    const programs: GeneratedProgram[] = [];
    for (let seed = first; seed <= last; seed++) {
      const p = generateProgram(seed);
      programs.push(p);
      writeFileSync(seedFile(seed), programText(p), 'latin1');
    }
    const { text, tailSeed, lines } = batchText(programs);
    const file = path.join(workDir, `batch-${first}-${last}.lua`);
    writeFileSync(file, text, 'latin1');
    batches.push({ first, last, file, programs, tailSeed, lines });
  }
  return batches;
}

/** Re-runs one seed on its own and describes the disagreement (or says it needs the batch). */
async function explainSeed(seed: number, mode: Mode, batch: Batch, batchProblem: string): Promise<string> {
  const file = seedFile(seed);
  const [want, got] = await Promise.all([
    runLuajit(path.basename(file), workDir, TIMEOUT_MS),
    runRoverc(path.basename(file), mode, workDir, TIMEOUT_MS),
  ]);
  const alone = disagreement(want, got);
  if (alone !== undefined) return `fuzz seed ${seed} (${mode}): roverc disagrees with luajit\nprogram: ${file}\n${alone}`;
  return `fuzz seed ${seed} (${mode}): roverc disagrees with luajit only inside its batch\n` +
    `program: ${file}\nbatch: ${batch.file}\n${batchProblem}`;
}

describe('differential fuzzing against luajit', { concurrency: 2 }, () => {
  if (!hasLuajit()) {
    const note = luajitBuild().note ?? '';
    it('needs the luajit binary', { skip: `${note}: fuzzing skipped (the Lua corpus checks recorded luajit outputs)` }, () => {});
    return;
  }

  after(() => {
    if (failures === 0) rmSync(workDir, { recursive: true, force: true });
    else process.stderr.write(`fuzz programs kept in ${workDir}\n`);
  });

  const batches = makeBatches();

  it(`generates valid programs for seeds ${START}..${START + SEEDS - 1} (luajit runs them)`, async () => {
    for (const batch of batches) {
      const want = await luajit(batch.file);
      const seen = [...sections(want.stdout.toString('latin1')).keys()];
      const lastSeen = seen[seen.length - 1];
      const complete = batch.tailSeed === undefined ? want.code === 0 && lastSeen === String(batch.last) : want.code === 1 && lastSeen === `${batch.tailSeed} tail`;
      if (!complete) failures++;
      assert.ok(complete, `generator bug: luajit stopped in seed ${lastSeen} of ${batch.file} (exit ${want.code}): ${errorMessage(want.stderr)}`);
    }
  });

  for (const batch of batches) {
    for (const mode of FUZZ_MODES) {
      it(`seeds ${batch.first}..${batch.last} (${mode})`, async () => {
        const rel = path.basename(batch.file);
        const [want, got] = await Promise.all([luajit(batch.file), runRoverc(rel, mode, workDir, TIMEOUT_MS)]);
        const problem = disagreement(want, got);
        if (problem === undefined) return;
        failures++;
        // Name every seed whose section differs; the exit code belongs to the tail's seed,
        // and an error positioned in the batch file (a syntax error, say) to its program.
        const seeds: number[] = [];
        const at = new RegExp(`^${path.basename(batch.file).replace(/[.]/g, '\\.')}:(\\d+):`).exec(errorMessage(got.stderr));
        if (got.code !== want.code && at) {
          const line = Number(at[1]);
          const owner = batch.lines.filter(([first]) => first <= line).pop();
          if (owner) seeds.push(owner[1]);
        }
        const ws = sections(want.stdout.toString('latin1'));
        const gs = sections(got.stdout.toString('latin1'));
        for (const [key, lines] of ws) {
          if (key === 'prelude') continue;
          const other = gs.get(key);
          if (other === undefined) {
            // roverc stopped early: the seed that stopped it is already named (or is this one).
            if (seeds.length === 0) seeds.push(Number.parseInt(key, 10));
            break;
          }
          if (other.join('\n') !== lines.join('\n')) seeds.push(Number.parseInt(key, 10));
        }
        if (seeds.length === 0 && batch.tailSeed !== undefined) seeds.push(batch.tailSeed);
        const unique = [...new Set(seeds)].slice(0, 5);
        const reports = unique.length > 0
          ? await Promise.all(unique.map((seed) => explainSeed(seed, mode, batch, problem)))
          : [`seeds ${batch.first}..${batch.last} (${mode}): roverc disagrees with luajit\nbatch: ${batch.file}\n${problem}`];
        assert.fail(reports.join('\n\n'));
      });
    }
  }
});
