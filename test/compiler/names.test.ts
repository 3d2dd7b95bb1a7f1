// JS names of Lua locals: Lua names are kept where no other local of the same name can be seen,
// and a local never hides a name the emitted code itself uses (the `rt` and `rh` imports).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, it } from 'node:test';
import { build } from '../../compiler/build.js';
import { emitModule } from '../../compiler/codegen/emit-module.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve } from '../../compiler/frontend/resolve.js';

const run = promisify(execFile);

function emitted(lua: string): string {
  const res = resolve('names.lua', lua, parseChunk('names.lua', lua));
  return emitModule(res, { runtimeImport: './rt.js', coroutines: false, fenv: false });
}

it('locals of unrelated functions keep their Lua names', () => {
  const ts = emitted(`
local function f(t) for i = 1, #t do t[i] = i end return t end
local function g(t) local s = 0 for i = 1, #t do s = s + t[i] end return s end
return g(f({ 1, 2 }))`);
  assert.match(ts, /function \$f\(t\??: /);
  assert.match(ts, /function \$g\(t\??: /);
  assert.equal(ts.match(/for \(let i: number/g)?.length, 2, ts);
  assert.doesNotMatch(ts, /\bt_1\b|\bi_1\b/);
});

it('a local that could shadow or be shadowed by one of the same name is renamed', () => {
  const ts = emitted(`
local x = 1
local function f() local x = 2 return x end
local x = x + f()
return x`);
  // three locals named x: the main chunk's two, and f's (inside the first's scope)
  assert.match(ts, /let x: /);
  assert.match(ts, /let x_1: /);
  assert.match(ts, /let x_2: /);
});

it('locals of one function in blocks apart share their name; nested blocks keep them apart', () => {
  const ts = emitted(`
local out = {}
for i = 1, 2 do out[#out + 1] = i end
for i = 3, 4 do out[#out + 1] = i end
do local x = 1; out[#out + 1] = x end
do local x = 2; out[#out + 1] = x; do local x = 3; out[#out + 1] = x end end
return out`);
  // the two loops' i and the two outer x share a name; the x nested in the second block does not
  assert.equal(ts.match(/for \(let i: number/g)?.length, 2, ts);
  assert.doesNotMatch(ts, /\bi_1\b/);
  assert.equal(ts.match(/let x: /g)?.length, 2, ts);
  assert.equal(ts.match(/let x_1: /g)?.length, 1, ts);
});

it('an inner function defined outside an outer local\'s block may take its name', () => {
  const ts = emitted(`
local function area(s) return s * s end
local total = 0
for i = 1, 3 do local s = area(i); total = total + s end
local function seen(v) return v + total end
local function shadow(total) return total end
return seen(1) + shadow(2)`);
  // area is defined before the loop's block: its parameter and the loop's local are both s;
  // shadow is defined where the main chunk's total is visible: its parameter is renamed
  assert.match(ts, /function \$area\(s\??: /);
  assert.match(ts, /let s: /);
  assert.doesNotMatch(ts, /\bs_1\b/);
  assert.match(ts, /function \$shadow\(total_1\??: /);
});

it('Lua locals named like the emitted imports or JS words are renamed', () => {
  const ts = emitted('local rt, rh, class = 1, 2, 3\nreturn rt + rh + class');
  assert.match(ts, /let rt_: /);
  assert.match(ts, /let rh_: /);
  assert.match(ts, /let class_: /);
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-names-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('a route module whose Lua declares rh and rt builds and answers', async () => {
  const app = path.join(dir, 'app.lua');
  writeFileSync(app, `local api = rover.server {}
local rh, rt = "shadow", "also"
function api.items.p_id.get(ctx)
  return { id = ctx:params().id, v = rh .. rt }
end
return api
`);
  const out = path.join(dir, 'out');
  build(app, out);
  writeFileSync(path.join(out, 'check.mjs'), `import { itemsIdGet, makeRequestContext } from './routes.js';
console.log(itemsIdGet(makeRequestContext({ path: '/items/7', params: { id: '7' } })).text);
`);
  const { stdout } = await run(process.execPath, [path.join(out, 'check.mjs')]);
  assert.equal(stdout, '{"id":"7","v":"shadowalso"}\n');
});
