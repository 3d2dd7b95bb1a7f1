// The TypeScript the emitter writes for one function of a small Lua program, for snapshot tests.
import { emitModule } from '../../compiler/codegen/emit-module.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve } from '../../compiler/frontend/resolve.js';

/**
 * The text of the emitted function `$name` (a Lua `local function name`), without its
 * temporaries' declarations and with its indentation removed.
 */
export function emittedFunction(lua: string, name: string): string {
  const lines = emittedLines(lua);
  const start = lines.findIndex((l) => l.includes(`function $${name}(`));
  if (start < 0) throw new Error(`no function ${name} in the output`);
  const indent = /^\s*/.exec(lines[start])![0].length;
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].slice(indent);
    if (!/^\s*let \$\w+!?: /.test(line)) out.push(line);
    if (i > start && /^\s*}/.test(lines[i]) && /^\s*/.exec(lines[i])![0].length === indent) break;
  }
  return out.join('\n');
}

/** The module-level declaration of interface `name` (with its doc comment). */
export function emittedInterface(lua: string, name: string): string {
  const lines = emittedLines(lua);
  const start = lines.findIndex((l) => l.startsWith(`interface ${name} `));
  if (start < 0) throw new Error(`no interface ${name} in the output`);
  const end = lines.indexOf('}', start);
  return lines.slice(start - 1, end + 1).join('\n');
}

function emittedLines(lua: string): string[] {
  const file = 'snippet.lua';
  const res = resolve(file, lua, parseChunk(file, lua));
  return emitModule(res, { runtimeImport: './rt.js', coroutines: false, fenv: false }).split('\n');
}
