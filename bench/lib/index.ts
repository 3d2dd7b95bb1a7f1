/**
 * The common library of the benchmark groups (bench/<group>.ts, run by bench/run.ts).
 *
 * A group script is run as `node dist/bench/<group>.js [--quick] [--smoke] [--cases a,b]
 * [--results-dir D] [its own options]`. It parses the options, makes a BenchGroup, measures
 * rows, and calls finish(), which prints the table and writes D/<group>.json (a
 * GroupResult, see result.ts); the report (bench/report.ts) renders BENCHMARKS.md from those.
 *
 * ```ts
 * import { BenchGroup, parseBenchArgs } from './lib/index.js';
 * const { common } = parseBenchArgs();
 * const g = new BenchGroup({ group: 'json', title: 'JSON encoding', description: '...', unit: 'ns/op',
 *   contestants: ['interpreted', 'compiled', 'JSON.stringify'], baseline: 'JSON.stringify' }, common);
 * for (const c of g.select(CASES)) {          // --cases and --smoke filter; progress is planned
 *   g.measure({ name: c.name, section: 'objects', canon: String, fns: {
 *     interpreted: () => encodeJson(c.lua), compiled: () => encodeCompiled(c.lua), 'JSON.stringify': () => JSON.stringify(c.js) } });
 * }
 * g.finish();
 * ```
 *
 * measure() calls every contestant once and compares the outputs (after `canon`) with the
 * first contestant's (or `expected`): a contestant that throws or differs is FAIL, never
 * timed. Then each is warmed up and timed in rotated rounds (median of 3; 1 with --quick).
 * Groups that time whole processes build rows themselves and call addRow(); skip(reason)
 * records that a group cannot run here. Notes (note()) go into the result and the report.
 */
export { BenchGroup, type GroupSpec } from './group.js';
export { keep, measureMicro, microSettings, type MicroCase, type MicroSettings } from './micro.js';
export { machineInfo, toolVersion, type MachineInfo } from './machine.js';
export { COMMON_OPTIONS, DEFAULT_RESULTS_DIR, GROUP_ORDER, parseBenchArgs, parseCliArgs, ROOT, type BenchOptions } from './options.js';
export { Progress } from './progress.js';
export { comparisonLabel, computeRatios, costRatio, geomean, isGroupResult, median, RESULT_SCHEMA } from './result.js';
export type { Cell, GroupResult, MetricSpec, Row } from './result.js';
export { failures, formatRatio, formatValue, layout, mainTable, metricsTable, sections } from './table.js';
