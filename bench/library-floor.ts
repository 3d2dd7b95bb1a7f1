// The library floor of the compute programs whose time is mostly roverc's runtime library
// (bench/ceiling.ts uses it): each program written as the code an ideal compiler would emit,
// with every Lua value's type known, no guards, frames or positions, plain JS for the
// operators, and one call of the shared library (the same functions compiled code and the
// interpreter call) for each library call of the Lua program, with the same arguments. No
// compiled program can spend less than this without a second implementation of the library.
// binary_trees is here for the same reason: its time is the one table representation
// (runtime/lua/table.ts) that both modes share, a LuaTable per Lua table constructor.
// It prints what the Lua program prints (bench/ceiling.ts compares it with luajit's output)
// and writes the CPU seconds of the work to the file named by ROVERC_MAIN_CPU.
//
// Run: `npm run build && node dist/bench/library-floor.js [--warm] NAME [size]` (`--list`: the
// names; `--warm`: times a second run of the work, after V8 has optimized the first).
import { writeFileSync } from 'node:fs';
import { programGlobals } from '../runtime/interp/run-file.js';
import { first } from '../runtime/lua/multi.js';
import { numberToString } from '../runtime/lua/number.js';
import { modBy } from '../runtime/lua/ops.js';
import { found, LuaTable } from '../runtime/lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../runtime/lua/value.js';

const G = programGlobals('floor.lua');
const lib = (table: string, name: string) => (G.getStr(table) as LuaTable).getStr(name) as LuaFunction;
const global = (name: string) => G.getStr(name) as LuaFunction;
const str = (r: LuaResult) => first(r) as string;
const num = (r: LuaResult) => first(r) as number;
const nth = (r: LuaResult, i: number) => (Array.isArray(r) ? r[i] : i === 0 ? r : undefined);

const format = lib('string', 'format');
const byte = lib('string', 'byte');
const upper = lib('string', 'upper');
const gmatch = lib('string', 'gmatch');
const gsub = lib('string', 'gsub');
const match = lib('string', 'match');
const find = lib('string', 'find');
const concat = lib('table', 'concat');
const insert = lib('table', 'insert');
const floor = lib('math', 'floor');
const tonumber = global('tonumber');

type Program = (size: number | undefined) => string[];

