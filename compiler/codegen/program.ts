// A Lua program -> compiled modules: the entry file and every module it requires with a
// literal name (`require("lib.users")` -> lib/users.lua next to the entry, as package.path
// says by default). Modules found only at run time still load, through the interpreter.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { callArguments, isCall, type Expression, type Node } from '../frontend/ast.js';
import { parseChunk, walk } from '../frontend/parse.js';
import { resolve, type Resolution } from '../frontend/resolve.js';
import { readSource } from '../frontend/source.js';
import { possibleMetamethods } from '../analysis/metamethods.js';

export interface ProgramModule {
  /** The name `require` uses ("lib.users"); the entry's is "". */
  readonly name: string;
  /** The Lua file, as the chunk name Lua messages use. */
  readonly file: string;
  readonly resolution: Resolution;
}

/** Finds the entry and its statically required modules (transitively). */
export function collectProgram(entry: string): ProgramModule[] {
  const dir = path.dirname(entry);
  const modules: ProgramModule[] = [];
  const seen = new Set<string>();
  const visit = (name: string, file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readSource(file);
    const resolution = resolve(file, source.text, parseChunk(file, source.text));
    modules.push({ name, file, resolution });
    for (const required of literalRequires(resolution)) {
      const found = moduleFile(dir, required);
      if (found !== undefined) visit(required, found);
    }
  };
  visit('', entry);
  return modules;
}

/**
 * The module file package.path's first entry (`<dir>/?.lua`) names. luajit's default path
 * has no `./?/init.lua`, so a folder module is left to the run-time search.
 */
function moduleFile(dir: string, name: string): string | undefined {
  const candidate = `${name.replace(/\./g, '/')}.lua`;
  const file = dir === '.' || dir === '' ? `./${candidate}` : `${dir}/${candidate}`;
  return existsSync(file) ? file : undefined;
}

/** Names in `require("literal")` and `pcall(require, "literal")` calls of the global require. */
function literalRequires(res: Resolution): string[] {
  const names: string[] = [];
  const isRequire = (e: Expression | undefined) =>
    e?.type === 'Identifier' && e.name === 'require' && res.refs.get(e)?.kind === 'global';
  walk(res.chunk, (node: Node) => {
    if (!isCall(node)) return;
    const args = callArguments(node);
    if (isRequire(node.base) && args[0]?.type === 'StringLiteral') names.push(args[0].value);
    if (node.base.type === 'Identifier' && node.base.name === 'pcall' && isRequire(args[0]) && args[1]?.type === 'StringLiteral') {
      names.push(args[1].value);
    }
  });
  return names;
}

/** Lua functions that compile source at run time (they need the interpreter). */
const CODE_LOADERS = new Set(['load', 'loadstring', 'dofile', 'loadfile']);

/**
 * True when the program may compile Lua source at run time: it names load, loadstring,
 * dofile or loadfile (as a variable, a field or a string, as in `_G["load"]`), or calls
 * `require` other than with the literal name of a module compiled with it. Such a program
 * preloads the interpreter where Node cannot load it on demand (runtime/interp/on-demand.ts).
 */
export function mayCompileLua(modules: readonly ProgramModule[]): boolean {
  const compiled = new Set(modules.map((m) => m.name));
  return modules.some((m) => {
    let found = false;
    const res = m.resolution;
    const literal = literalRequireSites(res);
    walk(res.chunk, (node: Node) => {
      if (found) return;
      if (node.type === 'Identifier' && CODE_LOADERS.has(node.name)) found = true;
      else if (node.type === 'StringLiteral' && CODE_LOADERS.has(node.value)) found = true;
      else if (node.type === 'Identifier' && node.name === 'require' && res.refs.get(node)?.kind === 'global') found = !literal.has(node);
    });
    return found || literalRequires(res).some((name) => !compiled.has(name));
  });
}

