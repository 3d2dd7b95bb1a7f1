// The coroutine library (Lua 5.1 manual §5.2) over LuaThread.
import { argError, libError, LuaError } from '../lua/errors.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { CO, LuaThread, running, yieldCo, yieldPlain } from '../lua/thread.js';
import type { LuaResult, LuaValue } from '../lua/value.js';
import { builtin, checkFunction, makeLib } from './args.js';
import { setThreadEnv, threadEnv } from './thread-env.js';

function checkThread(v: LuaValue, arg: number): LuaThread {
  if (v instanceof LuaThread) return v;
  throw argError(arg, 'coroutine expected');
}

export function createCoroutineLib(): LuaTable {
  const yieldFn = builtin(function (): LuaResult {
    return yieldPlain();
  });
  (yieldFn as { [CO]?: unknown })[CO] = yieldCo;
  return makeLib({
    create(f: LuaValue): LuaResult {
      const th = new LuaThread(checkFunction(f, 1, arguments.length));
      const env = threadEnv(undefined); // a new thread starts with its creator's environment
      if (env !== undefined) setThreadEnv(th, env);
      return th;
    },
    resume(co: LuaValue, ...args: LuaValue[]): LuaResult {
      return checkThread(co, 1).resume(args);
    },
    yield: yieldFn,
    status(co: LuaValue): LuaResult {
      return checkThread(co, 1).status;
    },
    running(): LuaResult {
      return running;
    },
    isyieldable(): LuaResult {
      return running !== undefined;
    },
    wrap(f: LuaValue): LuaResult {
      const co = new LuaThread(checkFunction(f, 1, arguments.length));
      const env = threadEnv(undefined);
      if (env !== undefined) setThreadEnv(co, env);
      return builtin((...args: LuaValue[]): LuaResult => {
        const r = co.resume(args);
        if (r[0] === true) return r.length === 2 ? r[1] : r.slice(1);
        // luajit prefixes string errors with the caller's position once more.
        const e = r[1];
        throw typeof e === 'string' || typeof e === 'number' ? libError(ops.tostring(e)) : new LuaError(e);
      });
    },
  });
}
