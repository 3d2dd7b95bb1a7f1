// Differential tests of the table library (and unpack) against luajit (see luajit-diff.ts).
import assert from 'node:assert/strict';
import { first } from '../../runtime/lua/multi.js';
import { LuaError } from '../../runtime/lua/errors.js';
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaFunction, LuaValue } from '../../runtime/lua/value.js';
import { createTableLib, unpack } from '../../runtime/stdlib/table.js';
import { call, lit, line, pcall, rng, ser, runDiff, type DiffCase } from './luajit-diff.js';

const T = createTableLib();
const cases: DiffCase[] = [];
const rand = rng(7);
const int = (n: number): number => Math.floor(rand() * n);

// Elements are tables {k = key, id = position} so the order of equal keys shows.
const PRELUDE = String.raw`
local LT = {__lt = function(a, b) return a.k < b.k end}
local function mk(k, id) return {k = k, id = id} end
local function mkm(k, id) return setmetatable({k = k, id = id}, LT) end
local function dump(t, lo, hi)
  local parts = {}
  for i = lo, hi do
    local v = rawget(t, i)
    parts[#parts + 1] = type(v) == 'table' and '#' .. v.id or ser(v)
  end
  return table.concat(parts, ',')
end
`;

const LTmeta = new LuaTable();
LTmeta.set('__lt', ((a: LuaTable, b: LuaTable) => (a.get('k') as number) < (b.get('k') as number)) as LuaFunction);

function mk(k: LuaValue, id: number, meta = false): LuaTable {
  const t = new LuaTable();
  t.set('k', k);
  t.set('id', id);
  if (meta) t.metatable = LTmeta;
  return t;
}

function dump(t: LuaTable, lo: number, hi: number): string {
  const parts: string[] = [];
  for (let i = lo; i <= hi; i++) {
    const v = t.get(i);
    parts.push(v instanceof LuaTable ? '#' + String(v.get('id')) : ser(v));
  }
  return parts.join(',');
}

// ---- table.sort ----

type Cmp = 'none' | 'lt' | 'gt' | 'le' | 'ge' | 'bits' | 'nonbool' | 'err';
interface SortSpec { keys: LuaValue[]; boxed: boolean; meta: boolean; cmp: Cmp; bits?: boolean[]; errAt?: number }

function luaCmp(s: SortSpec): string {
  const k = (op: string) => `function(a, b) c = c + 1 return a.k ${op} b.k end`;
  switch (s.cmp) {
    case 'none': return '';
    case 'lt': return s.boxed ? k('<') : 'function(a, b) c = c + 1 return a < b end';
    case 'gt': return s.boxed ? k('>') : 'function(a, b) c = c + 1 return a > b end';
    case 'le': return s.boxed ? k('<=') : 'function(a, b) c = c + 1 return a <= b end';
    case 'ge': return s.boxed ? k('>=') : 'function(a, b) c = c + 1 return a >= b end';
    case 'nonbool': return 'function(a, b) c = c + 1 if a.k < b.k then return 0 end return nil end';
    case 'bits': return `function(a, b) c = c + 1 local bits = {${s.bits!.join(',')}} return bits[(c - 1) % #bits + 1] end`;
    case 'err': return `function(a, b) c = c + 1 if c == ${s.errAt} then error('boom', 0) end return a.k < b.k end`;
  }
}

function jsCmp(s: SortSpec, count: { c: number }): LuaFunction | undefined {
  const key = (v: LuaValue) => (s.boxed ? (v as LuaTable).get('k') : v) as number;
  switch (s.cmp) {
    case 'none': return undefined;
    case 'lt': return (a, b) => (count.c++, key(a) < key(b));
    case 'gt': return (a, b) => (count.c++, key(a) > key(b));
    case 'le': return (a, b) => (count.c++, key(a) <= key(b));
    case 'ge': return (a, b) => (count.c++, key(a) >= key(b));
    case 'nonbool': return (a, b) => (count.c++, key(a) < key(b) ? 0 : undefined);
    case 'bits': return () => (count.c++, s.bits![(count.c - 1) % s.bits!.length]);
    case 'err': return (a, b) => {
      count.c++;
      if (count.c === s.errAt) throw new LuaError('boom');
      return key(a) < key(b);
    };
  }
}

