// TypeScript to JavaScript for the modules roverc writes: the types are stripped and nothing
// else changes. esbuild does it in a fraction of TypeScript's own transpiler's time, which
// reparses and reprints every expression (a 4500-line Lua program: about 3 s against 13).
import { transformSync } from 'esbuild';

/** The JavaScript of an emitted TypeScript module; its leading `//` comment lines (provenance) are kept. */
export function toJavaScript(tsText: string, fileName: string): string {
  return toMappedJavaScript(tsText, fileName).js;
}

/** The JavaScript and esbuild's map of it back to the TypeScript (JS lines -> TS lines). */
export function toMappedJavaScript(tsText: string, fileName: string): { js: string; map: { mappings: string } } {
  const r = transformSync(tsText, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: fileName, sourcemap: 'external' });
  const map = JSON.parse(r.map) as { mappings: string };
  const head = /^(?:\/\/.*\n)*/.exec(tsText)![0];
  if (r.code.startsWith(head)) return { js: r.code, map };
  // the provenance lines put back on top shift every JS line of the map down
  const added = head.split('\n').length - 1;
  return { js: head + r.code, map: { mappings: ';'.repeat(added) + map.mappings } };
}
