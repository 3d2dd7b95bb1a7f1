// Differential tests of debug.traceback / debug.getinfo: each case is a Lua program whose
// innermost point runs a probe; the JS side rebuilds the same call stack by hand and runs
// the same probe against createDebugLib(). luajit's outputs: golden/debug-lib.txt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { current, type StackFrame } from '../../runtime/lua/callstack.js';
import { LuaError } from '../../runtime/lua/errors.js';
import { first } from '../../runtime/lua/multi.js';
import { tostring } from '../../runtime/lua/ops.js';
import { LuaTable } from '../../runtime/lua/table.js';
import { LuaThread } from '../../runtime/lua/thread.js';
import type { LuaFunction, LuaValue } from '../../runtime/lua/value.js';
import { createDebugLib } from '../../runtime/stdlib/debug.js';
import { luajitBuild } from '../support/luajit-build.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenFile = path.resolve(here, '../../../test/unit/golden/debug-lib.txt');
const RECORD = process.env.RECORD === '1';
const LIVE = luajitBuild().live;

const PRELUDE = 'P = function(s) io.write(tostring(s), "\\n") end';

/** The probe, on one line so that every call reports the same currentline. */
const PROBE = [
  'P(debug.traceback("m")) P(debug.traceback("m", 0)) P(debug.traceback("m", 2)) P(debug.traceback("m", 50))',
  'P(debug.traceback()) P(debug.traceback(nil)) P(debug.traceback(12, 1)) P(type(debug.traceback({})))',
  'P(debug.traceback("m", -1))',
  'for l = 0, 40 do local i = debug.getinfo(l, "Sln") if i == nil then P("L" .. l .. " nil") break end',
  'P("L" .. l .. " " .. i.what .. " " .. i.source .. " " .. i.short_src .. " " .. i.currentline .. " " ..',
  'i.linedefined .. " " .. tostring(i.name) .. " " .. i.namewhat) end',
].join(' ');

/** The probe for a suspended coroutine `co`. */
const CO_PROBE = [
  'P(debug.traceback(co)) P(debug.traceback(co, "msg")) P(debug.traceback(co, "m", 1)) P(debug.traceback(co, nil))',
  'P(debug.traceback(co, "m", 2))',
  'for l = 0, 5 do local i = debug.getinfo(co, l, "Sl") if i == nil then P("L" .. l .. " nil") break end',
  'P("L" .. l .. " " .. i.what .. " " .. i.short_src .. " " .. i.currentline .. " " .. i.linedefined) end',
].join(' ');

function runProbe(debug: LuaTable, out: string[]): void {
  const P = (v: LuaValue): void => { out.push(tostring(v)); };
  const tb = debug.get('traceback') as LuaFunction;
  const gi = debug.get('getinfo') as LuaFunction;
  P(first(tb('m')));
  P(first(tb('m', 0)));
  P(first(tb('m', 2)));
  P(first(tb('m', 50)));
  P(first(tb()));
  P(first(tb(undefined)));
  P(first(tb(12, 1)));
  P(first(tb(new LuaTable())) instanceof LuaTable ? 'table' : 'other');
  P(first(tb('m', -1)));
  for (let l = 0; l <= 40; l++) {
    const i = first(gi(l, 'Sln'));
    if (!(i instanceof LuaTable)) {
      P(`L${l} nil`);
      break;
    }
    const g = (k: string): string => tostring(i.get(k));
    P(`L${l} ${g('what')} ${g('source')} ${g('short_src')} ${g('currentline')} ${g('linedefined')} ${g('name')} ${g('namewhat')}`);
  }
}

function runCoProbe(debug: LuaTable, co: LuaThread, out: string[]): void {
  const P = (v: LuaValue): void => { out.push(tostring(v)); };
  const tb = debug.get('traceback') as LuaFunction;
  const gi = debug.get('getinfo') as LuaFunction;
  P(first(tb(co)));
  P(first(tb(co, 'msg')));
  P(first(tb(co, 'm', 1)));
  P(first(tb(co, undefined)));
  P(first(tb(co, 'm', 2)));
  for (let l = 0; l <= 5; l++) {
    const i = first(gi(co, l, 'Sl'));
    if (!(i instanceof LuaTable)) {
      P(`L${l} nil`);
      break;
    }
    const g = (k: string): string => tostring(i.get(k));
    P(`L${l} ${g('what')} ${g('short_src')} ${g('currentline')} ${g('linedefined')}`);
  }
}