function addSort(s: SortSpec): void {
  const n = s.keys.length;
  const elems = s.keys.map((k, i) => (s.boxed ? `${s.meta ? 'mkm' : 'mk'}(${lit(k)}, ${i + 1})` : lit(k)));
  const cmp = luaCmp(s);
  cases.push({
    lua: `do local c = 0 local t = {${elems.join(', ')}} local ok, e = pcall(table.sort, t${cmp ? ', ' + cmp : ''}) out(ok, e, dump(t, 1, ${n}), c) end`,
    js: () => {
      const t = new LuaTable(s.keys.map((k, i) => (s.boxed ? mk(k, i + 1, s.meta) : k)));
      const count = { c: 0 };
      const f = jsCmp(s, count);
      const r = f === undefined ? pcall(T.get('sort'), t) : pcall(T.get('sort'), t, f);
      return line(r[0], r[1], dump(t, 1, n), count.c);
    },
  });
}

function randomKeys(n: number): number[] {
  const range = [2, 3, 5, n, 1000][int(5)] || 1;
  return Array.from({ length: n }, () => int(range));
}

const sizes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 20, 25, 31, 32, 33, 40, 50, 64, 100];
for (const n of sizes) {
  for (let rep = 0; rep < 6; rep++) {
    const keys = randomKeys(n);
    addSort({ keys, boxed: false, meta: false, cmp: 'none' });
    addSort({ keys, boxed: true, meta: false, cmp: 'lt' });
    addSort({ keys, boxed: true, meta: false, cmp: 'gt' });
    addSort({ keys, boxed: true, meta: true, cmp: 'none' });
    addSort({ keys, boxed: true, meta: false, cmp: 'le' });
    addSort({ keys, boxed: true, meta: false, cmp: 'ge' });
    addSort({ keys, boxed: true, meta: false, cmp: 'nonbool' });
    const bits = Array.from({ length: 1 + int(12) }, () => rand() < 0.5);
    addSort({ keys, boxed: true, meta: false, cmp: 'bits', bits });
    if (n > 1) addSort({ keys, boxed: true, meta: false, cmp: 'err', errAt: 1 + int(n * 2) });
  }
}
// Sorted, reversed and constant inputs (worst cases of the partition).
for (const n of [10, 50, 200, 1000]) {
  const up = Array.from({ length: n }, (_, i) => i);
  addSort({ keys: up, boxed: true, meta: false, cmp: 'lt' });
  addSort({ keys: [...up].reverse(), boxed: true, meta: false, cmp: 'lt' });
  addSort({ keys: up.map(() => 7), boxed: true, meta: false, cmp: 'lt' });
  addSort({ keys: up.map(() => 7), boxed: true, meta: false, cmp: 'le' });
  addSort({ keys: randomKeys(n), boxed: true, meta: false, cmp: 'lt' });
}
// Strings, mixed types and special numbers with the default comparison.
for (let rep = 0; rep < 20; rep++) {
  const n = int(30);
  addSort({ keys: Array.from({ length: n }, () => ['a', 'b', 'ab', 'B', '', 'a\0b', '\xff', 'abc', '10', '9'][int(10)]), boxed: false, meta: false, cmp: 'none' });
}
addSort({ keys: [1, 'x', 2], boxed: false, meta: false, cmp: 'none' });
addSort({ keys: ['x', 1], boxed: false, meta: false, cmp: 'none' });
addSort({ keys: [3, true, 1], boxed: false, meta: false, cmp: 'none' });
addSort({ keys: [3, NaN, 1, NaN, 2, 0, -0, Infinity, -Infinity], boxed: false, meta: false, cmp: 'none' });
addSort({ keys: [0.5, -0.5, 1e300, -1e300, 5e-324], boxed: false, meta: false, cmp: 'none' });
cases.push({
  lua: 'do local t = {{}, {}} out(pcall(table.sort, t)) end',
  js: () => line(...pcall(T.get('sort'), new LuaTable([new LuaTable(), new LuaTable()]))),
});
for (const args of [[], [undefined], ['x'], [new LuaTable([3, 1, 2]), 1], [new LuaTable([3, 1, 2]), new LuaTable()]] as LuaValue[][]) {
  const luaArgs = args.map((a) => (a instanceof LuaTable ? (a.length() ? '{3, 1, 2}' : '{}') : lit(a)));
  cases.push({
    lua: args.length === 0 ? 'out(pcall(table.sort))' : `call(table.sort, ${luaArgs.join(', ')})`,
    js: () => call(T.get('sort'), ...args),
  });
}
cases.push({
  lines: 2,
  lua: 'do local t = {3, 1, 2} out(pcall(table.sort, t, nil)) out(dump(t, 1, 3)) end',
  js: () => {
    const t = new LuaTable([3, 1, 2]);
    return line(...pcall(T.get('sort'), t, undefined)) + '\n' + line(dump(t, 1, 3));
  },
});

