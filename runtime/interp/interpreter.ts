// Entry point of the interpreter: Lua source text -> a callable main-chunk function.
import { parseChunk } from '../../compiler/frontend/parse.js';
import { readSource } from '../../compiler/frontend/source.js';
import { resolve } from '../../compiler/frontend/resolve.js';
import { Diagnostic } from '../../compiler/frontend/diagnostics.js';
import { LuaError } from '../lua/errors.js';
import type { LuaTable } from '../lua/table.js';
import type { LuaFunction } from '../lua/value.js';
import { makeClosure } from './closure.js';
import type { Proto } from './frame.js';
import { programGlobals, runMain } from './run-file.js';

/**
 * Parses, resolves and prepares a chunk. Syntax errors throw a Diagnostic; use
 * `loadForLua` where Lua code asked for the load (loadstring, require) and expects
 * Lua's "chunk:line: message" error value instead.
 */
export function loadChunk(text: string, chunkName: string, globals: LuaTable): LuaFunction {
  const chunk = parseChunk(chunkName, text);
  const resolution = resolve(chunkName, text, chunk);
  const info = resolution.main;
  const proto: Proto = {
    info,
    resolution,
    chunk: chunkName,
    paramSlots: [],
    paramCaptured: [],
    bodySync: undefined,
    bodyCo: undefined,
  };
  return makeClosure(proto, [], globals);
}

export function loadForLua(text: string, chunkName: string, globals: LuaTable): LuaFunction {
  try {
    return loadChunk(text, chunkName, globals);
  } catch (e) {
    if (e instanceof Diagnostic) {
      throw new LuaError(`${chunkName}:${e.position?.line ?? 0}: ${e.detail}`);
    }
    throw e;
  }
}

/** Runs the file through the interpreter; returns the exit code. Diagnostics propagate. */
export function runFile(file: string, args: string[]): number {
  const source = readSource(file);
  const G = programGlobals(file);
  return runMain(loadChunk(source.text, file, G), G, file, args);
}
