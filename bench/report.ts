// `npm run bench:report`: renders BENCHMARKS.md and bench/charts/<group>.svg from the result
// files of the groups (bench/results/*.json) and the hand-written notes (bench/notes/).
//   node dist/bench/report.js [--results-dir D] [--report-dir R]
// R (default: the repository root) receives BENCHMARKS.md and bench/charts/.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RESULTS_DIR, GROUP_ORDER, isGroupResult, parseCliArgs, ROOT, type GroupResult } from './lib/index.js';
import { groupChart } from './report/chart.js';
import { renderReport } from './report/markdown.js';

const NOTES_DIR = path.join(ROOT, 'bench', 'notes');

function readResults(dir: string): GroupResult[] {
  if (!existsSync(dir)) return [];
  const results: GroupResult[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    if (isGroupResult(parsed)) results.push(parsed);
    else process.stderr.write(`report: ${f} is not a group result of this format: left out\n`);
  }
  // Known groups in run order, then any other alphabetically.
  const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return results.sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
}

const readIfExists = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

function main(): void {
  const values = parseCliArgs({ 'results-dir': { type: 'string' }, 'report-dir': { type: 'string' } }) as { 'results-dir'?: string; 'report-dir'?: string };
  const resultsDir = path.resolve(values['results-dir'] ?? DEFAULT_RESULTS_DIR);
  const reportDir = path.resolve(values['report-dir'] ?? ROOT);
  const results = readResults(resultsDir);
  const chartsDir = path.join(reportDir, 'bench', 'charts');
  mkdirSync(chartsDir, { recursive: true });
  const charts: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const r of results) {
    const svg = r.skipped === undefined ? groupChart(r) : undefined;
    if (svg !== undefined) {
      writeFileSync(path.join(chartsDir, `${r.group}.svg`), svg);
      charts[r.group] = `bench/charts/${r.group}.svg`;
    }
    const n = readIfExists(path.join(NOTES_DIR, `${r.group}.md`));
    if (n !== undefined) notes[r.group] = n;
  }
  const md = renderReport({ results, intro: readIfExists(path.join(NOTES_DIR, 'intro.md')), notes, charts });
  const file = path.join(reportDir, 'BENCHMARKS.md');
  writeFileSync(file, md);
  process.stderr.write(`wrote ${path.relative(process.cwd(), file) || file} (${results.map((r) => r.group).join(', ') || 'no results'}) and ${Object.keys(charts).length} chart(s)\n`);
}

main();
