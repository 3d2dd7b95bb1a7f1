// Smoke test of the benchmark suite (npm run bench): every group runs its first case in
// quick mode into a temporary folder, and the report renders. It asserts that the suite
// runs and that every contestant's output matched (no FAIL), never timings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GROUP_ORDER, isGroupResult, type GroupResult } from '../../bench/lib/index.js';
import { CLI, ROOT } from '../support/paths.js';

const groups = GROUP_ORDER.filter((g) => existsSync(path.join(ROOT, 'dist', 'bench', `${g}.js`)));
const committed = path.join(ROOT, 'bench', 'results');
/** Modification times of the committed result files, which the smoke run must leave alone. */
const stamps = () => (existsSync(committed) ? readdirSync(committed).map((f) => `${f} ${statSync(path.join(committed, f)).mtimeMs}`).sort() : []);

describe('benchmark suite, --smoke', () => {
  let dir = '';
  let run: ReturnType<typeof spawnSync>;
  let before0: string[] = [];

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-bench-smoke-'));
    before0 = stamps();
    run = spawnSync(process.execPath, ['dist/bench/run.js', '--smoke', '--results-dir', dir, '--report-dir', dir], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000,
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const result = (group: string): GroupResult => {
    const file = path.join(dir, `${group}.json`);
    assert.ok(existsSync(file), `${group}.json was not written:\n${String(run.stderr).slice(-3000)}`);
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(isGroupResult(parsed), `${group}.json is not a GroupResult`);
    return parsed;
  };

  for (const group of groups) {
    it(`runs the ${group} group with matching outputs`, (t) => {
      const r = result(group);
      if (r.skipped !== undefined) {
        t.skip(r.skipped);
        return;
      }
      assert.ok(r.rows.length > 0, `${group}: no rows`);
      for (const row of r.rows) {
        for (const [name, cell] of Object.entries(row.cells)) {
          assert.equal(cell.error, undefined, `${group} / ${row.name} / ${name}: ${cell.error}`);
          // compute reports CPU time, counted in clock ticks (10 ms): a smoke-sized run may read 0
          const least = group === 'compute' ? 0 : Number.MIN_VALUE;
          assert.ok(cell.value !== null && cell.value >= least, `${group} / ${row.name} / ${name}: no value`);
        }
      }
    });
  }

  it('exits 0, renders the report and leaves the committed results alone', () => {
    assert.equal(run.status, 0, `run.js exited ${run.status} ${run.signal ?? ''}:\n${String(run.stderr).slice(-3000)}`);
    const md = readFileSync(path.join(dir, 'BENCHMARKS.md'), 'utf8');
    for (const group of groups) {
      const r = result(group);
      assert.ok(md.includes(`## ${r.title}`), `BENCHMARKS.md has no section for ${group}`);
      if (r.skipped === undefined) assert.ok(existsSync(path.join(dir, 'bench', 'charts', `${group}.svg`)), `no chart for ${group}`);
    }
    assert.deepEqual(stamps(), before0);
  });
});

describe('benchmark options', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['dist/bench/compute.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

  it('an unknown option is a one-line usage error (exit 2), not a stack trace', () => {
    const r = run(['--no-such-option']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "compute.js: Unknown option '--no-such-option' (--help lists the options)\n");
    assert.equal(r.stdout, '');
  });

  it('--help lists the options of the group and exits 0', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'options: --quick --cases <value> --results-dir <value> --smoke --runs <value>\n(see bench/README.md)\n');
  });

  it('npm run bench (run.js) and the report refuse an unknown option the same way', () => {
    for (const script of ['run.js', 'report.js']) {
      const r = spawnSync(process.execPath, [`dist/bench/${script}`, '--onyl', 'compute'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 2, script);
      assert.equal(r.stderr, `${script}: Unknown option '--onyl' (--help lists the options)\n`, script);
    }
  });
});

describe('ROVERC_MAIN_CPU (the compute group\'s measure of a program without start-up)', () => {
  let dir = '';
  before(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-main-cpu-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const seconds = (file: string): number => {
    assert.ok(existsSync(file), 'the main chunk\'s CPU time was not written');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^\d+(\.\d+)?(e-\d+)?\n$/);
    return Number(text);
  };

  it('both modes write the CPU seconds of the main chunk, also when it fails', () => {
    const lua = path.join(dir, 'spin.lua');
    writeFileSync(lua, 'local s = 0\nfor i = 1, 3000000 do s = s + i % 7 end\nprint(s)\nif arg[1] then error("boom") end\n');
    const built = path.join(dir, 'spin');
    assert.equal(spawnSync(process.execPath, [CLI, 'build', lua, '--out', built], { encoding: 'utf8' }).status, 0);
    const modes: Array<[string, string[]]> = [['interpreted', [CLI, 'run', lua]], ['compiled', [path.join(built, 'run.js')]]];
    for (const [mode, args] of modes) {
      for (const fail of [false, true]) {
        const file = path.join(dir, `${mode}-${fail}`);
        const r = spawnSync(process.execPath, [...args, ...(fail ? ['x'] : [])], { encoding: 'utf8', env: { ...process.env, ROVERC_MAIN_CPU: file } });
        assert.equal(r.status, fail ? 1 : 0, `${mode}: ${r.stderr}`);
        assert.equal(r.stdout, '8999997\n');
        const s = seconds(file);
        assert.ok(s > 0 && s < 60, `${mode}: ${s} s`);
      }
    }
  });

  it('a file it cannot write is a one-line message; the program still runs', () => {
    const lua = path.join(dir, 'hello.lua');
    writeFileSync(lua, 'print("hello")\n');
    const bad = path.join(dir, 'no-such-dir', 'cpu');
    const r = spawnSync(process.execPath, [CLI, 'run', lua], { encoding: 'utf8', env: { ...process.env, ROVERC_MAIN_CPU: bad } });
    assert.equal(r.stdout, 'hello\n');
    assert.equal(r.stderr, `roverc: ROVERC_MAIN_CPU: cannot write ${JSON.stringify(bad)}: ENOENT: no such file or directory, open '${bad}'\n`);
  });
});
