// Source maps from an emitted module back to its Lua file. The emitter starts each TS line it
// writes with a mark of the Lua line it came from (luaMark); stripMarks takes the marks out
// and keeps one Lua line per TS line. That table is the TS -> Lua map, and composed with
// esbuild's JS -> TS map it is the JS -> Lua map that Node (--enable-source-maps) and
// debuggers read. Lines only: a Lua statement is one TS statement, columns add nothing.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';

export interface SourceMapV3 {
  version: 3;
  file: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

/** Where a map points: the Lua file as the map names it, and its text (kept in the map). */
export interface LuaSource {
  readonly path: string;
  readonly content: string;
}

/** The mark of Lua line `line` (1-based) at the start of an emitted line. */
export function luaMark(line: number): string {
  return `/*@L${line}*/`;
}

const MARK = /\/\*@L(\d+)\*\//g;

/** The text without marks, and for each of its lines the Lua line of its first mark (0: none). */
export function stripMarks(marked: string): { text: string; luaLines: number[] } {
  const luaLines: number[] = [];
  const text = marked.split('\n').map((line) => {
    let lua = 0;
    const clean = line.replace(MARK, (_, n: string) => {
      if (lua === 0) lua = Number(n);
      return '';
    });
    luaLines.push(lua);
    return clean;
  }).join('\n');
  return { text, luaLines };
}

function luaMap(file: string, source: LuaSource, lines: SourceMapSegment[][]): SourceMapV3 {
  return { version: 3, file, sources: [source.path], sourcesContent: [source.content], names: [], mappings: encode(lines) };
}

/** The TS module's map: each marked line to the start of its Lua line. */
export function tsToLua(file: string, luaLines: readonly number[], source: LuaSource): SourceMapV3 {
  return luaMap(file, source, luaLines.map((lua): SourceMapSegment[] => (lua > 0 ? [[0, 0, lua - 1, 0]] : [])));
}

/** esbuild's JS -> TS map with each TS position replaced by the Lua line of its TS line. */
export function jsToLua(file: string, jsToTs: { mappings: string }, luaLines: readonly number[], source: LuaSource): SourceMapV3 {
  const lines = decode(jsToTs.mappings).map((segments) => {
    const out: SourceMapSegment[] = [];
    for (const seg of segments) {
      const lua = seg.length >= 4 ? luaLines[seg[2]!] ?? 0 : 0;
      if (lua === 0) continue;
      const prev = out[out.length - 1];
      // one segment per run of the same Lua line
      if (prev !== undefined && prev[2] === lua - 1) continue;
      out.push([seg[0], 0, lua - 1, 0]);
    }
    return out;
  });
  return luaMap(file, source, lines);
}

/** The comment that points a module at its map (a file beside it). */
export function mapComment(mapFile: string): string {
  return `//# sourceMappingURL=${mapFile}\n`;
}

/** The names a module's maps give its two files and its Lua source (as seen from the module's folder). */
export function mapNames(base: string, luaFile: string): { ts: string; js: string; lua: string } {
  const name = path.basename(base);
  return { ts: name + '.ts', js: name + '.js', lua: path.relative(path.dirname(base), luaFile).split(path.sep).join('/') };
}

/** Writes a compiled module's .ts and .js, each with its source map beside it (source-map.ts). */
export function writeMapped(base: string, compiled: { ts: string; js: string; tsMap: SourceMapV3; jsMap: SourceMapV3 }): void {
  const name = path.basename(base);
  writeWhole(base + '.ts', compiled.ts + '\n' + mapComment(name + '.ts.map'));
  writeWhole(base + '.js', compiled.js + mapComment(name + '.js.map'));
  writeWhole(base + '.ts.map', JSON.stringify(compiled.tsMap) + '\n');
  writeWhole(base + '.js.map', JSON.stringify(compiled.jsMap) + '\n');
}

/**
 * Writes a file by renaming a finished one into place: two processes compiling the same
 * program into a shared cache (run-compiled.ts) must never import half of the other's file.
 */
function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