type Frame = [line: number, defined: number, name?: string];

interface Case {
  name: string;
  lua: string[];
  /** The stack at the probe, outermost first (chunk t.lua). */
  frames: Frame[];
  /** Run the probe inside a coroutine whose stack is `frames` (main thread: none). */
  inCoroutine?: boolean;
  /** Probe a suspended coroutine with this stack from the main chunk at `frames`. */
  suspended?: Frame[];
}

const frame = ([line, defined, name]: Frame): StackFrame => ({ chunk: line < 0 ? '[C]' : 't.lua', line, defined, name });

const cases: Case[] = [
  { name: 'main chunk', lua: [PRELUDE, PROBE], frames: [[2, 0]] },
  {
    name: 'nested named calls',
    lua: [
      PRELUDE,
      'local function f()',
      PROBE,
      'end',
      'function g() f() end',
      'local t = {}',
      'function t.m(self) g() end',
      't:m()',
    ],
    frames: [[8, 0], [7, 7, "method 'm'"], [5, 5, "function 'g'"], [3, 2, "upvalue 'f'"]],
  },
  {
    name: 'called through pcall',
    lua: [PRELUDE, 'local function f()', PROBE, 'end', 'local ok = pcall(f)'],
    frames: [[5, 0], [-1, -1, "function 'pcall'"], [3, 2]],
  },
  {
    name: 'anonymous function',
    lua: [PRELUDE, 'local t = {function()', PROBE, 'end}', 't[1]()'],
    frames: [[5, 0], [3, 2]],
  },
  {
    name: 'deep recursion is cut',
    lua: [PRELUDE, 'local function rec(n) if n == 0 then', PROBE, 'else rec(n - 1) end end', 'rec(25)'],
    frames: [[5, 0], [4, 2, "local 'rec'"], ...Array.from({ length: 24 }, (): Frame => [4, 2, "upvalue 'rec'"]), [3, 2, "upvalue 'rec'"]],
  },
  {
    name: 'just below the cut',
    lua: [PRELUDE, 'local function rec(n) if n == 0 then', PROBE, 'else rec(n - 1) end end', 'rec(19)'],
    frames: [[5, 0], [4, 2, "local 'rec'"], ...Array.from({ length: 18 }, (): Frame => [4, 2, "upvalue 'rec'"]), [3, 2, "upvalue 'rec'"]],
  },
  {
    name: 'inside a coroutine',
    lua: [PRELUDE, 'local function inner()', PROBE, 'end', 'local co = coroutine.create(function() inner() end)', 'coroutine.resume(co)'],
    frames: [[5, 5], [3, 2, "upvalue 'inner'"]],
    inCoroutine: true,
  },
  {
    name: 'suspended coroutine',
    lua: [
      PRELUDE,
      'local function inner() coroutine.yield(1) end',
      'local co = coroutine.create(function() inner() end)',
      'coroutine.resume(co)',
      CO_PROBE,
    ],
    frames: [[5, 0]],
    suspended: [[3, 3], [2, 2, "upvalue 'inner'"]],
  },
];

/** An unnamed C function is written as its address, which no two runs share. */
function unaddressed(text: string): string {
  return text.replace(/\[C\]: at 0x[0-9a-f]+/g, '[C]: at ?');
}

