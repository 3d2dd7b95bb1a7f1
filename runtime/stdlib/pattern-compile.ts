// Lua patterns compiled to JS functions, for the patterns a program uses often.
//
// pattern.ts interprets a pattern item by item at every position it tries, re-reading the
// pattern text each time. Here a pattern that is used often is read once and turned into
// one JS function (new Function) in which each item is a test on a byte, with its quantifier
// as a loop and backtracking as the fall-through of a failed attempt, so V8 optimizes each
// pattern on its own. Which bytes an item matches is computed with pattern.ts's own itemSet
// (singleMatch's cases, from the same class tables and matchBracketClass), so both paths
// share one definition of the classes and sets.
//
// Only well-formed patterns are compiled: a pattern that would raise an error (malformed,
// unbalanced, an invalid back-reference, too many or unfinished captures, nesting that could
// reach "pattern too complex") stays with the interpreter, which raises it when it reaches
// the faulty item, as luajit does.
import { NONE } from '../lua/multi.js';
import type { LuaResult } from '../lua/value.js';
import { CAP_POSITION, MAX_CAPTURES, MAX_DEPTH, MatchState, classEnd, itemSet, matchBracketClass } from './pattern.js';

/**
 * A compiled pattern: the end index of the first match at or after `st` (only at `st` when
 * anchored), or -1. On a match it sets `ms.start`, `ms.level` and the captures.
 *
 * With it come string.match's result (`match`) and, for a scanning one, string.gmatch's
 * iterator over `src` (`gmatch`): the same matching code with the result built from the
 * captures' positions where they are found, each a function of the pattern's own, so that it
 * has type feedback of its own (one shared iterator would see every pattern's matcher and
 * kind of result, and be optimized again for each) and is optimized once.
 */
export type Matcher = ((src: string, st: number, ms: MatchState) => number) & {
  /** string.match's result for the first match at or after st: its captures, or the whole match. */
  match: (src: string, st: number) => LuaResult;
  gmatch?: (src: string) => () => LuaResult;
};

type Item =
  | { kind: 'single'; set: Uint8Array; quant: number }
  | { kind: 'open'; level: number; position: boolean }
  | { kind: 'close'; level: number }
  | { kind: 'end' }
  | { kind: 'balance'; open: number; close: number }
  | { kind: 'frontier'; set: Uint8Array }
  | { kind: 'backref'; level: number; position: boolean };

/** Reads the items of `pat` from index p0, or undefined when matching could raise an error. */
function parseItems(pat: string, p0: number): { items: Item[]; captures: boolean[] } | undefined {
  const ms = new MatchState();
  ms.reset('', pat);
  const end = ms.patEnd;
  const items: Item[] = [];
  /** Per capture: is it a position capture. */
  const captures: boolean[] = [];
  /** Per capture: is it closed yet. */
  const closed: boolean[] = [];
  let recursions = 0;
  let p = p0;
  try {
    while (p < end) {
      const c = pat.charCodeAt(p);
      if (c === 40) { // (
        if (captures.length >= MAX_CAPTURES) return undefined;
        const position = pat.charCodeAt(p + 1) === 41;
        items.push({ kind: 'open', level: captures.length, position });
        captures.push(position);
        closed.push(position);
        recursions++;
        p += position ? 2 : 1;
        continue;
      }
      if (c === 41) { // )
        let l = closed.length - 1;
        while (l >= 0 && closed[l]) l--;
        if (l < 0) return undefined;
        closed[l] = true;
        items.push({ kind: 'close', level: l });
        recursions++;
        p++;
        continue;
      }
      if (c === 36 && p + 1 === end) { // $ at the end
        items.push({ kind: 'end' });
        p++;
        continue;
      }
      if (c === 37) { // %
        const nc = pat.charCodeAt(p + 1);
        if (nc === 98) { // %b
          if (p + 3 >= end) return undefined;
          items.push({ kind: 'balance', open: pat.charCodeAt(p + 2), close: pat.charCodeAt(p + 3) });
          p += 4;
          continue;
        }
        if (nc === 102) { // %f
          p += 2;
          if (pat.charCodeAt(p) !== 91) return undefined;
          const ep = classEnd(ms, p);
          const set = new Uint8Array(256);
          for (let b = 0; b < 256; b++) set[b] = matchBracketClass(ms, b, p, ep - 1) ? 1 : 0;
          items.push({ kind: 'frontier', set });
          p = ep;
          continue;
        }
        if (nc >= 48 && nc <= 57) { // back-reference
          const l = nc - 49;
          if (l < 0 || l >= captures.length || !closed[l]) return undefined;
          items.push({ kind: 'backref', level: l, position: captures[l] });
          p += 2;
          continue;
        }
      }
      const ep = classEnd(ms, p);
      const set = itemSet(ms, p, ep);
      let quant = ep < end ? pat.charCodeAt(ep) : 0;
      if (quant === 42 || quant === 43 || quant === 45 || quant === 63) {
        recursions++;
        p = ep + 1;
      } else {
        quant = 0;
        p = ep;
      }
      items.push({ kind: 'single', set, quant });
    }
  } catch {
    return undefined; // a malformed item: the interpreter raises it when it gets there
  }
  if (closed.some((c) => !c)) return undefined; // reading the captures raises "unfinished capture"
  if (recursions + 1 >= MAX_DEPTH) return undefined;
  return { items, captures };
}

