// Micro-benchmarks with benchmark.js: every contestant's output is checked equal to the
// reference first, then each is warmed up, then timed in rounds interleaved and rotated
// (A B C, B C A, ...) so that background load hits all alike. A round's value is the median
// of benchmark.js's cycles; the median round is reported.
import { inspect, isDeepStrictEqual } from 'node:util';
import Benchmark from 'benchmark';
import { median, type Cell, type Row } from './result.js';

// benchmark.js would otherwise recompile the test function from its source text, which
// breaks closures over the fixtures; calling the function itself costs all contestants alike.
Benchmark.support.decompilation = false;

export interface MicroSettings {
  /** Timed rounds per contestant; the median is reported. */
  rounds: number;
  /** benchmark.js maxTime and minTime of one round, seconds. */
  maxTime: number;
  minTime: number;
  minSamples: number;
  /** Untimed calls before the first round, ms per contestant (lets the JIT settle). */
  warmupMs: number;
}

export function microSettings(quick: boolean): MicroSettings {
  return quick
    ? { rounds: 1, maxTime: 0.02, minTime: 0.002, minSamples: 2, warmupMs: 5 }
    // benchmark.js runs about twice maxTime: ~0.25 s per round and contestant.
    : { rounds: 3, maxTime: 0.12, minTime: 0.015, minSamples: 5, warmupMs: 100 };
}

export interface MicroCase {
  /** Row name (unique in the group; --cases matches it). */
  name: string;
  section?: string;
  detail?: string;
  /** The operation each contestant performs, by contestant name; contestants absent here do not apply. */
  fns: Record<string, () => unknown>;
  /** Maps a contestant's return value to what is compared (default: the value itself). */
  canon?: (out: unknown) => unknown;
  /** The output every contestant must give; default: that of the first contestant listed. */
  expected?: unknown;
}

/** Keeps results alive so the JIT cannot drop the work that made them. */
let sink: unknown;
export function keep(x: unknown): void {
  sink = x;
}
export function sunk(): unknown {
  return sink;
}

const show = (x: unknown) => inspect(x, { depth: 4, breakLength: Infinity, maxStringLength: 200 }).slice(0, 300);

function failure(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : `threw ${show(e)}`;
}

/** Checks, warms up and times one case; returns its row (ratios not yet filled in). */
export function measureMicro(c: MicroCase, contestants: readonly string[], s: MicroSettings): Row {
  const names = contestants.filter((n) => c.fns[n] !== undefined);
  const cells: Record<string, Cell> = {};
  for (const n of names) cells[n] = { value: null, samples: [] };
  const canon = c.canon ?? ((x: unknown) => x);

  // 1. Outputs: each contestant's must equal the reference before it is timed.
  let reference: { has: boolean; value: unknown } = { has: 'expected' in c, value: c.expected };
  for (const n of names) {
    let out: unknown;
    try {
      out = canon(c.fns[n]!());
    } catch (e) {
      cells[n]!.error = failure(e);
      continue;
    }
    if (!reference.has) reference = { has: true, value: out };
    else if (!isDeepStrictEqual(out, reference.value)) cells[n]!.error = `wrong output: got ${show(out)}, expected ${show(reference.value)}`;
  }
  const timed = names.filter((n) => cells[n]!.error === undefined);

  // 2. Warm-up, untimed.
  for (const n of timed) {
    const fn = c.fns[n]!;
    const until = performance.now() + s.warmupMs;
    let calls = 0;
    while (calls < 10 || performance.now() < until) {
      keep(fn());
      calls++;
    }
  }

  // 3. Rounds, rotated.
  const rmes: Record<string, number[]> = {};
  for (let r = 0; r < s.rounds; r++) {
    for (let k = 0; k < timed.length; k++) {
      const n = timed[(k + r) % timed.length]!;
      const cell = cells[n]!;
      if (cell.error !== undefined) continue;
      const fn = c.fns[n]!;
      const bench = new Benchmark(`${c.name} ${n}`, () => { keep(fn()); }, {
        maxTime: s.maxTime, minTime: s.minTime, minSamples: s.minSamples, initCount: 1,
      });
      bench.run({ async: false });
      const error = (bench as unknown as { error?: unknown }).error;
      if (error !== undefined) {
        cell.error = failure(error);
        continue;
      }
      // The median cycle, not the mean: a cycle the OS took the core from (a shared machine)
      // or a GC pause landed in should not move the result.
      cell.samples.push(1e9 * median(bench.stats.sample));
      (rmes[n] ??= []).push(bench.stats.rme);
    }
  }
  for (const n of timed) {
    const cell = cells[n]!;
    if (cell.error !== undefined) {
      cell.samples = [];
      continue;
    }
    cell.value = median(cell.samples);
    cell.rme = Math.round(median(rmes[n] ?? [0]) * 10) / 10;
  }
  return { name: c.name, section: c.section, detail: c.detail, cells, ratios: {} };
}
