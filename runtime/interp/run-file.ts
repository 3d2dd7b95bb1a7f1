// Running a Lua main chunk (interpreted or compiled) as `luajit file.lua` would: the globals,
// output, exit code, errors. Loads no interpreter: load/loadstring bring it in on demand.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { current } from '../lua/callstack.js';
import { formatTraceback } from '../stdlib/debug.js';
import { toLuaError, type LuaError } from '../lua/errors.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaValue } from '../lua/value.js';
import { createGlobals } from '../stdlib/globals.js';
import { ExitRequest } from '../stdlib/os.js';
import { flushAll, stderr } from '../stdlib/output.js';
import { installDebugInspector } from './debug-inspect.js';
import { installFunctionEnvironments } from './fenv.js';
import { loadOnDemand } from './on-demand.js';

/** The text luajit prints for an uncaught error value, or undefined when it prints nothing. */
export function uncaughtMessage(value: LuaValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return ops.tostring(value);
  if (value === undefined) return undefined;
  if (ops.metamethod(value, '__tostring') !== undefined) return ops.tostring(value);
  return '(error object is not a string)';
}

/** The globals of a program run as `luajit file` (loadstring and friends use the interpreter, loaded at first use). */
export function programGlobals(file: string): LuaTable {
  const G = createGlobals({ load: loadOnDemand, scriptDir: path.dirname(file) });
  installFunctionEnvironments(G);
  installDebugInspector();
  return G;
}

/**
 * ROVERC_MAIN_CPU=file: the CPU time the main chunk took (user and system, all threads, in
 * seconds) is written to that file, so that a benchmark can take the program's work apart
 * from node's and the runtime's start-up (bench/compute.ts).
 */
const MAIN_CPU_FILE = process.env.ROVERC_MAIN_CPU || undefined;

/**
 * Runs a main chunk (interpreted or compiled) as luajit runs a script: `arg` and `...`
 * set, output flushed, an uncaught error reported with a traceback. Returns the exit code.
 */
export function runMain(main: LuaFunction, G: LuaTable, file: string, args: string[]): number {
  const bytes = args.map((a) => Buffer.from(a, 'utf8').toString('latin1'));
  const arg = new LuaTable();
  arg.set(0, file);
  bytes.forEach((a, i) => arg.set(i + 1, a));
  G.setStr('arg', arg);
  current.errorHandler = withTraceback; // luajit's lua.c runs the main chunk under this handler
  const cpuAtStart = MAIN_CPU_FILE === undefined ? undefined : process.cpuUsage();
  try {
    main(...bytes);
    flushAll();
    return 0;
  } catch (e) {
    const exit = exitCode(e);
    if (exit !== undefined) {
      flushAll();
      return exit;
    }
    const err = toLuaError(e);
    current.nameBadArgument(err);
    current.enterRaiser(err); // the traceback starts at the library function that raised it
    const message = uncaughtMessage(err.value);
    flushAll();
    if (message !== undefined) {
      // luajit formats the message as a C string: a NUL byte ends it
      const nul = message.indexOf('\0');
      const text = nul >= 0 ? message.slice(0, nul) : message;
      // lua.c's handler leaves an error object that is no string (and has no __tostring) as it is: no traceback
      const v = err.value;
      const traced = typeof v === 'string' || typeof v === 'number' || ops.metamethod(v, '__tostring') !== undefined;
      stderr.write(traced ? `roverc: ${text}\n${formatTraceback(undefined, undefined, 1)}\n` : `roverc: ${text}\n`);
    }
    flushAll();
    return 1;
  } finally {
    if (cpuAtStart !== undefined) writeMainCpu(cpuAtStart);
  }
}

function writeMainCpu(start: NodeJS.CpuUsage): void {
  const used = process.cpuUsage(start);
  try {
    writeFileSync(MAIN_CPU_FILE!, `${(used.user + used.system) / 1e6}\n`);
  } catch (e) {
    stderr.write(`roverc: ROVERC_MAIN_CPU: cannot write ${JSON.stringify(MAIN_CPU_FILE)}: ${(e as Error).message}\n`);
    flushAll();
  }
}

/**
 * lua.c's error handler: a string message (a number, or an object with __tostring) gets the
 * traceback of where the error happened; any other value is left as it is.
 */
function withTraceback(err: LuaError): LuaValue {
  const v = err.value;
  if (typeof v !== 'string' && typeof v !== 'number' && ops.metamethod(v, '__tostring') === undefined) return v;
  current.enterRaiser(err);
  return formatTraceback(undefined, uncaughtMessage(v), 1);
}

/** os.exit unwinds the Lua stack with an exception carrying the exit code. */
function exitCode(e: unknown): number | undefined {
  return e instanceof ExitRequest ? e.code : undefined;
}