/** Generated code grows with each '?' (both ways go on with the rest): past this, interpret. */
const MAX_CODE = 40000;

class Generator {
  private vars = 0;
  readonly sets: Uint8Array[] = [];
  private readonly setNames = new Map<string, string>();

  /** The statements run on a match ending at `end` (a variable): they return. */
  onSuccess: (end: string) => string = () => '';
  /** The item whose run's end is kept in `skip` (see compilePattern), or -1. */
  skipItem = -1;

  constructor(private readonly items: Item[]) {}

  private fresh(): string {
    return `s${++this.vars}`;
  }

  /** Per set: its test with `@` for the byte (read once: the bodies test each set many times). */
  private readonly tests = new Map<Uint8Array, string>();

  /** A JS test that byte `c` (an expression without side effects) belongs to `set`. */
  private test(set: Uint8Array, c: string): string {
    let t = this.tests.get(set);
    if (t === undefined) {
      t = this.setTest(set);
      this.tests.set(set, t);
    }
    return t.replace('@', () => c);
  }

  private setTest(set: Uint8Array): string {
    let count = 0;
    let only = -1;
    for (let b = 0; b < 256; b++) if (set[b] === 1) { count++; only = b; }
    if (count === 256) return 'true';
    if (count === 1) return `@ === ${only}`;
    const key = set.join('');
    let name = this.setNames.get(key);
    if (name === undefined) {
      name = `T${this.sets.length}`;
      this.sets.push(set);
      this.setNames.set(key, name);
    }
    return `${name}[@] === 1`;
  }

  /** Statements matching items k.. at position `s`: `return` on success, fall through on failure. */
  gen(k: number, s: string): string {
    const items = this.items;
    if (k === items.length) return this.onSuccess(s);
    const item = items[k];
    switch (item.kind) {
      case 'open':
        return `c${item.level} = ${s};\n${this.gen(k + 1, s)}`;
      case 'close':
        return `e${item.level} = ${s};\n${this.gen(k + 1, s)}`;
      case 'end':
        return `if (${s} === n) {\n${this.gen(k + 1, s)}\n}`;
      case 'balance': {
        const j = this.fresh();
        return `if (${s} < n && src.charCodeAt(${s}) === ${item.open}) {\n` +
          `let ${j} = ${s}, depth = 1;\n` +
          `while (++${j} < n) { const b = src.charCodeAt(${j}); ` +
          `if (b === ${item.close}) { if (--depth === 0) break; } else if (b === ${item.open}) depth++; }\n` +
          `if (${j} < n) {\n${j}++;\n${this.gen(k + 1, j)}\n}\n}`;
      }
      case 'frontier': {
        const before = this.test(item.set, `(${s} === 0 ? 0 : src.charCodeAt(${s} - 1))`);
        const at = this.test(item.set, `(${s} < n ? src.charCodeAt(${s}) : 0)`);
        return `if (!(${before}) && (${at})) {\n${this.gen(k + 1, s)}\n}`;
      }
      case 'backref': {
        if (item.position) return ''; // a position capture never matches
        const j = this.fresh();
        const l = item.level;
        return `{ const len = e${l} - c${l};\n` +
          `if (n - ${s} >= len) { let q = 0; while (q < len && src.charCodeAt(c${l} + q) === src.charCodeAt(${s} + q)) q++;\n` +
          `if (q === len) {\nconst ${j} = ${s} + len;\n${this.gen(k + 1, j)}\n} } }`;
      }
      case 'single': {
        const j = this.fresh();
        const t = (at: string) => this.test(item.set, `src.charCodeAt(${at})`);
        const any = t('0') === 'true';
        switch (item.quant) {
          case 0:
            return `if (${s} < n && ${t(s)}) {\nconst ${j} = ${s} + 1;\n${this.gen(k + 1, j)}\n}`;
          case 63: // ?
            return `if (${s} < n && ${t(s)}) {\nconst ${j} = ${s} + 1;\n${this.gen(k + 1, j)}\n}\n${this.gen(k + 1, s)}`;
          case 42: // * : longest first, then give back one at a time
            return `{ let ${j} = ${any ? 'n' : s};\n` +
              (any ? '' : `while (${j} < n && ${t(j)}) ${j}++;\n`) +
              (k === this.skipItem ? `skip = ${j};\n` : '') +
              `for (;;) {\n${this.gen(k + 1, j)}\nif (${j} === ${s}) break;\n${j}--;\n} }`;
          case 43: // +
            return `if (${s} < n && ${t(s)}) { let ${j} = ${any ? 'n' : `${s} + 1`};\n` +
              (any ? '' : `while (${j} < n && ${t(j)}) ${j}++;\n`) +
              (k === this.skipItem ? `skip = ${j};\n` : '') +
              `for (;;) {\n${this.gen(k + 1, j)}\nif (${j} === ${s} + 1) break;\n${j}--;\n} }`;
          default: // - : shortest first
            return `{ let ${j} = ${s};\nfor (;;) {\n${this.gen(k + 1, j)}\n` +
              `if (${j} < n && ${t(j)}) ${j}++; else break;\n} }`;
        }
      }
    }
  }

}

