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
import { createTableLib } from './table.js';
import { flushAll, stdout } from './output.js';
import { createOsLib } from './os.js';
import { createPackageLib } from './package.js';
import { createStringLib, installStringMetatable } from './string.js';

export interface GlobalsOptions {
  /** Compiles a chunk for load/loadstring/require/dofile (the interpreter). */
  load(text: string, chunkName: string, globals: LuaTable): LuaFunction;
  /** Folder of the entry script: `require` looks for modules there. */
  scriptDir: string;
}

export function createGlobals(options: GlobalsOptions): LuaTable {
  const G = new LuaTable();
  const load = (text: string, chunkName: string) => options.load(text, chunkName, G);
  createBaseLib({
    write: (s) => stdout.write(s),
    load,
    readFile(path) {
      try {
        return readFileSync(path).toString('latin1');
      } catch (e) {
        throw new LuaError(`cannot open ${path}: ${errnoInfo(e)[1]}`);
      }
    },
  }, G);
  createPackageLib({ load }, G, options.scriptDir);
  G.setStr('coroutine', createCoroutineLib());
  const string = createStringLib();
  installStringMetatable(string);
  G.setStr('string', string);
  G.setStr('table', createTableLib());
  G.setStr('math', createMathLib());
  G.setStr('bit', createBitLib());
  G.setStr('io', createIoLib());
  G.setStr('os', createOsLib({ flush: flushAll }));
  G.setStr('debug', createDebugLib(G));
  G.setStr('jit', createJitLib());
  return G;
}
