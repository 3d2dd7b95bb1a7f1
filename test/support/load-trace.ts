// Which modules a node process loads: `node ...traceArgs() script` prints `LOAD <url>` on
// stderr for every module it imports (on every thread, through a module loader hook) and
// `LOAD require:<path>` for every require() (the hooks do not see require(esm) in Node 20).
const HOOKS = `export async function load(url, context, next) {
  if (!url.startsWith('node:')) process.stderr.write('LOAD ' + url + '\\n');
  return next(url, context);
}`;

const REGISTER = `import Module, { register } from 'node:module';
import path from 'node:path';
register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(HOOKS))});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const from = parent && parent.filename ? path.dirname(parent.filename) : process.cwd();
  process.stderr.write('LOAD require:' + (request.startsWith('.') ? path.resolve(from, request) : request) + '\\n');
  return load.apply(this, arguments);
};`;

export function traceArgs(): string[] {
  return ['--import', 'data:text/javascript,' + encodeURIComponent(REGISTER)];
}

/** The module URLs listed by a traced process's stderr. */
export function loadedModules(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('LOAD ')).map((l) => l.slice(5));
}

/** Modules that compile Lua: the parser, the resolver, the interpreter, the compiler. */
export const COMPILER_MODULES = /luaparse|compiler\/frontend\/|runtime\/interp\/(interpreter|compile-sync|compile-co|closure)\.js|typescript|ts-morph|compiler\/codegen\//;
