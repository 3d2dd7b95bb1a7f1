// The debug library (Lua 5.1 manual §5.9) as far as roverc's call stack can answer it.
// Exact: traceback text (luajit 2.1 names every named frame "function 'f'", cuts long
// stacks with "...", coroutines have no C base), getinfo's level numbering, currentline,
// source/short_src, linedefined, what, name/namewhat (parsed from StackFrame.name, e.g.
// "local 'f'"; a bare "function 'f'" counts as a global), argument errors, and
// getmetatable/setmetatable on tables, userdata and strings.
// Approximate (the runtime keeps no such data): C functions between Lua frames (pcall,
// table.sort, ...) are not levels; lastlinedefined, nups, nparams, isvararg and func come
// from optional extras (FrameExtras on a frame, FUNCTION_INFO on a function) or are
// guessed; activelines is empty; getlocal/setlocal/getupvalue/setupvalue find nothing;
// hooks are stored but never called; getfenv returns the globals table given to
// createDebugLib and setfenv does nothing; debug.debug returns at once; metatables for
// numbers, booleans and functions are ignored; a chunk's source is guessed from its name.
import { CallStack, current, traceback as stackTraceback, type StackFrame } from '../lua/callstack.js';
import { argError } from '../lua/errors.js';
import { NONE } from '../lua/multi.js';
import { numberToString, stringToNumber } from '../lua/number.js';
import { getMetatable, setStringMetatable } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { LuaThread, running } from '../lua/thread.js';
import { LuaUserdata, type LuaFunction, type LuaResult, type LuaValue } from '../lua/value.js';
import { checkFunction, checkInt, checkString, makeLib, optInt, typeError } from './args.js';

/** What a Lua function may carry (under FUNCTION_INFO) for debug.getinfo(f). */
export interface FunctionInfo {
  /** Chunk name as in messages ("app.lua"). */
  chunk: string;
  /** The source as luajit keeps it ("@app.lua", "=stdin", or the code); default "@" + chunk. */
  source?: string;
  defined: number;
  lastDefined: number;
  nparams: number;
  isVararg: boolean;
  nups: number;
}

export const FUNCTION_INFO = Symbol.for('roverc.function-info');

/** Optional fields a StackFrame may also carry; getinfo uses them when present. */
export interface FrameExtras {
  lastDefined?: number;
  func?: LuaFunction;
  source?: string;
  nparams?: number;
  isVararg?: boolean;
  nups?: number;
}

// ---- levels ----

/** One level of a stack as luajit numbers them: a Lua frame or a C function. */
type Level = { frame: StackFrame; line: string } | { cName: [namewhat: string, name: string | undefined]; line: string };

/**
 * A frame's traceback line as luajit 2.1 writes it: every named function is "function
 * 'name'" whatever its namewhat (StackFrame.name may be "local 'f'", "method 'm'", ...).
 */
function frameLine(f: StackFrame): string {
  if (isCFrame(f)) {
    const cname = parseName(f.name)[1];
    return cname !== undefined ? `\t[C]: in function '${cname}'` : '\t[C]: ?';
  }
  const where = f.line > 0 ? `\t${f.chunk}:${f.line}:` : `\t${f.chunk}:`;
  const name = parseName(f.name)[1];
  if (name !== undefined) return `${where} in function '${name}'`;
  if (f.defined === 0) return `${where} in main chunk`;
  return `${where} in function <${f.chunk}:${f.defined}>`;
}

/**
 * The levels of a thread's stack, index = level number. On the running thread level 0 is
 * the debug function itself (`self`); the main thread ends with the C entry point. A
 * suspended coroutine has the yield at level 0.
 */
