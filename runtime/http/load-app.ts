// Loading a route file: the globals of a served app, running its main chunk (interpreted or
// compiled, both are plain functions), and taking the app table it returns.
import { current } from '../lua/callstack.js';
import { toLuaError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction } from '../lua/value.js';
import { formatTraceback } from '../stdlib/debug.js';
import { ExitRequest } from '../stdlib/os.js';
import { programGlobals, uncaughtMessage } from '../interp/run-file.js';
import { RoverApp } from './app-table.js';
import { installRover } from './rover-global.js';
import { installCompiledSearcher, type ModuleLoader } from '../compiled/program.js';

/** The app could not be loaded; `message` is what the CLI prints before exiting with 1. */
export class AppLoadError extends Error {}

/** A program's globals plus `rover`, as `roverc serve` runs the route file. */
export function serveGlobals(file: string): LuaTable {
  const G = programGlobals(file);
  installRover(G, file);
  const arg = new LuaTable();
  arg.set(0, file);
  G.setStr('arg', arg);
  return G;
}

/** Loads a compiled app: its main chunk's loader and those of the modules it requires. */
export function loadCompiledApp(file: string, main: ModuleLoader, modules: ReadonlyMap<string, ModuleLoader>): RoverApp {
  const G = serveGlobals(file);
  installCompiledSearcher(G, modules, file);
  return runAppChunk(main(G), file);
}

/** Runs the main chunk and returns the app table it returns; Lua errors become AppLoadError. */
export function runAppChunk(main: LuaFunction, file: string): RoverApp {
  const depth = current.depth;
  let result;
  try {
    result = first(main());
  } catch (e) {
    if (e instanceof ExitRequest) throw new AppLoadError(`${file}: os.exit(${e.code}) while loading the app`);
    const err = toLuaError(e);
    current.nameBadArgument(err);
    current.enterRaiser(err); // the traceback starts at the library function that raised it
    const message = uncaughtMessage(err.value) ?? 'nil';
    const traceback = formatTraceback(undefined, undefined, 1);
    current.truncate(depth);
    throw new AppLoadError(`${message}\n${traceback}`);
  }
  if (!(result instanceof RoverApp)) {
    throw new AppLoadError(`${file}: the route file must return the table made by rover.server (end it with \`return api\`), but it returned ${result === undefined ? 'nothing' : 'a ' + typeName(result)}`);
  }
  return result;
}
