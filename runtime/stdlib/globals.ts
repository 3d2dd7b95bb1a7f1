// Assembles the global environment `_G` with every standard library.
import { readFileSync } from 'node:fs';
import { LuaError } from '../lua/errors.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction } from '../lua/value.js';
import { createBaseLib } from './base.js';
import { createBitLib } from './bit.js';
import { createCoroutineLib } from './coroutine.js';
import { createDebugLib } from './debug.js';
import { errnoInfo } from './errno.js';
import { createIoLib } from './io.js';
import { createJitLib } from './jit.js';
import { createMathLib } from './math.js';
import { createTableLib, tableClear, tableNew } from './table.js';
import { flushAll, stdout } from './output.js';
import { createOsLib } from './os.js';
import { createPackageLib, registerLibraries } from './package.js';
import { createStringLib, installStringMetatable } from './string.js';

export interface GlobalsOptions {
  /** Compiles a chunk for load/loadstring/require/dofile (the interpreter). */
  load(text: string, chunkName: string, globals: LuaTable): LuaFunction;
  /** Folder of the entry script: `require` looks for modules there. */
  scriptDir: string;
}

export function createGlobals(options: GlobalsOptions): LuaTable {
  const G = new LuaTable();
  G.pinFields(); // compiled global reads load G.f unguarded: never map mode
  const load = (text: string, chunkName: string) => options.load(text, chunkName, G);
  createBaseLib({
    write: (s) => stdout.write(s),
    load,
    readFile(path) {
      try {
        return readFileSync(path ?? 0).toString('latin1'); // none: the standard input
      } catch (e) {
        throw new LuaError(`cannot open ${path}: ${errnoInfo(e)[1]}`);
      }
    },
  }, G);
  createPackageLib({ load }, G, options.scriptDir);
  const string = createStringLib();
  installStringMetatable(string);
  const table = createTableLib();
  const jit = createJitLib();
  const libs: Record<string, LuaTable> = {
    coroutine: createCoroutineLib(),
    string,
    table,
    math: createMathLib(),
    bit: createBitLib(),
    io: createIoLib(),
    os: createOsLib({ flush: flushAll }),
    debug: createDebugLib(G),
    jit,
  };
  for (const [name, lib] of Object.entries(libs)) G.setStr(name, lib);
  registerLibraries(G, { ...libs, package: G.getStr('package') as LuaTable, 'jit.opt': jit.getStr('opt') as LuaTable },
    { 'table.new': [table, 'new', tableNew], 'table.clear': [table, 'clear', tableClear] });
  return G;
}
