// TypeScript to JavaScript for the modules roverc writes: the types are stripped and nothing
// else changes. esbuild does it in a fraction of TypeScript's own transpiler's time, which
// reparses and reprints every expression (a 4500-line Lua program: about 3 s against 13).
import { transformSync } from 'esbuild';

/** The JavaScript of an emitted TypeScript module; its leading `//` comment lines (provenance) are kept. */
export function toJavaScript(tsText: string, fileName: string): string {
  const js = transformSync(tsText, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: fileName }).code;
  const head = /^(?:\/\/.*\n)*/.exec(tsText)![0];
  return js.startsWith(head) ? js : head + js;
}
