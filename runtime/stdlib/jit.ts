// The `jit` table luajit exposes. roverc has no trace compiler: the switches only change
// what jit.status reports, which mirrors Debian's x64 luajit (CPU features, then the
// optimisation flags jit.opt.start turns on and off), and argument checks follow luajit.
import { argError, libError } from '../lua/errors.js';
import { NONE } from '../lua/multi.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaResult, type LuaValue } from '../lua/value.js';
import { checkFunction, checkNumber, checkString, makeLib, optString } from './args.js';

const CPU_FLAGS = ['SSE3', 'SSE4.1', 'BMI2'];
const OPT_FLAGS = ['fold', 'cse', 'dce', 'fwd', 'dse', 'narrow', 'loop', 'abc', 'sink', 'fuse'];
/** jit.opt.start(level): the flags each level turns on (lj_jit.h JIT_F_OPT_1..3). */
const LEVELS = [0, 3, 7, 10];
const PARAMS = ['maxtrace', 'maxrecord', 'maxirconst', 'maxside', 'maxsnap', 'minstitch', 'hotloop', 'hotexit',
  'tryside', 'instunroll', 'loopunroll', 'callunroll', 'recunroll', 'sizemcode', 'maxmcode'];
const SECURITY = ['prng', 'strhash', 'strid', 'mcode'];

function isLuaFunction(v: LuaValue): boolean {
  return typeof v === 'function' && (v as { builtin?: number }).builtin === undefined;
}

export function createJitLib(): LuaTable {
  let on = true;
  const flags = new Set(OPT_FLAGS);

  /** jit.on/off/flush: the engine (no argument or nil), or a Lua function (with an optional boolean). */
  const mode = (a: LuaValue[], engine: boolean, setEngine: () => void): LuaResult => {
    if (a.length === 0 || a[0] === undefined) {
      setEngine();
      return NONE;
    }
    if (isLuaFunction(a[0]) || (a[0] === true && engine && typeof a[1] === 'boolean')) return NONE;
    throw argError(1, `function expected, got ${typeName(a[0])}`);
  };

  /** One jit.opt.start argument: a level, "flag", "+flag", "-flag" or "param=value". */
  const option = (v: LuaValue, arg: number): void => {
    const s = checkString(v, arg);
    if (/^[0-9]$/.test(s)) {
      const n = Number(s);
      if (n > 3) throw libError(`unknown or malformed optimization flag '${s}'`);
      flags.clear();
      OPT_FLAGS.slice(0, LEVELS[n]).forEach((f) => flags.add(f));
      return;
    }
    const m = /^([+-]?)([a-z]+)$/.exec(s);
    if (m !== null && OPT_FLAGS.includes(m[2])) {
      if (m[1] === '-') flags.delete(m[2]);
      else flags.add(m[2]);
      return;
    }
    const p = /^([a-z]+)=(\d+)$/.exec(s);
    if (p !== null && PARAMS.includes(p[1])) return;
    throw libError(`unknown or malformed optimization flag '${s}'`);
  };

  const opt = makeLib({
    start: (...a: LuaValue[]): LuaResult => {
      if (a.length === 0) OPT_FLAGS.slice(0, LEVELS[3]).forEach((f) => flags.add(f));
      a.forEach((v, i) => option(v, i + 1));
      return NONE;
    },
  });

  return makeLib({
    version: 'LuaJIT 2.1.0-beta3',
    version_num: 20100,
    os: 'Linux',
    arch: 'x64',
    on: (...a: LuaValue[]): LuaResult => mode(a, true, () => { on = true; }),
    off: (...a: LuaValue[]): LuaResult => mode(a, true, () => { on = false; }),
    flush: (...a: LuaValue[]): LuaResult => {
      if (typeof a[0] === 'number') return NONE; // a trace number
      return mode(a, false, () => undefined);
    },
    status: (): LuaResult => [on, ...CPU_FLAGS, ...OPT_FLAGS.filter((f) => flags.has(f))],
    attach: (...a: LuaValue[]): LuaResult => {
      checkFunction(a[0], 1, a.length);
      optString(a[1], 2, '');
      return NONE;
    },
    security: (...a: LuaValue[]): LuaResult => {
      const what = a[0];
      const s = typeof what === 'number' ? String(checkNumber(what, 1)) : checkString(what, 1, a.length);
      if (!SECURITY.includes(s)) throw argError(1, `invalid option '${s}'`);
      return 1;
    },
    opt,
  });
}