function stackLevels(thread: LuaThread | undefined, self: string): Level[] {
  const isCurrent = thread === undefined || thread === running;
  const stack: CallStack = isCurrent ? current : thread.stack;
  const frames = stack.live();
  const levels: Level[] = [];
  if (isCurrent) {
    levels.push({ cName: ['field', self], line: `\t[C]: in function '${self}'` });
  } else if (frames.length > 0 && thread.status === 'suspended') {
    levels.push({ cName: ['field', 'yield'], line: "\t[C]: in function 'yield'" });
  } else if (frames.length > 0 && thread.status === 'normal') {
    levels.push({ cName: ['field', 'resume'], line: "\t[C]: in function 'resume'" });
  }
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    levels.push(isCFrame(f) ? { cName: parseName(f.name), line: frameLine(f) } : { frame: f, line: frameLine(f) });
  }
  if (isCurrent && running === undefined) {
    // the host's entry point, written as the core traceback writes it
    const base = stackTraceback(new CallStack()).split('\n');
    levels.push({ cName: ['', undefined], line: base[base.length - 1] });
  }
  return levels;
}

/** A library function that calls back into Lua (pcall, ...) pushes a frame with line -1. */
function isCFrame(f: StackFrame): boolean {
  return f.line < 0;
}

/** The level numbered `level` (index = level; a stack without a C function on top starts at 0). */
function levelAt(levels: Level[], level: number): Level | undefined {
  return level >= 0 && Number.isInteger(level) ? levels[level] : undefined;
}

const LEVELS1 = 12; // luaL_traceback: levels shown before "..."
const LEVELS2 = 10; // and after it

/** luaL_traceback: levels from `level` on, long stacks cut to the first and last ones. */
export function formatTraceback(thread: LuaThread | undefined, msg: string | undefined, level: number): string {
  const levels = stackLevels(thread, 'traceback');
  const out: string[] = [];
  if (msg !== undefined) out.push(msg);
  out.push('stack traceback:');
  const at = (n: number): Level | undefined => levelAt(levels, n);
  let lv = level;
  let firstPart = true;
  while (at(lv) !== undefined) {
    if (firstPart && lv >= LEVELS1) {
      firstPart = false;
      if (at(lv + 1 + LEVELS2) !== undefined) {
        out.push('\t...');
        while (at(lv + 1 + LEVELS2) !== undefined) lv++;
        lv++;
        continue;
      }
    }
    out.push((at(lv) as Level).line);
    lv++;
  }
  return out.join('\n');
}

// ---- getinfo ----

/** "function 'f'" / "local 'f'" / "method 'm'" ... as [namewhat, name]. */
function parseName(name: string | undefined): [string, string | undefined] {
  if (name === undefined) return ['', undefined];
  const m = /^(\w+) '(.*)'$/s.exec(name);
  if (m === null) return ['', undefined];
  return [m[1] === 'function' ? 'global' : m[1], m[2]];
}

/** luajit's source for a chunk name as printed ("app.lua" -> "@app.lua"). */
function sourceOf(chunk: string): string {
  const m = /^\[string "(.*?)(?:\.\.\.)?"\]$/s.exec(chunk);
  return m !== null ? m[1] : '@' + chunk;
}

const VALID_OPTIONS = /^[SlnufL]*$/;

function cInfo(t: LuaTable, what: string, names: [string, string | undefined], func: LuaValue): void {
  if (what.includes('S')) {
    t.set('source', '=[C]');
    t.set('short_src', '[C]');
    t.set('linedefined', -1);
    t.set('lastlinedefined', -1);
    t.set('what', 'C');
  }
  if (what.includes('l')) t.set('currentline', -1);
  if (what.includes('u')) {
    t.set('nups', 0);
    t.set('nparams', 0);
    t.set('isvararg', true);
  }
  if (what.includes('n')) {
    t.set('name', names[1]);
    t.set('namewhat', names[0]);
  }
  if (what.includes('f') && func !== undefined) t.set('func', func);
}

