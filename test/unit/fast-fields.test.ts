// Tables whose string keys the runtime adds one by one keep V8's fast properties (see addField
// in runtime/lua/table.ts): `_G`, the libraries and a class with dozens of methods. V8 turns
// an object into a dictionary after about a dozen keyed-store additions, and a compiled
// `math.sqrt` or `obj:method()` then does a hash lookup each time. Asked of V8 itself, in a
// child process with natives syntax.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const runtime = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'runtime');
const url = (p: string): string => pathToFileURL(join(runtime, p)).href;

const probe = `
import { LuaTable } from ${JSON.stringify(url('lua/table.js'))};
import { createGlobals } from ${JSON.stringify(url('stdlib/globals.js'))};
const fast = (t) => %HasFastProperties(t.f);
const G = createGlobals({ load: () => { throw new Error('no load'); }, scriptDir: '.' });
const sizes = {};
for (const n of [10, 12, 13, 20, 40, 100]) {
  const t = new LuaTable();
  for (let i = 0; i < n; i++) t.set('method' + i, i);
  sizes[n] = fast(t);
}
const big = new LuaTable();
for (let i = 0; i < 5000; i++) big.set('key' + i, i);
console.log(JSON.stringify({ G: fast(G), math: fast(G.getStr('math')), string: fast(G.getStr('string')),
  os: fast(G.getStr('os')), sizes, bigMapMode: big.f === undefined, bigKeys: big.hashCount(), bigLast: big.getStr('key4999') }));
`;

describe('fields objects in V8 fast mode', () => {
  it('_G, the libraries and tables of up to 100 string keys added one by one stay fast', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', probe], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(got, {
      G: true, math: true, string: true, os: true,
      sizes: { 10: true, 12: true, 13: true, 20: true, 40: true, 100: true },
      // past MAP_MODE_KEYS a table keeps its string keys in a Map (its fields object would be
      // a V8 dictionary: docs/VALUE_MODEL.md)
      bigMapMode: true, bigKeys: 5000, bigLast: 4999,
    });
  });
});
