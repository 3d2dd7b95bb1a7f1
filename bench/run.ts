// `npm run bench`: runs each benchmark group in its own process, in order (json, request,
// compute, server: those whose dist/bench/<group>.js exists), then the report.
//   node dist/bench/run.js [--only request,compute] [--quick] [--smoke] [--cases ...] [--results-dir D] [--report-dir R] [--no-report]
// --quick, --smoke, --cases and --results-dir are passed to every group (see bench/lib/options.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { COMMON_OPTIONS, GROUP_ORDER, parseCliArgs, ROOT } from './lib/index.js';

const scriptOf = (group: string) => path.join(ROOT, 'dist', 'bench', `${group}.js`);

function main(): number {
  const values = parseCliArgs({
    ...COMMON_OPTIONS, only: { type: 'string', multiple: true }, 'report-dir': { type: 'string' }, 'no-report': { type: 'boolean', default: false },
  }) as { only?: string[]; quick?: boolean; smoke?: boolean; cases?: string[]; 'results-dir'?: string; 'report-dir'?: string; 'no-report'?: boolean };
  const available = GROUP_ORDER.filter((g) => existsSync(scriptOf(g)));
  const only = (values.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((g) => !available.includes(g));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no group ${unknown.join(', ')}; groups here: ${available.join(', ')}\n`);
    return 2;
  }
  const groups = only.length > 0 ? available.filter((g) => only.includes(g)) : available;
  const pass: string[] = [];
  if (values.quick) pass.push('--quick');
  if (values.smoke) pass.push('--smoke');
  for (const c of values.cases ?? []) pass.push('--cases', c);
  if (values['results-dir'] !== undefined) pass.push('--results-dir', path.resolve(values['results-dir']));

  const summary: string[] = [];
  let failed = 0;
  const started = Date.now();
  groups.forEach((group, i) => {
    process.stderr.write(`\n=== bench: group ${i + 1}/${groups.length}: ${group}\n`);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [scriptOf(group), ...pass], { cwd: ROOT, stdio: 'inherit' });
    const seconds = Math.round((Date.now() - t0) / 1000);
    const status = r.error ? `error: ${r.error.message}` : r.signal ? `killed by ${r.signal}` : r.status === 0 ? 'ok' : `exit code ${r.status}`;
    if (status !== 'ok') failed++;
    summary.push(`${group.padEnd(8)} ${status.padEnd(12)} ${seconds} s`);
  });
  if (!values['no-report']) {
    const args = [path.join(ROOT, 'dist', 'bench', 'report.js')];
    if (values['results-dir'] !== undefined) args.push('--results-dir', path.resolve(values['results-dir']));
    if (values['report-dir'] !== undefined) args.push('--report-dir', path.resolve(values['report-dir']));
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) failed++;
    summary.push(`report   ${r.status === 0 ? 'ok' : `exit code ${r.status}`}`);
  }
  process.stderr.write(`\n=== bench: ${groups.length} group(s) in ${Math.round((Date.now() - started) / 1000)} s\n${summary.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
