// A compiled program loads no parser, resolver or interpreter unless it compiles Lua at run
// time (load, loadstring, dofile, loadfile, require of a module that was not compiled); then
// they load at first use, or before the program runs on a Node that cannot require() ES modules.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { CLI } from '../support/paths.js';
import { COMPILER_MODULES, loadedModules, traceArgs } from '../support/load-trace.js';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roverc-lazy-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function buildProgram(name: string, source: string): string {
  writeFileSync(path.join(dir, `${name}.lua`), source);
  const out = path.join(dir, name);
  execFileSync(process.execPath, [CLI, 'build', `${name}.lua`, '--out', out], { cwd: dir });
  return path.join(out, 'run.js');
}

function run(runJs: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...traceArgs(), ...nodeArgs, runJs], { cwd: dir, encoding: 'latin1' });
  const modules = loadedModules(r.stderr);
  const stderr = r.stderr.split('\n').filter((l) => !l.startsWith('LOAD ')).join('\n');
  return { code: r.status, stdout: r.stdout, stderr, modules };
}

it('a program without load never loads the parser, the resolver or the interpreter', () => {
  const r = run(buildProgram('hello', 'local t = {}\nfor i = 1, 3 do t[i] = i * i end\nprint("hello", table.concat(t, ","))\n'));
  assert.equal(r.stdout, 'hello\t1,4,9\n');
  assert.equal(r.code, 0);
  assert.ok(r.modules.some((m) => m.endsWith('/roverc/runtime/compiled/program.js')), `the trace lists the runtime: ${r.modules.join('\n')}`);
  assert.deepEqual(r.modules.filter((m) => COMPILER_MODULES.test(m)), []);
});

const LOADS = [
  'print(loadstring("return 1 + 2")())',
  'local f = load("return ...") print(f(5))',
  'print(loadstring("x x"))',
  '',
].join('\n');
const LOADS_OUT = '3\n5\nnil\t[string "x x"]:1: \'=\' expected near \'x\'\n';

it('a program that calls loadstring loads the interpreter when it first runs it', () => {
  const r = run(buildProgram('loads', LOADS));
  assert.equal(r.stdout, LOADS_OUT);
  assert.equal(r.stderr, '');
  // required on first use (require(esm)), not at start-up
  assert.ok(r.modules.some((m) => m.startsWith('require:') && m.endsWith('/roverc/runtime/interp/interpreter.js')), r.modules.join('\n'));
});

it('on a Node that cannot require() ES modules, a program that names loadstring preloads the interpreter', () => {
  const r = run(path.join(dir, 'loads/run.js'), ['--no-experimental-require-module']);
  assert.equal(r.stdout, LOADS_OUT);
  assert.equal(r.stderr, '');
});

it('there, a load the source does not name is a Lua error that says why', () => {
  const runJs = buildProgram('hidden', 'local f = _G[("lo") .. "ad"]\nprint(pcall(f, "return 1"))\n');
  const ok = run(runJs);
  assert.match(ok.stdout, /^true\tfunction: /);
  const r = run(runJs, ['--no-experimental-require-module']);
  assert.match(r.stdout, /^true\tnil\tcannot compile Lua code at run time: the interpreter was not preloaded .* cannot require\(\) an ES module/);
  // only the failed attempt to require the interpreter: nothing of it loaded
  assert.deepEqual(r.modules.filter((m) => COMPILER_MODULES.test(m) && !m.startsWith('require:')), []);
});
