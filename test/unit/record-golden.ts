// Differential-test harness for the string library tests: runs every case through ONE luajit
// process and through our JS functions, and keeps luajit's answers in test/unit/golden/ so
// the tests also run without luajit. Re-record with RECORD=1 (needs luajit):
//   RECORD=1 node --test dist/test/unit/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LuaError } from '../../runtime/lua/errors.js';
import { all } from '../../runtime/lua/multi.js';
import { formatG } from '../../runtime/lua/number.js';
import type { LuaResult, LuaValue } from '../../runtime/lua/value.js';
import { luajitBuild } from '../support/luajit-build.js';

/** A value written differently in Lua source and in JS (tables, functions...). */
export class Special {
  constructor(public readonly lua: string, public readonly make: () => LuaValue) {}
}

export type Arg = LuaValue | Special;

export interface Case {
  /** Name of the function under test (a key of the `fns` given to runCases). */
  fn: string;
  args: Arg[];
  /** Replace addresses (0x...) by 0xADDR in the output, for tables and %p. */
  addr?: boolean;
}

export interface FnPair {
  /** A Lua expression for the function (may use helpers from `prelude`). */
  lua: string;
  js: (...args: LuaValue[]) => LuaResult;
}

const here = dirname(fileURLToPath(import.meta.url));
// Compiled tests run from dist/test/unit; the golden files live in the source tree.
const goldenDir = join(here, '..', '..', '..', 'test', 'unit', 'golden');

export function luaLiteral(v: Arg): string {
  if (v instanceof Special) return v.lua;
  switch (typeof v) {
    case 'undefined': return 'nil';
    case 'boolean': return String(v);
    case 'number':
      if (Number.isNaN(v)) return '(0/0)';
      if (v === Infinity) return '(1/0)';
      if (v === -Infinity) return '(-1/0)';
      if (v === 0 && 1 / v < 0) return '(-0.0)';
      return v < 0 ? `(${String(v)})` : String(v);
    case 'string': {
      let out = '"';
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        out += c >= 32 && c < 127 && c !== 34 && c !== 92 ? v[i] : '\\' + String(c).padStart(3, '0');
      }
      return out + '"';
    }
  }
  throw new Error('unsupported literal');
}

function escapeBytes(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 32 && c < 127 && c !== 34 && c !== 92 ? s[i] : '\\' + String(c).padStart(3, '0');
  }
  return out + '"';
}

const ADDRESS = /0x[0-9a-fA-F]{6,}/g;

/** One result line, built the same way as the Lua `ser` below. */
export function serialize(ok: boolean, values: LuaValue[], addr: boolean): string {
  const parts: string[] = [ok ? 'OK' : 'ERR'];
  for (const v of values) {
    switch (typeof v) {
      case 'string': parts.push(escapeBytes(addr ? v.replace(ADDRESS, '0xADDR') : v)); break;
      case 'number':
        if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) parts.push(String(v));
        else parts.push(formatG(v, 17, false, false));
        break;
      case 'undefined': parts.push('nil'); break;
      case 'boolean': parts.push(String(v)); break;
      case 'function': parts.push('function'); break;
      default: parts.push('object');
    }
  }
  return parts.join(' ');
}

const LUA_SER = String.raw`
local function esc(s)
  s = s:gsub('[\\"]', function(c) return string.format('\\%03d', c:byte()) end)
  s = s:gsub('[^ -~]', function(c) return string.format('\\%03d', c:byte()) end)
  return '"' .. s .. '"'
end
local function ser(addr, ok, ...)
  local parts = { ok and 'OK' or 'ERR' }
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    local t = type(v)
    if t == 'string' then
      if addr then v = v:gsub('0x%x%x%x%x%x%x+', '0xADDR') end
      parts[#parts + 1] = esc(v)
    elseif t == 'number' then
      if v == math.floor(v) and math.abs(v) < 2^53 then parts[#parts + 1] = string.format('%d', v)
      else parts[#parts + 1] = string.format('%.17g', v) end
    elseif t == 'nil' or t == 'boolean' then parts[#parts + 1] = tostring(v)
    elseif t == 'function' then parts[#parts + 1] = 'function'
    else parts[#parts + 1] = 'object' end
  end
  io.write(table.concat(parts, ' '), '\n')
end
`;