/** Compiles `pat` read from p0 (1 after an anchoring '^'), or undefined to interpret it. */
export function compilePattern(pat: string, p0: number, anchored: boolean): Matcher | undefined {
  const parsed = parseItems(pat, p0);
  if (parsed === undefined) return undefined;
  const { items, captures } = parsed;
  const g = new Generator(items);
  // A scan whose pattern starts (after any '(') with a run X* or X+ that fails at s0, with the
  // run ending at r, tried the rest of the pattern at every index up to r: starting anywhere
  // in s0+1..r tries it at some of those again, so the scan goes on at r + 1. The rest must
  // not depend on where the match started: no back-reference.
  let first = 0;
  while (first < items.length && items[first].kind === 'open' && !(items[first] as { position: boolean }).position) first++;
  const lead = items[first];
  if (!anchored && lead?.kind === 'single' && (lead.quant === 42 || lead.quant === 43) && !items.some((i) => i.kind === 'backref')) {
    g.skipItem = first;
  }
  // The matcher: where the match starts, and its captures, into the match state.
  g.onSuccess = (end) => {
    const lines = ['ms.start = s0;', `ms.level = ${captures.length};`];
    captures.forEach((position, l) => {
      lines.push(`ci[${l}] = c${l};`, position ? `cl[${l}] = ${CAP_POSITION};` : `cl[${l}] = e${l} - c${l};`);
    });
    lines.push(`return ${end};`);
    return lines.join('\n');
  };
  const body = g.gen(0, 's0');
  if (body.length > MAX_CODE) return undefined;
  // string.match's result and gmatch's iterator run the same code, with the result made of
  // the captures' positions where they are found (see Matcher)
  const cap = (l: number) => captures[l] ? `c${l} + 1` : `src.slice(c${l}, e${l})`;
  const result = (end: string) => captures.length === 0 ? `src.slice(s0, ${end})`
    : captures.length === 1 ? cap(0)
    : `[${captures.map((_, l) => cap(l)).join(', ')}]`;
  g.onSuccess = (end) => `return ${result(end)};`;
  const matchBody = g.gen(0, 's0');
  g.onSuccess = (end) => `pos = ${end} === s0 ? ${end} + 1 : ${end};\nreturn ${result(end)};`;
  const gmatchBody = anchored ? '' : g.gen(0, 's0');
  // A literal start lets the scan jump to the next place it occurs.
  let prefix = '';
  for (const item of items) {
    if (item.kind !== 'single' || item.quant !== 0) break;
    let only = -1;
    let count = 0;
    for (let b = 0; b < 256 && count < 2; b++) if (item.set[b] === 1) { count++; only = b; }
    if (count !== 1) break;
    prefix += String.fromCharCode(only);
  }
  /** Tries `code` at st (anchored) or at each index from st on; `fail` (statements that return) when none matches. */
  const attempts = (code: string, fail: string): string[] => {
    if (anchored) return ['const s0 = st;', code, fail];
    const lines = g.skipItem >= 0 ? ['let skip = 0;'] : [];
    lines.push('for (let s0 = st; ; s0++) {');
    if (prefix !== '') lines.push(`s0 = src.indexOf(${JSON.stringify(prefix)}, s0);`, `if (s0 < 0) { ${fail} }`);
    lines.push(code);
    if (g.skipItem >= 0) lines.push('if (skip > s0) s0 = skip;');
    lines.push(`if (s0 >= n) { ${fail} }`, '}');
    return lines;
  };
  const decls = captures.length > 0 ? `let ${captures.map((_, l) => `c${l} = 0, e${l} = 0`).join(', ')};` : '';
  const lines = [
    '"use strict";',
    ...g.sets.map((_, i) => `const T${i} = sets[${i}];`),
    'const match = function match(src, st, ms) {',
    'const n = src.length, ci = ms.capInit, cl = ms.capLen;',
    decls,
    ...attempts(body, 'return -1;'),
    '};',
    'match.match = function matchResult(src, st) {',
    'const n = src.length;',
    decls,
    ...attempts(matchBody, 'return undefined;'),
    '};',
  ];
  if (!anchored) {
    // after a match gmatch goes on from its end, or one further after an empty one
    lines.push(
      'match.gmatch = function gmatch(src) {',
      'const n = src.length;',
      'let pos = 0;',
      'return function gmatchIterator() {',
      'const st = pos;',
      'if (st > n) return NONE;',
      decls,
      ...attempts(gmatchBody, 'pos = n + 1; return NONE;'),
      '};',
      '};',
    );
  }
  lines.push('return match;');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('sets', 'NONE', lines.join('\n')) as (sets: Uint8Array[], none: LuaResult) => Matcher;
  return factory(g.sets, NONE);
}

