// Lua 5.1 function environments for interpreted code: getfenv, setfenv and module().
import { current } from '../lua/callstack.js';
import { argError, libError } from '../lua/errors.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaResult, LuaValue } from '../lua/value.js';
import { builtin, checkInt, checkString, typeError } from '../stdlib/args.js';
import { closureOf } from './closure-of.js';
import { setThreadEnv, threadEnv } from '../stdlib/thread-env.js';
import { NONE } from '../lua/multi.js';
import { setLoadEnvHook } from '../stdlib/base.js';
import { Frame } from './frame.js';
import { FENV } from '../compiled/index.js';

/** Anything with a settable environment: an interpreted closure or a compiled function's holder. */
interface HasEnv {
  env: LuaTable;
}

/** The function running `level` levels up the stack (1 = the caller of getfenv), if it is Lua code. */
function closureAtLevel(level: number): HasEnv | undefined | 'missing' {
  const f = level <= current.depth ? current.frameAt(current.depth - level) : undefined;
  if (f === undefined) return 'missing';
  if (f instanceof Frame) return f.closure;
  return (f as { fenv?: HasEnv }).fenv;
}

function envOf(fn: LuaValue): HasEnv | undefined {
  return closureOf(fn) ?? (typeof fn === 'function' ? (fn as { [FENV]?: HasEnv })[FENV] : undefined);
}

export function installFunctionEnvironments(G: LuaTable): void {
  // load(chunk, name, mode, env) gives the new function its environment
  setLoadEnvHook((fn, env) => {
    const c = envOf(fn);
    if (c !== undefined) c.env = env;
  });

  function target(f: LuaValue): HasEnv | undefined | 'global' {
    if (typeof f === 'function') return envOf(f);
    const level = f === undefined ? 1 : checkInt(f, 1);
    if (level < 0) throw argError(1, 'invalid level');
    if (level === 0) return 'global';
    const c = closureAtLevel(level);
    if (c === 'missing') throw argError(1, 'invalid level');
    return c;
  }

  G.setStr('getfenv', builtin(function getfenv(f: LuaValue): LuaResult {
    const c = target(f);
    if (c === 'global') return threadEnv(undefined) ?? G; // level 0: the running thread's
    return c === undefined ? G : c.env;
  }));

  G.setStr('setfenv', builtin(function setfenv(f: LuaValue, t: LuaValue): LuaResult {
    if (!(t instanceof LuaTable)) typeError(t, 2, 'table', arguments.length);
    const c = target(f);
    if (c === 'global') {
      setThreadEnv(undefined, t);
      return NONE;
    }
    if (c === undefined) throw libError("'setfenv' cannot change environment of given object");
    c.env = t;
    return typeof f === 'function' ? f : undefined;
  }));

  // module(name, ...): Lua 5.1 §5.3, makes a module table the caller's environment.
  G.setStr('module', builtin(function module(nameValue: LuaValue, ...options: LuaValue[]): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const loaded = ops.index(ops.index(G, 'package'), 'loaded');
    let mod = ops.index(loaded, name);
    if (!(mod instanceof LuaTable)) {
      mod = findOrCreate(G, name);
      ops.setIndex(loaded, name, mod);
    }
    if (mod.getStr('_NAME') === undefined) {
      mod.setStr('_M', mod);
      mod.setStr('_NAME', name);
      mod.setStr('_PACKAGE', name.includes('.') ? name.slice(0, name.lastIndexOf('.') + 1) : '');
    }
    const caller = closureAtLevel(1);
    if (caller !== undefined && caller !== 'missing') caller.env = mod;
    for (const opt of options) ops.callable(opt)(mod);
    return undefined;
  }));
}

/** Lua 5.1 luaL_findtable: walks/creates dotted fields from the globals. */
function findOrCreate(G: LuaTable, dotted: string): LuaTable {
  let t = G;
  for (const part of dotted.split('.')) {
    let next = ops.index(t, part);
    if (next === undefined) {
      next = new LuaTable();
      ops.setIndex(t, part, next);
    } else if (!(next instanceof LuaTable)) {
      throw libError(`name conflict for module '${dotted}'`);
    }
    t = next;
  }
  return t;
}
