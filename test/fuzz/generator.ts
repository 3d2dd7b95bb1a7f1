// Seeded generator of random, valid, deterministic, terminating Lua programs for the differential fuzzer.
//
// Programs are built from typed expressions (so nothing errors outside a pcall) and from
// feature snippets (closures, varargs, metatables, string library, pcall/error). They print
// every intermediate value, never print tables or functions, never traverse hash keys
// unsorted, take `#` of proper sequences only, and bound every loop and every string.

/** sfc32 seeded through splitmix32: `new Rng(n)` always yields the same stream. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const mix = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.int(0, xs.length - 1)] as T;
  }

  /** Picks among [weight, value] pairs; pairs with weight 0 never win. */
  weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
    let total = 0;
    for (const [w] of items) total += w;
    let r = this.float() * total;
    for (const [w, v] of items) {
      if (w <= 0) continue;
      if (r < w) return v;
      r -= w;
    }
    for (let i = items.length - 1; i >= 0; i--) if (items[i]![0] > 0) return items[i]![1];
    throw new Error('weighted pick with no positive weight');
  }
}

// ---------------------------------------------------------------------------------------
// Expressions: text plus Lua precedence, so operators print with only the parentheses
// that Lua needs (plus some extra ones at random).

interface E {
  t: string;
  /** precedence: 1 or, 2 and, 3 comparison, 4 .., 5 + -, 6 * / %, 7 unary, 8 ^, 100 atom */
  p: number;
  /** upper bound of the length of a string value */
  len?: number;
}

const PREC: Record<string, number> = {
  or: 1, and: 2,
  '<': 3, '>': 3, '<=': 3, '>=': 3, '~=': 3, '==': 3,
  '..': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6, '^': 8,
};
const UNARY = 7;
const ATOM = 100;

const atom = (t: string, len?: number): E => (len === undefined ? { t, p: ATOM } : { t, p: ATOM, len });
const paren = (e: E): E => ({ ...e, t: `(${e.t})`, p: ATOM });

type Scalar = 'int' | 'num' | 'str' | 'bool' | 'any';
type Ty = Scalar | 'seqi' | 'seqs' | 'rec' | 'obj' | 'fn';

interface Field {
  name: string;
  ty: 'int' | 'num' | 'str' | 'bool';
}

interface Sig {
  params: Scalar[];
  ret: 'int' | 'num' | 'str' | 'bool';
}

interface ClassInfo {
  name: string;
  fx: string;
  fy: string;
  /** metamethods present in the class table (derived classes do not inherit operators) */
  mm: Set<string>;
  /** __index is a function that answers unknown keys with a string */
  indexFn: boolean;
  /** a method returning a number: name */
  numMethod: string;
  /** a method returning a new object of the class: name */
  objMethod: string;
  /** a method mutating the object and returning self: name */
  mutMethod: string;
  base?: ClassInfo;
}

interface Var {
  name: string;
  ty: Ty;
  mut: boolean;
  len?: number;
  fields?: Field[];
  sig?: Sig;
  cls?: ClassInfo;
}

const WORDS = ['hello', 'world', 'lua', 'jit', 'Rover', 'abc', 'x', 'key', 'val', 'foo bar', 'A-B_c', 'alpha', 'Beta', 'z9', 'one two three'];
const NUMERIC_STRINGS = ['"10"', '" 0x10 "', '"1e1"', '"-3.5"', '"  7\\t"', '"5."', '".5"', '"0x1p4"', '"+5"', '"1.5e+2"', '"0"', '"-0"', "'12'", '"100"'];
const TONUMBER_STRINGS = [...NUMERIC_STRINGS, '"inf"', '"nan"', '"0x"', '"1e"', '""', '" "', '"1 2"', '"- 5"', '"abc"', '"0b101"', '"1_000"', '"\\n5\\n"'];
const FIELD_NAMES = ['name', 'count', 'size', 'label', 'ratio', 'flag', 'id', 'score', 'tag', 'level', 'weight', 'code'];
const VAR_PREFIXES = ['a', 'b', 'c', 'n', 'x', 'y', 'v', 's', 'acc', 'cnt', 'tmp', 'val', 'total', 'idx', 'word', 'item'];
const CLASS_NAMES = ['Point', 'Vec', 'Money', 'Box', 'Pair', 'Node', 'Counter', 'Cell'];

/** Pieces of Lua patterns that are valid anywhere. */
const PAT_CLASSES = ['%a', '%d', '%s', '%w', '%l', '%u', '%p', '%x', '.', '[aeiou]', '[^%s]', '[a-f]', '[%d%.]', '[_%-]', 'a', 'l', 'o', 'e', '=', ',', '%.', '%-', ' ', '1', '[%w_]'];
const PAT_QUANT = ['', '', '', '*', '+', '-', '?'];

/** Subjects with structure for patterns to find. */
const SUBJECTS = [
  'key=val, x=10; y = 3.5',
  'hello world from lua',
  'The Quick brown fox 42 jumps',
  '(a (b c) d) [e] {f}',
  'alpha,beta,,gamma, delta',
  '  padded text\t ',
  'one1two22three333',
  'path/to/file.lua',
  'a.b.c-d_e',
  'MiXeD CaSe 0xff',
  '',
  'x',
  'caf\\195\\169 \\226\\130\\172',
  'line1\\nline2\\nline3',
];

export interface GeneratedProgram {
  seed: number;
  /** The program proper: runs without an uncaught error. */
  body: string;
  /** Optional final statement that ends the program with an uncaught error. */
  tail?: string;
}

/** The text of a standalone program for `seed`. */
export function programText(p: GeneratedProgram): string {
  return `-- roverc fuzz program, seed ${p.seed}\n${p.body}${p.tail !== undefined ? p.tail : ''}`;
}

export function generateProgram(seed: number): GeneratedProgram {
  return new ProgramGen(seed).generate();
}

interface Ctx {
  /** inside a function body (no loops: keeps call chains linear) */
  fnBody: boolean;
  /** inside a vararg function: `...` is available */
  vararg: boolean;
  loopDepth: number;
  blockDepth: number;
}

class ProgramGen {
  private readonly rng: Rng;
  private lines: string[] = [];
  private indent = 0;
  private scopes: Var[][] = [[]];
  private counter = 0;
  private readonly seed: number;
  private classCount = 0;
  private topLocals = 0;

  constructor(seed: number) {
    this.seed = seed;
    this.rng = new Rng(seed * 2654435761 + 12345);
  }

  generate(): GeneratedProgram {
    const target = this.rng.int(30, 130);
    const ctx: Ctx = { fnBody: false, vararg: false, loopDepth: 0, blockDepth: 0 };
    // A few values to work with from the start.
    const starters = this.rng.int(2, 4);
    for (let i = 0; i < starters; i++) this.stmtLocal(ctx);
    while (this.lines.length < target && this.topLocals < 140) this.stmtTop(ctx);
    const body = this.lines.join('\n') + '\n';
    let tail: string | undefined;
    if (this.rng.chance(0.2)) {
      this.lines = [];
      this.indent = 0;
      this.tailError();
      tail = this.lines.join('\n') + '\n';
    }
    return tail === undefined ? { seed: this.seed, body } : { seed: this.seed, body, tail };
  }

  // ---------------------------------------------------------------- output and scopes

  private emit(line: string): void {
    if (this.indent === 0 && line.startsWith('local ')) {
      // luajit allows 200 locals per function: count the program's top-level ones.
      const names = line.startsWith('local function') ? 'f' : line.slice(6).split('=')[0]!;
      this.topLocals += names.split(',').length;
    }
    this.lines.push('  '.repeat(this.indent) + line);
  }

  private block(fn: () => void): void {
    this.indent++;
    this.scopes.push([]);
    fn();
    this.scopes.pop();
    this.indent--;
  }

  private fresh(prefix?: string): string {
    this.counter++;
    return `${prefix ?? this.rng.pick(VAR_PREFIXES)}${this.counter}`;
  }

  private declare(v: Var): Var {
    this.scopes[this.scopes.length - 1]!.push(v);
    return v;
  }