/** How often a pattern has been used, and its compiled forms once it is worth compiling. */
interface CacheEntry {
  uses: number;
  /** Scanning from index 0 (find, match, gmatch, gsub); null when it cannot be compiled. */
  scan: Matcher | null | undefined;
  /** Anchored: only at the start, from index 1 (after '^'). */
  anchored: Matcher | null | undefined;
}

const cache = new Map<string, CacheEntry>();
let lastPattern = '';
let lastEntry: CacheEntry | undefined;
const MAX_CACHED = 256;
/**
 * Uses (one per call, more for long subjects) before a pattern is compiled. ROVERC_PATTERNS
 * in the environment overrides it: `compile` compiles at the first use (the tests run the
 * corpus so), `interpret` never compiles (to rule the compiler out when something looks wrong).
 */
const COMPILE_AFTER = patternMode() === 'compile' ? 0 : patternMode() === 'interpret' ? Infinity : 16;

function patternMode(): string | undefined {
  const mode = typeof process === 'undefined' ? undefined : process.env.ROVERC_PATTERNS;
  if (mode === undefined || mode === '' || mode === 'compile' || mode === 'interpret') return mode;
  // a setting of the whole process, read when this module loads: refused there, no stack trace
  process.stderr.write(`roverc: ROVERC_PATTERNS must be 'compile' or 'interpret', not ${JSON.stringify(mode)}\n`);
  process.exit(2);
}

/**
 * The compiled matcher for `pat` (anchored: after its '^', at one position only), or
 * undefined while it is not used enough or cannot be compiled. `work` is how much this use
 * counts: 1 per call, more for a long subject.
 */
export function compiledMatcher(pat: string, anchored: boolean, work: number): Matcher | undefined {
  // a loop matches with the same pattern again and again
  let entry = pat === lastPattern ? lastEntry : cache.get(pat);
  if (entry === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    entry = { uses: 0, scan: undefined, anchored: undefined };
    cache.set(pat, entry);
  }
  lastPattern = pat;
  lastEntry = entry;
  if (entry.uses < COMPILE_AFTER) {
    entry.uses += work;
    if (entry.uses < COMPILE_AFTER) return undefined;
  }
  if (anchored) {
    if (entry.anchored === undefined) entry.anchored = compilePattern(pat, 1, true) ?? null;
    return entry.anchored ?? undefined;
  }
  if (entry.scan === undefined) entry.scan = compilePattern(pat, 0, false) ?? null;
  return entry.scan ?? undefined;
}