function luaInfo(t: LuaTable, what: string, info: FunctionInfo, line: number, names: [string, string | undefined], func: LuaValue): void {
  if (what.includes('S')) {
    t.set('source', info.source ?? sourceOf(info.chunk));
    t.set('short_src', info.chunk);
    t.set('linedefined', info.defined);
    t.set('lastlinedefined', info.lastDefined);
    t.set('what', info.defined === 0 ? 'main' : 'Lua');
  }
  if (what.includes('l')) t.set('currentline', line);
  if (what.includes('u')) {
    t.set('nups', info.nups);
    t.set('nparams', info.nparams);
    t.set('isvararg', info.isVararg);
  }
  if (what.includes('n')) {
    t.set('name', names[1]);
    t.set('namewhat', names[0]);
  }
  if (what.includes('f') && func !== undefined) t.set('func', func);
  if (what.includes('L')) t.set('activelines', new LuaTable());
}

function functionInfo(f: LuaFunction): FunctionInfo | undefined {
  return (f as { [FUNCTION_INFO]?: FunctionInfo })[FUNCTION_INFO];
}

function isBuiltin(f: LuaFunction): boolean {
  return (f as { builtin?: number }).builtin !== undefined;
}

/** A frame's function as far as known: its FUNCTION_INFO, frame extras, or guesses. */
function frameInfo(frame: StackFrame): FunctionInfo {
  const extras = frame as StackFrame & FrameExtras;
  const fromFunc = extras.func !== undefined ? functionInfo(extras.func) : undefined;
  if (fromFunc !== undefined) return fromFunc;
  const main = frame.defined === 0;
  return {
    chunk: frame.chunk,
    source: extras.source,
    defined: frame.defined,
    lastDefined: extras.lastDefined ?? (main ? frame.line : frame.defined),
    nparams: extras.nparams ?? 0,
    isVararg: extras.isVararg ?? main,
    nups: extras.nups ?? 0,
  };
}

function getinfo(args: LuaValue[]): LuaResult {
  let arg = 0;
  let thread: LuaThread | undefined;
  if (args[0] instanceof LuaThread) {
    thread = args[0];
    arg = 1;
  }
  const target = args[arg];
  const what = args[arg + 1] === undefined ? 'flnSu' : checkString(args[arg + 1], arg + 2, args.length);
  const t = new LuaTable();
  if (typeof target === 'function') {
    if (!VALID_OPTIONS.test(what)) throw argError(arg + 2, 'invalid option');
    const info = functionInfo(target);
    if (info !== undefined) luaInfo(t, what, info, -1, ['', undefined], target);
    else if (isBuiltin(target)) cInfo(t, what, ['', undefined], target);
    else {
      luaInfo(t, what, { chunk: '?', source: '=?', defined: -1, lastDefined: -1, nparams: 0, isVararg: true, nups: 0 },
        -1, ['', undefined], target);
    }
    return t;
  }
  const n = typeof target === 'number' ? target : typeof target === 'string' ? stringToNumber(target) : undefined;
  if (n === undefined) throw argError(arg + 1, 'function or level expected');
  const level = levelAt(stackLevels(thread, 'getinfo'), n >= 0 ? Math.floor(n) : Math.ceil(n));
  if (level === undefined) return undefined;
  if (!VALID_OPTIONS.test(what)) throw argError(arg + 2, 'invalid option');
  if ('frame' in level) {
    const extras = level.frame as StackFrame & FrameExtras;
    luaInfo(t, what, frameInfo(level.frame), level.frame.line, parseName(level.frame.name), extras.func);
  } else {
    cInfo(t, what, level.cName, undefined);
  }
  return t;
}

// ---- the library ----

/** Hooks are remembered for gethook but never run. */
interface Hook {
  fn: LuaValue;
  mask: string;
  count: number;
}

