// The debug library (Lua 5.1 manual §5.9) as far as roverc's call stack can answer it.
// Exact: traceback text (luajit 2.1 names every named frame "function 'f'", cuts long
// stacks with "...", coroutines have no C base), getinfo's level numbering, currentline,
// source/short_src, linedefined, what, name/namewhat inside metamethods ("metamethod",
// "__index"), argument errors, get/setmetatable on every type (debug.setmetatable(5, mt)
// gives all numbers a metatable), get/setfenv on threads.
// getlocal, setlocal (parameters, locals in scope at the frame's current line, a for
// loop's hidden locals, varargs as "(*vararg)"), getupvalue, setupvalue, upvalueid: on
// interpreted code through a DebugInspector the interpreter registers, on compiled code
// through the accessors of programs built with debug support (SiteDebug, CompiledVars in
// callstack.ts); compiled code built without refuses them with an error, and upvaluejoin
// refuses compiled closures.
// Approximate: lastlinedefined,
// nups, nparams, isvararg and func come from optional extras (FrameExtras, FUNCTION_INFO)
// or are guessed; activelines is empty; hooks are stored but never called; debug.debug
// returns at once; getlocal lists no "(*temporary)" slots.
import {
  C_CALL, CallStack, COMPILED_VARS, CompiledFrame, current, type CompiledVars, type FunctionSite, type StackFrame,
} from '../lua/callstack.js';
import { argError, libError } from '../lua/errors.js';
import { NONE } from '../lua/multi.js';
import { numberToString, stringToNumber } from '../lua/number.js';
import { addressOf, getMetatable, setStringMetatable, setTypeMetatable } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { LuaThread, running } from '../lua/thread.js';
import { LuaUserdata, typeName, type LuaFunction, type LuaResult, type LuaValue } from '../lua/value.js';
import { checkFunction, checkInt, checkString, makeLib, optInt, typeError } from './args.js';
import { setThreadEnv, threadEnv } from './thread-env.js';

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
    return cname !== undefined ? `\t${f.chunk}: in function '${cname}'` : UNNAMED_C;
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
    // the host's entry point (lua.c's, in luajit), a C function nobody named
    levels.push({ cName: ['', undefined], line: UNNAMED_C });
  }
  return levels;
}

/**
 * luajit writes a C function without a name as its address, which no two runs share: this
 * writes a pseudo-address (as tostring does for functions).
 */
const UNNAMED_C = `\t[C]: at ${addressOf(C_CALL)}`; // made with the library: the same in every run and both modes

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
  // a generic for's iterator is named after its hidden local, as luajit does
  if (m[2] === '(for generator)') return ['local', m[2]];
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
  const site = compiledVars(f)?.site;
  if (site?.debug !== undefined) return siteInfo(site, site.debug.last);
  return (f as { [FUNCTION_INFO]?: FunctionInfo })[FUNCTION_INFO] ?? inspector?.functionInfo?.(f);
}

/** getinfo's facts about a compiled function built with debug support. */
function siteInfo(site: FunctionSite, last: number): FunctionInfo {
  const d = site.debug!;
  return { chunk: site.chunk, defined: site.defined, lastDefined: last, nparams: d.params, isVararg: d.vararg, nups: d.ups.length };
}

function compiledVars(f: LuaFunction): CompiledVars | undefined {
  return (f as { [COMPILED_VARS]?: CompiledVars })[COMPILED_VARS];
}

function isBuiltin(f: LuaFunction): boolean {
  return (f as { builtin?: number }).builtin !== undefined;
}