function runLuajit(c: Case): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roverc-dbg-'));
  try {
    fs.writeFileSync(path.join(dir, 't.lua'), c.lua.join('\n') + '\n');
    const r = spawnSync('luajit', ['t.lua'], { cwd: dir });
    if (r.status !== 0) throw new Error(r.stderr.toString());
    return unaddressed(r.stdout.toString('latin1'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runOurs(c: Case): string {
  const debug = createDebugLib();
  const out: string[] = [];
  const stack = current;
  const saved = stack.frames;
  const savedDepth = stack.depth;
  stack.frames = [];
  stack.depth = 0;
  try {
    if (c.inCoroutine) {
      const co = new LuaThread(() => {
        for (const f of c.frames) (current as typeof stack).push(frame(f));
        runProbe(debug, out);
        return undefined;
      });
      const r = co.resume([]);
      if (r[0] !== true) throw new Error(String(r[1]));
    } else {
      for (const f of c.frames) stack.push(frame(f));
      if (c.suspended !== undefined) {
        const co = new LuaThread(() => undefined);
        for (const f of c.suspended) co.stack.push(frame(f));
        runCoProbe(debug, co, out);
      } else {
        runProbe(debug, out);
      }
    }
  } finally {
    stack.frames = saved;
    stack.depth = savedDepth;
  }
  return out.map((s) => s + '\n').join('');
}

const golden: Record<string, string> = fs.existsSync(goldenFile) ? JSON.parse(fs.readFileSync(goldenFile, 'latin1')) : {};
const recorded: Record<string, string> = {};

for (const c of cases) {
  test(`debug: ${c.name}`, () => {
    const expected = LIVE ? (recorded[c.name] = runLuajit(c)) : golden[c.name];
    if (expected === undefined) assert.fail(`no luajit and no recorded output for "${c.name}"`);
    assert.equal(unaddressed(runOurs(c)), expected);
  });
}

test('debug: record golden outputs', { skip: !(RECORD && LIVE) }, () => {
  fs.mkdirSync(path.dirname(goldenFile), { recursive: true });
  fs.writeFileSync(goldenFile, JSON.stringify(recorded, null, 1) + '\n', 'latin1');
});

// ---- argument errors and the simple functions (texts checked against luajit by hand) ----

function errorOf(f: () => unknown): LuaValue {
  try {
    f();
  } catch (e) {
    if (e instanceof LuaError) return e.value;
    throw e;
  }
  return 'no error';
}

test('debug: argument errors', () => {
  const d = createDebugLib();
  const gi = d.get('getinfo') as LuaFunction;
  const tb = d.get('traceback') as LuaFunction;
  assert.equal(errorOf(() => gi()), "bad argument #1 to '?' (function or level expected)");
  assert.equal(errorOf(() => gi('x')), "bad argument #1 to '?' (function or level expected)");
  assert.equal(errorOf(() => gi(new LuaTable())), "bad argument #1 to '?' (function or level expected)");
  assert.equal(errorOf(() => gi(0, 'x')), "bad argument #2 to '?' (invalid option)");
  assert.equal(errorOf(() => gi(0, '>')), "bad argument #2 to '?' (invalid option)");
  assert.equal(first(gi(100)), undefined);
  assert.equal(first(gi(-1)), undefined);
  assert.equal(errorOf(() => tb('x', 'y')), "bad argument #2 to '?' (number expected, got string)");
  assert.equal(errorOf(() => (d.get('setmetatable') as LuaFunction)(new LuaTable(), 1)), "bad argument #2 to '?' (nil or table expected)");
});

test('debug: metatables, hooks and the rest', () => {
  const d = createDebugLib();
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__metatable', 'locked');
  assert.equal((d.get('setmetatable') as LuaFunction)(t, mt), true);
  assert.equal((d.get('getmetatable') as LuaFunction)(t), mt);
  assert.equal((d.get('getmetatable') as LuaFunction)(1), undefined);
  assert.deepEqual((d.get('gethook') as LuaFunction)(), [undefined, '', 0]);
  const hook = (): undefined => undefined;
  (d.get('sethook') as LuaFunction)(hook, 'lcx', 5);
  assert.deepEqual((d.get('gethook') as LuaFunction)(), [hook, 'cl', 5]);
  (d.get('sethook') as LuaFunction)();
  assert.deepEqual((d.get('gethook') as LuaFunction)(), [undefined, '', 0]);
  assert.equal((d.get('getregistry') as LuaFunction)(), (d.get('getregistry') as LuaFunction)());
  const keys: LuaValue[] = [];
  for (let k = d.next(undefined); k !== undefined; k = d.next(k[0])) keys.push(k[0]);
  // luajit's pairs order for the debug table
  assert.deepEqual(keys, ['getupvalue', 'setupvalue', 'upvalueid', 'upvaluejoin', 'sethook', 'getmetatable',
    'setmetatable', 'getfenv', 'setfenv', 'traceback', 'gethook', 'debug', 'getregistry', 'getinfo', 'getlocal', 'setlocal']);
  const info = first((d.get('getinfo') as LuaFunction)(d.get('getinfo'))) as LuaTable;
  assert.equal(info.get('what'), 'C');
  assert.equal(info.get('short_src'), '[C]');
  assert.equal(info.get('source'), '=[C]');
  assert.equal(info.get('currentline'), -1);
});
