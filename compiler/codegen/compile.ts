// Compiling one module: TypeScript from the emitter, JavaScript from TypeScript's transpiler.
// Kept apart from program.ts because typescript and ts-morph take seconds to load.
import ts from 'typescript';
import { emitModule } from './emit-module.js';
import type { ProgramFeatures, ProgramModule } from './program.js';

export interface CompiledModule extends ProgramModule {
  readonly ts: string;
  readonly js: string;
}

export function compileModule(module: ProgramModule, runtimeImport: string, features: ProgramFeatures): CompiledModule {
  const tsText = emitModule(module.resolution, { runtimeImport, ...features });
  const js = ts.transpileModule(tsText, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false },
    fileName: 'module.ts',
  }).outputText;
  return { ...module, ts: tsText, js };
}