function caseSource(c: Case, fns: Record<string, FnPair>): string {
  return `ser(${c.addr ? 'true' : 'false'}, pcall(${fns[c.fn].lua}${c.args.map((a) => ', ' + luaLiteral(a)).join('')}))`;
}

/** Runs the cases in one luajit process; undefined when luajit is not installed. */
function runLuajit(cases: Case[], fns: Record<string, FnPair>, prelude: string): string[] | undefined {
  if (!luajitBuild().live) return undefined; // not installed, or another build than the golden files'
  const chunks: string[] = [LUA_SER, prelude];
  for (let i = 0; i < cases.length; i += 100) {
    chunks.push(';(function()');
    for (const c of cases.slice(i, i + 100)) chunks.push(caseSource(c, fns));
    chunks.push('end)()');
  }
  const r = spawnSync('luajit', ['-'], { input: Buffer.from(chunks.join('\n'), 'latin1'), maxBuffer: 1 << 28 });
  if (r.error !== undefined) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw r.error;
  }
  if (r.status !== 0) throw new Error('luajit failed: ' + r.stderr.toString('latin1'));
  const lines = r.stdout.toString('latin1').split('\n');
  lines.pop();
  if (lines.length !== cases.length) throw new Error(`luajit printed ${lines.length} lines for ${cases.length} cases`);
  return lines;
}

function runJs(c: Case, fns: Record<string, FnPair>): string {
  const args = c.args.map((a) => (a instanceof Special ? a.make() : a));
  try {
    return serialize(true, all(fns[c.fn].js(...args)), c.addr === true);
  } catch (e) {
    if (e instanceof LuaError) return serialize(false, [e.value], c.addr === true);
    if (e instanceof RangeError) return serialize(false, ['JS ' + e.message], false);
    throw e;
  }
}

export interface Outcome {
  source: 'luajit' | 'golden';
  total: number;
  failures: string[];
}

/**
 * Compares our results with luajit's (live when installed, else the golden file `name`).
 * With RECORD=1 the golden file is rewritten from live luajit output.
 */
export function runCases(name: string, cases: Case[], fns: Record<string, FnPair>, prelude = ''): Outcome {
  const file = join(goldenDir, name + '.txt');
  const keys = cases.map((c) => caseSource(c, fns));
  // The golden file holds one luajit output line per case, after a header that identifies
  // the case list (so that editing the cases asks for a re-recording instead of misreading).
  const header = `# ${cases.length} cases, sha1 ${createHash('sha1').update(prelude + keys.join('\n')).digest('hex')}`;
  let expected = runLuajit(cases, fns, prelude);
  let source: Outcome['source'] = 'luajit';
  if (expected !== undefined) {
    if (process.env.RECORD === '1') {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, [header, ...expected].join('\n') + '\n', 'latin1');
    }
  } else {
    if (!existsSync(file)) throw new Error(`luajit not installed and no golden file ${file}`);
    const lines = readFileSync(file, 'latin1').split('\n');
    lines.pop();
    if (lines[0] !== header) throw new Error(`golden file ${file} is stale: re-record it with RECORD=1`);
    expected = lines.slice(1);
    source = 'golden';
  }
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const got = runJs(c, fns);
    if (got !== expected![i]) failures.push(`${keys[i]}\n    luajit: ${expected![i]}\n    ours:   ${got}`);
  });
  return { source, total: cases.length, failures };
}

/** Cross product helper. */
export function cross<A, B>(as: A[], bs: B[]): [A, B][] {
  const out: [A, B][] = [];
  for (const a of as) for (const b of bs) out.push([a, b]);
  return out;
}

/** Fails with the first differing cases (at most 20) when any case disagrees with luajit. */
export function assertAllMatch(name: string, outcome: Outcome): void {
  console.log(`${name}: ${outcome.total} cases against ${outcome.source}`);
  const shown = outcome.failures.slice(0, 20).join('\n');
  assert.equal(outcome.failures.length, 0,
    `${name}: ${outcome.failures.length}/${outcome.total} cases differ from ${outcome.source}:\n${shown}`);
}
