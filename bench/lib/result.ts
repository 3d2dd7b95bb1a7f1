// The result file every group writes (bench/results/<group>.json) and the arithmetic on it.
// The report renders BENCHMARKS.md from these files alone, so everything it shows is here.
import type { MachineInfo } from './machine.js';

/** Version of the file format; bump it when a field changes meaning. */
export const RESULT_SCHEMA = 1;

/** One measured value: a contestant on one row. */
export interface Cell {
  /** The reported value (median of `samples`), in the group's unit; null when failed or not applicable. */
  value: number | null;
  /** Every timed measurement, in run order (micro groups: one per round, the median cycle's ns/op). */
  samples: number[];
  /** Why there is no value: a crash, a wrong output, a timeout. A failure, never a number. */
  error?: string;
  /** benchmark.js's relative margin of error of the median round, in percent (micro groups). */
  rme?: number;
  /** Secondary measurements (CPU time, latency, RSS...), keyed as in GroupResult.metrics. */
  extra?: Record<string, number | null>;
}

export interface Row {
  /** Unique within the group; what --cases matches. */
  name: string;
  /** Rows with the same section are tabled together, in order of first appearance. */
  section?: string;
  /** What the row measures, for readers (route, sizes, ...). */
  detail?: string;
  /** By contestant name; a contestant missing here does not apply to the row. */
  cells: Record<string, Cell>;
  /** By comparison label ("interpreted/compiled"): see GroupResult.comparisons. */
  ratios: Record<string, number | null>;
}

/** A secondary measurement reported in Cell.extra. */
export interface MetricSpec {
  key: string;
  label: string;
  /** Shown after the number ("ms", "MB", "%"). */
  unit?: string;
  /** Decimal places (default 2). */
  digits?: number;
  /** Default 'lower'. A group's only metric gets ratio columns like the main table. */
  better?: 'lower' | 'higher';
}

export interface GroupResult {
  schema: number;
  /** Short name: the script is dist/bench/<group>.js, the file results/<group>.json. */
  group: string;
  title: string;
  /** One or two sentences on what is measured. */
  description: string;
  /** Unit of Cell.value: 'ns/op', 's', 'req/s'... */
  unit: string;
  /** 'lower' for times, 'higher' for throughputs. */
  better: 'lower' | 'higher';
  /** Column order. */
  contestants: string[];
  /** The contestant the chart measures the others against. */
  baseline: string;
  /**
   * Ratio columns, as [a, b]: the label is "a/b" and the ratio is a's cost over b's cost
   * (time over time, or b's throughput over a's), so > 1 always means a is slower.
   */
  comparisons: Array<[string, string]>;
  metrics: MetricSpec[];
  rows: Row[];
  /** Things the reader must know about this run (a contestant skipped, a tool missing...). */
  notes: string[];
  /** Set when the whole group did not run (missing tools); rows are then empty. */
  skipped?: string;
  machine: MachineInfo;
  /** ISO date the run started. */
  date: string;
  durationSeconds: number;
  /** The command-line options of the run (quick, cases, and the group's own). */
  options: Record<string, unknown>;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function geomean(xs: readonly number[]): number | null {
  const ok = xs.filter((x) => x > 0 && Number.isFinite(x));
  return ok.length === 0 ? null : Math.exp(ok.reduce((a, x) => a + Math.log(x), 0) / ok.length);
}

export const comparisonLabel = ([a, b]: [string, string]): string => `${a}/${b}`;

/** a's cost over b's cost on one row (see GroupResult.comparisons), or null. */
export function costRatio(row: Row, a: string, b: string, better: 'lower' | 'higher'): number | null {
  const x = row.cells[a]?.value, y = row.cells[b]?.value;
  if (x == null || y == null || x <= 0 || y <= 0) return null;
  return better === 'lower' ? x / y : y / x;
}

/** Fills row.ratios for every comparison of the group. */
export function computeRatios(row: Row, comparisons: Array<[string, string]>, better: 'lower' | 'higher'): void {
  row.ratios = {};
  for (const c of comparisons) row.ratios[comparisonLabel(c)] = costRatio(row, c[0], c[1], better);
}

/** Whether a parsed JSON file looks like a GroupResult this code can read. */
export function isGroupResult(x: unknown): x is GroupResult {
  const r = x as Partial<GroupResult> | null;
  return typeof r === 'object' && r !== null && r.schema === RESULT_SCHEMA && typeof r.group === 'string' && Array.isArray(r.rows);
}
