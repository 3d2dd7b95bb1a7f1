// debug.getlocal/getupvalue cannot read compiled code's variables: compiled mode refuses
// with a clear error (interpreted mode answers as luajit does).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
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
];

for (const [name, source, interpreted] of cases) {
  test(`debug.${name}: interpreted answers, compiled refuses`, async () => {
    const file = `${name}.lua`;
    writeFileSync(path.join(dir, file), source);
    const i = await runRoverc(file, 'interpreted', dir);
    assert.equal(i.stdout.toString(), interpreted);
    const c = await runRoverc(file, 'compiled', dir);
    assert.equal(c.code, 1);
    const fn = name === 'vararg' ? 'getlocal' : name.replace('-fn', '');
    assert.match(errorMessage(c.stderr), new RegExp(`^${name}\\.lua:\\d+: debug\\.${fn} cannot see the variables of compiled code \\(run with --mode interpreted\\)$`));
  });
}