export function createDebugLib(globals?: LuaTable): LuaTable {
  const registry = new LuaTable();
  const hooks = new WeakMap<object, Hook>();
  const mainKey = {};
  const hookKey = (th: LuaThread | undefined): object => th ?? running ?? mainKey;

  /** [thread, index of the next argument]. */
  const threadArg = (a: LuaValue[]): [LuaThread | undefined, number] =>
    a[0] instanceof LuaThread ? [a[0], 1] : [undefined, 0];

  /** getlocal/setlocal: the level must exist. */
  const checkLevel = (a: LuaValue[]): void => {
    const [th, arg] = threadArg(a);
    const target = a[arg];
    if (typeof target === 'function') return;
    const n = checkInt(target, arg + 1, a.length);
    if (levelAt(stackLevels(th, 'getlocal'), n) === undefined) throw argError(arg + 1, 'level out of range');
  };

  return makeLib({
    getupvalue: (...a: LuaValue[]) => {
      checkFunction(a[0], 1, a.length);
      checkInt(a[1], 2, a.length);
      return NONE;
    },
    setupvalue: (...a: LuaValue[]) => {
      checkFunction(a[0], 1, a.length);
      checkInt(a[1], 2, a.length);
      return NONE;
    },
    upvalueid: (...a: LuaValue[]) => {
      checkFunction(a[0], 1, a.length);
      checkInt(a[1], 2, a.length);
      throw argError(2, 'invalid upvalue index');
    },
    upvaluejoin: (...a: LuaValue[]) => {
      checkFunction(a[0], 1, a.length);
      checkInt(a[1], 2, a.length);
      throw argError(2, 'invalid upvalue index');
    },
    sethook: (...a: LuaValue[]) => {
      const [th, arg] = threadArg(a);
      const fn = a[arg];
      if (typeof fn !== 'function') {
        hooks.delete(hookKey(th));
        return NONE;
      }
      const mask = checkString(a[arg + 1], arg + 2, a.length);
      const count = optInt(a[arg + 2], arg + 3, 0);
      const kept = (mask.includes('c') ? 'c' : '') + (mask.includes('r') ? 'r' : '') + (mask.includes('l') ? 'l' : '');
      hooks.set(hookKey(th), { fn, mask: kept, count });
      return NONE;
    },
    getmetatable: (...a: LuaValue[]) => {
      if (a.length === 0) throw argError(1, 'value expected');
      return getMetatable(a[0]);
    },
    setmetatable: (...a: LuaValue[]) => {
      const v = a[0];
      const mt = a[1];
      if (mt !== undefined && !(mt instanceof LuaTable)) throw argError(2, 'nil or table expected');
      if (v instanceof LuaTable || v instanceof LuaUserdata) v.metatable = mt;
      else if (typeof v === 'string') setStringMetatable(mt);
      return true;
    },
    getfenv: (...a: LuaValue[]) => {
      const v = a[0];
      return typeof v === 'function' || v instanceof LuaThread ? globals : undefined;
    },
    setfenv: (...a: LuaValue[]) => {
      if (!(a[1] instanceof LuaTable)) typeError(a[1], 2, 'table', a.length);
      return a[0];
    },
    traceback: (...a: LuaValue[]) => {
      const [th, arg] = threadArg(a);
      const m = a[arg];
      if (typeof m !== 'string' && typeof m !== 'number' && a.length > arg) return m; // non-text message: as is
      const msg = typeof m === 'number' ? numberToString(m) : typeof m === 'string' ? m : undefined;
      const isCurrent = th === undefined || th === running;
      const level = optInt(a[arg + 1], arg + 2, isCurrent ? 1 : 0);
      return formatTraceback(th, msg, level);
    },
    gethook: (...a: LuaValue[]) => {
      const [th] = threadArg(a);
      const h = hooks.get(hookKey(th));
      return h === undefined ? [undefined, '', 0] : [h.fn, h.mask, h.count];
    },
    debug: () => NONE,
    getregistry: () => registry,
    getinfo: (...a: LuaValue[]) => getinfo(a),
    getlocal: (...a: LuaValue[]) => {
      checkLevel(a);
      return undefined;
    },
    setlocal: (...a: LuaValue[]) => {
      checkLevel(a);
      return undefined;
    },
  });
}