// ---- insert / remove on random arrays: the whole state is printed after each step ----

interface Op { name: 'insert' | 'remove'; args: LuaValue[] }

/**
 * Random inserts and removes that never leave holes in 1..#t: where a border is not unique,
 * luajit's `#` depends on its array sizing, which is the core table's business, not ours.
 */
function randomOps(len: number): Op[] {
  const ops: Op[] = [];
  const count = 1 + int(8);
  for (let i = 0; i < count; i++) {
    const r = rand();
    const pos = [int(8) - 1, int(12), 0, -1, 1.5, 2.7, '2', 2 ** 31 + 5][int(8)];
    const p = Number(pos);
    if (r < 0.3) {
      ops.push({ name: 'insert', args: [int(100)] });
      len++;
    } else if (r < 0.55) {
      if (Math.trunc(p) > len + 1 || p >= 2 ** 31) continue;
      ops.push({ name: 'insert', args: [pos, int(100)] });
      if (p >= 1) len++;
    } else if (r < 0.75) {
      ops.push({ name: 'remove', args: [] });
      if (len > 0) len--;
    } else {
      ops.push({ name: 'remove', args: [pos] });
      if (p >= 1 && p <= len) len--;
    }
  }
  return ops;
}

for (let rep = 0; rep < 150; rep++) {
  const init = Array.from({ length: int(7) }, () => int(50));
  const ops = randomOps(init.length);
  const luaOps = ops.map((o) => `out(pcall(table.${o.name}, t${o.args.map((a) => ', ' + lit(a)).join('')}))`);
  cases.push({
    lines: ops.length + 1,
    lua: `do local t = {${init.join(', ')}} ${luaOps.join(' ')} out(dump(t, -1, 14), #t) end`,
    js: () => {
      const t = new LuaTable([...init]);
      const lines = ops.map((o) => line(...pcall(T.get(o.name), t, ...o.args)));
      lines.push(line(dump(t, -1, 14), t.length()));
      return lines.join('\n');
    },
  });
}

// ---- argument errors and edge cases of every function ----

/** A case whose Lua source builds a table literal `src` as `t` and runs `body` on it. */
function tcase(src: LuaValue[], luaBody: string, jsBody: (t: LuaTable) => string, lines = 1): void {
  cases.push({
    lines,
    lua: `do local t = {${src.map(lit).join(', ')}} ${luaBody} end`,
    js: () => jsBody(new LuaTable([...src])),
  });
}

