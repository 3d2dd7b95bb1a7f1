// Differential testing of library functions against luajit: every case prints one line
// from a single luajit process, recorded to test/unit/golden/<name>.txt (RECORD=1) so the
// tests also run where luajit is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LuaError } from '../../runtime/lua/errors.js';
import { all } from '../../runtime/lua/multi.js';
import { formatG } from '../../runtime/lua/number.js';
import { LuaTable } from '../../runtime/lua/table.js';
import { typeName, type LuaFunction, type LuaValue } from '../../runtime/lua/value.js';
import { luajitBuild } from '../support/luajit-build.js';

export interface DiffCase {
  /** Lua statements printing exactly one line (use `out(...)` / `call(f, ...)`). */
  lua: string;
  /** The same case through the JS runtime: the line it should print. */
  js: () => string;
  /** How many lines the case prints (default 1); js then returns them joined by newlines. */
  lines?: number;
  /** Numbers in the line may differ from luajit's by this many units in the last place. */
  ulps?: number;
}

// dist/test/unit -> test/unit/golden (the golden files live in the source tree).
const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, '..', '..', '..', 'test', 'unit', 'golden');

/** Lua helpers available to every case: ser/line/out/call/lit mirror the JS ones below. */
export const LUA_PRELUDE = String.raw`
local function ser(v)
  local t = type(v)
  if t == 'number' then
    if v ~= v then return 'nan' end
    return string.format('%.17g', v)
  elseif t == 'string' then
    return '"' .. v:gsub('[%c"\\\128-\255]', function(c) return '\\' .. c:byte() end) .. '"'
  elseif t == 'nil' or t == 'boolean' then
    return tostring(v)
  end
  return t
end
local function line(...)
  local n = select('#', ...)
  local parts = {}
  for i = 1, n do parts[i] = ser((select(i, ...))) end
  return table.concat(parts, ' ')
end
local function out(...) io.write(line(...), '\n') end
local function call(f, ...) out(pcall(f, ...)) end
`;

export function ser(v: LuaValue): string {
  switch (typeof v) {
    case 'number':
      return Number.isNaN(v) ? 'nan' : formatG(v, 17, false, false);
    case 'string':
      return '"' + v.replace(/[\x00-\x1f"\\\x7f-\xff]/g, (c) => '\\' + c.charCodeAt(0)) + '"';
    case 'undefined':
      return 'nil';
    case 'boolean':
      return String(v);
  }
  return typeName(v);
}

export function line(...vals: LuaValue[]): string {
  return vals.map(ser).join(' ');
}

/** pcall(f, ...) serialised like the Lua side's `call`. */
export function call(f: LuaValue, ...args: LuaValue[]): string {
  return line(...pcall(f, ...args));
}

/** The values pcall(f, ...) would return. */
export function pcall(f: LuaValue, ...args: LuaValue[]): LuaValue[] {
  try {
    return [true, ...all((f as LuaFunction)(...args))];
  } catch (e) {
    if (e instanceof LuaError) return [false, e.value];
    throw e;
  }
}

/** A Lua literal for a plain value or an empty table (numbers keep every bit, -0 and nan included). */
export function lit(v: LuaValue): string {
  switch (typeof v) {
    case 'number':
      if (Number.isNaN(v)) return '(0/0)';
      if (v === Infinity) return '(1/0)';
      if (v === -Infinity) return '(-1/0)';
      if (Object.is(v, -0)) return '(0/-1)';
      return v < 0 ? `(${formatG(v, 17, false, false)})` : formatG(v, 17, false, false);
    case 'string':
      return '"' + v.replace(/[\x00-\x1f"\\\x7f-\xff]/g, (c) => '\\' + c.charCodeAt(0)) + '"';
    case 'undefined':
      return 'nil';
    case 'boolean':
      return String(v);
  }
  if (v instanceof LuaTable && v.next(undefined) === undefined) return '{}';
  throw new Error(`no literal for ${typeName(v)}`);
}

export { rng } from '../support/rng.js';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The distance in units in the last place between two doubles of the same sign. */
function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) || Number.isNaN(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  f64[0] = a;
  const x = i64[0];
  f64[0] = b;
  const y = i64[0];
  return Number(x > y ? x - y : y - x);
}

function withinUlps(got: string, want: string, ulps: number): boolean {
  if (ulps === 0) return false;
  const g = got.split(' ');
  const w = want.split(' ');
  if (g.length !== w.length) return false;
  return g.every((t, i) => t === w[i] || ulpDistance(Number(t), Number(w[i])) <= ulps);
}

/** Live comparison: luajit is installed and is the build the golden files came from. */
export function luajitAvailable(): boolean {
  return luajitBuild().live;
}

/**
 * Registers a test comparing every case's JS line with luajit's line: live when luajit is
 * installed (RECORD=1 also rewrites the golden file), otherwise from the golden file.
 */
export function runDiff(name: string, prelude: string, cases: DiffCase[], env?: Record<string, string>): void {
  test(`${name}: ${cases.length} cases match luajit`, (t) => {
    const source = LUA_PRELUDE + prelude + '\n' + cases.map((c) => c.lua).join('\n') + '\n';
    const golden = join(goldenDir, `${name}.txt`);
    let expected: string;
    if (luajitAvailable()) {
      const r = spawnSync('luajit', ['-'], {
        input: Buffer.from(source, 'latin1'),
        env: { ...process.env, ...env },
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(r.status, 0, `luajit failed: ${r.stderr.toString('latin1')}`);
      expected = r.stdout.toString('latin1');
      if (process.env.RECORD === '1') {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(golden, Buffer.from(expected, 'latin1'));
      }
    } else {
      if (luajitBuild().installed) t.diagnostic(luajitBuild().note ?? '');
      assert.ok(existsSync(golden), `no luajit and no golden file ${golden}`);
      expected = readFileSync(golden).toString('latin1');
    }
    const all = expected.split('\n');
    all.pop();
    const total = cases.reduce((n, c) => n + (c.lines ?? 1), 0);
    assert.equal(all.length, total, 'luajit printed the expected number of lines');
    const want: string[] = [];
    let at = 0;
    for (const c of cases) {
      const n = c.lines ?? 1;
      want.push(all.slice(at, at + n).join('\n'));
      at += n;
    }
    const failures: string[] = [];
    let near = 0;
    for (let i = 0; i < cases.length; i++) {
      let got: string;
      try {
        got = cases[i].js();
      } catch (e) {
        got = `JS EXCEPTION ${(e as Error).stack ?? String(e)}`;
      }
      if (got !== want[i] && withinUlps(got, want[i], cases[i].ulps ?? 0)) near++;
      else if (got !== want[i]) failures.push(`case ${i + 1}: ${cases[i].lua}\n  luajit: ${want[i]}\n  js:     ${got}`);
    }
    if (near > 0) t.diagnostic(`${near} cases differ from luajit in the last bit of a libm result`);
    assert.ok(failures.length === 0, `${failures.length} mismatches:\n${failures.slice(0, 25).join('\n')}`);
  });
}
