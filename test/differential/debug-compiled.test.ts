// debug.getlocal/setlocal/getupvalue/setupvalue/upvalueid on compiled code: a program that
// may reach them is built with variable accessors and answers as the interpreter (and
// luajit) does; a program that never names them is emitted exactly as before, and when it
// reaches them anyway (through `_G[k]`) compiled mode refuses with an error naming the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { emitModule } from '../../compiler/codegen/emit-module.js';
import { mayReadVariables, type ProgramModule } from '../../compiler/codegen/program.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve } from '../../compiler/frontend/resolve.js';
import { errorMessage, runRoverc } from '../support/run-lua.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-debug-compiled-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cases: [string, string, string][] = [
  ['getlocal', 'local x = 1\nprint(debug.getlocal(1, 1))\n', 'x\t1\n'],
  ['getlocal-fn', 'local function f(a, b) end\nprint(debug.getlocal(f, 2))\n', 'b\n'],
  ['setlocal', 'local x = 1\nprint(debug.setlocal(1, 1, 5), x)\n', 'x\t5\n'],
  ['vararg', 'local function f(...)\n  local n, v = debug.getlocal(1, -1)\n  return n, v\nend\nprint(f(7))\n', '(*vararg)\t7\n'],
  ['getupvalue', 'local u = 3\nlocal function f() return u end\nprint(debug.getupvalue(f, 1))\n', 'u\t3\n'],
  ['setupvalue', 'local u = 3\nlocal function f() return u end\nprint(debug.setupvalue(f, 1, 4), f())\n', 'u\t4\n'],
  // a typed local (a number everywhere the code can see) changed to a string behind its back
  ['typed', 'local n = 1\ndebug.setlocal(1, 1, "s")\nprint(n .. 1, type(n))\n', 's1\tstring\n'],
  // a loop variable changed by setlocal is a copy: the loop goes on (it is local 4, after
  // the hidden "(for index)", "(for limit)", "(for step)"); the hidden index ends it
  ['for-hidden', 'for i = 1, 3 do\n  io.write(i, " ", debug.setlocal(1, 1, 10), " ")\nend\nprint()\n', '1 (for index) \n'],
  ['for', 'for i = 1, 3 do\n  debug.setlocal(1, 4, 10)\n  io.write(i, " ")\nend\nprint()\n', '10 10 10 \n'],
];

for (const [name, source, expected] of cases) {
  test(`debug.${name}: compiled answers as interpreted`, async () => {
    const file = `${name}.lua`;
    writeFileSync(path.join(dir, file), source);
    for (const mode of ['interpreted', 'compiled'] as const) {
      const r = await runRoverc(file, mode, dir);
      assert.equal(r.stdout.toString(), expected, `${mode}: ${r.stderr}`);
    }
  });
}

test('a program that reaches getlocal without naming it: compiled mode refuses, naming the reason', async () => {
  writeFileSync(path.join(dir, 'hidden.lua'), 'local x = 1\nlocal d = _G["deb" .. "ug"]\nprint(d["get" .. "lo" .. "cal"](1, 1))\n');
  assert.equal((await runRoverc('hidden.lua', 'interpreted', dir)).stdout.toString(), 'x\t1\n');
  const c = await runRoverc('hidden.lua', 'compiled', dir);
  assert.equal(c.code, 1);
  assert.equal(errorMessage(c.stderr), 'hidden.lua:3: debug.getlocal cannot see the variables of compiled code built without debug ' +
    'support (name debug.getlocal in the program, or run with --mode interpreted)');
});

test('upvaluejoin on compiled closures refuses (a captured JS variable cannot be rebound)', async () => {
  writeFileSync(path.join(dir, 'join.lua'), 'local a, b = 1, 2\nlocal function f() return a end\nlocal function g() return b end\n' +
    'debug.upvaluejoin(f, 1, g, 1)\nprint(f())\n');
  assert.equal((await runRoverc('join.lua', 'interpreted', dir)).stdout.toString(), '2\n');
  const c = await runRoverc('join.lua', 'compiled', dir);
  assert.equal(errorMessage(c.stderr), 'join.lua:4: debug.upvaluejoin cannot rebind the upvalues of compiled code (run with --mode interpreted)');
});

function program(lua: string): ProgramModule {
  return { name: '', file: 'p.lua', resolution: resolve('p.lua', lua, parseChunk('p.lua', lua)) };
}

test('which programs get debug support', () => {
  const yes = [
    'print(debug.getlocal(1, 1))', 'local s = debug.setlocal', 'print(debug["getupvalue"])', 'local d = debug\nprint(d)',
    'print(debug[k])', 'f(debug)', 'loadstring("return debug.upvalueid(f, 1)")', 'local t = {upvaluejoin = 1}',
  ];
  const no = ['print(debug.traceback())', 'print(debug.getinfo(1).currentline)', 'local debug = {}\nprint(debug)', 'print(_G[k])'];
  for (const lua of yes) assert.equal(mayReadVariables([program(lua)]), true, lua);
  for (const lua of no) assert.equal(mayReadVariables([program(lua)]), false, lua);
});

test('a program without debug support gets no debug code', () => {
  const lua = 'local function f(a, ...)\n  local x = a + 1\n  return function() return x end\nend\nprint(debug.traceback(), f(1)())\n';
  const m = program(lua);
  assert.equal(mayReadVariables([m]), false);
  const plain = emitModule(m.resolution, { runtimeImport: './rt.js', coroutines: false, fenv: false });
  assert.equal(emitModule(m.resolution, { runtimeImport: './rt.js', coroutines: false, fenv: false, debug: false }), plain);
  assert.doesNotMatch(plain, /debugFn|\$s\.locals|\$s\.varargs|debug: \{/);
  const withDebug = emitModule(m.resolution, { runtimeImport: './rt.js', coroutines: false, fenv: false, debug: true });
  assert.match(withDebug, /rt\.debugFn\(/);
  assert.match(withDebug, /\$s\.locals\[\$d\] = /);
  assert.match(withDebug, /\$s\.varargs\[\$d\] = \$va;/);
});