const fn = (name: string): LuaValue => (name === 'unpack' ? unpack : T.get(name));
const simple: [string, LuaValue[] | null][] = [
  ['insert', null], ['insert', [undefined]], ['insert', ['x', 1]], ['remove', null], ['remove', ['x']],
  ['concat', null], ['concat', [1]], ['maxn', null], ['maxn', ['x']], ['getn', null], ['getn', ['x']],
  ['foreach', null], ['foreachi', null], ['move', null], ['unpack', null], ['unpack', ['x']], ['unpack', [undefined]],
];
for (const [name, args] of simple) {
  const lua = name === 'unpack' ? 'unpack' : `table.${name}`;
  cases.push({
    lua: args === null ? `out(pcall(${lua}))` : `call(${lua}, ${args.map(lit).join(', ')})`,
    js: () => call(fn(name), ...(args ?? [])),
  });
}
// Calls on a fresh {1, 2, 3} with literal extra arguments.
const onTable: [string, LuaValue[]][] = [
  ['insert', []], ['insert', [4]], ['insert', [undefined]], ['insert', [1, 'a']], ['insert', [3, 'a']], ['insert', [4, 'a']],
  ['insert', [6, 'a']], ['insert', [0, 'a']], ['insert', [-2, 'a']], ['insert', [2.7, 'a']], ['insert', ['2', 'a']],
  ['insert', ['x', 'a']], ['insert', [1, 2, 3]], ['insert', [1, undefined]], ['insert', [undefined, 1]],
  ['remove', []], ['remove', [1]], ['remove', [3]], ['remove', [4]], ['remove', [0]], ['remove', [-1]], ['remove', [2.7]],
  ['remove', ['2']], ['remove', [2 ** 32 + 1]], ['remove', [undefined]], ['remove', [NaN]],
  ['concat', []], ['concat', [', ']], ['concat', [5]], ['concat', ['-', 2]], ['concat', ['-', 2, 3]], ['concat', ['-', 3, 2]],
  ['concat', ['-', 0]], ['concat', ['-', 1, 4]], ['concat', ['-', '1', '2']], ['concat', ['-', 'x']], ['concat', ['-', 1, 'x']],
  ['concat', [undefined, 1, 2]], ['concat', ['-', 2 ** 32 + 1, 2 ** 32 + 2]], ['concat', ['-', -1, 1]], ['concat', [true]],
  ['maxn', []], ['getn', []],
  ['move', [1, 3, 2]], ['move', [1, 3, 3]], ['move', [2, 3, 1]], ['move', [1, 3, 0]], ['move', [1, 3, -2]], ['move', [3, 1, 2]],
  ['move', [1, 2]], ['move', [1, 2, 'x']], ['move', ['1', '2', '3']], ['move', [1.5, 3.7, 2.2]], ['move', [1, 3, 5, 7]],
  ['unpack', []], ['unpack', [2]], ['unpack', [2, 5]], ['unpack', [-1, 1]], ['unpack', [3, 1]], ['unpack', ['2', 2.9]],
  ['unpack', [undefined, undefined]], ['unpack', [1, 7997]], ['unpack', [1, 7998]], ['unpack', [1, 1e10]],
  ['unpack', [-(2 ** 31), 2 ** 31 - 1]], ['unpack', [2 ** 31 - 1, -(2 ** 31)]], ['unpack', ['x']], ['unpack', [1, 'x']],
];
for (const [name, args] of onTable) {
  const lua = name === 'unpack' ? 'unpack' : `table.${name}`;
  const big = name === 'unpack' && args[1] === 7997;
  tcase([1, 2, 3],
    big
      ? `local a = {pcall(${lua}, t${args.map((a) => ', ' + lit(a)).join('')})} out(a[1], select('#', pcall(${lua}, t${args.map((a) => ', ' + lit(a)).join('')})), a[2], a[3], a[4], a[5])`
      : `out(pcall(${lua}, t${args.map((a) => ', ' + lit(a)).join('')})) out(dump(t, -2, 8))`,
    (t) => {
      const r = pcall(fn(name), t, ...args);
      if (big) return line(r[0], r.length, r[1], r[2], r[3], r[4]);
      return line(...r) + '\n' + line(dump(t, -2, 8));
    }, big ? 1 : 2);
}
// concat of numbers and values that are not strings.
for (const src of [[1, 2.5, 'a', 1e100, -0, 1 / 3, 2 ** 53], [1, true], [1, 'x', undefined, 3], ['a\0b', '\xff']] as LuaValue[][]) {
  tcase(src, "out(pcall(table.concat, t, '|'))", (t) => line(...pcall(T.get('concat'), t, '|')));
}
// maxn over hash keys.
cases.push({
  lua: "out(table.maxn({1, 2, [3.5] = 1, [-5] = 2, x = 3}), table.maxn({[-1] = 1}), table.maxn({}), table.maxn({[1/0] = 1}), table.maxn({[2^40] = 1, [0.5] = 2}))",
  js: () => {
    const a = new LuaTable([1, 2]);
    a.set(3.5, 1); a.set(-5, 2); a.set('x', 3);
    const b = new LuaTable(); b.set(-1, 1);
    const c = new LuaTable(); c.set(Infinity, 1);
    const d = new LuaTable(); d.set(2 ** 40, 1); d.set(0.5, 2);
    const maxn = T.get('maxn') as LuaFunction;
    return line(maxn(a) as LuaValue, maxn(b) as LuaValue, maxn(new LuaTable()) as LuaValue, maxn(c) as LuaValue, maxn(d) as LuaValue);
  },
});
// foreach / foreachi: traversal order, early return, argument checks.
cases.push({
  lua: "do local s = {} out(table.foreachi({5, 6, 7}, function(i, v) s[#s + 1] = i .. '=' .. v if v == 6 then return 'stop', 'x' end end), table.concat(s, ' ')) end",
  js: () => {
    const s: string[] = [];
    const r = (T.get('foreachi') as LuaFunction)(new LuaTable([5, 6, 7]), ((i: number, v: number) => {
      s.push(`${i}=${v}`);
      return v === 6 ? ['stop', 'x'] : [];
    }) as LuaFunction);
    return line(r as LuaValue, s.join(' '));
  },
});
cases.push({
  lua: "do local s = {} out(table.foreach({5, 6, 7}, function(k, v) s[#s + 1] = k .. '=' .. v end), table.concat(s, ' ')) end",
  js: () => {
    const s: string[] = [];
    const r = (T.get('foreach') as LuaFunction)(new LuaTable([5, 6, 7]), ((k: number, v: number) => {
      s.push(`${k}=${v}`);
      return [];
    }) as LuaFunction);
    // foreach returns no value; in the middle of an argument list that is one nil
    assert.deepEqual(r, []);
    return line(first(r), s.join(' '));
  },
});
for (const name of ['foreach', 'foreachi']) {
  for (const args of [[undefined, undefined], [{}, 1], [{}, undefined], ['x', print]] as const) {
    cases.push({
      lua: `call(table.${name}, ${args[0] === undefined ? 'nil' : args[0] === 'x' ? '"x"' : '{}'}, ${args[1] === undefined ? 'nil' : args[1] === 1 ? '1' : 'print'})`,
      js: () => call(T.get(name), args[0] === undefined ? undefined : args[0] === 'x' ? 'x' : new LuaTable(),
        args[1] === undefined ? undefined : args[1] === 1 ? 1 : (() => []) as LuaFunction),
    });
  }
}
function print(): void { /* a stand-in for Lua's print in the table above */ }
// move into another table, and the error for a bad destination.
cases.push({
  lines: 2,
  lua: 'do local a, b = {1, 2, 3}, {9} out(table.move(a, 1, 3, 2, b) == b, dump(b, 0, 5)) out(pcall(table.move, a, 1, 2, 3, 5)) end',
  js: () => {
    const a = new LuaTable([1, 2, 3]);
    const b = new LuaTable([9]);
    const r = (T.get('move') as LuaFunction)(a, 1, 3, 2, b);
    return line(r === b, dump(b, 0, 5)) + '\n' + line(...pcall(T.get('move'), a, 1, 2, 3, 5));
  },
});
runDiff('table-lib', PRELUDE, cases);