const PROGRAMS: Record<string, Program> = {
  text_patterns(size) {
    const n = size ?? 40000;
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
    const lines = new LuaTable();
    for (let i = 1; i <= n; i++) {
      lines.arr.push(str(format('%s=%d; %s %s, id:%05d  tag<%s>', words[i % 8], (i * 7) % 1000,
        words[(i * 3) % 8], words[(i * 5) % 8], i, str(upper(words[(i * 7) % 8])))));
    }
    const text = str(concat(lines, '\n'));
    let count = 0, sum = 0, caps = 0;
    for (let it = first(gmatch(text, '%a+')) as LuaFunction, w: LuaValue; (w = first(it())) !== undefined;) count += (w as string).length;
    for (let it = first(gmatch(text, '(%a+)=(%d+)')) as LuaFunction, r: LuaResult; (r = it()), nth(r, 0) !== undefined;) {
      sum += num(tonumber(nth(r, 1))) + (nth(r, 0) as string).length;
    }
    for (let it = first(gmatch(text, '<(%u+)>')) as LuaFunction, w: LuaValue; (w = first(it())) !== undefined;) caps += (w as string).length;
    const replaced = gsub(text, '(%a+)%s(%a+)', '%2 %1') as LuaValue[];
    const upperText = str(gsub(text, '%l+', (w: LuaValue) => ((w as string).length > 4 ? first(upper(w)) : undefined)));
    let ids = 0;
    for (const line of lines.arr) {
      const id = first(match(line, 'id:(%d+)'));
      if (first(find(line, 'gamma', 1, true)) !== undefined) ids += num(tonumber(id));
    }
    const trimmed = str(match('   ' + (lines.arr[0] as string) + '   ', '^%s*(.-)%s*$'));
    return [trimmed, ['checksum', count, sum, caps, replaced[1], (replaced[0] as string).length, upperText.length, ids].map(show).join('\t')];
  },

  string_format(size) {
    const n = size ?? 300000;
    let len = 0, bytes = 0;
    for (let i = 1; i <= n; i++) {
      const x = i * 1.37 - n / 3;
      const s = str(format('%d|%5d|%-6d|%x|%08.3f|%.2f|%g|%e|%s', i, i % 1000, -i, i, x, x / 7, x * 1e-3, x * 1e5, (i % 8) + 0.5));
      len += s.length;
      bytes = (bytes * 31 + num(byte(s, s.length)) + num(byte(s, 12))) % 1000000007;
    }
    return [['last', str(format('%.3f %g %5.1f', n * 1.37, n / 3, -n / 7))].join('\t'), ['checksum', len, bytes].map(show).join('\t')];
  },

  string_build(size) {
    const n = size ?? 200000;
    let total = 0;
    for (let round = 1; round <= 3; round++) {
      let s = '';
      for (let i = 1, m = num(floor(n / 20)); i <= m; i++) s = s + numberToString(i) + ',';
      total += s.length;
      const parts = new LuaTable();
      for (let i = 1; i <= n; i++) parts.arr.push('item' + numberToString(i) + ':' + numberToString((i * round) % 97));
      const joined = str(concat(parts, ';'));
      total += joined.length + num(byte(joined, num(floor(joined.length / 2)) + 1));
      let line = new LuaTable();
      for (let i = 1; i <= n; i++) {
        line.arr.push(i % 10);
        if (line.arr.length === 50) {
          total += str(concat(line)).length + num(tonumber(first(concat(line, '', 1, 9))));
          line = new LuaTable();
        }
      }
    }
    return [['checksum', total].map(show).join('\t')];
  },

  hash_strings(size) {
    const n = size ?? 300000;
    const t = new LuaTable();
    for (let i = 1; i <= n; i++) t.setStr('key' + numberToString(i), i);
    let hits = 0, sum = 0;
    for (let round = 1; round <= 3; round++) {
      for (let i = 1; i <= n * 2; i += 3) {
        const v = t.getStr('key' + numberToString(i));
        if (v !== undefined) {
          hits++;
          sum = (sum + (v as number) * round) % 1000000007;
        }
      }
    }
    for (let i = 1; i <= n; i += 2) t.setStr('key' + numberToString(i), undefined);
    let left = 0;
    for (let k = t.nextKey(undefined); k !== undefined; k = t.nextKey(k)) left += found.value as number;
    return [['checksum', hits, sum, left].map(show).join('\t')];
  },

  // Its time is the shared table: one LuaTable (and its array part) per constructor the Lua
  // program runs, as compiled code builds them, and item reads from the array part.
  binary_trees(size) {
    let maxdepth = size ?? 15;
    const make = (depth: number): LuaTable => {
      if (depth === 0) return new LuaTable([]);
      depth--;
      return new LuaTable([make(depth), make(depth)]);
    };
    const check = (tree: LuaTable): number => {
      const items = tree.arr;
      const left = items[0];
      return left !== undefined ? 1 + check(left as LuaTable) + check(items[1] as LuaTable) : 1;
    };
    const mindepth = 4;
    if (maxdepth < mindepth + 2) maxdepth = mindepth + 2;
    const out: string[] = [];
    let total = check(make(maxdepth + 1));
    out.push(['stretch', maxdepth + 1, total].map(show).join('\t'));
    const longlived = make(maxdepth);
    for (let depth = mindepth; depth <= maxdepth; depth += 2) {
      const iters = Math.floor(2 ** (maxdepth - depth + mindepth));
      let sum = 0;
      for (let k = 0; k < iters; k++) sum += check(make(depth));
      out.push([iters, depth, sum].map(show).join('\t'));
      total += sum;
    }
    total += check(longlived);
    out.push(['checksum', total].map(show).join('\t'));
    return out;
  },

  table_array(size) {
    const n = size ?? 3000000;
    let sum = 0;
    for (let round = 1; round <= 4; round++) {
      const t = new LuaTable();
      for (let i = 1; i <= n; i++) t.arr.push((i * round) % 1000);
      const u = new LuaTable();
      const ta = t.arr;
      for (let i = 1; i <= n; i += 2) insert(u, (ta[i - 1] as number) + (ta[i] as number));
      for (let i = 1, m = t.length(); i <= m; i++) sum += ta[i - 1] as number;
      const ua = u.arr;
      for (let i = u.length(); i >= 1; i--) sum += (ua[i - 1] as number) * 2;
      sum = modBy(sum, 1000000007);
    }
    return [['checksum', sum].map(show).join('\t')];
  },
};

/** A value as Lua's print writes it. */
function show(v: LuaValue): string {
  return typeof v === 'number' ? numberToString(v) : String(v);
}

function main(): void {
  const argv = process.argv.slice(2);
  // --warm: the work once untimed first, so that the timed run is V8's optimized code alone
  const warm = argv[0] === '--warm';
  const [name, size] = warm ? argv.slice(1) : argv;
  if (name === '--list') {
    process.stdout.write(Object.keys(PROGRAMS).join('\n') + '\n');
    return;
  }
  const program = name === undefined ? undefined : PROGRAMS[name];
  if (program === undefined) {
    process.stderr.write(`usage: node dist/bench/library-floor.js NAME [size]; NAME: ${Object.keys(PROGRAMS).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const n = size === undefined ? undefined : Number(size);
  if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
    process.stderr.write(`library-floor: size must be a whole number, got ${JSON.stringify(size)}\n`);
    process.exitCode = 2;
    return;
  }
  if (warm) program(n);
  const t0 = process.cpuUsage();
  const lines = program(n);
  const t = process.cpuUsage(t0);
  process.stdout.write(lines.join('\n') + '\n');
  const file = process.env.ROVERC_MAIN_CPU;
  if (file) writeFileSync(file, String((t.user + t.system) / 1e6));
}

main();
