// Compiling one module: TypeScript from the emitter, JavaScript from it (transpile.ts).
// Kept apart from program.ts because ts-morph takes seconds to load.
import { emitModule } from './emit-module.js';
import { toJavaScript } from './transpile.js';
import type { ProgramFeatures, ProgramModule } from './program.js';

export interface CompiledModule extends ProgramModule {
  readonly ts: string;
  readonly js: string;
}

export function compileModule(module: ProgramModule, runtimeImport: string, features: ProgramFeatures): CompiledModule {
  const tsText = emitModule(module.resolution, { runtimeImport, ...features });
  const js = toJavaScript(tsText, 'module.ts');
  return { ...module, ts: tsText, js };
}