/** The `require` identifiers of `require("literal")` and `pcall(require, "literal")` calls. */
function literalRequireSites(res: Resolution): Set<Node> {
  const sites = new Set<Node>();
  walk(res.chunk, (node: Node) => {
    if (!isCall(node)) return;
    const args = callArguments(node);
    if (node.base.type === 'Identifier' && node.base.name === 'require' && args[0]?.type === 'StringLiteral') sites.add(node.base);
    if (node.base.type === 'Identifier' && node.base.name === 'pcall' && args[0]?.type === 'Identifier' && args[0].name === 'require' && args[1]?.type === 'StringLiteral') {
      sites.add(args[0]);
    }
  });
  return sites;
}

function usesGlobal(modules: ProgramModule[], names: string[]): boolean {
  return modules.some((m) => Array.from(m.resolution.refs.values()).some((r) => r.kind === 'global' && names.includes(r.name)));
}

/** The debug functions that read or write variables (they need debug support in compiled code). */
const VARIABLE_READERS = ['getlocal', 'setlocal', 'getupvalue', 'setupvalue', 'upvalueid', 'upvaluejoin'];

/**
 * True when the program may reach debug.getlocal and its kin: it names one of them (as a
 * variable, a field, or inside a string, as in `debug["getlocal"]` or loadstring'd code),
 * or uses the global `debug` other than as `debug.name` (`debug[k]`, `local d = debug`,
 * `f(debug)`, `debug:m()`). Reaching them by other roads (`_G[k]`, `package.loaded[k]`,
 * `pairs(debug)` through an alias) finds frames without debug support: the library then
 * refuses with an error naming the reason, never a wrong answer.
 */
export function mayReadVariables(modules: ProgramModule[]): boolean {
  return modules.some((m) => {
    const res = m.resolution;
    const fieldBases = new Set<Node>();
    walk(res.chunk, (node: Node) => {
      if (node.type === 'MemberExpression' && node.indexer === '.') fieldBases.add(node.base);
    });
    let found = false;
    walk(res.chunk, (node: Node) => {
      if (found) return;
      if (node.type === 'Identifier' && VARIABLE_READERS.includes(node.name)) found = true;
      else if (node.type === 'StringLiteral' && VARIABLE_READERS.some((n) => node.value.includes(n))) found = true;
      else if (node.type === 'Identifier' && node.name === 'debug' && res.refs.get(node)?.kind === 'global') found = !fieldBases.has(node);
    });
    return found;
  });
}

/** What the whole program needs from every module's code. */
export interface ProgramFeatures {
  /** The program names `coroutine`: functions get generator twins. */
  readonly coroutines: boolean;
  /** The program names setfenv/getfenv/module: functions get environment holders. */
  readonly fenv: boolean;
  /** The program may read variables through debug (mayReadVariables): frames and closures get accessors. */
  readonly debug: boolean;
  /** The metamethods the program's values may have; undefined: any (analysis/metamethods.ts). */
  readonly metamethods: ReadonlySet<string> | undefined;
}

export function programFeatures(modules: ProgramModule[]): ProgramFeatures {
  return {
    coroutines: usesGlobal(modules, ['coroutine']),
    fenv: usesGlobal(modules, ['setfenv', 'getfenv', 'module']),
    debug: mayReadVariables(modules),
    metamethods: programMetamethods(modules),
  };
}

/** The metamethods any value of the program may have (undefined: any). */
export function programMetamethods(modules: readonly ProgramModule[]): ReadonlySet<string> | undefined {
  return possibleMetamethods(modules.map((m) => m.resolution), mayCompileLua(modules));
}

/** The file name of a compiled module: the Lua path with .lua -> .ts / .js. */
export function outputName(module: ProgramModule, entryDir: string): string {
  const rel = path.relative(entryDir, module.file);
  return rel.replace(/\.lua$/, '');
}

/** A cache folder keyed by the entry's absolute path and the compiler's own build. */
export function cacheDirFor(entry: string, root: string): string {
  const key = createHash('sha256').update(path.resolve(entry)).digest('hex').slice(0, 16);
  return path.join(root, key);
}
