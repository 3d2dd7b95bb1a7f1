// `#` of tables made by random constructors (holes, nil constants, folded constants, trailing
// calls, integer and boolean keys, computed keys) must be luajit's in every mode
// (runtime/lua/luajit-table.ts models the layout luajit gives them). Two families, both
// deterministic under luajit: keys that are numbers and booleans only, with nil values
// anywhere; and string keys too, with no nil value in the hash part (where string keys share
// it with nil values, luajit's hash seed decides, and its answer varies from run to run).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { hasLuajit, MODES, runLuajit, runRoverc } from '../support/run-lua.js';

const ANY = ['1', '"s"', 'true', 'false', 'nil', 'a', 'b', '(nil)', 'not nil', '1 and nil', 'nil or 3', 'nil and 1',
  'false or b', 'a or nil', '2 * 3', 'b + 1'];
const NOT_NIL = ['1', '"s"', 'true', 'false', 'b', 'not nil', 'nil or 3', 'false or b', '2 * 3', 'b + 1'];
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '12', '16', '17', '0', '-1', '1.5', 'true', 'false', 'c', 'd', 'b', '2^40'];
const RUNS = ['f()', 'g()', 'h()', 'k()', 'm()', '(f())', '...'];

/** A program printing `#` of `count` random constructors (a linear congruential generator from `seed`). */
function program(seed: number, count: number, strings: boolean): string {
  let s = seed;
  const random = (): number => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
  const pick = (a: readonly string[]): string => a[Math.floor(random() * a.length)];
  const values = strings ? NOT_NIL : ANY;
  const lines = [
    'local a, b, c, d = nil, 2, 3, 7',
    'local function f() return nil, 2, nil end',
    'local function g() end',
    'local function h() return 1, 2 end',
    'local function k() return nil end',
    'local function m() return 1, nil, nil, 4 end',
    'local function sum(t) local n = 0 for key in pairs(t) do if type(key) == "number" then n = n + key end end return n end',
    'local function test(...)',
  ];
  for (let i = 0; i < count; i++) {
    const fields: string[] = [];
    const names = ['x', 'y', 'z', 'w', 'v'];
    for (let n = Math.floor(random() * 12); n > 0; n--) {
      const r = random();
      if (r < 0.6) fields.push(pick(values));
      else if (strings && r < 0.75 && names.length > 0) fields.push(`${names.splice(Math.floor(random() * names.length), 1)[0]} = ${pick(['1', '"s"', 'true', '2 * 3'])}`);
      else fields.push(`[${pick(KEYS)}] = ${pick(values)}`);
    }
    if (random() < 0.3) fields.push(pick(RUNS));
    lines.push(`  do local t = {${fields.join(', ')}} print(${i}, #t, sum(t)) end`);
  }
  lines.push('end', 'test(nil, 1, nil)');
  return lines.join('\n') + '\n';
}

describe('# of constructors with holes, against luajit', { skip: !hasLuajit() && 'luajit is not installed' }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-ctor-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [family, strings, seed] of [['numeric and boolean keys', false, 7], ['string keys without nil values', true, 11]] as const) {
    it(family, async () => {
      const file = path.join(dir, `${strings ? 'strings' : 'numbers'}.lua`);
      writeFileSync(file, program(seed, 700, strings));
      const want = await runLuajit(file, dir);
      assert.equal(want.code, 0, want.stderr);
      for (const mode of MODES) {
        const got = await runRoverc(file, mode, dir);
        assert.equal(got.code, 0, `${mode}: ${got.stderr}`);
        const lines = got.stdout.toString().split('\n');
        const expected = want.stdout.toString().split('\n');
        const first = expected.findIndex((l, i) => l !== lines[i]);
        assert.equal(first, -1, `${mode}: constructor ${expected[first]?.split('\t')[0]} differs: luajit "${expected[first]}", roverc "${lines[first]}"`);
      }
    });
  }
});
