// debug.getinfo of a function value (and 'f'/'u' of a level) in interpreted code answers as
// luajit does (outputs recorded from luajit 2.1). Compiled functions do not carry these facts
// yet (README: deviations), so only the interpreted mode is checked here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { runRoverc } from '../support/run-lua.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-debug-getinfo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cases: [string, string, string][] = [
  ['function-S-u', 'local function f(a, b, ...) end\nlocal i = debug.getinfo(f, "Su")\n' +
    'print(i.short_src, i.source, i.linedefined, i.lastlinedefined, i.what, i.nups, i.nparams, i.isvararg)\n',
    'function-S-u.lua\t@function-S-u.lua\t1\t1\tLua\t0\t2\ttrue\n'],
  ['function-all', 'local up = 1\nlocal function g(x)\n  return up + x\nend\nlocal i = debug.getinfo(g)\n' +
    'print(i.short_src, i.linedefined, i.lastlinedefined, i.nups, i.nparams, i.isvararg, i.func == g, i.currentline)\n',
    'function-all.lua\t2\t4\t1\t1\tfalse\ttrue\t-1\n'],
  ['level-f-u', 'local up = 0\nlocal function h(a)\n  local i = debug.getinfo(1, "fuS")\n  return i.func == h, i.nparams, i.nups, i.lastlinedefined, up\nend\nprint(h())\n',
    'true\t1\t2\t5\t0\n'],
  ['loaded', 'local f = loadstring("local a, b = ...\\nreturn function(x, y) end")()\nlocal i = debug.getinfo(f, "Su")\n' +
    'print(i.short_src, i.linedefined, i.nparams, i.isvararg)\n',
    '[string "local a, b = ......"]\t2\t2\tfalse\n'],
];

for (const [name, source, expected] of cases) {
  test(`debug.getinfo ${name} (interpreted)`, async () => {
    const file = `${name}.lua`;
    writeFileSync(path.join(dir, file), source);
    const r = await runRoverc(file, 'interpreted', dir);
    assert.equal(r.stdout.toString(), expected);
  });
}
