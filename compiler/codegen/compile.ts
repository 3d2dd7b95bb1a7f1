// Compiling one module: TypeScript from the emitter, JavaScript from it (transpile.ts), and
// both files' source maps back to the Lua file (source-map.ts).
// Kept apart from program.ts because ts-morph takes seconds to load.
import { readFileSync } from 'node:fs';
import { emitModuleLines } from './emit-module.js';
import { jsToLua, tsToLua, type SourceMapV3 } from './source-map.js';
import { toMappedJavaScript } from './transpile.js';
import type { ProgramFeatures, ProgramModule } from './program.js';

export interface CompiledModule extends ProgramModule {
  readonly ts: string;
  readonly js: string;
  /** Maps of the two files to the Lua file, named by `files.lua` as seen from the output folder. */
  readonly tsMap: SourceMapV3;
  readonly jsMap: SourceMapV3;
}

/** `files`: the names the maps use for the emitted files and the Lua source. */
export function compileModule(module: ProgramModule, runtimeImport: string, features: ProgramFeatures, files = { ts: 'module.ts', js: 'module.js', lua: module.resolution.file }): CompiledModule {
  const { text, luaLines } = emitModuleLines(module.resolution, { runtimeImport, ...features });
  const { js, map } = toMappedJavaScript(text, files.ts);
  const source = { path: files.lua, content: readFileSync(module.file, 'utf8') };
  return { ...module, ts: text, js, tsMap: tsToLua(files.ts, luaLines, source), jsMap: jsToLua(files.js, map, luaLines, source) };
}