  /** The variables a name lookup would see (innermost binding of each name). */
  private visible(): Var[] {
    const seen = new Set<string>();
    const out: Var[] = [];
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i]!;
      for (let j = scope.length - 1; j >= 0; j--) {
        const v = scope[j]!;
        if (seen.has(v.name)) continue;
        seen.add(v.name);
        out.push(v);
      }
    }
    return out;
  }

  private vars(pred: (v: Var) => boolean): Var[] {
    return this.visible().filter(pred);
  }

  private varOf(tys: readonly Ty[], mutOnly = false): Var | undefined {
    const vs = this.vars((v) => tys.includes(v.ty) && (!mutOnly || v.mut));
    return vs.length === 0 ? undefined : this.rng.pick(vs);
  }

  private label(): string {
    return `"${this.rng.pick(['L', 'v', 'r', 'at', 'out'])}${this.lines.length + 1}"`;
  }

  // ---------------------------------------------------------------- operators

  private bin(op: string, l: E, r: E): E {
    const p = PREC[op]!;
    const rightAssoc = op === '..' || op === '^';
    const lp = l.p < p || (l.p === p && rightAssoc) ? paren(l) : this.maybeParen(l);
    const rp = r.p < p || (r.p === p && !rightAssoc) ? paren(r) : this.maybeParen(r);
    const e: E = { t: `${lp.t} ${op} ${rp.t}`, p };
    if (op === '..') e.len = (l.len ?? 24) + (r.len ?? 24);
    return e;
  }

  private maybeParen(e: E): E {
    return e.p < ATOM && this.rng.chance(0.12) ? paren(e) : e;
  }

  private un(op: string, e: E): E {
    const o = e.p < UNARY ? paren(e) : this.maybeParen(e);
    if (op === 'not') return { t: `not ${o.t}`, p: UNARY };
    return { t: op + (o.t.startsWith('-') ? ' ' : '') + o.t, p: UNARY };
  }

  /** The receiver of a method call: a name as it is, anything else in parentheses. */
  private recv(e: E): string {
    return /^[A-Za-z_][A-Za-z_0-9]*$/.test(e.t) ? e.t : `(${e.t})`;
  }

  private call(fn: string, args: E[], len?: number): E {
    return atom(`${fn}(${args.map((a) => a.t).join(', ')})`, len);
  }

  private ternary(cond: E, a: E, b: E): E {
    const e = this.bin('or', this.bin('and', cond, a), b);
    if (a.len !== undefined || b.len !== undefined) e.len = Math.max(a.len ?? 24, b.len ?? 24);
    return e;
  }

  // ---------------------------------------------------------------- literals

  private intValue(): number {
    return this.rng.weighted<number>([
      [10, this.rng.int(0, 12)],
      [3, this.rng.int(13, 100)],
      [1, this.rng.pick([255, 256, 1000, 1024, 65535, 65536])],
      [1, this.rng.pick([2147483647, 2147483648, 4294967296, 9007199254740992, 1e15, 123456789012])],
    ]);
  }

  private intText(v: number): string {
    if (v >= 10 && this.rng.chance(0.15)) return '0x' + (this.rng.chance(0.5) ? v.toString(16) : v.toString(16).toUpperCase());
    if (v >= 1000 && v % 1000 === 0 && this.rng.chance(0.3)) {
      let m = v;
      let e = 0;
      while (m % 10 === 0) {
        m /= 10;
        e++;
      }
      return `${m}e${e}`;
    }
    if (this.rng.chance(0.05)) return `${v}.0`;
    return String(v);
  }

  /** An integer literal, negative ones as unary minus (so `-2 ^ 2` keeps Lua's meaning). */
  private intLit(lo = -5, hi?: number): E {
    const v = hi === undefined ? (this.rng.chance(0.15) ? -this.intValue() : this.intValue()) : this.rng.int(lo, hi);
    if (v < 0) return this.un('-', atom(this.intText(-v)));
    return atom(this.intText(v));
  }

  private numLit(): E {
    if (this.rng.chance(0.4)) return this.intLit();
    const text = this.rng.pick([
      '0.5', '.5', '5e-1', '0.25', '0.1', '0.2', '0.3', '1.5', '2.5', '3.14159', '1e-3', '2.5e-3', '1e100', '1e300',
      '1e308', '1.7976931348623157e308', '1e-310', '5e-324', '123.456', '1E2', '1.5E+3', '0x1p4', '0x.8', '0xA.8p1', '7.25',
      '1e15', '1e16', '123456789.125', '0.1e1', '99.99', '1/3', '2/3', '1e-5', '33.3333', '0X1F', '.5e1', '0x.1p-2', '1e+2', '2^-1074',
    ]);
    const e = text.includes('/') ? { t: text, p: 6 } : text.includes('^') ? { t: text, p: 8 } : atom(text);
    return this.rng.chance(0.25) ? this.un('-', e) : e;
  }

  /** A string literal in one of Lua's spellings. */
  private strLit(): E {
    const kind = this.rng.weighted<string>([[8, 'dq'], [4, 'sq'], [2, 'long'], [1, 'numeric']]);
    if (kind === 'numeric') {
      const t = this.rng.pick(NUMERIC_STRINGS);
      return atom(t, t.length);
    }
    if (kind === 'long') {
      const level = this.rng.pick(['', '', '=', '==']);
      const parts: string[] = [];
      const n = this.rng.int(0, 3);
      for (let i = 0; i < n; i++) parts.push(this.rng.pick([...WORDS, ' ', '"q"', "it's", '\\n', '%d', level === '' ? 't[1]x' : ']]']));
      const lead = this.rng.chance(0.3) ? '\n' : '';
      const mid = this.rng.chance(0.15) ? '\n' : '';
      const t = `[${level}[${lead}${parts.join(mid || ' ')}]${level}]`;
      return atom(t, t.length);
    }
    const q = kind === 'dq' ? '"' : "'";
    const parts: string[] = [];
    const n = this.rng.int(0, 4);
    for (let i = 0; i < n; i++) {
      parts.push(
        this.rng.weighted<string>([
          [6, this.rng.pick(WORDS)],
          [2, this.rng.pick(['0', '42', '3.5', '-1', '007'])],
          [2, this.rng.pick([',', ';', '=', ':', '(', ')', '[', ']', '%', '.', ' ', '  ', '-', '+', '#', '?'])],
          [3, this.rng.pick(['\\n', '\\t', '\\\\', '\\"', "\\'", '\\065', '\\x41', '\\x7e', '\\u{48}', '\\u{e9}', '\\200',
            '\\255', '\\r', '\\0', '\\a', '\\z  ', '\\122', '\\x3d', '\\v', '\\b', '\\f', '\\1', '\\01x', '\\u{10FFFF}',
            '\\u{800}', '\\u{0}', '\\xFF', '\\z\n   '])],
          [1, kind === 'dq' ? "'" : '"'],
        ]),
      );
    }
    const t = q + parts.join('') + q;
    return atom(t, t.length);
  }

  // ---------------------------------------------------------------- typed expressions

  private genInt(d: number): E {
    const v = this.varOf(['int']);
    const seq = this.varOf(['seqi', 'seqs']);
    const seqi = this.varOf(['seqi']);
    const rec = this.recWith('int');
    const fn = this.fnReturning('int');
    const kind = this.rng.weighted<string>([
      [4, 'lit'],
      [v ? 6 : 0, 'var'],
      [d > 0 ? 3 : 0, 'addsub'],
      [d > 0 ? 2 : 0, 'mul'],
      [d > 0 ? 2 : 0, 'mod'],
      [d > 0 ? 2 : 0, 'len'],
      [seq ? 2 : 0, 'seqlen'],
      [d > 0 ? 1 : 0, 'minmax'],
      [d > 0 ? 1 : 0, 'floordiv'],
      [d > 0 ? 1 : 0, 'select'],
      [d > 0 ? 1 : 0, 'byte'],
      [d > 0 && fn ? 2 : 0, 'fn'],
      [rec ? 2 : 0, 'rec'],
      [d > 0 && seqi ? 2 : 0, 'elem'],
      [d > 0 ? 1 : 0, 'ternary'],
      [d > 0 ? 1 : 0, 'strlen'],
    ]);
    switch (kind) {
      case 'var': return atom(v!.name);
      case 'addsub': return this.bin(this.rng.pick(['+', '-']), this.genInt(d - 1), this.genInt(d - 1));
      case 'mul': return this.bin('*', this.genInt(d - 1), this.intLit(-4, 7));
      case 'mod': return this.bin('%', this.genInt(d - 1), this.intLit(1, 13));
      case 'len': return this.un('#', this.strAtom(d - 1));
      case 'seqlen': return this.un('#', atom(seq!.name));
      case 'minmax': return this.call(this.rng.pick(['math.max', 'math.min']), [this.genInt(d - 1), this.genInt(d - 1)]);
      case 'floordiv': return this.call('math.floor', [this.bin('/', this.genInt(d - 1), this.intLit(1, 9))]);
      case 'select': return this.call('select', [atom("'#'"), ...this.anyArgs(d - 1, 0, 4)]);
      case 'byte': return this.bin('or', atom(`${this.recv(this.genStr(d - 1))}:byte(${this.intLit(-3, 6).t})`), this.intLit(-1, -1));
      case 'fn': return this.callFn(fn!, d - 1);
      case 'rec': return atom(`${rec![0].name}.${rec![1].name}`);
      case 'elem': return paren(this.bin('or', atom(`${seqi!.name}[${this.genInt(d - 1).t}]`), this.intLit(0, 0)));
      case 'ternary': return this.ternary(this.genBool(d - 1), this.genInt(d - 1), this.genInt(d - 1));
      case 'strlen': return this.call('string.len', [this.genStr(d - 1)]);
      default: return this.intLit();
    }
  }

  private genNum(d: number): E {
    const v = this.varOf(['num', 'int']);
    const fn = this.fnReturning('num');
    const rec = this.recWith('num');
    const obj = this.varOf(['obj']);
    const kind = this.rng.weighted<string>([
      [4, 'lit'],
      [v ? 6 : 0, 'var'],
      [d > 0 ? 6 : 0, 'arith'],
      [d > 0 ? 1 : 0, 'neg'],
      [d > 0 ? 2 : 0, 'math'],
      [d > 0 ? 0.5 : 0, 'math2'],
      [1, 'const'],
      [d > 0 ? 1 : 0, 'tonumber'],
      [d > 0 ? 2 : 0, 'coerce'],
      [d > 0 && fn ? 2 : 0, 'fn'],
      [rec ? 2 : 0, 'rec'],
      [d > 0 && obj ? 2 : 0, 'obj'],
      [d > 0 ? 1 : 0, 'ternary'],
      [3, 'int'],
    ]);
    switch (kind) {
      case 'var': return atom(v!.name);
      case 'arith': return this.bin(this.rng.pick(['+', '-', '*', '/', '%', '^', '+', '-', '*', '/']), this.genNum(d - 1), this.genNum(d - 1));
      case 'neg': return this.un('-', this.genNum(d - 1));
      case 'math2': {
        // Multiple results (modf, frexp) and functions whose last bit may differ between libms.
        const f = this.rng.pick(['modf', 'frexp', 'ldexp', 'log', 'exp', 'log10', 'sin', 'cos', 'tan', 'atan2', 'asin', 'sinh']);
        if (f === 'ldexp') return this.call('math.ldexp', [this.genNum(d - 1), this.intLit(-60, 60)]);
        if (f === 'atan2') return this.call('math.atan2', [this.genNum(d - 1), this.genNum(d - 1)]);
        if (f === 'log' && this.rng.chance(0.4)) return this.call('math.log', [this.genNum(d - 1), this.intLit(2, 16)]);
        return this.call(`math.${f}`, [this.genNum(d - 1)]);
      }
      case 'math': {
        const f = this.rng.pick(['floor', 'ceil', 'abs', 'sqrt', 'max', 'min', 'fmod', 'floor', 'abs']);
        const args = f === 'max' || f === 'min' || f === 'fmod' ? [this.genNum(d - 1), this.genNum(d - 1)] : [this.genNum(d - 1)];
        if ((f === 'max' || f === 'min') && this.rng.chance(0.3)) args.push(this.genNum(d - 1));
        return this.call(`math.${f}`, args);
      }
      case 'const': return atom(this.rng.pick(['math.pi', 'math.huge', '(-math.huge)']));
      case 'tonumber': {
        const base = this.rng.chance(0.3);
        if (base) {
          if (this.rng.chance(0.5)) {
            const [s, b] = this.tonumberBaseCase();
            return paren(this.bin('or', this.call('tonumber', [atom(s), atom(String(b))]), this.intLit(-1, -1)));
          }
          const [s, b] = this.rng.pick([['"ff"', 16], ['"777"', 8], ['"zz"', 36], ['"101"', 2], ['"12"', 2], ['"-7f"', 16], ['" 11 "', 3], ['"Z"', 36]] as const);
          return paren(this.bin('or', this.call('tonumber', [atom(s), atom(String(b))]), this.intLit(-1, -1)));
        }
        return paren(this.bin('or', this.call('tonumber', [atom(this.rng.pick(TONUMBER_STRINGS))]), this.intLit(0, 0)));
      }
      case 'coerce': {
        const s = atom(this.rng.pick(NUMERIC_STRINGS));
        const op = this.rng.pick(['+', '-', '*', '/', '%', '^']);
        return this.rng.chance(0.5) ? this.bin(op, s, this.genNum(d - 1)) : this.bin(op, this.genNum(d - 1), s);
      }
      case 'fn': return this.callFn(fn!, d - 1);
      case 'rec': return atom(`${rec![0].name}.${rec![1].name}`);
      case 'obj': return this.objNum(obj!, d - 1);
      case 'ternary': return this.ternary(this.genBool(d - 1), this.genNum(d - 1), this.genNum(d - 1));
      case 'int': return this.genInt(d);
      default: return this.numLit();
    }
  }

  /** A string expression that is an atom (for `#` and method calls). */
  private strAtom(d: number): E {
    const e = this.genStr(d);
    return e.p === ATOM ? e : paren(e);
  }

  private genStr(d: number): E {
    const v = this.varOf(['str']);
    const seq = this.varOf(['seqi', 'seqs']);
    const seqs = this.varOf(['seqs']);
    const fn = this.fnReturning('str');
    const rec = this.recWith('str');
    const obj = this.varOf(['obj']);
    const kind = this.rng.weighted<string>([
      [5, 'lit'],
      [v ? 6 : 0, 'var'],
      [d > 0 ? 5 : 0, 'concat'],
      [d > 0 ? 2 : 0, 'tostring'],
      [d > 0 ? 2 : 0, 'case'],
      [d > 0 ? 2 : 0, 'sub'],
      [d > 0 ? 1 : 0, 'rep'],
      [d > 0 ? 2 : 0, 'format'],
      [d > 0 && seq ? 1 : 0, 'tconcat'],
      [d > 0 ? 1 : 0, 'char'],
      [d > 0 ? 1 : 0, 'type'],
      [d > 0 ? 1 : 0, 'gsub'],
      [d > 0 ? 1 : 0, 'match'],
      [d > 0 && fn ? 2 : 0, 'fn'],
      [rec ? 2 : 0, 'rec'],
      [d > 0 && seqs ? 1 : 0, 'elem'],
      [d > 0 && obj ? 2 : 0, 'obj'],
      [d > 0 ? 1 : 0, 'ternary'],
    ]);
    let e: E;
    switch (kind) {
      case 'var': e = atom(v!.name, v!.len ?? 60); break;
      case 'concat': {
        const part = (): E => (this.rng.chance(0.7) ? this.genStr(d - 1) : this.rng.chance(0.5) ? this.genInt(d - 1) : this.genNum(d - 1));
        e = this.bin('..', part(), part());
        break;
      }
      case 'tostring': e = this.call('tostring', [this.genAny(d - 1)], 30); break;
      case 'case': {
        const s = this.strAtom(d - 1);
        e = atom(`${this.recv(s)}:${this.rng.pick(['upper', 'lower', 'reverse'])}()`, s.len);
        break;
      }
      case 'sub': {
        const s = this.strAtom(d - 1);
        const args = [this.intLit(-8, 10)];
        if (this.rng.chance(0.7)) args.push(this.rng.chance(0.8) ? this.intLit(-8, 12) : this.genInt(d - 1));
        e = atom(`${this.recv(s)}:sub(${args.map((a) => a.t).join(', ')})`, s.len);
        break;
      }
      case 'rep': {
        const s = this.strAtom(d - 1);
        const n = this.rng.int(-1, 3);
        if (this.rng.chance(0.4)) {
          const sep = this.strLit();
          e = this.call('string.rep', [s, this.intLit(n, n), sep], (s.len ?? 60) * Math.max(n, 0) + (sep.len ?? 10) * Math.max(n, 0));
        } else {
          e = atom(`${this.recv(s)}:rep(${this.intLit(n, n).t})`, (s.len ?? 60) * Math.max(n, 0));
        }
        break;
      }
      case 'format': e = this.formatExpr(d - 1); break;
      case 'tconcat': {
        const args: E[] = [atom(seq!.name)];
        if (this.rng.chance(0.7)) args.push(this.strLit());
        e = this.call('table.concat', args, 300);
        break;
      }
      case 'char': {
        const n = this.rng.int(0, 4);
        const args: E[] = [];
        for (let i = 0; i < n; i++) args.push(this.rng.chance(0.7) ? this.intLit(32, 126) : this.bin('%', this.genInt(d - 1), atom('256')));
        e = this.call('string.char', args, n);
        break;
      }
      case 'type': e = this.call('type', [this.genAny(d - 1)], 8); break;
      case 'gsub': {
        const s = this.strAtom(d - 1);
        const [pat, caps] = this.pattern();
        const repl = this.gsubRepl(caps);
        const replLen = repl.len ?? 20;
        const lim = this.rng.chance(0.2) ? `, ${this.rng.int(0, 3)}` : '';
        e = atom(`(${this.recv(s)}:gsub(${pat}, ${repl.t}${lim}))`, (s.len ?? 60) * (replLen + 1) + replLen);
        break;
      }
      case 'match': {
        const s = this.strAtom(d - 1);
        const [pat] = this.pattern(1);
        e = paren(this.bin('or', atom(`${this.recv(s)}:match(${pat})`), this.strLit()));
        e.len = s.len ?? 60;
        break;
      }
      case 'fn': e = this.callFn(fn!, d - 1); e.len = 200; break;
      case 'rec': e = atom(`${rec![0].name}.${rec![1].name}`, 200); break;
      case 'elem': e = paren(this.bin('or', atom(`${seqs!.name}[${this.genInt(d - 1).t}]`), atom('"?"'))); e.len = 200; break;
      case 'obj': e = this.objStr(obj!, d - 1); break;
      case 'ternary': e = this.ternary(this.genBool(d - 1), this.genStr(d - 1), this.genStr(d - 1)); break;
      default: e = this.strLit();
    }
    if ((e.len ?? 0) > 150) {
      e = atom(`${this.recv(e)}:sub(1, ${this.rng.int(5, 60)})`, 60);
    }
    return e;
  }

  private genBool(d: number): E {
    const v = this.varOf(['bool']);
    const objs = this.vars((x) => x.ty === 'obj');
    const kind = this.rng.weighted<string>([
      [3, 'lit'],
      [v ? 5 : 0, 'var'],
      [d > 0 ? 5 : 0, 'cmpnum'],
      [d > 0 ? 3 : 0, 'cmpstr'],
      [d > 0 ? 2 : 0, 'eqany'],
      [d > 0 ? 2 : 0, 'not'],
      [d > 0 ? 2 : 0, 'andor'],
      [d > 0 ? 1 : 0, 'isnil'],
      [d > 0 ? 1 : 0, 'rawequal'],
      [d > 0 ? 1 : 0, 'type'],
      [d > 0 ? 1 : 0, 'find'],
      [d > 0 && objs.length > 0 ? 2 : 0, 'obj'],
    ]);
    switch (kind) {
      case 'var': return atom(v!.name);
      case 'cmpnum': return this.bin(this.rng.pick(['<', '<=', '>', '>=', '==', '~=']), this.genNum(d - 1), this.genNum(d - 1));
      case 'cmpstr': return this.bin(this.rng.pick(['<', '<=', '>', '>=', '==', '~=']), this.genStr(d - 1), this.genStr(d - 1));
      case 'eqany': return this.bin(this.rng.pick(['==', '~=']), this.genAny(d - 1), this.genAny(d - 1));
      case 'not': return this.un('not', this.genAny(d - 1));
      case 'andor': return this.bin(this.rng.pick(['and', 'or']), this.genBool(d - 1), this.genBool(d - 1));
      case 'isnil': return this.bin(this.rng.pick(['==', '~=']), this.genAny(d - 1), atom('nil'));
      case 'rawequal': return this.call('rawequal', [this.genAny(d - 1), this.genAny(d - 1)]);
      case 'type': return this.bin('==', this.call('type', [this.genAny(d - 1)]), atom(`"${this.rng.pick(['number', 'string', 'boolean', 'nil'])}"`));
      case 'find': {
        const s = this.strAtom(d - 1);
        return this.bin('~=', atom(`${this.recv(s)}:find(${this.strLit().t}, 1, true)`), atom('nil'));
      }
      case 'obj': return this.objBool(this.rng.pick(objs), objs, d - 1);
      default: return atom(this.rng.chance(0.5) ? 'true' : 'false');
    }
  }

  /** Any printable value: number, string, boolean or nil. */
  private genAny(d: number): E {
    const v = this.varOf(['any']);
    const kind = this.rng.weighted<string>([
      [3, 'int'], [3, 'num'], [3, 'str'], [2, 'bool'], [1, 'nil'],
      [v ? 3 : 0, 'var'],
      [d > 0 ? 2 : 0, 'andor'],
    ]);
    switch (kind) {
      case 'int': return this.genInt(d);
      case 'num': return this.genNum(d);
      case 'str': return this.genStr(d);
      case 'bool': return this.genBool(d);
      case 'var': return atom(v!.name, 200);
      case 'andor': {
        const e = this.bin(this.rng.pick(['and', 'or']), this.genAny(d - 1), this.genAny(d - 1));
        e.len = 200;
        return e;
      }
      default: return atom('nil');
    }
  }

  private genScalar(ty: Scalar, d: number): E {
    switch (ty) {
      case 'int': return this.genInt(d);
      case 'num': return this.genNum(d);
      case 'str': return this.genStr(d);
      case 'bool': return this.genBool(d);
      default: return this.genAny(d);
    }
  }

  private anyArgs(d: number, lo: number, hi: number): E[] {
    const n = this.rng.int(lo, hi);
    const out: E[] = [];
    for (let i = 0; i < n; i++) out.push(this.genAny(d));
    return out;
  }

  private depth(): number {
    return this.rng.int(1, 3);
  }

  // ---------------------------------------------------------------- helpers for typed values

  private recWith(ty: Field['ty']): [Var, Field] | undefined {
    const recs = this.vars((v) => v.ty === 'rec' && (v.fields ?? []).some((f) => f.ty === ty));
    if (recs.length === 0) return undefined;
    const r = this.rng.pick(recs);
    return [r, this.rng.pick(r.fields!.filter((f) => f.ty === ty))];
  }

  private fnReturning(ty: Sig['ret']): Var | undefined {
    const fns = this.vars((v) => v.ty === 'fn' && v.sig!.ret === ty);
    return fns.length === 0 ? undefined : this.rng.pick(fns);
  }

  private callFn(f: Var, d: number): E {
    return this.call(f.name, f.sig!.params.map((p) => this.genScalar(p, Math.max(0, d))));
  }

  private formatExpr(d: number): E {
    const specs: [string, () => E][] = [
      ['%d', () => (this.rng.chance(0.85) ? this.genInt(d) : this.genNum(d))],
      ['%5.2f', () => this.genNum(d)],
      ['%.3f', () => this.genNum(d)],
      ['%s', () => this.genAny(d)],
      ['%q', () => this.genStr(d)],
      ['%x', () => this.genInt(d)],
      ['%X', () => this.genInt(d)],
      ['%5d', () => this.genInt(d)],
      ['%-5d|', () => this.genInt(d)],
      ['%05d', () => this.genInt(d)],
      ['%g', () => this.genNum(d)],
      ['%.3g', () => this.genNum(d)],
      ['%e', () => this.genNum(d)],
      ['%.2e', () => this.genNum(d)],
      ['%8.3s', () => this.genStr(d)],
      ['%-6s|', () => this.genStr(d)],
      ['%c', () => this.intLit(65, 122)],
      ['%o', () => this.intLit(0, 500)],
      ['%i', () => this.genInt(d)],
      ['%+d', () => this.genInt(d)],
      ['% d', () => this.genInt(d)],
      ['%#x', () => this.intLit(0, 5000)],
      ['%10.4f', () => this.genNum(d)],
      ['%a', () => this.genNum(d)],
      ['%.3a', () => this.genNum(d)],
      ['%G', () => this.genNum(d)],
      ['%.0f', () => this.genNum(d)],
      ['%.20g', () => this.genNum(d)],
      ['%-8.3f|', () => this.genNum(d)],
      ['%+.1e', () => this.genNum(d)],
      ['%.10s', () => this.genStr(d)],
      ['%%', () => atom('')],
    ];
    const n = this.rng.int(1, 3);
    let fmt = '';
    const args: E[] = [];
    for (let i = 0; i < n; i++) {
      const [spec, gen] = this.rng.pick(specs);
      fmt += (i > 0 ? this.rng.pick([' ', ',', '|', ' = ', '']) : '') + spec;
      if (spec !== '%%') args.push(gen());
    }
    return this.call('string.format', [atom(`"${fmt}"`), ...args], 400);
  }

  /** A valid Lua pattern as a string literal, and how many captures it has. */
  private pattern(maxCaps = 2, positions = false): [string, number] {
    const items: string[] = [];
    if (positions && this.rng.chance(0.3)) items.push('()');
    const n = this.rng.int(1, 3);
    for (let i = 0; i < n; i++) items.push(this.rng.pick(PAT_CLASSES) + this.rng.pick(PAT_QUANT));
    let caps = 0;
    if (maxCaps > 0 && this.rng.chance(0.5)) {
      const i = this.rng.int(0, items.length - 1);
      items[i] = `(${items[i]})`;
      caps++;
    }
    if (maxCaps > 1 && this.rng.chance(0.2)) {
      items.push(this.rng.chance(0.5) ? '(%d+)' : '(%a*)');
      caps++;
    }
    let p = items.join('');
    if (this.rng.chance(0.1)) p = '%b()' + (this.rng.chance(0.5) ? '' : '%s*');
    if (this.rng.chance(0.08)) p = '%f[%w]%w+';
    if (this.rng.chance(0.15)) p = '^' + p;
    if (this.rng.chance(0.1)) p = p + '$';
    return [`"${p}"`, p.startsWith('%b') || p.startsWith('%f') ? 0 : caps];
  }

  private gsubRepl(caps: number): E {
    const kind = this.rng.weighted<string>([[5, 'str'], [2, 'fn'], [1, 'table']]);
    if (kind === 'fn') {
      const body = this.rng.pick([
        'return nil',
        'return false',
        'return "<" .. m .. ">"',
        'return #m',
        'if #m > 2 then return m:upper() end',
        'return m:rep(2)',
      ]);
      return atom(`function(m) ${body} end`, 40);
    }
    if (kind === 'table') return atom('{ a = "A", e = 3, l = false, hello = "HI", key = "K" }', 10);
    const s = this.rng.pick(['"%0%0"', '"[%0]"', '"<%1>"', '"-"', '""', '"%%"', '"x"', '"%1%1"']);
    const t = caps === 0 && s.includes('%1') && this.rng.chance(0.5) ? '"{%0}"' : s;
    return atom(t, 8);
  }

  // ---------------------------------------------------------------- objects

  private objNum(o: Var, d: number): E {
    const c = o.cls!;
    const opts: [number, () => E][] = [
      [3, () => atom(`${o.name}.${this.rng.pick([c.fx, c.fy])}`)],
      [3, () => atom(`${o.name}:${c.numMethod}()`)],
      [c.mm.has('__call') ? 2 : 0, () => atom(`${o.name}(${this.genNum(d).t})`)],
    ];
    return this.rng.weighted(opts.map(([w, f]) => [w, f] as const))();
  }

  private objStr(o: Var, d: number): E {
    const c = o.cls!;
    const opts: [number, () => E][] = [
      [c.mm.has('__tostring') ? 3 : 0, () => this.call('tostring', [atom(o.name)], 80)],
      [c.mm.has('__concat') ? 2 : 0, () => {
        const other = this.genStr(d);
        const e = this.rng.chance(0.5) ? this.bin('..', atom(o.name), other) : this.bin('..', other, atom(o.name));
        e.len = 200;
        return e;
      }],
      [c.indexFn ? 2 : 0, () => atom(`${o.name}.${this.rng.pick(['missing', 'nothing', 'ghost'])}`, 30)],
      [1, () => this.call('type', [atom(o.name)], 8)],
      [1, () => this.call('string.format', [atom('"%.3f"'), atom(`${o.name}.${c.fx}`)], 320)],
    ];
    return this.rng.weighted(opts.map(([w, f]) => [w, f] as const))();
  }

  private objBool(o: Var, objs: Var[], d: number): E {
    const c = o.cls!;
    const same = objs.filter((x) => x.cls === c);
    const other = this.rng.pick(same);
    const opts: [number, () => E][] = [
      [3, () => this.bin(this.rng.pick(['==', '~=']), atom(o.name), atom(this.rng.pick(objs).name))],
      [c.mm.has('__lt') ? 3 : 0, () => this.bin(this.rng.pick(['<', '>']), atom(o.name), atom(other.name))],
      [c.mm.has('__le') || c.mm.has('__lt') ? 2 : 0, () => this.bin(this.rng.pick(['<=', '>=']), atom(o.name), atom(other.name))],
      [1, () => this.bin('==', this.call('getmetatable', [atom(o.name)]), atom(c.name))],
      [1, () => this.bin('>', this.objNum(o, d), this.genNum(d))],
    ];
    return this.rng.weighted(opts.map(([w, f]) => [w, f] as const))();
  }

  /** An expression creating an object of class c. */
  private genObj(c: ClassInfo, d: number): E {
    // A derived class inherits constructors of base objects (its operators and methods
    // return base instances), so only its own constructor makes one.
    const same = c.base ? [] : this.vars((v) => v.ty === 'obj' && v.cls === c);
    const opts: [number, () => E][] = [
      [4, () => this.call(`${c.name}.new`, [this.genNum(d), this.genNum(d)])],
      [same.length > 0 && c.mm.has('__add') ? 2 : 0, () => this.bin('+', atom(this.rng.pick(same).name), atom(this.rng.pick(same).name))],
      [same.length > 0 && c.mm.has('__unm') ? 1 : 0, () => this.un('-', atom(this.rng.pick(same).name))],
      [same.length > 0 ? 2 : 0, () => atom(`${this.rng.pick(same).name}:${c.objMethod}(${this.genNum(d).t})`)],
    ];
    return this.rng.weighted(opts.map(([w, f]) => [w, f] as const))();
  }

  // ---------------------------------------------------------------- statements

  private stmtTop(ctx: Ctx): void {
    if (this.rng.chance(0.06)) this.comment();
    const kinds: [number, (c: Ctx) => void][] = [
      [6, (c) => this.stmtLocal(c)],
      [4, (c) => this.stmtAssign(c)],
      [2, (c) => this.stmtMulti(c)],
      [4, (c) => this.stmtPrint(c)],
      [3, (c) => this.stmtIf(c)],
      [3, (c) => this.stmtFor(c)],
      [2, (c) => this.stmtWhile(c)],
      [2, (c) => this.stmtRepeat(c)],
      [2, (c) => this.stmtDoShadow(c)],
      [3, (c) => this.stmtSeqOps(c)],
      [2, (c) => this.stmtRecord(c)],
      [3, (c) => this.stmtFunction(c)],
      [2, (c) => this.snipClosures(c)],
      [2, (c) => this.snipVarargs(c)],
      [2, (c) => this.snipMultiReturn(c)],
      [3, (c) => this.snipObjects(c)],
      [3, (c) => this.snipStrings(c)],
      [4, (c) => this.snipErrors(c)],
      [1, (c) => this.snipMetaExtras(c)],
      [1, (c) => this.snipRecursion(c)],
      [1, (c) => this.snipSortRecords(c)],
      [1, (c) => this.snipGotoContinue(c)],
      [1, (c) => this.snipPrecedence(c)],
      [2, (c) => this.snipCoroutines(c)],
      [1, (c) => this.snipTableKeys(c)],
      [1, (c) => this.snipLoad(c)],
      [1, (c) => this.snipSyntax(c)],
      [2, (c) => this.snipIterators(c)],
      [1, (c) => this.snipPastEnd(c)],
      [1, (c) => this.snipGotoClosures(c)],
    ];
    this.rng.weighted(kinds)(ctx);
  }

  /** A statement inside a nested block (smaller, bounded). */
  private stmtNested(ctx: Ctx): void {
    const deep = ctx.blockDepth >= 3;
    const loops = !ctx.fnBody && !deep && ctx.loopDepth < 2;
    const kinds: [number, (c: Ctx) => void][] = [
      [5, (c) => this.stmtLocal(c)],
      [5, (c) => this.stmtAssign(c)],
      [1, (c) => this.stmtMulti(c)],
      [ctx.fnBody ? 1 : 4, (c) => this.stmtPrint(c)],
      [deep ? 0 : 2, (c) => this.stmtIf(c)],
      [loops ? 1 : 0, (c) => this.stmtFor(c)],
      [loops ? 1 : 0, (c) => this.stmtWhile(c)],
      [ctx.fnBody ? 0 : 1, (c) => this.stmtSeqOps(c)],
      [ctx.loopDepth > 0 ? 1 : 0, (c) => this.stmtBreak(c)],
      [ctx.fnBody || deep ? 0 : 1, (c) => this.snipErrors(c)],
    ];
    this.rng.weighted(kinds)(ctx);
  }

  private body(ctx: Ctx, lo: number, hi: number): void {
    const n = this.rng.int(lo, hi);
    const inner = { ...ctx, blockDepth: ctx.blockDepth + 1 };
    for (let i = 0; i < n; i++) this.stmtNested(inner);
  }

  private printVars(names: string[]): void {
    if (names.length === 0) return;
    this.emit(`print(${this.label()}, ${names.join(', ')})${this.rng.chance(0.08) ? ';' : ''}`);
  }

  private comment(): void {
    this.emit(this.rng.pick([
      '-- a comment',
      '--[[ a block comment ]]',
      '--[==[ a block comment\nover two lines ]] still ]==]',
      '--[[ x ]] print("after a block comment")',
      '---[[ not a block comment',
      '--',
      '--[=',
      `--[[${this.rng.pick(WORDS)}]]`,
    ]));
  }

  private stmtLocal(ctx: Ctx): void {
    const d = this.depth();
    const ty = this.rng.weighted<Ty>([
      [4, 'int'], [4, 'num'], [4, 'str'], [2, 'bool'], [1, 'any'],
      [ctx.fnBody ? 0 : 1, 'seqi'], [ctx.fnBody ? 0 : 1, 'seqs'], [ctx.fnBody ? 0 : 1, 'rec'],
    ]);
    if (ty === 'seqi' || ty === 'seqs') {
      const name = this.fresh(ty === 'seqi' ? 'nums' : 'strs');
      const n = this.rng.int(0, 6);
      const items: string[] = [];
      for (let i = 0; i < n; i++) items.push(ty === 'seqi' ? this.genInt(d - 1).t : this.genStr(d - 1).t);
      this.emit(`local ${name} = {${items.join(', ')}}`);
      this.declare({ name, ty, mut: false });
      this.emit(`print(${this.label()}, #${name}, table.concat(${name}, ","))`);
      return;
    }
    if (ty === 'rec') {
      this.declRecord();
      return;
    }
    const name = this.fresh();
    const e = this.genScalar(ty as Scalar, d);
    const multi = this.rng.chance(0.15);
    if (multi) {
      const name2 = this.fresh();
      const ty2 = this.rng.pick<Scalar>(['int', 'num', 'str', 'bool']);
      const e2 = this.genScalar(ty2, d);
      const extra = this.rng.chance(0.4) ? this.fresh('extra') : undefined;
      this.emit(`local ${name}, ${name2}${extra ? ', ' + extra : ''} = ${e.t}, ${e2.t}`);
      this.declare({ name, ty, mut: true, len: e.len });
      this.declare({ name: name2, ty: ty2, mut: true, len: e2.len });
      if (extra) this.declare({ name: extra, ty: 'any', mut: true, len: 0 });
      this.printVars([name, name2, ...(extra ? [extra] : [])]);
      return;
    }
    this.emit(`local ${name} = ${e.t}`);
    this.declare({ name, ty, mut: true, len: e.len });
    if (!ctx.fnBody || this.rng.chance(0.2)) this.printVars([name]);
  }

  private declRecord(): Var {
    const name = this.fresh(this.rng.pick(['rec', 'cfg', 'info', 'entry']));
    const nf = this.rng.int(1, 4);
    const names = [...FIELD_NAMES].sort(() => 0);
    const fields: Field[] = [];
    const parts: string[] = [];
    for (let i = 0; i < nf; i++) {
      const fname = names.splice(this.rng.int(0, names.length - 1), 1)[0]!;
      const ty = this.rng.pick<Field['ty']>(['int', 'num', 'str', 'bool']);
      fields.push({ name: fname, ty });
      const value = this.genScalar(ty, this.rng.int(0, 2)).t;
      parts.push(this.rng.chance(0.2) ? `["${fname}"] = ${value}` : `${fname} = ${value}`);
    }
    const nested = this.rng.chance(0.3);
    if (nested) parts.push(`inner = { depth = ${this.intLit(0, 9).t}, list = { ${this.intLit(0, 9).t}, ${this.intLit(0, 9).t} } }`);
    this.emit(`local ${name} = { ${parts.join(this.rng.pick([', ', '; ']))} }`);
    const v = this.declare({ name, ty: 'rec', mut: false, fields });
    for (const f of fields) this.emit(`print(${this.label()}, "${f.name}", ${name}.${f.name})`);
    if (nested) this.emit(`print(${this.label()}, ${name}.inner.depth, #${name}.inner.list, ${name}.inner.list[2])`);
    return v;
  }

  private stmtAssign(ctx: Ctx): void {
    const v = this.varOf(['int', 'num', 'str', 'bool', 'any'], true);
    if (!v) return this.stmtLocal(ctx);
    let e = this.genScalar(v.ty as Scalar, this.depth());
    if (v.ty === 'int') e = this.bin('%', e, this.intLit(2, 997));
    if (v.ty === 'str' && (e.len ?? 60) > 40) e = atom(`${this.recv(e)}:sub(1, ${this.rng.int(3, 40)})`, 40);
    else e = this.boundInLoop(e, v, ctx);
    const op = this.rng.chance(0.3) && (v.ty === 'str' || v.ty === 'num') ? 'self' : 'plain';
    if (op === 'self' && v.ty === 'num') {
      this.emit(`${v.name} = ${this.bin(this.rng.pick(['+', '-', '*', '/']), atom(v.name), this.genNum(1)).t}`);
    } else if (op === 'self' && v.ty === 'str') {
      const grown = this.bin('..', atom(v.name), this.genStr(0));
      this.emit(`${v.name} = ${this.recv(grown)}:sub(${this.rng.pick(['1', '-30', '2'])}, 40)`);
      v.len = 40;
    } else {
      this.emit(`${v.name} = ${e.t}`);
      if (v.ty === 'str' || v.ty === 'any') v.len = Math.max(v.len ?? 0, e.len ?? 200);
    }
    if (!ctx.fnBody) this.printVars([v.name]);
  }

  private stmtMulti(ctx: Ctx): void {
    const all = this.vars((v) => v.mut && ['int', 'num', 'str', 'bool', 'any'].includes(v.ty));
    const byTy = new Map<Ty, Var[]>();
    for (const v of all) byTy.set(v.ty, [...(byTy.get(v.ty) ?? []), v]);
    const pairs = [...byTy.values()].filter((vs) => vs.length >= 2);
    if (pairs.length > 0 && this.rng.chance(0.5)) {
      const vs = this.rng.pick(pairs);
      const a = vs[0]!;
      const b = vs[1]!;
      const c = vs[2];
      if (c && this.rng.chance(0.5)) {
        this.emit(`${a.name}, ${b.name}, ${c.name} = ${b.name}, ${c.name}, ${a.name}`);
        this.printVars([a.name, b.name, c.name]);
      } else {
        this.emit(`${a.name}, ${b.name} = ${b.name}, ${a.name}`);
        this.printVars([a.name, b.name]);
      }
      if (a.ty === 'str' || a.ty === 'any') a.len = b.len = Math.max(a.len ?? 200, b.len ?? 200);
      return;
    }
    if (all.length < 2) return this.stmtLocal(ctx);
    const a = this.rng.pick(all);
    const b = this.rng.pick(all.filter((x) => x !== a));
    const ea = this.assignValue(a, ctx);
    const eb = this.assignValue(b, ctx);
    this.emit(`${a.name}, ${b.name} = ${ea.t}, ${eb.t}`);
    this.printVars([a.name, b.name]);
  }

  /**
   * A string assigned in a loop from two reads of variables assigned there (`s = s .. s`), or
   * one through rep or gsub, can double on every pass, past what luajit can allocate (seed
   * 20839): cut it to 40 characters. e.len is kept so that later draws stay as they were.
   */
  private boundInLoop(e: E, v: Var, ctx: Ctx): E {
    if (ctx.loopDepth === 0 || v.ty !== 'str') return e;
    let reads = 0;
    for (const x of this.vars((x) => x.mut && (x.ty === 'str' || x.ty === 'any'))) {
      reads += e.t.match(new RegExp(`\\b${x.name}\\b`, 'g'))?.length ?? 0;
    }
    const grows = reads >= 2 || (reads === 1 && /\b(rep|gsub)\(/.test(e.t));
    return grows ? atom(`${this.recv(e)}:sub(1, 40)`, e.len) : e;
  }

  private assignValue(v: Var, ctx: Ctx): E {
    let e = this.genScalar(v.ty as Scalar, this.depth());
    if (v.ty === 'int') e = this.bin('%', e, this.intLit(2, 997));
    if ((v.ty === 'str' || v.ty === 'any') && (e.len ?? 200) > 40) {
      if (v.ty === 'str') e = atom(`${this.recv(e)}:sub(1, 40)`, 40);
      else e = atom('nil');
    } else {
      e = this.boundInLoop(e, v, ctx);
    }
    if (v.ty === 'str' || v.ty === 'any') v.len = Math.max(v.len ?? 0, e.len ?? 40);
    return e;
  }

  private stmtPrint(ctx: Ctx): void {
    const d = this.depth();
    if (this.rng.chance(0.2)) {
      const n = this.rng.int(1, 3);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push((this.rng.chance(0.6) ? this.genStr(d) : this.genNum(d)).t);
      this.emit(`io.write(${parts.join(', ')}, "\\n")`);
      return;
    }
    const n = this.rng.int(1, 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.genAny(d).t);
    this.emit(`print(${ctx.fnBody ? '' : this.label() + ', '}${parts.join(', ')})`);
  }

  private cond(): E {
    return this.rng.chance(0.8) ? this.genBool(this.depth()) : this.genAny(this.depth());
  }

  private stmtIf(ctx: Ctx): void {
    this.emit(`if ${this.cond().t} then`);
    this.block(() => this.body(ctx, 1, 3));
    const elifs = this.rng.int(0, 2);
    for (let i = 0; i < elifs; i++) {
      this.emit(`elseif ${this.cond().t} then`);
      this.block(() => this.body(ctx, 1, 2));
    }
    if (this.rng.chance(0.6)) {
      this.emit('else');
      this.block(() => this.body(ctx, 1, 2));
    }
    this.emit('end');
  }

  private stmtBreak(ctx: Ctx): void {
    if (ctx.loopDepth === 0) return;
    this.emit(`if ${this.cond().t} then break end`);
  }

  private loopCtx(ctx: Ctx): Ctx {
    return { ...ctx, loopDepth: ctx.loopDepth + 1 };
  }

  private stmtFor(ctx: Ctx): void {
    const name = this.fresh(this.rng.pick(['i', 'j', 'k', 'step']));
    const kind = this.rng.weighted<string>([[5, 'int'], [2, 'frac'], [1, 'bound']]);
    let header: string;
    let ty: Ty = 'int';
    if (kind === 'int') {
      const step = this.rng.pick([1, 1, 1, 2, 3, -1, -2]);
      const start = this.rng.int(-3, 5);
      const count = this.rng.int(0, 5);
      const stop = start + step * (count - 1) + (this.rng.chance(0.3) ? Math.sign(step) : 0);
      const lit = (v: number): string => (v < 0 ? `-${-v}` : String(v));
      header = `for ${name} = ${lit(start)}, ${lit(stop)}${step !== 1 || this.rng.chance(0.2) ? ', ' + lit(step) : ''} do`;
    } else if (kind === 'frac') {
      ty = 'num';
      header = `for ${name} = ${this.rng.pick(['0, 1, 0.25', '1, 0, -0.25', '0, 1, 0.1', '0.5, 2.5', '-1, 1, 0.5', '1, 2, 0.3', '3, 1.5, -0.5', '0, 0.3, 0.1', '10, 9, -0.2'])} do`;
    } else {
      const n = this.genInt(1);
      header = `for ${name} = 1, math.min(${n.t}, ${this.rng.int(1, 5)}) do`;
    }
    this.emit(header);
    const inner = this.loopCtx(ctx);
    this.block(() => {
      this.declare({ name, ty, mut: false });
      this.emit(`print(${this.label()}, ${name})`);
      this.body(inner, 1, 3);
    });
    this.emit('end');
  }

  private stmtWhile(ctx: Ctx): void {
    const k = this.fresh('w');
    const n = this.rng.int(0, 5);
    const inner = this.loopCtx(ctx);
    this.emit(`local ${k} = 0`);
    this.declare({ name: k, ty: 'int', mut: false });
    if (this.rng.chance(0.3)) {
      this.emit('while true do');
      this.block(() => {
        this.emit(`${k} = ${k} + 1`);
        this.emit(`if ${k} > ${n} then break end`);
        this.body(inner, 1, 3);
      });
    } else {
      let cond = this.bin('<', atom(k), atom(String(n)));
      if (this.rng.chance(0.3)) cond = this.bin('and', cond, this.genBool(1));
      this.emit(`while ${cond.t} do`);
      this.block(() => {
        this.emit(`${k} = ${k} + 1`);
        this.body(inner, 1, 3);
      });
    }
    this.emit('end');
    this.emit(`print(${this.label()}, "${k}", ${k})`);
  }

  private stmtRepeat(ctx: Ctx): void {
    const k = this.fresh('r');
    const n = this.rng.int(1, 5);
    const inner = this.loopCtx(ctx);
    this.emit(`local ${k} = 0`);
    this.declare({ name: k, ty: 'int', mut: false });
    this.emit('repeat');
    const local = this.fresh('q');
    this.block(() => {
      this.emit(`${k} = ${k} + 1`);
      this.emit(`local ${local} = ${k} * ${this.rng.int(1, 3)}`);
      this.declare({ name: local, ty: 'int', mut: false });
      this.body(inner, 1, 3);
    });
    let cond = this.bin('>=', atom(local), atom(String(n * 2)));
    if (this.rng.chance(0.3)) cond = this.bin('or', cond, this.genBool(1));
    this.emit(`until ${cond.t}`);
    this.emit(`print(${this.label()}, "${k}", ${k})`);
  }

  private stmtDoShadow(ctx: Ctx): void {
    const v = this.varOf(['int', 'num', 'str', 'bool']);
    if (!v) return this.stmtLocal(ctx);
    this.emit('do');
    this.block(() => {
      let e: E;
      if (v.ty === 'int') e = this.bin('+', atom(v.name), this.intLit(1, 9));
      else if (v.ty === 'num') e = this.bin(this.rng.pick(['*', '-', '/']), atom(v.name), this.numLit());
      else if (v.ty === 'str') e = atom(`${v.name}:upper():sub(1, 20)`, 20);
      else e = this.un('not', atom(v.name));
      this.emit(`local ${v.name} = ${e.t}`);
      this.declare({ name: v.name, ty: v.ty, mut: true, len: v.len });
      this.emit(`print(${this.label()}, "inner", ${v.name})`);
      this.body({ ...ctx, blockDepth: ctx.blockDepth }, 0, 2);
    });
    this.emit('end');
    this.emit(`print(${this.label()}, "outer", ${v.name})`);
    if (this.rng.chance(0.4)) {
      const f = this.fresh('shadowfn');
      this.emit(`local function ${f}(${v.name}) return ${v.name} end`);
      this.emit(`print(${this.label()}, ${f}(${this.genScalar(v.ty as Scalar, 1).t}), ${v.name})`);
    }
  }

  private stmtSeqOps(ctx: Ctx): void {
    let t = this.varOf(['seqi', 'seqs']);
    if (!t || this.rng.chance(0.25)) {
      const ty = this.rng.pick<Ty>(['seqi', 'seqs']);
      const name = this.fresh(ty === 'seqi' ? 'nums' : 'strs');
      const n = this.rng.int(0, 5);
      const items: string[] = [];
      for (let i = 0; i < n; i++) items.push(ty === 'seqi' ? this.genInt(1).t : this.genStr(1).t);
      this.emit(`local ${name} = {${items.join(', ')}}`);
      t = this.declare({ name, ty, mut: false });
    }
    const elem = (): E => (t!.ty === 'seqi' ? this.genInt(1) : this.genStr(1));
    const ops = this.rng.int(1, 4);
    for (let i = 0; i < ops; i++) {
      const op = this.rng.weighted<string>([[3, 'append'], [2, 'insertAt'], [2, 'remove'], [1, 'removeAt'], [2, 'sort'], [1, 'sortDesc'],
        [1, 'setNext'], [1, 'unpack'], [1, 'ipairs'], [1, 'concatRange'], [1, 'pairsConstructor'], [1, 'unpackRange']]);
      switch (op) {
        case 'append': this.emit(`table.insert(${t.name}, ${elem().t})`); break;
        case 'insertAt': this.emit(`table.insert(${t.name}, math.min(${this.intLit(1, 3).t}, #${t.name} + 1), ${elem().t})`); break;
        case 'remove': this.emit(`print(${this.label()}, "removed", table.remove(${t.name}))`); break;
        case 'removeAt': this.emit(`if #${t.name} > 0 then print(${this.label()}, "removed", table.remove(${t.name}, 1)) end`); break;
        case 'sort': this.emit(`table.sort(${t.name})`); break;
        case 'sortDesc': this.emit(`table.sort(${t.name}, function(p, q) return p > q end)`); break;
        case 'setNext': this.emit(`${t.name}[#${t.name} + 1] = ${elem().t}`); break;
        case 'unpack': this.emit(`print(${this.label()}, unpack(${t.name}))`); break;
        case 'ipairs': {
          const i2 = this.fresh('i');
          const v2 = this.fresh('v');
          this.emit(`for ${i2}, ${v2} in ipairs(${t.name}) do print(${this.label()}, ${i2}, ${v2}) end`);
          break;
        }
        case 'pairsConstructor': {
          // A constructor's positional items are in the array part: pairs visits them in order,
          // then the single hash key.
          const items = [elem().t, elem().t, elem().t].slice(0, this.rng.int(1, 3));
          if (this.rng.chance(0.5)) items.push(`tag = ${this.genStr(0).t}`);
          this.emit(`for k, v in pairs({ ${items.join(', ')} }) do print(${this.label()}, k, v) end`);
          break;
        }
        case 'unpackRange': this.emit(`print(${this.label()}, unpack(${t.name}, ${this.intLit(-1, 3).t}, ${this.intLit(0, 5).t}))`); break;
        case 'concatRange': this.emit(`print(${this.label()}, table.concat(${t.name}, "${this.rng.pick([',', '', ' | '])}", 1, math.min(2, #${t.name})))`); break;
      }
    }
    this.emit(`print(${this.label()}, #${t.name}, table.concat(${t.name}, "${this.rng.pick([',', ' ', '|'])}"))`);
    void ctx;
  }

  private stmtRecord(ctx: Ctx): void {
    let r = this.vars((v) => v.ty === 'rec');
    const rec = r.length === 0 || this.rng.chance(0.3) ? this.declRecord() : this.rng.pick(r);
    const f = this.rng.pick(rec.fields!);
    let e = this.genScalar(f.ty, 1);
    if (f.ty === 'int') e = this.bin('%', e, this.intLit(2, 97));
    if (f.ty === 'str' && (e.len ?? 60) > 40) e = atom(`${this.recv(e)}:sub(1, 30)`, 30);
    this.emit(`${rec.name}.${f.name} = ${e.t}`);
    // Traverse the keys in sorted order: pairs order over hash keys is not specified.
    const keys = this.fresh('keys');
    const k = this.fresh('k');
    this.emit(`local ${keys} = {}`);
    this.emit(`for ${k} in pairs(${rec.name}) do ${keys}[#${keys} + 1] = ${k} end`);
    this.emit(`table.sort(${keys})`);
    const val = this.fresh('fv');
    this.emit(`for _, ${k} in ipairs(${keys}) do`);
    this.block(() => {
      this.emit(`local ${val} = ${rec.name}[${k}]`);
      this.emit(`if type(${val}) == "table" then ${val} = "<table>" end`);
      this.emit(`print(${this.label()}, ${k}, ${val})`);
    });
    this.emit('end');
    r = [];
    void ctx;
  }

  private stmtFunction(ctx: Ctx): void {
    const name = this.fresh(this.rng.pick(['f', 'calc', 'helper', 'mk', 'fn']));
    const np = this.rng.int(0, 3);
    const params: Scalar[] = [];
    const pnames: string[] = [];
    for (let i = 0; i < np; i++) {
      params.push(this.rng.pick<Scalar>(['int', 'num', 'str', 'bool']));
      pnames.push(this.fresh('p'));
    }
    const ret = this.rng.pick<Sig['ret']>(['int', 'num', 'str', 'bool']);
    const style = this.rng.weighted<string>([[4, 'local'], [1, 'anon']]);
    this.emit(style === 'local' ? `local function ${name}(${pnames.join(', ')})` : `local ${name} = function(${pnames.join(', ')})`);
    const inner: Ctx = { fnBody: true, vararg: false, loopDepth: 0, blockDepth: ctx.blockDepth + 1 };
    this.block(() => {
      pnames.forEach((p, i) => this.declare({ name: p, ty: params[i]!, mut: true, len: 60 }));
      const n = this.rng.int(0, 3);
      for (let i = 0; i < n; i++) this.stmtNested(inner);
      if (this.rng.chance(0.3)) this.emit(`if ${this.genBool(1).t} then return ${this.retValue(ret).t} end`);
      this.emit(`return ${this.retValue(ret).t}`);
    });
    this.emit('end');
    const v = this.declare({ name, ty: 'fn', mut: false, sig: { params, ret } });
    const calls = this.rng.int(1, 3);
    for (let i = 0; i < calls; i++) this.emit(`print(${this.label()}, ${this.callFn(v, 1).t})`);
  }

  private retValue(ret: Sig['ret']): E {
    let e = this.genScalar(ret, this.depth());
    if (ret === 'int') e = this.bin('%', e, this.intLit(2, 997));
    if (ret === 'str' && (e.len ?? 60) > 60) e = atom(`${this.recv(e)}:sub(1, 60)`, 60);
    return e;
  }

  // ---------------------------------------------------------------- snippets

  private snipClosures(ctx: Ctx): void {
    const kind = this.rng.pick(['loop', 'shared', 'whileFresh', 'late', 'nested', 'repeat', 'ipairs']);
    const fs = this.fresh('fns');
    switch (kind) {
      case 'loop': {
        const i = this.fresh('i');
        const k = this.genInt(1);
        this.emit(`local ${fs} = {}`);
        this.emit(`for ${i} = ${this.rng.int(-2, 2)}, ${this.rng.int(2, 5)} do`);
        this.emit(`  ${fs}[#${fs} + 1] = function(d) return ${i} * ${this.recvNum(k)} + (d or 0) end`);
        this.emit('end');
        const j = this.fresh('j');
        this.emit(`for ${j} = 1, #${fs} do print(${this.label()}, ${j}, ${fs}[${j}](), ${fs}[${j}](${j})) end`);
        break;
      }
      case 'shared': {
        const mk = this.fresh('counter');
        const [inc, get, reset] = [this.fresh('inc'), this.fresh('get'), this.fresh('reset')];
        const start = this.genNum(1);
        this.emit(`local function ${mk}(start)`);
        this.emit('  local n = start');
        this.emit('  local function inc(d) n = n + (d or 1) return n end');
        this.emit('  local function get() return n end');
        this.emit('  local function reset() local old = n; n = start; return old end');
        this.emit('  return inc, get, reset');
        this.emit('end');
        this.emit(`local ${inc}, ${get}, ${reset} = ${mk}(${start.t})`);
        const [inc2, get2] = [this.fresh('inc'), this.fresh('get')];
        this.emit(`local ${inc2}, ${get2} = ${mk}(${this.intLit(0, 9).t})`);
        this.emit(`print(${this.label()}, ${inc}(), ${inc}(${this.intLit(-3, 5).t}), ${get}(), ${get2}())`);
        this.emit(`print(${this.label()}, ${inc2}(${this.genNum(1).t}), ${reset}(), ${get}(), ${get2}())`);
        break;
      }
      case 'whileFresh': {
        const j = this.fresh('j');
        this.emit(`local ${fs} = {}`);
        this.emit(`local ${j} = 0`);
        this.emit(`while ${j} < ${this.rng.int(1, 4)} do`);
        this.emit(`  ${j} = ${j} + 1`);
        this.emit(`  local c = ${j} * ${this.rng.int(2, 10)}`);
        this.emit(`  ${fs}[${j}] = function() c = c + 1 return c end`);
        this.emit('end');
        this.emit(`for idx = 1, #${fs} do print(${this.label()}, idx, ${fs}[idx](), ${fs}[idx]()) end`);
        break;
      }
      case 'late': {
        const v = this.fresh('up');
        const f = this.fresh('reader');
        const g = this.fresh('writer');
        this.emit(`local ${v} = ${this.genStr(1).t}`);
        this.emit(`local function ${f}() return ${v} end`);
        this.emit(`local function ${g}(x) ${v} = x end`);
        this.emit(`print(${this.label()}, ${f}())`);
        this.emit(`${v} = ${this.genStr(1).t}`);
        this.emit(`print(${this.label()}, ${f}())`);
        this.emit(`${g}(${this.genInt(1).t})`);
        this.emit(`print(${this.label()}, ${f}(), ${v})`);
        break;
      }
      case 'nested': {
        const f = this.fresh('outer');
        this.emit(`local function ${f}(a)`);
        this.emit('  return function(b)');
        this.emit('    return function(c)');
        this.emit(`      a = a + 1`);
        this.emit(`      return a ${this.rng.pick(['+', '*', '-'])} b ${this.rng.pick(['+', '*', '-', '..'])} c`);
        this.emit('    end');
        this.emit('  end');
        this.emit('end');
        const h = this.fresh('h');
        this.emit(`local ${h} = ${f}(${this.intLit(0, 5).t})(${this.intLit(0, 5).t})`);
        this.emit(`print(${this.label()}, ${h}(1), ${h}(2), ${f}(10)(20)(30))`);
        break;
      }
      case 'ipairs': {
        const t = this.fresh('words');
        this.emit(`local ${t}, ${fs} = { ${[1, 2, 3].map(() => this.genStr(0).t).join(', ')} }, {}`);
        this.emit(`for i, w in ipairs(${t}) do ${fs}[i] = function(suffix) return i .. ":" .. w .. (suffix or "") end end`);
        this.emit(`print(${this.label()}, ${fs}[1](), ${fs}[2]("!"), ${fs}[3](${this.genInt(0).t}))`);
        break;
      }
      default: {
        const k = this.fresh('n');
        this.emit(`local ${fs}, ${k} = {}, 0`);
        this.emit('repeat');
        this.emit(`  ${k} = ${k} + 1`);
        this.emit(`  local sq = ${k} * ${k}`);
        this.emit(`  ${fs}[${k}] = function() return sq, ${k} end`);
        this.emit(`until sq > ${this.rng.int(1, 20)}`);
        this.emit(`for idx = 1, #${fs} do print(${this.label()}, ${fs}[idx]()) end`);
      }
    }
    void ctx;
  }

  private recvNum(e: E): string {
    return e.p >= 6 ? e.t : `(${e.t})`;
  }

  private snipVarargs(ctx: Ctx): void {
    const f = this.fresh('va');
    this.emit(`local function ${f}(...)`);
    this.block(() => {
      this.emit(`local n = select('#', ...)`);
      this.emit('local packed = {...}');
      this.emit('local parts = {}');
      this.emit('for i = 1, n do parts[#parts + 1] = tostring(packed[i]) end');
      this.emit(`print("${f}", n, table.concat(parts, ","))`);
      const ret = this.rng.pick([
        'return n, ...',
        'return ...',
        'return select(2, ...)',
        'return (...)',
        'return unpack(packed, 1, n)',
        'if n == 0 then return end return select(n, ...)',
        'local first, second = ...; return second, first',
      ]);
      this.emit(ret);
    });
    this.emit('end');
    const args = (): string => this.anyArgs(1, 0, 4).map((e) => e.t).join(', ');
    const calls = this.rng.int(2, 4);
    for (let i = 0; i < calls; i++) {
      const form = this.rng.pick([
        `print(${this.label()}, ${f}(${args()}))`,
        `print(${this.label()}, (${f}(${args()})))`,
        `print(${this.label()}, select('#', ${f}(${args()})))`,
        `print(${this.label()}, ${f}(${args()}), "tail")`,
        `print(${this.label()}, select(${this.rng.int(1, 3)}, ${f}(1, nil, 3)))`,
        `print(${this.label()}, select(-1, "first", ${f}(${args()})))`,
        `print(${this.label()}, ${f}(${f}(${args()})))`,
        `print(${this.label()}, ${f}(nil, nil))`,
      ]);
      this.emit(form);
    }
    if (this.rng.chance(0.5)) {
      const t = this.fresh('packed');
      this.emit(`local ${t} = {${f}(${this.intLit(0, 9).t}, ${this.intLit(0, 9).t}), ${f}(${this.intLit(0, 9).t}, ${this.intLit(0, 9).t})}`);
      this.emit(`print(${this.label()}, select('#', unpack(${t})))`);
    }
    void ctx;
  }

  private snipMultiReturn(ctx: Ctx): void {
    const f = this.fresh('multi');
    const n = this.rng.int(0, 4);
    const vals: string[] = [];
    for (let i = 0; i < n; i++) vals.push(this.genScalar(this.rng.pick<Scalar>(['int', 'num', 'str', 'bool']), 1).t);
    this.emit(`local function ${f}() return ${vals.join(', ')} end`);
    const [a, b, c] = [this.fresh('m'), this.fresh('m'), this.fresh('m')];
    this.emit(`local ${a}, ${b}, ${c} = ${f}()`);
    this.emit(`print(${this.label()}, ${a}, ${b}, ${c})`);
    this.emit(`print(${this.label()}, ${f}())`);
    this.emit(`print(${this.label()}, (${f}()))`);
    this.emit(`print(${this.label()}, ${f}(), ${f}())`);
    this.emit(`print(${this.label()}, select('#', ${f}()), select('#', (${f}())))`);
    const t = this.fresh('mt');
    this.emit(`local ${t} = {${f}(), ${f}()}`);
    this.emit(`print(${this.label()}, #${t})`);
    this.emit(`local ${a}2, ${b}2 = ${this.genInt(1).t}, ${f}()`);
    this.emit(`print(${this.label()}, ${a}2, ${b}2)`);
    this.declare({ name: a, ty: 'any', mut: true, len: 60 });
    void ctx;
  }

  private defineClass(): ClassInfo {
    const base = this.vars((v) => v.ty === 'obj').map((v) => v.cls!).find((c) => !c.base);
    const derive = base !== undefined && this.rng.chance(0.35);
    const name = `${this.rng.pick(CLASS_NAMES)}${++this.classCount}`;
    const fx = derive ? base!.fx : this.rng.pick(['x', 'px', 'amount', 'w', 'lo']);
    const fy = derive ? base!.fy : this.rng.pick(['y', 'py', 'cents', 'h', 'hi']);
    const mm = new Set<string>();
    const indexFn = !derive && this.rng.chance(0.25);
    const numMethod = derive ? base!.numMethod : this.rng.pick(['sum', 'area', 'total', 'norm1']);
    const objMethod = derive ? base!.objMethod : this.rng.pick(['scaled', 'times', 'grow']);
    const mutMethod = derive ? base!.mutMethod : this.rng.pick(['bump', 'shift', 'add']);
    const fmtField = (f: string): string => this.rng.pick([`v.${f}`, `string.format("%.2f", v.${f})`, `tostring(v.${f})`]);
    if (derive) {
      this.emit(`local ${name} = setmetatable({}, { __index = ${base!.name} })`);
      this.emit(`${name}.__index = ${name}`);
      this.emit(`function ${name}.new(a, b)`);
      this.emit(`  local o = ${base!.name}.new(a, b)`);
      this.emit(`  o.extra = ${this.intLit(0, 9).t}`);
      this.emit(`  return setmetatable(o, ${name})`);
      this.emit('end');
      this.emit(`function ${name}:${numMethod}() return ${base!.name}.${numMethod}(self) + self.extra end`);
      for (const m of base!.mm) {
        if (m === '__tostring' || this.rng.chance(0.5)) continue;
        this.emit(`${name}.${m} = ${base!.name}.${m}`);
        mm.add(m);
      }
      mm.add('__tostring');
      this.emit(`${name}.__tostring = function(v) return "${name}<" .. ${fmtField(fx)} .. "," .. ${fmtField(fy)} .. "," .. v.extra .. ">" end`);
    } else {
      this.emit(`local ${name} = {}`);
      if (indexFn) {
        this.emit(`${name}.__index = function(t, k)`);
        this.emit(`  local m = rawget(${name}, k)`);
        this.emit('  if m ~= nil then return m end');
        this.emit(`  return "missing:" .. tostring(k)`);
        this.emit('end');
      } else {
        this.emit(`${name}.__index = ${name}`);
      }
      this.emit(`function ${name}.new(a, b)`);
      this.emit(this.rng.chance(0.5) ? `  return setmetatable({ ${fx} = a, ${fy} = b }, ${name})` : `  local o = setmetatable({}, ${name}); o.${fx} = a; o.${fy} = b; return o`);
      this.emit('end');
      this.emit(`function ${name}:${numMethod}() return self.${fx} ${this.rng.pick(['+', '*', '-'])} self.${fy} end`);
      this.emit(`function ${name}:${objMethod}(k) return ${name}.new(self.${fx} * k, self.${fy} * k) end`);
      this.emit(`function ${name}:${mutMethod}(d) self.${fx} = self.${fx} + d; return self end`);
      const chosen = ['__add', '__eq', '__lt', '__le', '__tostring', '__concat', '__call', '__unm', '__len'].filter(() => this.rng.chance(0.6));
      for (const m of chosen) {
        mm.add(m);
        switch (m) {
          case '__add': this.emit(`${name}.__add = function(a, b) return ${name}.new(a.${fx} + b.${fx}, a.${fy} + b.${fy}) end`); break;
          case '__eq': this.emit(`${name}.__eq = function(a, b) return a.${fx} == b.${fx} and a.${fy} == b.${fy} end`); break;
          case '__lt': this.emit(`${name}.__lt = function(a, b) if a.${fx} ~= b.${fx} then return a.${fx} < b.${fx} end return a.${fy} < b.${fy} end`); break;
          case '__le': this.emit(`${name}.__le = function(a, b) return a.${fx} <= b.${fx} end`); break;
          case '__tostring': this.emit(`${name}.__tostring = function(v) return "${name}(" .. ${fmtField(fx)} .. ", " .. ${fmtField(fy)} .. ")" end`); break;
          case '__concat': {
            this.emit(`${name}.__concat = function(a, b)`);
            this.emit(`  local function s(v) if type(v) == "table" then return "<${name} " .. v.${fx} .. ">" end return tostring(v) end`);
            this.emit('  return s(a) .. "&" .. s(b)');
            this.emit('end');
            break;
          }
          case '__call': this.emit(`${name}.__call = function(self, k) return self.${fx} * (k or 1) - self.${fy} end`); break;
          case '__unm': this.emit(`${name}.__unm = function(a) return ${name}.new(-a.${fx}, -a.${fy}) end`); break;
          case '__len': this.emit(`${name}.__len = function() return 99 end`); break;
        }
      }
    }
    const c: ClassInfo = { name, fx, fy, mm, indexFn, numMethod, objMethod, mutMethod };
    if (derive) c.base = base!;
    return c;
  }

  private snipObjects(ctx: Ctx): void {
    const existing = this.vars((v) => v.ty === 'obj').map((v) => v.cls!);
    const cls = existing.length > 0 && this.rng.chance(0.6) ? this.rng.pick(existing) : this.defineClass();
    const n = this.rng.int(1, 3);
    const made: Var[] = [];
    for (let i = 0; i < n; i++) {
      const name = this.fresh(cls.name.toLowerCase().replace(/[0-9]+$/, ''));
      const e = made.length === 0 && !this.vars((v) => v.cls === cls).length ? this.call(`${cls.name}.new`, [this.genNum(1), this.genNum(1)]) : this.genObj(cls, 1);
      this.emit(`local ${name} = ${e.t}`);
      made.push(this.declare({ name, ty: 'obj', mut: false, cls }));
      this.emit(`print(${this.label()}, ${name}.${cls.fx}, ${name}.${cls.fy}, ${name}:${cls.numMethod}())`);
    }
    const objs = this.vars((v) => v.ty === 'obj');
    const o = this.rng.pick(made);
    const uses = this.rng.int(2, 5);
    for (let i = 0; i < uses; i++) {
      const kind = this.rng.weighted<string>([[3, 'num'], [3, 'str'], [3, 'bool'], [cls.mm.has('__tostring') ? 2 : 0, 'print'], [1, 'mut'], [1, 'len'], [1, 'rawget']]);
      switch (kind) {
        case 'num': this.emit(`print(${this.label()}, ${this.objNum(o, 1).t})`); break;
        case 'str': this.emit(`print(${this.label()}, ${this.objStr(o, 1).t})`); break;
        case 'bool': this.emit(`print(${this.label()}, ${this.objBool(o, objs, 1).t})`); break;
        case 'print': this.emit(`print(${this.label()}, ${o.name})`); break;
        case 'mut': this.emit(`print(${this.label()}, ${o.name}:${cls.mutMethod}(${this.genNum(1).t}).${cls.fx})`); break;
        case 'len': this.emit(`print(${this.label()}, #${o.name})`); break;
        case 'rawget': this.emit(`print(${this.label()}, rawget(${o.name}, "${cls.fx}"), rawget(${o.name}, "${cls.numMethod}"))`); break;
      }
    }
    void ctx;
  }

  private snipStrings(ctx: Ctx): void {
    const s = this.fresh('subj');
    const subject = this.rng.chance(0.6) ? atom(`"${this.rng.pick(SUBJECTS)}"`, 60) : this.genStr(2);
    this.emit(`local ${s} = ${subject.t}`);
    this.declare({ name: s, ty: 'str', mut: false, len: subject.len ?? 150 });
    const n = this.rng.int(2, 6);
    for (let i = 0; i < n; i++) {
      const kind = this.rng.weighted<string>([[2, 'sub'], [2, 'byte'], [1, 'char'], [1, 'rep'], [1, 'case'], [3, 'format'],
        [3, 'find'], [3, 'match'], [3, 'gsub'], [2, 'gmatch'], [1, 'len']]);
      const L = this.label();
      switch (kind) {
        case 'sub': this.emit(`print(${L}, ${s}:sub(${this.intLit(-30, 30).t}${this.rng.chance(0.7) ? ', ' + this.intLit(-30, 40).t : ''}))`); break;
        case 'byte': this.emit(`print(${L}, ${s}:byte(${this.intLit(-8, 8).t}${this.rng.chance(0.5) ? ', ' + this.intLit(-8, 12).t : ''}))`); break;
        case 'char': this.emit(`print(${L}, string.char(${s}:byte(1, ${this.rng.int(1, 5)})))`); break;
        case 'rep': this.emit(`print(${L}, ${s}:sub(1, 8):rep(${this.rng.int(0, 3)}${this.rng.chance(0.5) ? ', "' + this.rng.pick(['-', ', ', '']) + '"' : ''}))`); break;
        case 'case': this.emit(`print(${L}, ${s}:upper(), ${s}:lower(), ${s}:len(), #${s})`); break;
        case 'format': this.emit(`print(${L}, ${this.formatExpr(1).t})`); break;
        case 'find': {
          const plain = this.rng.chance(0.3);
          const [pat] = this.pattern(2, true);
          const needle = plain ? this.rng.pick(['"."', '"%"', '"a"', '" "', '"="', '"lua"', '"("']) : pat;
          this.emit(`print(${L}, ${s}:find(${needle}${plain ? `, ${this.intLit(-4, 4).t}, true` : this.rng.chance(0.3) ? `, ${this.intLit(-5, 6).t}` : ''}))`);
          break;
        }
        case 'match': {
          const [pat] = this.pattern(2, true);
          this.emit(`print(${L}, ${s}:match(${pat}${this.rng.chance(0.2) ? `, ${this.intLit(-4, 4).t}` : ''}))`);
          break;
        }
        case 'gsub': {
          const [pat, caps] = this.pattern();
          this.emit(`print(${L}, ${s}:gsub(${pat}, ${this.gsubRepl(caps).t}${this.rng.chance(0.2) ? `, ${this.rng.int(0, 2)}` : ''}))`);
          break;
        }
        case 'gmatch': {
          const [pat, caps] = this.pattern(2, true);
          const vars = caps >= 1 ? 'c1, c2, c3' : 'c1';
          const cnt = this.fresh('count');
          this.emit(`local ${cnt} = 0`);
          this.emit(`for ${vars} in ${s}:gmatch(${pat}) do`);
          this.emit(`  ${cnt} = ${cnt} + 1`);
          this.emit(`  if ${cnt} > 12 then break end`);
          this.emit(`  print(${L}, ${cnt}, ${vars})`);
          this.emit('end');
          break;
        }
        default: this.emit(`print(${L}, string.len(${s}), ${s}:reverse())`);
      }
    }
    void ctx;
  }

  /** Statements that raise errors inside pcall and print what pcall returns. */
  private snipErrors(ctx: Ctx): void {
    const ok = this.fresh('ok');
    const err = this.fresh('err');
    const L = this.label();
    const printString = (): void => this.emit(`print(${L}, ${ok}, ${err})`);
    const kind = this.rng.weighted<string>([
      [3, 'indexNil'], [2, 'callNil'], [3, 'arith'], [2, 'concat'], [2, 'compare'], [1, 'len'],
      [3, 'errorString'], [2, 'errorTable'], [1, 'errorOther'], [2, 'libArg'], [1, 'xpcall'], [1, 'nested'],
      [1, 'metaError'], [1, 'success'], [1, 'tostringBad'],
    ]);
    const nilName = this.fresh(this.rng.pick(['user', 'cfg', 'node', 'obj', 'data']));
    switch (kind) {
      case 'indexNil': {
        const form = this.rng.pick([
          `local ${nilName}; return ${nilName}.field`,
          `local ${nilName} = nil; return ${nilName}[${this.genInt(0).t}]`,
          `local ${nilName} = { inner = {} }; return ${nilName}.missing.deeper`,
          `local ${nilName} = {}; ${nilName}.a.b = 1`,
          `return undefined_global_${this.seed}.x`,
          `local ${nilName} = ${this.genNum(0).t}; return ${nilName}.x`,
          `local ${nilName} = ${this.genStr(0).t}; return ${nilName}.x.y`,
          `local ${nilName} = { list = {} }; return ${nilName}.list[1].name`,
          `local ${nilName} = true; ${nilName}.x = 1`,
        ]);
        if (this.rng.chance(0.3)) {
          this.emit(`local ${nilName}up`);
          this.emit(`local ${ok}, ${err} = pcall(function() return ${nilName}up.value end)`);
        } else {
          this.emit(`local ${ok}, ${err} = pcall(function() ${form} end)`);
        }
        printString();
        break;
      }
      case 'callNil': {
        const form = this.rng.pick([
          `local ${nilName}; ${nilName}()`,
          `local ${nilName} = {}; ${nilName}.method()`,
          `local ${nilName} = {}; ${nilName}:method()`,
          `undefined_fn_${this.seed}(1, 2)`,
          `local ${nilName} = ${this.genInt(0).t}; ${nilName}()`,
          `local ${nilName} = "str"; ${nilName}()`,
          `local ${nilName} = { list = {} }; ${nilName}.list[2]()`,
          `string.nosuch("x")`,
          `local ${nilName} = "abc"; ${nilName}:nosuch()`,
        ]);
        this.emit(`local ${ok}, ${err} = pcall(function() ${form} end)`);
        printString();
        break;
      }
      case 'arith': {
        const op = this.rng.pick(['+', '-', '*', '/', '%', '^']);
        const bad = this.rng.pick(['{}', '"abc"', 'true', 'nil', `{ ${this.genInt(0).t} }`, '"1e"', 'print']);
        const form = this.rng.pick([
          `local ${nilName} = ${bad}; return ${nilName} ${op} ${this.genNum(0).t}`,
          `local ${nilName} = ${bad}; return ${this.genNum(0).t} ${op} ${nilName}`,
          `local ${nilName} = { v = ${bad} }; return ${nilName}.v ${op} 1`,
          `local ${nilName} = ${bad}; return -${nilName}`,
          `return ${bad} ${op} 2`,
          `local ${nilName} = {}; return ${nilName}.count + 1`,
        ]);
        this.emit(`local ${ok}, ${err} = pcall(function() ${form} end)`);
        printString();
        break;
      }
      case 'concat': {
        const bad = this.rng.pick(['{}', 'true', 'nil', 'false', 'print']);
        const form = this.rng.pick([
          `local ${nilName} = ${bad}; return "x" .. ${nilName}`,
          `local ${nilName} = ${bad}; return ${nilName} .. ${this.genStr(0).t}`,
          `local ${nilName} = {}; return "a" .. ${nilName}.name .. "b"`,
          `return ${this.genStr(0).t} .. ${bad}`,
          `local a, b = "x", ${bad}; return a .. 1 .. b`,
        ]);
        this.emit(`local ${ok}, ${err} = pcall(function() ${form} end)`);
        printString();
        break;
      }
      case 'compare': {
        const pair = this.rng.pick([
          [this.genNum(0).t, this.genStr(0).t], [this.genStr(0).t, this.genNum(0).t], ['{}', '{}'], ['nil', '1'], ['true', 'false'],
          ['{}', '1'], ['"a"', '{}'], ['print', 'print'],
        ]);
        const op = this.rng.pick(['<', '<=', '>', '>=']);
        this.emit(`local ${ok}, ${err} = pcall(function() local l, r = ${pair[0]}, ${pair[1]}; return l ${op} r end)`);
        printString();
        break;
      }
      case 'len': {
        const bad = this.rng.pick(['nil', '5', 'true', 'print']);
        this.emit(`local ${ok}, ${err} = pcall(function() local ${nilName} = ${bad}; return #${nilName} end)`);
        printString();
        break;
      }
      case 'errorString': {
        const msg = this.genStr(1);
        const level = this.rng.pick(['', ', 0', ', 1', ', 2', ', 3']);
        const thrower = this.fresh('thrower');
        this.emit(`local function ${thrower}(m)`);
        this.emit(`  error(m${level})`);
        this.emit('end');
        const form = this.rng.pick([
          `local ${ok}, ${err} = pcall(${thrower}, ${msg.t})`,
          `local ${ok}, ${err} = pcall(function() ${thrower}(${msg.t}) end)`,
          `local ${ok}, ${err} = pcall(function() local r = ${thrower}(${msg.t}); return r end)`,
          `local ${ok}, ${err} = pcall(error, ${msg.t}${level})`,
          `local ${ok}, ${err} = pcall(function() error(${msg.t}${level}) end)`,
        ]);
        this.emit(form);
        printString();
        break;
      }
      case 'errorTable': {
        const code = this.genInt(1);
        this.emit(`local ${ok}, ${err} = pcall(function() error({ code = ${code.t}, msg = ${this.genStr(1).t} }${this.rng.pick(['', ', 2'])}) end)`);
        this.emit(`print(${L}, ${ok}, type(${err}), ${err}.code, ${err}.msg)`);
        if (this.rng.chance(0.4)) {
          this.emit(`local ok2, err2 = pcall(function() error(setmetatable({ c = ${this.intLit(0, 9).t} }, { __tostring = function(e) return "E" .. e.c end })) end)`);
          this.emit(`print(${L}, ok2, tostring(err2), err2.c)`);
        }
        break;
      }
      case 'errorOther': {
        const v = this.rng.pick(['42', 'nil', 'true', '3.5', '""', '-0']);
        this.emit(`local ${ok}, ${err} = pcall(error${this.rng.chance(0.5) ? '' : ''}, ${v})`);
        this.emit(`print(${L}, ${ok}, ${err}, type(${err}))`);
        this.emit(`print(${L}, pcall(function() error(${v}) end))`);
        this.emit(`print(${L}, select('#', pcall(error)))`);
        break;
      }
      case 'libArg': {
        const form = this.rng.pick([
          'string.rep()', '("x"):rep({})', 'string.sub()', 'table.concat({ {} })', 'table.concat({ 1, 2, true })',
          'table.insert(nil, 1)', 'setmetatable(1, {})', 'string.char(256)', 'string.char(-1)', 'math.floor("x")',
          'string.format("%d", "x")', 'tonumber("10", 99)', 'select(0, 1)', 'string.byte("abc", {})', 'ipairs(nil)',
          'string.format("%q")', 'string.upper()', 'table.remove(nil)', 'math.max()', 'string.gsub("abc", "(", "")',
          'string.find("abc", "[a")', 'string.gsub("abc", "b", "%2")', 'string.format("%y", 1)', 'unpack(nil)',
          'table.sort({ 3, 1, 2 }, 1)', 'setmetatable({}, 1)', 'string.rep("x", -1, {})', 'tostring()', 'rawget(1, 1)',
          'string.format("%s")', 'string.match("x", "%")', 'string.gmatch()', 'math.sqrt()', 'select("x")',
          'table.insert({ 1, 2 }, 5, 3)', 'select(-5, 1)', 'unpack({}, 1, 1e7)', 'string.rep("ab", 3.7)', 'string.sub("hello", 2.9)',
          'string.char(65.5)', 'table.concat({ 1, 2, 3 }, ", ", 2, 5)', 'tostring(nil, 1)', 'math.floor(2^31 + 0.5)', 'string.format("%5.1q", "x")',
          'string.format("%-+ #0d", 5)', 'string.format("%.99f", 1)', 'string.format("%100d", 1)', 'next({}, "nope")', 'rawequal(1)',
          'setmetatable({}, { __metatable = "locked" }) and getmetatable(setmetatable({}, { __metatable = "locked" }))',
          'setmetatable(setmetatable({}, { __metatable = 1 }), {})', 'string.find("abc", "b", -10)', 'string.byte("abc", -10, 10)',
          'tonumber("z", 36), tonumber("10", 2.5)', 'tonumber(10, 16)', 'tonumber("  -0x1f  "), tonumber("1e1", 10)',
        ]);
        if (this.rng.chance(0.5)) {
          const m = /^([\w.]+)\(([^()]*)\)$/.exec(form);
          if (m) {
            this.emit(`local ${ok}, ${err} = pcall(${m[1]}${m[2] ? ', ' + m[2] : ''})`);
            printString();
            break;
          }
        }
        this.emit(`local ${ok}, ${err} = pcall(function() return ${form} end)`);
        printString();
        break;
      }
      case 'xpcall': {
        const tableError = this.rng.chance(0.2);
        const handler = tableError
          ? 'function(m) return type(m), m.code end'
          : this.rng.pick([
            'function(m) return "handled: " .. tostring(m) end',
            'function(m) return type(m) end',
            'function(m) return m, 2 end',
          ]);
        const thrower = tableError
          ? 'function() error({ code = 7 }) end'
          : this.rng.pick([
            `function() error(${this.genStr(1).t}) end`,
            `function() local t = nil; return t.x end`,
            `function() return ${this.genInt(1).t} end`,
            `function(...) return select('#', ...) end`,
          ]);
        this.emit(`print(${L}, xpcall(${thrower}, ${handler}))`);
        break;
      }
      case 'nested': {
        this.emit(`local ${ok}, ${err} = pcall(function()`);
        this.emit(`  local ok2, err2 = pcall(error, ${this.genStr(1).t})`);
        this.emit(`  print(${L}, "inner", ok2, err2)`);
        this.emit(`  error("rethrown: " .. tostring(err2), ${this.rng.pick(['0', '1', '2'])})`);
        this.emit('end)');
        printString();
        break;
      }
      case 'metaError': {
        const t = this.fresh('strict');
        this.emit(`local ${t} = setmetatable({}, { __index = function(t, k) error("no field " .. tostring(k)${this.rng.pick(['', ', 2', ', 0'])}) end,`);
        this.emit(`  __add = function(a, b) error({ op = "add" }) end, __newindex = function(t, k, v) rawset(t, k, v * 2) end })`);
        this.emit(`${t}.num = ${this.genInt(1).t}`);
        this.emit(`print(${L}, rawget(${t}, "num"), ${t}.num)`);
        this.emit(`print(${L}, pcall(function() return ${t}.missing end))`);
        this.emit(`local ${ok}, ${err} = pcall(function() return ${t} + 1 end)`);
        this.emit(`print(${L}, ${ok}, ${err}.op)`);
        break;
      }
      case 'success': {
        this.emit(`print(${L}, pcall(function(...) return select('#', ...), ... end${this.anyArgs(1, 0, 3).map((e) => ', ' + e.t).join('')}))`);
        this.emit(`print(${L}, pcall(tostring, ${this.genAny(1).t}))`);
        break;
      }
      case 'tostringBad': {
        this.emit(`local ${nilName} = setmetatable({}, { __tostring = function() return ${this.rng.pick(['42', 'nil', 'false', 'true', '-0.5'])} end })`);
        this.emit(`print(${L}, pcall(tostring, ${nilName}))`);
        break;
      }
    }
    void ctx;
  }

  private snipMetaExtras(ctx: Ctx): void {
    const kind = this.rng.pick(['indexFn', 'newindexLog', 'rawset', 'indexChain', 'defaults']);
    const t = this.fresh('meta');
    switch (kind) {
      case 'indexFn':
        this.emit(`local ${t} = setmetatable({ real = ${this.genInt(1).t} }, { __index = function(t, k) return tostring(k) .. "?" end })`);
        this.emit(`print(${this.label()}, ${t}.real, ${t}.virtual, ${t}[${this.intLit(0, 9).t}], rawget(${t}, "virtual"))`);
        break;
      case 'newindexLog': {
        const log = this.fresh('log');
        this.emit(`local ${log} = {}`);
        this.emit(`local ${t} = setmetatable({}, { __newindex = function(t, k, v) ${log}[#${log} + 1] = tostring(k) .. "=" .. tostring(v); rawset(t, k, v) end })`);
        this.emit(`${t}.a = ${this.genInt(1).t}`);
        this.emit(`${t}.b = ${this.genStr(1).t}`);
        this.emit(`${t}.a = ${this.genNum(1).t}`);
        this.emit(`print(${this.label()}, table.concat(${log}, ";"), ${t}.a, ${t}.b)`);
        break;
      }
      case 'rawset':
        this.emit(`local ${t} = setmetatable({}, { __newindex = function() error("read-only") end })`);
        this.emit(`rawset(${t}, "k", ${this.genInt(1).t})`);
        this.emit(`print(${this.label()}, ${t}.k, pcall(function() ${t}.z = 1 end))`);
        break;
      case 'indexChain': {
        const a = this.fresh('base');
        const b = this.fresh('mid');
        this.emit(`local ${a} = { greet = function(self) return "hi from " .. self.name end, level = ${this.intLit(0, 9).t} }`);
        this.emit(`local ${b} = setmetatable({ name = "mid" }, { __index = ${a} })`);
        this.emit(`local ${t} = setmetatable({ name = ${this.genStr(1).t} }, { __index = ${b} })`);
        this.emit(`print(${this.label()}, ${t}:greet(), ${t}.level, ${b}:greet(), rawget(${t}, "level"))`);
        break;
      }
      default: {
        this.emit(`local ${t} = setmetatable({}, { __index = { color = "red", size = ${this.genInt(1).t} } })`);
        this.emit(`${t}.color = ${this.genStr(1).t}`);
        this.emit(`print(${this.label()}, ${t}.color, ${t}.size, getmetatable(${t}).__index.color)`);
        this.emit(`print(${this.label()}, getmetatable("abc").__index == string, getmetatable(${t}) ~= nil, getmetatable({}))`);
      }
    }
    void ctx;
  }

  private snipRecursion(ctx: Ctx): void {
    const kind = this.rng.pick(['fib', 'fact', 'gcd', 'sum', 'mutual', 'depth']);
    const f = this.fresh(kind);
    switch (kind) {
      case 'fib':
        this.emit(`local function ${f}(n) if n < 2 then return n end return ${f}(n - 1) + ${f}(n - 2) end`);
        this.emit(`print(${this.label()}, ${f}(${this.rng.int(0, 15)}), ${f}(${this.rng.int(0, 10)}))`);
        break;
      case 'fact':
        this.emit(`local function ${f}(n) if n <= 1 then return 1 end return n * ${f}(n - 1) end`);
        this.emit(`print(${this.label()}, ${f}(${this.rng.int(0, 25)}), ${f}(${this.rng.int(0, 170)}))`);
        break;
      case 'gcd':
        this.emit(`local function ${f}(a, b) if b == 0 then return a end return ${f}(b, a % b) end`);
        this.emit(`print(${this.label()}, ${f}(${this.rng.int(0, 1000)}, ${this.rng.int(1, 1000)}), ${f}(${this.rng.int(0, 100)}, ${this.rng.int(0, 100)}))`);
        break;
      case 'sum':
        this.emit(`local function ${f}(t, i) i = i or 1; if i > #t then return 0 end return t[i] + ${f}(t, i + 1) end`);
        this.emit(`print(${this.label()}, ${f}({ ${this.genInt(1).t}, ${this.genInt(1).t}, ${this.genNum(1).t} }))`);
        break;
      case 'mutual': {
        const g = this.fresh('odd');
        this.emit(`local ${g}`);
        this.emit(`local function ${f}(n) if n == 0 then return true end return ${g}(n - 1) end`);
        this.emit(`${g} = function(n) if n == 0 then return false end return ${f}(n - 1) end`);
        this.emit(`print(${this.label()}, ${f}(${this.rng.int(0, 30)}), ${g}(${this.rng.int(0, 30)}))`);
        break;
      }
      default:
        this.emit(`local function ${f}(n, acc) if n == 0 then return acc end return ${f}(n - 1, acc .. n % 10) end`);
        this.emit(`print(${this.label()}, ${f}(${this.rng.int(0, 40)}, ""))`);
    }
    void ctx;
  }

  private snipSortRecords(ctx: Ctx): void {
    const t = this.fresh('people');
    const n = this.rng.int(2, 6);
    const rows: string[] = [];
    for (let i = 1; i <= n; i++) rows.push(`{ id = ${i}, age = ${this.rng.int(18, 25)}, name = "${this.rng.pick(WORDS)}" }`);
    this.emit(`local ${t} = { ${rows.join(', ')} }`);
    const key = this.rng.pick(['age', 'name']);
    const dir = this.rng.pick(['<', '>']);
    // Ties are broken by the unique id, so the order is total and luajit's sort is not observed.
    this.emit(`table.sort(${t}, function(a, b) if a.${key} ~= b.${key} then return a.${key} ${dir} b.${key} end return a.id < b.id end)`);
    this.emit(`for i, p in ipairs(${t}) do print(${this.label()}, i, p.id, p.age, p.name) end`);
    void ctx;
  }

  private snipGotoContinue(ctx: Ctx): void {
    const i = this.fresh('i');
    const acc = this.fresh('acc');
    this.emit(`local ${acc} = {}`);
    this.emit(`for ${i} = 1, ${this.rng.int(3, 8)} do`);
    this.emit(`  if ${i} % ${this.rng.int(2, 3)} == 0 then goto continue end`);
    this.emit(`  local sq = ${i} * ${i}`);
    this.emit(`  if sq > ${this.rng.int(10, 50)} then goto continue end`);
    this.emit(`  ${acc}[#${acc} + 1] = sq`);
    this.emit('  ::continue::');
    this.emit('end');
    this.emit(`print(${this.label()}, #${acc}, table.concat(${acc}, " "))`);
    if (this.rng.chance(0.5)) {
      const n = this.fresh('n');
      this.emit(`local ${n} = 0`);
      this.emit(`::top${n}::`);
      this.emit(`${n} = ${n} + 1`);
      this.emit(`if ${n} < ${this.rng.int(1, 4)} then goto top${n} end`);
      this.emit(`print(${this.label()}, "looped", ${n})`);
    }
    void ctx;
  }

  /** tonumber(s, base) with signs, spaces, 0x prefixes, out-of-base digits and huge values. */
  private tonumberBaseCase(): [string, number] {
    const base = this.rng.weighted<number>([[3, 16], [2, 2], [2, 8], [1, 10], [2, 36], [2, this.rng.int(2, 36)]]);
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
    const n = this.rng.weighted<number>([[1, 0], [6, this.rng.int(1, 4)], [1, this.rng.int(10, 22)]]);
    let body = '';
    for (let i = 0; i < n; i++) {
      const d = digits[this.rng.int(0, this.rng.chance(0.9) ? base - 1 : 35)]!;
      body += this.rng.chance(0.3) ? d.toUpperCase() : d;
    }
    const prefix = this.rng.weighted<string>([[5, ''], [3, '0x'], [1, '0X'], [1, '0b']]);
    const sign = this.rng.weighted<string>([[5, ''], [2, '-'], [1, '+'], [1, '- '], [1, '+-']]);
    const pad = (): string => this.rng.weighted<string>([[6, ''], [1, ' '], [1, '\\t'], [1, '\\n ']]);
    return [`"${pad()}${sign}${prefix}${body}${pad()}${this.rng.chance(0.05) ? '\\0' : ''}"`, base];
  }

  /** goto back to a label: locals after the label are fresh per pass, those before it shared. */
  private snipGotoClosures(ctx: Ctx): void {
    const n = this.fresh('n');
    const fs = this.fresh('fs');
    const shared = this.fresh('sh');
    const passes = this.rng.int(1, 4);
    this.emit(`local ${fs}, ${n}, ${shared} = {}, 0, ${this.rng.int(0, 9)}`);
    this.emit(`::again${n}::`);
    const cap = this.fresh('cap');
    const init = this.rng.pick([`${n} * ${this.rng.int(1, 9)}`, `"p" .. ${n}`, `{${n}}`, `${n} + ${shared}`]);
    this.emit(`local ${cap} = ${init}`);
    const read = init.startsWith('{') ? `${cap}[1]` : cap;
    const body = this.rng.pick([
      `return ${read}, ${shared}`,
      `${shared} = ${shared} + 1 return ${read}, ${shared}`,
      `${cap} = ${init.startsWith('{') ? `{${cap}[1] .. "!"}` : `${cap} .. "!"`} return ${read}`,
    ]);
    this.emit(`${fs}[#${fs} + 1] = function() ${body} end`);
    this.emit(`${n} = ${n} + 1`);
    if (this.rng.chance(0.3)) this.emit(`${shared} = ${shared} + 10`);
    this.emit(`if ${n} < ${passes} then goto again${n} end`);
    this.emit(`for i = 1, #${fs} do print(${this.label()}, i, ${fs}[i]()) end`);
    this.emit(`print(${this.label()}, ${fs}[1]())`);
    if (this.rng.chance(0.5)) this.gotoTwoLabels();
    void ctx;
  }

  /**
   * Two labels with a captured local between them: a jump back to the second label keeps
   * it, one to the first makes it anew; or a repeat whose `until` reads a fresh local.
   */
  private gotoTwoLabels(): void {
    const n = this.fresh('n');
    const gs = this.fresh('gs');
    const mid = this.fresh('mid');
    const [inner, outer] = [this.rng.int(1, 3), this.rng.int(1, 3)];
    if (this.rng.chance(0.5)) {
      this.emit(`local ${gs}, ${n} = {}, 0`);
      this.emit(`::one${n}::`);
      this.emit(`local ${mid} = ${n} * 10`);
      this.emit(`local k${mid} = 0`);
      this.emit(`::two${n}::`);
      this.emit(`${mid} = ${mid} + 1`);
      this.emit(`${gs}[#${gs} + 1] = function() return ${mid} end`);
      this.emit(`k${mid} = k${mid} + 1`);
      this.emit(`if k${mid} < ${inner} then goto two${n} end`);
      this.emit(`${n} = ${n} + 1`);
      this.emit(`if ${n} < ${outer} then goto one${n} end`);
    } else {
      this.emit(`local ${gs}, ${n} = {}, 0`);
      this.emit('repeat');
      this.emit(`  ::top${n}::`);
      this.emit(`  local ${mid} = ${n}`);
      this.emit(`  ${gs}[#${gs} + 1] = function() return ${mid} end`);
      this.emit(`  ${n} = ${n} + 1`);
      this.emit(`  if ${n} == ${inner} then goto top${n} end`);
      this.emit(`until ${mid} >= ${outer + inner}`);
    }
    this.emit(`for i = 1, #${gs} do print(${this.label()}, i, ${gs}[i]()) end`);
  }

  /** Iterators and library functions called past their end: how many values come back. */
  private snipPastEnd(ctx: Ctx): void {
    const L = this.label();
    const f = this.fresh('it');
    const count = this.rng.int(0, 3);
    const items = Array.from({ length: count }, () => this.genInt(0).t);
    switch (this.rng.pick(['ipairs', 'gmatch', 'next', 'foreach', 'custom'])) {
      case 'ipairs':
        this.emit(`local ${f}, ${f}s = ipairs({ ${items.join(', ')} })`);
        this.emit(`for k = ${this.rng.int(-1, 0)}, ${count + 2} do print(${L}, k, select("#", ${f}(${f}s, k)), ${f}(${f}s, k)) end`);
        break;
      case 'gmatch':
        this.emit(`local ${f} = (${this.strAtom(1).t}):gmatch(${this.rng.pick(['"%a+"', '"(%a)(%a)"', '"()"', '"%d"', '"x*"'])})`);
        this.emit(`for k = 1, ${this.rng.int(1, 6)} do print(${L}, k, select("#", ${f}())) end`);
        break;
      case 'next':
        this.emit(`local ${f} = { ${items.join(', ')} }`);
        this.emit(`print(${L}, select("#", next(${f}, #${f} > 0 and #${f} or nil)), select("#", next({})), pcall(next, ${f}, ${count + this.rng.int(50, 60)}))`); // keys just past a constructor's items are valid in luajit (its array part)
        break;
      case 'foreach':
        this.emit(`print(${L}, select("#", table.foreachi({ ${items.join(', ')} }, function(i, v) ${this.rng.chance(0.5) ? 'if i == 2 then return v end' : ''} end)))`);
        this.emit(`print(${L}, select("#", table.foreach({ ${items.join(', ')} }, function() end)))`);
        break;
      default:
        this.emit(`local ${f} = (function() local i = 0 return function() i = i + 1 if i <= ${count} then return i end end end)()`);
        this.emit(`for k = 1, ${count + 2} do print(${L}, k, select("#", ${f}())) end`);
    }
    void ctx;
  }

  private snipPrecedence(ctx: Ctx): void {
    const forms = [
      () => `-${this.intLit(1, 4).t} ^ ${this.intLit(1, 3).t}`,
      () => `2 ^ -${this.intLit(1, 3).t}`,
      () => `2 ^ 3 ^ ${this.intLit(0, 2).t}`,
      () => `not nil == true`,
      () => `not (nil == true)`,
      () => `1 .. 2 .. 3`,
      () => `"a" .. 1 + 2 .. "b"`,
      () => `${this.intLit(1, 9).t} - ${this.intLit(1, 9).t} - ${this.intLit(1, 9).t}`,
      () => `${this.intLit(1, 9).t} / ${this.intLit(1, 9).t} * ${this.intLit(1, 9).t}`,
      () => `${this.intLit(1, 9).t} % ${this.intLit(1, 9).t} * ${this.intLit(1, 9).t}`,
      () => `1 < 2 == true`,
      () => `false and nil or "x"`,
      () => `nil or false`,
      () => `false or nil`,
      () => `1 and 2 or 3`,
      () => `nil and 1`,
      () => `- - ${this.intLit(1, 9).t}`,
      () => `#"abc" + 1`,
      () => `-#"ab"`,
      () => `2 * -3 ^ 2`,
      () => `"10" + 1 .. ""`,
      () => `"3" * "4"`,
      () => `10 / 0 - 10 / 0`,
      () => `-0 == 0`,
      () => `0 / 0 ~= 0 / 0`,
      () => `1e308 * 10 == math.huge`,
      () => `5 % -3, -5 % 3, 5.5 % -2, -5.5 % 2`,
      () => `math.floor(-0.5), math.ceil(-0.5)`,
      () => `7 % math.huge, -7 % math.huge`,
      () => `2^53 + 1, 2^63, -2^63`,
      () => `1/3 * 3 == 1, 0.1 + 0.2 == 0.3, 0.1 + 0.2`,
      () => `100000000000000, 1e14, 123456789012345678`,
      () => `0x7fffffff + 1, 0xffffffff, -0x80000000`,
      () => `tostring(1e15), tostring(1e16), tostring(-1e-5)`,
      () => `tostring(0/0) == tostring(0/0), -(0/0)`,
      () => `8 % 3.5, 2^0.5 * 2^0.5, 3 % -math.huge`,
    ];
    const n = this.rng.int(2, 5);
    for (let i = 0; i < n; i++) this.emit(`print(${this.label()}, ${this.rng.pick(forms)()})`);
    void ctx;
  }

  private snipCoroutines(ctx: Ctx): void {
    const kind = this.rng.pick(['wrap', 'resume', 'pcallInside', 'errors', 'pipeline']);
    const co = this.fresh('co');
    const L = this.label();
    switch (kind) {
      case 'wrap': {
        const n = this.rng.int(0, 4);
        this.emit(`local ${co} = coroutine.wrap(function(start)`);
        this.emit(`  local v = start`);
        this.emit(`  for i = 1, ${n} do v = v ${this.rng.pick(['+', '*', '-'])} i; coroutine.yield(i, v) end`);
        this.emit(`  return "finished", v`);
        this.emit('end)');
        this.emit(`print(${L}, ${co}(${this.genNum(1).t}))`);
        for (let i = 0; i < n; i++) this.emit(`print(${L}, ${co}())`);
        if (this.rng.chance(0.5)) this.emit(`print(${L}, pcall(${co}))`);
        break;
      }
      case 'resume': {
        this.emit(`local ${co} = coroutine.create(function(a, b)`);
        this.emit(`  local c = coroutine.yield(a, b, select('#', a, b))`);
        this.emit(`  local d, e = coroutine.yield(c)`);
        this.emit(`  return d, e, coroutine.status(coroutine.running())`);
        this.emit('end)');
        this.emit(`print(${L}, coroutine.status(${co}), coroutine.resume(${co}, ${this.genAny(1).t}))`);
        this.emit(`print(${L}, coroutine.resume(${co}, ${this.genAny(1).t}))`);
        this.emit(`print(${L}, coroutine.resume(${co}, ${this.genAny(1).t}, ${this.genAny(1).t}))`);
        this.emit(`print(${L}, coroutine.status(${co}), coroutine.resume(${co}))`);
        break;
      }
      case 'pcallInside': {
        this.emit(`local ${co} = coroutine.create(function()`);
        this.emit(`  local ok, e = pcall(function()`);
        this.emit(`    local got = coroutine.yield("in pcall")`);
        this.emit(`    error(${this.rng.chance(0.5) ? '"failed with " .. tostring(got)' : '{ got = got }'}${this.rng.pick(['', ', 0', ', 2'])})`);
        this.emit('  end)');
        this.emit(`  coroutine.yield(ok, type(e) == "table" and e.got or e)`);
        this.emit(`  return "finished"`);
        this.emit('end)');
        this.emit(`print(${L}, coroutine.resume(${co}))`);
        this.emit(`print(${L}, coroutine.resume(${co}, ${this.genInt(1).t}))`);
        this.emit(`print(${L}, coroutine.resume(${co}))`);
        this.emit(`print(${L}, coroutine.resume(${co}))`);
        break;
      }
      case 'errors': {
        this.emit(`local ${co} = coroutine.create(function(x) coroutine.yield(x) ${this.rng.pick(['error("boom")', 'error({ 1 })', 'local t = nil; return t.f', 'return x + {}'])} end)`);
        this.emit(`print(${L}, coroutine.resume(${co}, ${this.genInt(1).t}))`);
        this.emit(`local ok, e = coroutine.resume(${co})`);
        this.emit(`print(${L}, ok, type(e) == "table" and "table error" or e, coroutine.status(${co}))`);
        this.emit(`print(${L}, coroutine.resume(${co}))`);
        this.emit(`print(${L}, pcall(coroutine.resume, nil))`);
        this.emit(`print(${L}, coroutine.isyieldable(), pcall(coroutine.yield, 1))`);
        break;
      }
      default: {
        const prod = this.fresh('producer');
        this.emit(`local ${prod} = coroutine.wrap(function()`);
        this.emit(`  for _, w in ipairs({ ${[0, 1, 2].map(() => this.genStr(0).t).join(', ')} }) do coroutine.yield(w) end`);
        this.emit('end)');
        this.emit(`local ${co} = coroutine.wrap(function()`);
        this.emit(`  for i = 1, 3 do coroutine.yield(i .. "=" .. ${prod}():upper()) end`);
        this.emit('end)');
        this.emit(`print(${L}, ${co}(), ${co}(), ${co}())`);
      }
    }
    void ctx;
  }

  private snipTableKeys(ctx: Ctx): void {
    const t = this.fresh('keyed');
    const L = this.label();
    this.emit(`local ${t} = {}`);
    const sets = this.rng.int(2, 5);
    for (let i = 0; i < sets; i++) {
      const key = this.rng.pick(['1', '1.0', '2^53', '-0', '0', '"1"', '0.5', '-1', '1e300', '"key"', '2', '3 - 1', 'true', '"01"', 'math.huge']);
      this.emit(`${t}[${key}] = ${this.genAny(1).t}`);
    }
    this.emit(`print(${L}, ${t}[1], ${t}[0], ${t}["1"], ${t}[2], ${t}[2^53], ${t}[true], ${t}[math.huge], ${t}[0.5])`);
    this.emit(`print(${L}, pcall(function() ${t}[0/0] = 1 end))`);
    this.emit(`print(${L}, pcall(function() ${t}[nil] = 1 end))`);
    this.emit(`print(${L}, ${t}[nil], ${t}[0/0], rawget(${t}, 1.0), next({}))`);
    void ctx;
  }

  /** Chunks compiled at run time: they see globals only, so their expressions use no locals. */
  private snipLoad(ctx: Ctx): void {
    const saved = this.scopes;
    this.scopes = [[]];
    const e = this.genAny(2);
    this.scopes = saved;
    const src = `return ${e.t}`;
    const L = this.label();
    const f = this.fresh('chunk');
    const name = this.rng.pick(['', ', "=calc"', ', "@virtual.lua"', ', "named chunk"']);
    if (src.includes(']====]')) return;
    this.emit(`local ${f} = loadstring([====[${src}]====]${name})`);
    this.emit(`print(${L}, ${f}())`);
    const bad = this.rng.pick([
      `return ${e.t} + {}`,
      'local t = nil\nreturn t.x',
      'error("from chunk")',
      'error("from chunk", 2)',
      `return (${e.t}) .. nil`,
      'local a, b = ...; return a .. b',
    ]);
    this.emit(`print(${L}, pcall(loadstring([====[${bad}]====]${name}), ${this.genStr(0).t}))`);
    if (this.rng.chance(0.3)) this.emit(`print(${L}, pcall(${f}), select('#', loadstring("return")()))`);
    if (this.rng.chance(0.4)) {
      // %q must read back as the same string.
      const q = this.fresh('quoted');
      this.emit(`local ${q} = string.format("%q", ${this.genStr(1).t})`);
      this.emit(`print(${L}, ${q}, loadstring("return " .. ${q})() == loadstring("return " .. ${q})(), #loadstring("return " .. ${q})())`);
    }
    void ctx;
  }

  private snipIterators(ctx: Ctx): void {
    const L = this.label();
    const kind = this.rng.pick(['closure', 'stateless', 'coroutine', 'nextSeq', 'gmatchPairs']);
    switch (kind) {
      case 'closure': {
        const range = this.fresh('range');
        this.emit(`local function ${range}(from, to, step)`);
        this.emit('  local i = from - step');
        this.emit('  return function()');
        this.emit('    i = i + step');
        this.emit('    if (step > 0 and i <= to) or (step < 0 and i >= to) then return i, i * i end');
        this.emit('  end');
        this.emit('end');
        const step = this.rng.pick(['1', '2', '-1', '0.5', '-3']);
        const [from, to] = step.startsWith('-') ? [this.rng.int(2, 8), this.rng.int(-3, 2)] : [this.rng.int(-3, 2), this.rng.int(2, 8)];
        this.emit(`for v, sq in ${range}(${from}, ${to}, ${step}) do print(${L}, v, sq) end`);
        break;
      }
      case 'stateless': {
        const it = this.fresh('evens');
        const t = this.fresh('list');
        this.emit(`local ${t} = { ${[0, 1, 2, 3, 4].slice(0, this.rng.int(0, 5)).map(() => this.genInt(0).t).join(', ')} }`);
        this.emit(`local function ${it}(t, i) i = i + 2 local v = t[i] if v ~= nil then return i, v end end`);
        this.emit(`for i, v in ${it}, ${t}, ${this.rng.pick(['0', '-1'])} do print(${L}, i, v) end`);
        break;
      }
      case 'coroutine': {
        this.emit(`for a, b in coroutine.wrap(function() for i = 1, ${this.rng.int(0, 4)} do coroutine.yield(i, ${this.recv(this.strAtom(0))}:rep(i)) end end) do print(${L}, a, b) end`);
        break;
      }
      case 'nextSeq': {
        const t = this.fresh('seq');
        this.emit(`local ${t} = { ${this.genStr(0).t}, ${this.genStr(0).t}, ${this.genInt(0).t} }`);
        this.emit(`for k, v in next, ${t} do print(${L}, k, v) end`);
        this.emit(`print(${L}, next(${t}), next(${t}, 1), next(${t}, #${t}))`);
        break;
      }
      default: {
        const counts = this.fresh('counts');
        this.emit(`local ${counts}, order = {}, {}`);
        this.emit(`for word in (${this.strAtom(1).t} .. " ${this.rng.pick(SUBJECTS)}"):gmatch("%a+") do`);
        this.emit(`  if not ${counts}[word] then order[#order + 1] = word end`);
        this.emit(`  ${counts}[word] = (${counts}[word] or 0) + 1`);
        this.emit('end');
        this.emit(`for _, w in ipairs(order) do io.write(w, "=", ${counts}[w], " ") end`);
        this.emit('io.write("\\n")');
      }
    }
    void ctx;
  }

  /** Less common syntax: calls without parentheses, method calls through dots, nested functions. */
  private snipSyntax(ctx: Ctx): void {
    const L = this.label();
    const forms = [
      () => `print ${this.strLit().t}`,
      () => `print(${L}, type{}, select('#', unpack{1, 2, 3}))`,
      () => `print(${L}, ("%d-%s"):format(${this.genInt(1).t}, ${this.genStr(0).t}))`,
      () => `print(${L}, string.format("%s|%s", ${this.recv(this.strAtom(0))}:upper(), #${this.strAtom(0).t}))`,
      () => `print(${L}, tostring(nil), tostring(true), tostring(${this.genNum(1).t}))`,
      () => `do local t = { n = 0 } function t.add(self, k) self.n = self.n + k return self end t:add(1):add(2); t.add(t, 3) print(${L}, t.n) end`,
      () => `do local a = { b = { c = {} } } function a.b.c.f(x) return x * 2 end function a.b.c:g(x) return self == a.b.c, x end print(${L}, a.b.c.f(${this.genInt(0).t}), a.b.c:g(1)) end`,
      () => `print(${L}, #{ n = 1 }, #{ 1, 2, nil }, #{ nil }, #{ n = nil }, #{ (nil) })`,
      () => `print(${L}, ({ 10, 20, 30 })[2], ({ n = ${this.genInt(0).t} }).n)`,
      () => `print(${L}, ((("nested"))), (${this.genInt(0).t}))`,
      () => `local _ = 1; local _ = 2; print(${L}, _)`,
      () => `print(${L}, math.max(1, 2, 3), math.min(3, 1, 2), select(2, "a", "b", "c"))`,
      () => `print(${L}, 1 == 1.0, "1" == 1, 0.1 + 0.7, 3 % -2, -3 % 2, 2^-1)`,
      () => `print(${L}, string.rep("=", 3) .. ">", ("x"):rep(3, ", "))`,
    ];
    const n = this.rng.int(1, 3);
    for (let i = 0; i < n; i++) this.emit(this.rng.pick(forms)());
    void ctx;
  }

  /** A statement that ends the program with an uncaught error. */
  private tailError(): void {
    const form = this.rng.pick([
      () => `error(${this.genStr(1).t})`,
      () => `error("fatal: " .. ${this.genInt(1).t}, 0)`,
      () => `error({ code = 1 })`,
      () => `error(setmetatable({}, { __tostring = function() return "custom error object" end }))`,
      () => `local cfg = nil\nprint(cfg.port)`,
      () => `local t = {}\nprint(t.a.b)`,
      () => `undefined_function_${this.seed}()`,
      () => `local n = ${this.genInt(0).t} + {}`,
      () => `print(1 < "x")`,
      () => `local function check(v) if type(v) ~= "string" then error("expected string, got " .. type(v), 2) end end\ncheck(${this.genInt(0).t})`,
      () => `error(${this.intLit(0, 99).t})`,
      () => `error()`,
      () => `assert(false, ${this.genStr(1).t})`,
      () => `assert(nil)`,
      () => `assert(1 == 2, "math is broken")`,
      () => `string.rep()`,
      () => `local s = "abc"\nprint(s:bad())`,
    ]);
    this.emit(`print("before the error")`);
    this.emit(form());
  }
}
