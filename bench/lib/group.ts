// A benchmark group: the rows it measures, and at the end its table on stdout and its
// result file. One group per process (the runner starts one per script).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { machineInfo, type MachineInfo } from './machine.js';
import { measureMicro, microSettings, type MicroCase, type MicroSettings } from './micro.js';
import { caseFilters, matchesCases, type BenchOptions } from './options.js';
import { Progress } from './progress.js';
import { computeRatios, RESULT_SCHEMA, type GroupResult, type MetricSpec, type Row } from './result.js';
import { failures, mainTable, metricsTable, sections } from './table.js';

export interface GroupSpec {
  group: string;
  title: string;
  description: string;
  unit: string;
  /** Default 'lower' (times). */
  better?: 'lower' | 'higher';
  contestants: string[];
  baseline: string;
  /** Default: every other contestant against the baseline. */
  comparisons?: Array<[string, string]>;
  metrics?: MetricSpec[];
}

export class BenchGroup {
  readonly progress: Progress;
  /** benchmark.js settings for measure(), from --quick. */
  readonly micro: MicroSettings;
  readonly machine: MachineInfo;
  private readonly rows: Row[] = [];
  private readonly notes: string[] = [];
  private readonly started = Date.now();
  private readonly date = new Date().toISOString();
  private readonly comparisons: Array<[string, string]>;

  constructor(readonly spec: GroupSpec, readonly options: BenchOptions, private readonly groupOptions: Record<string, unknown> = {}) {
    if (!spec.contestants.includes(spec.baseline)) throw new Error(`${spec.group}: baseline ${spec.baseline} is not a contestant`);
    this.comparisons = spec.comparisons ?? spec.contestants.filter((c) => c !== spec.baseline).map((c): [string, string] => [c, spec.baseline]);
    this.progress = new Progress(spec.group);
    this.micro = microSettings(options.quick);
    this.machine = machineInfo();
  }

  /**
   * The cases that run under --cases and --smoke, in order; plans one progress step per
   * case (call progress.plan() after this to count finer steps).
   */
  select<T extends { name: string }>(cases: readonly T[]): T[] {
    const filters = caseFilters(this.options.cases, this.spec.group);
    let chosen = cases.filter((c) => matchesCases(c.name, this.options.cases.length > 0, filters));
    if (this.options.smoke) chosen = chosen.slice(0, 1);
    this.progress.plan(chosen.length);
    return chosen;
  }

  /** A line the reader of the table must see (printed, and kept in the result file). */
  note(text: string): void {
    this.notes.push(text);
    process.stderr.write(`note: ${text}\n`);
  }

  /** Adds a row measured by the group itself (process runs, wrk...); ratios are computed here. */
  addRow(row: Omit<Row, 'ratios'>): Row {
    const full: Row = { ...row, ratios: {} };
    computeRatios(full, this.comparisons, this.spec.better ?? 'lower');
    this.rows.push(full);
    return full;
  }

  /** Checks outputs, warms up and times one micro case with benchmark.js, and adds its row (unit: ns/op). */
  measure(c: MicroCase): Row {
    this.progress.step(c.name);
    const row = measureMicro(c, this.spec.contestants, this.micro);
    for (const [n, cell] of Object.entries(row.cells)) {
      if (cell.error !== undefined) this.progress.log(`FAIL ${c.name} / ${n}: ${cell.error}`);
    }
    return this.addRow(row);
  }

  private result(skipped?: string): GroupResult {
    const { group, title, description, unit, contestants, baseline, metrics } = this.spec;
    return {
      schema: RESULT_SCHEMA, group, title, description, unit, better: this.spec.better ?? 'lower', contestants, baseline,
      comparisons: this.comparisons, metrics: metrics ?? [], rows: this.rows, notes: this.notes, ...(skipped !== undefined ? { skipped } : {}),
      machine: this.machine, date: this.date, durationSeconds: Math.round((Date.now() - this.started) / 100) / 10,
      options: { quick: this.options.quick, smoke: this.options.smoke, cases: this.options.cases, ...this.groupOptions },
    };
  }

  private write(result: GroupResult): void {
    mkdirSync(this.options.resultsDir, { recursive: true });
    const file = path.join(this.options.resultsDir, `${result.group}.json`);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
    process.stderr.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
  }

  /** The group cannot run here (a tool is missing): says why, writes a result that says so, exit code 0. */
  skip(reason: string): GroupResult {
    process.stderr.write(`${this.spec.group}: skipped: ${reason}\n`);
    const result = this.result(reason);
    this.write(result);
    return result;
  }

  /** Prints the tables, writes the result file; a failed cell makes the exit code 1. */
  finish(): GroupResult {
    const result = this.result();
    const out: string[] = [`== ${result.title} (${result.unit}; ratios: cost of a over cost of b, > 1 means a is slower)`];
    for (const [section, rows] of sections(result.rows)) {
      out.push('', ...(section ? [`-- ${section}`] : []), mainTable(result, rows, 'text'));
      const metrics = metricsTable(result, rows, 'text');
      if (metrics) out.push('', metrics);
    }
    const failed = failures(result);
    out.push('', ...failed, ...result.notes.map((n) => `note: ${n}`));
    const m = result.machine;
    out.push(`${this.options.quick ? 'quick' : 'full'} mode; ${m.cpu} x${m.cores}, node ${m.node}; load ${m.loadavg.join(' ')}; ${result.durationSeconds} s`, '');
    process.stdout.write(out.join('\n'));
    this.write(result);
    if (failed.length > 0) process.exitCode = 1;
    return result;
  }
}
