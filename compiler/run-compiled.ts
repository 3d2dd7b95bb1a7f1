// `roverc run --mode compiled`: compiles the program to a cache folder, imports the modules
// and runs the entry exactly as the interpreter would (same globals, same error reporting).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runProgram, type ModuleLoader } from '../runtime/compiled/program.js';
import { cacheDirFor, collectProgram, outputName, programFeatures } from './codegen/program.js';
import { mapNames, writeMapped } from './codegen/source-map.js';
import { analyzeRoutes, withSerializers } from './route-table.js';
import type { StaticRoute } from '../runtime/http/request-use.js';

const RUNTIME = fileURLToPath(new URL('../runtime/compiled/index.js', import.meta.url));
/** Folders whose code decides what a compilation writes: any change there makes the cache stale. */
const COMPILER_DIRS = ['./frontend/', './analysis/', './codegen/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

/** The compiler's own code, read once per process. */
let compilerStamp: Buffer[] | undefined;
function compilerCode(): Buffer[] {
  compilerStamp ??= COMPILER_DIRS.flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => readFileSync(path.join(dir, f))));
  return compilerStamp;
}

type Loader = ModuleLoader;

export interface CompiledModuleFile {
  readonly name: string;
  readonly file: string;
  readonly js: string;
}

interface Manifest {
  key: string;
  modules: CompiledModuleFile[];
}

export interface CompiledProgram {
  readonly modules: readonly CompiledModuleFile[];
  /** The routes found in the source, if it is a Rover app (see compiler/analysis/routes.ts). */
  readonly routes: StaticRoute[];
}

/** Compiles (or reuses the cached compilation of) a program; returns its modules' .js files. */
export async function compileCached(entry: string, cacheRoot = path.join(tmpdir(), 'roverc-cache')): Promise<CompiledProgram> {
  const dir = cacheDirFor(entry, cacheRoot);
  const manifestPath = path.join(dir, 'manifest.json');
  const modules = collectProgram(entry);
  const hash = createHash('sha256');
  // The modules import this roverc's runtime by path: another installation needs its own.
  hash.update(RUNTIME).update('\0');
  for (const code of compilerCode()) hash.update(code).update('\0');
  for (const m of modules) hash.update(m.file).update('\0').update(readFileSync(m.file)).update('\0');
  const key = hash.digest('hex');
  const routes = withSerializers(analyzeRoutes(modules));
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.key === key && manifest.modules.every((m) => existsSync(m.js))) return { modules: manifest.modules, routes };
  }
  const features = programFeatures(modules);
  const { compileModule } = await import('./codegen/compile.js');
  const entryDir = path.dirname(entry);
  const out = modules.map((m) => {
    const base = path.join(dir, outputName(m, entryDir));
    const compiled = compileModule(m, pathToFileURL(RUNTIME).href, features, mapNames(base, path.resolve(m.file)));
    mkdirSync(path.dirname(base), { recursive: true });
    writeMapped(base, compiled);
    return { name: m.name, file: m.file, js: base + '.js' };
  });
  writeFileSync(manifestPath, JSON.stringify({ key, modules: out } satisfies Manifest));
  return { modules: out, routes };
}

/** Imports compiled modules: the entry's loader and those of the modules it requires, by name. */
export async function importModules(modules: readonly CompiledModuleFile[]): Promise<{ main: Loader; loaders: Map<string, Loader>; namespaces: Map<string, object> }> {
  const loaders = new Map<string, Loader>();
  const namespaces = new Map<string, object>();
  let main: Loader | undefined;
  for (const m of modules) {
    const ns = await import(pathToFileURL(m.js).href) as { default: Loader };
    namespaces.set(m.name, ns);
    if (m.name === '') main = ns.default;
    else loaders.set(m.name, ns.default);
  }
  return { main: main!, loaders, namespaces };
}

export async function runCompiled(entry: string, args: string[]): Promise<number> {
  const { modules } = await compileCached(entry);
  const { main, loaders } = await importModules(modules);
  return runProgram(entry, main, loaders, args);
}
