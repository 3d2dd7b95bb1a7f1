// The interpreter on demand. Compiled programs and built servers run without the parser, the
// resolver and the interpreter until Lua code first compiles a chunk at run time (load,
// loadstring, dofile, loadfile, require of a module that was not compiled). Those Lua
// functions are synchronous, so the first one requires the interpreter's ES module
// synchronously (require(esm): Node 20.19+, 22.12+; it shares the loaded runtime modules).
// Where Node cannot do that, a program whose source names them preloads it before running.
import { createRequire } from 'node:module';
import { LuaError } from '../lua/errors.js';
import type { LuaTable } from '../lua/table.js';
import type { LuaFunction } from '../lua/value.js';

type Interpreter = typeof import('./interpreter.js');

let interpreter: Interpreter | undefined;

/** True when this Node can require() an ES module (then no preload is needed). */
export function canRequireEsm(): boolean {
  return (process.features as { require_module?: boolean }).require_module === true;
}

/** Loads the interpreter now (asynchronously): for programs that may compile Lua at run time. */
export async function preloadInterpreter(): Promise<void> {
  interpreter ??= await import('./interpreter.js');
}

/** Before running a program whose source names load/loadstring/dofile/...: make them work on any Node. */
export async function prepareInterpreter(): Promise<void> {
  if (!canRequireEsm()) await preloadInterpreter();
}

function loadInterpreter(): Interpreter {
  if (interpreter !== undefined) return interpreter;
  try {
    interpreter = createRequire(import.meta.url)('./interpreter.js') as Interpreter;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw e;
    throw new LuaError('cannot compile Lua code at run time: the interpreter was not preloaded (the source never names load, loadstring, dofile or loadfile) '
      + `and Node ${process.version} cannot require() an ES module to load it now (Node 20.19 or newer can, unless --no-experimental-require-module)`);
  }
  return interpreter;
}

/** load/loadstring/require's chunk compiler for programs: the interpreter, loaded at first use. */
export function loadOnDemand(text: string, chunkName: string, globals: LuaTable): LuaFunction {
  return loadInterpreter().loadForLua(text, chunkName, globals);
}