/** A frame's function as far as known: its FUNCTION_INFO, frame extras, or guesses. */
function frameInfo(frame: StackFrame): FunctionInfo {
  const extras = frame as StackFrame & FrameExtras;
  const fromFunc = inspector?.frameInfo?.(frame) ?? compiledFrameInfo(frame) ?? (extras.func !== undefined ? functionInfo(extras.func) : undefined);
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

/** A compiled frame's facts, when its program was built with debug support. */
function compiledFrameInfo(frame: StackFrame): FunctionInfo | undefined {
  if (!(frame instanceof CompiledFrame) || frame.site?.debug === undefined) return undefined;
  // a main chunk's last line is the frame's current one, as the interpreter says
  return siteInfo(frame.site, frame.defined === 0 ? frame.line : frame.site.debug.last);
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

// ---- locals and upvalues (interpreted code) ----

/** A variable debug functions can read and write. */
export interface VariableSlot {
  name: string;
  get(): LuaValue;
  set(v: LuaValue): void;
  /** Upvalues: the shared cell (upvalueid), and replacing it (upvaluejoin). */
  id?(): object;
  join?(cell: object): void;
}

/** What the interpreter tells the debug library about its frames and closures. */
export interface DebugInspector {
  /** Locals in scope at the frame's current line, in register order; undefined: not an interpreted frame. */
  frameLocals(frame: StackFrame): VariableSlot[] | undefined;
  frameVarargs(frame: StackFrame): LuaValue[] | undefined;
  isInterpreted(fn: LuaFunction): boolean;
  paramNames(fn: LuaFunction): string[] | undefined;
  upvalues(fn: LuaFunction): VariableSlot[] | undefined;
  /** getinfo's facts about an interpreted function, or about the function of an interpreted frame. */
  functionInfo?(fn: LuaFunction): FunctionInfo | undefined;
  frameInfo?(frame: StackFrame): FunctionInfo | undefined;
}

let inspector: DebugInspector | undefined;

export function setDebugInspector(i: DebugInspector): void {
  inspector = i;
}

/**
 * Compiled code built without debug support keeps no locals or upvalues for debug to read
 * (the program never names these functions): say so instead of answering wrongly.
 */
function compiledRefusal(what: string): never {
  throw libError(`debug.${what} cannot see the variables of compiled code built without debug support ` +
    `(name debug.${what} in the program, or run with --mode interpreted)`);
}

/** A Lua function that is neither a library function nor interpreted: compiled code. */
function isCompiled(fn: LuaFunction): boolean {
  return !isBuiltin(fn) && !(inspector?.isInterpreted(fn) ?? false);
}

function upvaluesOf(fn: LuaFunction, what: string): VariableSlot[] {
  const ups = inspector?.upvalues(fn) ?? compiledUpvalues(fn);
  if (ups !== undefined) return ups;
  if (isCompiled(fn)) compiledRefusal(what);
  return []; // library functions: no Lua upvalues
}

/** A compiled closure's upvalues (JS variables it captured), through its accessors. */
function compiledUpvalues(fn: LuaFunction): VariableSlot[] | undefined {
  const vars = compiledVars(fn);
  if (vars?.site.debug === undefined) return undefined;
  const { ups, ids } = vars;
  return vars.site.debug.ups.map((name, k) => ({
    name,
    get: () => ups!(k, false, undefined),
    set: (v: LuaValue) => { ups!(k, true, v); },
    id: () => ids!()[k],
    join: joinRefusal,
  }));
}

/** A compiled closure's upvalue is a JS variable it captured: nothing can rebind it. */
function joinRefusal(): never {
  throw libError('debug.upvaluejoin cannot rebind the upvalues of compiled code (run with --mode interpreted)');
}

const upvalueIds = new WeakMap<object, LuaUserdata>();

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

  const builtinEnvs = new WeakMap<LuaFunction, LuaTable>();
  return makeLib({
    getupvalue: (...a: LuaValue[]) => {
      const n = checkInt(a[1], 2, a.length); // luajit checks the index first
      const fn = checkFunction(a[0], 1, a.length);
      const up = upvaluesOf(fn, 'getupvalue')[n - 1];
      return up === undefined ? NONE : [up.name, up.get()];
    },
    setupvalue: (...a: LuaValue[]) => {
      if (a.length < 3) throw argError(3, 'value expected'); // luajit's order: value, index, function
      const n = checkInt(a[1], 2, a.length);
      const fn = checkFunction(a[0], 1, a.length);
      const up = upvaluesOf(fn, 'setupvalue')[n - 1];
      if (up === undefined) return NONE;
      up.set(a[2]);
      return up.name;
    },
    upvalueid: (...a: LuaValue[]) => {
      const fn = checkFunction(a[0], 1, a.length);
      const n = checkInt(a[1], 2, a.length);
      const up = upvaluesOf(fn, 'upvalueid')[n - 1];
      if (up?.id === undefined) throw argError(2, 'index out of range');
      const cell = up.id();
      let id = upvalueIds.get(cell);
      if (id === undefined) upvalueIds.set(cell, id = new LuaUserdata(undefined, undefined));
      return id;
    },
    upvaluejoin: (...a: LuaValue[]) => {
      const f1 = checkFunction(a[0], 1, a.length);
      const n1 = checkInt(a[1], 2, a.length);
      const f2 = checkFunction(a[2], 3, a.length);
      const n2 = checkInt(a[3], 4, a.length);
      if (isBuiltin(f1)) throw argError(1, 'Lua function expected');
      if (isBuiltin(f2)) throw argError(3, 'Lua function expected');
      const u1 = upvaluesOf(f1, 'upvaluejoin')[n1 - 1];
      if (u1?.join === undefined) throw argError(2, 'index out of range');
      const u2 = upvaluesOf(f2, 'upvaluejoin')[n2 - 1];
      if (u2?.id === undefined) throw argError(4, 'index out of range');
      if (compiledVars(f1) !== undefined || compiledVars(f2) !== undefined) joinRefusal();
      u1.join(u2.id());
      return NONE;
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
      if (a.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) throw argError(2, 'nil or table expected');
      if (v instanceof LuaTable || v instanceof LuaUserdata) v.metatable = mt;
      else if (typeof v === 'string') setStringMetatable(mt);
      else setTypeMetatable(typeName(v) as 'number' | 'boolean' | 'nil' | 'function' | 'thread', mt);
      return true;
    },
    getfenv: (...a: LuaValue[]) => {
      const v = a[0];
      if (v instanceof LuaThread) return threadEnv(v) ?? globals;
      if (typeof v === 'function') {
        const own = builtinEnvs.get(v);
        if (own !== undefined) return own;
        const getfenv = globals?.getStr('getfenv');
        return typeof getfenv === 'function' && isBuiltin(getfenv) && !isBuiltin(v) ? getfenv(v) : globals;
      }
      return undefined;
    },
    setfenv: (...a: LuaValue[]) => {
      const v = a[0];
      const t = a[1];
      if (!(t instanceof LuaTable)) return typeError(t, 2, 'table', a.length);
      if (v instanceof LuaThread) {
        setThreadEnv(v, t);
        return v;
      }
      const setfenv = globals?.getStr('setfenv');
      if (typeof v === 'function' && !isBuiltin(v) && typeof setfenv === 'function' && isBuiltin(setfenv)) {
        setfenv(v, t);
        return v;
      }
      if (typeof v === 'function' && isBuiltin(v)) {
        builtinEnvs.set(v, t); // luajit's C functions have an environment too (unused here)
        return v;
      }
      throw libError("'setfenv' cannot change environment of given object");
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
      const [th, arg] = threadArg(a);
      const target = a[arg];
      const n = checkInt(a[arg + 1], arg + 2, a.length);
      if (typeof target === 'function') {
        // a function's parameter names (LuaJIT 2.1 takes a function, as Lua 5.2 does)
        const site = compiledVars(target)?.site;
        const names = inspector?.paramNames(target) ?? site?.debug?.locals.slice(0, site.debug.params).map((l) => l[0]);
        if (names === undefined && isCompiled(target)) compiledRefusal('getlocal');
        return names?.[n - 1] ?? undefined;
      }
      const slot = localSlot(th, target, arg, a.length, n, 'getlocal');
      return slot === undefined ? undefined : [slot.name, slot.get()];
    },
    setlocal: (...a: LuaValue[]) => {
      const [th, arg] = threadArg(a);
      const n = checkInt(a[arg + 1], arg + 2, a.length);
      if (a.length < arg + 3) throw argError(arg + 3, 'value expected');
      const slot = localSlot(th, a[arg], arg, a.length, n, 'setlocal');
      if (slot === undefined) return undefined;
      slot.set(a[arg + 2]);
      return slot.name;
    },
  });
}

/** getlocal/setlocal by level: the variable numbered n (negative: the n-th vararg). */
function localSlot(th: LuaThread | undefined, target: LuaValue, arg: number, nargs: number, n: number, what: string): VariableSlot | undefined {
  const level = levelAt(stackLevels(th, what), checkInt(target, arg + 1, nargs));
  if (level === undefined) throw argError(arg + 1, 'level out of range');
  if (!('frame' in level)) return undefined; // a C function: no named variables
  const frame = level.frame;
  if (frame instanceof CompiledFrame && frame.site?.debug !== undefined) return compiledLocal(frame, n);
  if (n < 0) {
    const va = inspector?.frameVarargs(frame);
    if (va === undefined) compiledRefusal(what);
    const i = -n - 1;
    if (i >= va.length) return undefined;
    return { name: '(*vararg)', get: () => va[i], set: (v) => { va[i] = v; } };
  }
  const locals = inspector?.frameLocals(frame);
  if (locals === undefined) compiledRefusal(what);
  return n > 0 ? locals[n - 1] : undefined;
}

/** The variable numbered n of a compiled frame built with debug support. */
function compiledLocal(frame: CompiledFrame, n: number): VariableSlot | undefined {
  const debug = frame.site!.debug!;
  const stack = frame.stack!;
  if (n < 0) {
    const va = debug.vararg ? stack.varargs[frame.depth] : undefined;
    const i = -n - 1;
    if (va === undefined || i >= va.length) return undefined;
    return { name: '(*vararg)', get: () => va[i], set: (v) => { va[i] = v; } };
  }
  const access = stack.locals[frame.depth]!;
  let seen = 0;
  for (let k = 0; k < debug.locals.length; k++) {
    const [name, from, to] = debug.locals[k];
    if (from > frame.line || frame.line > to || ++seen !== n) continue;
    return { name, get: () => access(k, false, undefined), set: (v) => { access(k, true, v); } };
  }
  return undefined;
}
