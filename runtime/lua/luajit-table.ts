// What `#` of a new table is under luajit. Lua lets `#t` be any border when t has holes, and
// luajit's answer follows from the sizes of the table's array and hash parts, which its parser
// and VM choose as a constructor runs (lj_parse.c expr_table: a template table of the constant
// entries, then stores; lj_tab.c: rehash sizing and lj_tab_len's binary search). This models
// that layout, reduced to what `#` reads (which slots and keys hold a value), so that a
// constructor with holes gets luajit's border (constructor.ts applies it with setBorder).
import type { LuaValue } from './value.js';

const MAX_ABITS = 28; // LJ_MAX_ABITS
const MAX_ASIZE = 2 ** (MAX_ABITS - 1) + 1; // LJ_MAX_ASIZE

function fls(x: number): number {
  return 31 - Math.clz32(x);
}

/** lj_parse.c hsize2hbits: the hash bits for s keys. */
function hsize2hbits(s: number): number {
  return s === 0 ? 0 : s === 1 ? 1 : 1 + fls(s - 1);
}

/** The array slot of a key, as lj_tab_setint sees it (an int32 value), or -1. */
function intKey(key: LuaValue): number {
  return typeof key === 'number' && (key | 0) === key ? key : -1;
}

/** lj_tab.c countint: counts an integer key that could live in an array part. */
function countInt(key: LuaValue, bins: number[]): number {
  const k = intKey(key);
  if (k < 0 || k >= MAX_ASIZE) return 0;
  bins[k > 2 ? fls(k - 1) : 0]++;
  return 1;
}

/** A hash node: its key (FREE: never used since the part was made) and whether its value is not nil. */
interface HashNode {
  key: LuaValue | typeof FREE;
  value: boolean;
}

const FREE = Symbol('free node');

function rol(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** lj_tab.h hashrot (the x86/x64 variant): scrambles a number's two words. */
function hashrot(lo: number, hi: number): number {
  lo = (lo ^ hi) >>> 0; hi = rol(hi, 14);
  lo = (lo - hi) >>> 0; hi = rol(hi, 5);
  hi = (hi ^ lo) >>> 0; hi = (hi - rol(lo, 13)) >>> 0;
  return hi;
}

const words = new DataView(new ArrayBuffer(8));
const identities = new WeakMap<object, number>();
let identityCount = 0;

/**
 * The hash luajit places a key by. Numbers and booleans hash as luajit hashes them; strings
 * and objects do not: luajit seeds its string hash at random for each process and hashes
 * objects by address, so where they land, and what `#` then says of a table whose hash part
 * also holds keys with nil values, varies from run to run of luajit itself.
 */
function hashOf(key: LuaValue): number {
  if (typeof key === 'number') {
    words.setFloat64(0, key, true);
    return hashrot(words.getUint32(0, true), (words.getUint32(4, true) << 1) >>> 0);
  }
  if (typeof key === 'boolean') return key ? 1 : 0;
  if (typeof key === 'string') {
    let h = key.length;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
    return h;
  }
  const o = key as object;
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = Math.imul(++identityCount, 0x9e3779b1) >>> 0));
  return id;
}

/**
 * A luajit table's layout: array slots 0..asize-1 and hash nodes, each with whether its value
 * is nil (a key stored with nil keeps its node until the next resize, or until a new key whose
 * main position it is takes it over), following lj_tab.c's node placement.
 */
export class TableLayoutModel {
  asize = 0;
  private array: boolean[] = [];
  private nodes: HashNode[] = [];
  /** Free nodes are looked for below this one (lj_tab.c's freetop). */
  private freetop = 0;
  /** The node of each key. */
  private where = new Map<LuaValue, number>();

  constructor(asize: number, hbits: number) {
    this.resize(asize, hbits);
  }

  /** lj_tab_set followed by storing a value (nil or not). */
  set(key: LuaValue, hasValue: boolean): void {
    const k = intKey(key);
    if (k >= 0 && k < this.asize) {
      this.array[k] = hasValue;
      return;
    }
    let at = this.where.get(key);
    if (at === undefined) {
      at = this.newKey(key);
      if (at < 0) {
        this.rehash(key); // no free node
        this.set(key, hasValue);
        return;
      }
    }
    this.nodes[at].value = hasValue;
  }

  /** lj_tab_newkey: the node the key takes (Brent's variation), or -1 when none is free. */
  private newKey(key: LuaValue): number {
    const size = this.nodes.length;
    if (size === 0) return -1;
    const n = hashOf(key) & (size - 1);
    const main = this.nodes[n];
    if (!main.value) {
      // its own main position is free, or holds a key whose value is nil: taken over
      if (main.key !== FREE) this.where.delete(main.key);
      this.place(n, key, false);
      return n;
    }
    let free = this.freetop;
    do {
      if (free === 0) return -1;
      free--;
    } while (this.nodes[free].key !== FREE);
    this.freetop = free;
    const other = main.key as LuaValue; // (a node with a value has a key)
    if ((hashOf(other) & (size - 1)) !== n) {
      // the key there is not in its own main position: it moves to the free node
      this.place(free, other, main.value);
      this.place(n, key, false);
      return n;
    }
    this.place(free, key, false);
    return free;
  }

  private place(at: number, key: LuaValue, value: boolean): void {
    this.nodes[at] = { key, value };
    this.where.set(key, at);
  }

  /** lj_tab_reasize: the array part holds keys 0..n. */
  reasize(n: number): void {
    this.resize(n + 1, this.nodes.length === 0 ? 0 : fls(this.nodes.length - 1) + 1);
  }

  /** Values stored for keys 0..n-1 by BC_TSETM, growing the array part to fit them. */
  storeRun(start: number, hasValue: boolean[]): void {
    const end = start + hasValue.length;
    if (hasValue.length === 0) return;
    if (end > this.asize) this.reasize(end);
    for (let i = 0; i < hasValue.length; i++) this.array[start + i] = hasValue[i];
  }

  /** Whether integer key k holds a value. */
  private has(k: number): boolean {
    if (k >= 0 && k < this.asize) return this.array[k];
    const at = this.where.get(k);
    return at !== undefined && this.nodes[at].value;
  }

  /** lj_tab_len. */
  length(): number {
    let j = this.asize;
    if (j > 1 && !this.array[j - 1]) {
      let i = 1;
      while (j - i > 1) {
        const m = (i + j) >>> 1;
        if (!this.array[m - 1]) j = m;
        else i = m;
      }
      return i - 1;
    }
    if (j > 0) j--;
    if (this.nodes.length === 0) return j;
    // unbound_search: widen, then bisect
    let i = j;
    j++;
    while (this.has(j)) {
      i = j;
      j *= 2;
      if (j > 0x7ffffffd) {
        i = 1;
        while (this.has(i)) i++;
        return i - 1;
      }
    }
    while (j - i > 1) {
      const m = Math.floor((i + j) / 2);
      if (this.has(m)) i = m;
      else j = m;
    }
    return i;
  }

  /** lj_tab.c rehashtab: sizes both parts for the keys that hold values and the new key ek. */
  private rehash(ek: LuaValue): void {
    const bins: number[] = new Array(MAX_ABITS).fill(0);
    let na = this.countArray(bins);
    let total = 1 + na;
    for (const node of this.nodes) {
      if (!node.value) continue;
      na += countInt(node.key as LuaValue, bins);
      total++;
    }
    na += countInt(ek, bins);
    // bestasize: the largest power of two more than half full
    let size = 0;
    let inArray = 0;
    for (let b = 0, sum = 0; 2 * na > 2 ** b && sum !== na; b++) {
      if (bins[b] > 0 && 2 * (sum += bins[b]) > 2 ** b) {
        size = 2 ** (b + 1) + 1;
        inArray = sum;
      }
    }
    this.resize(size, hsize2hbits(total - inArray));
  }

  private countArray(bins: number[]): number {
    if (this.asize === 0) return 0;
    let na = 0;
    let i = 0;
    for (let b = 0; b < MAX_ABITS; b++) {
      let top = 2 ** (b + 1);
      if (top >= this.asize) {
        top = this.asize - 1;
        if (i > top) break;
      }
      let n = 0;
      for (; i <= top; i++) if (this.array[i]) n++;
      bins[b] += n;
      na += n;
    }
    return na;
  }

  /** lj_tab.c resizetab: keys that hold values move to whichever part now takes them. */
  private resize(asize: number, hbits: number): void {
    const oldArray = this.array;
    const oldNodes = this.nodes;
    this.array = oldArray.slice(0, asize);
    for (let i = oldArray.length; i < asize; i++) this.array.push(false);
    const oldAsize = this.asize;
    this.asize = asize;
    const size = hbits === 0 ? 0 : 2 ** hbits;
    this.nodes = [];
    for (let i = 0; i < size; i++) this.nodes.push({ key: FREE, value: false });
    this.freetop = size;
    this.where = new Map();
    for (let i = asize; i < oldAsize; i++) if (oldArray[i]) this.set(i, true);
    for (const node of oldNodes) if (node.value) this.set(node.key as LuaValue, true);
  }
}

/**
 * A constructor as luajit compiles it, field by field in source order (compiler/frontend/
 * constants.ts constructorPlan makes it):
 * - `template`: a constant key with a constant value (`hasValue`: not nil), or a string key with
 *   any value (with `entry` when the constructor stores it as it runs);
 * - `store`: stored when the constructor runs, from `layout.dynamic[entry]` (an item or key whose
 *   key is `key`, or read from the entry when the key is computed: `key` undefined);
 * - `run`: the trailing call or `...`, whose values fill the array from `key` on (BC_TSETM);
 *   with `entry` when the compiler knows it gives one value and stores it as an item.
 * Each field also counts as luajit counts it: an item (`item`), a hash key, or a `[0]` key.
 */
export interface ConstructorField {
  readonly kind: 'template' | 'store' | 'run';
  readonly count: 'item' | 'hash' | 'zero';
  readonly key?: LuaValue;
  readonly hasValue?: boolean;
  /** The index of its entry in the constructor's dynamic entries (tableLayout). */
  readonly entry?: number;
}

export interface ConstructorPlan {
  readonly fields: readonly ConstructorField[];
  /** How many constant entries come before the dynamic ones in buildTable's entries. */
  readonly consts: number;
  /** How many items it has (a trailing call or `...` aside). */
  readonly items: number;
  /** Keys in brackets that may be integers outside the items: the border can move even without holes. */
  readonly integerKeys: boolean;
  /** How to build the template, once worked out (it depends on the constructor alone). */
  template?: { readonly asize: number; readonly hbits: number; readonly build: (m: TableLayoutModel) => void };
  /** `#` of a constructor of constants only, once worked out (null: it stores values as it runs). */
  constant?: number | null;
  /**
   * `#` by which of its stores were nil (a bit each), for constructors whose keys are all known
   * and that have no trailing call (null for the others): a constructor in a loop models its
   * layout once per pattern of holes.
   */
  byHoles?: { readonly stores: readonly ConstructorField[]; readonly lengths: Map<number, number> } | null;
}

/** What a constructor stored when it ran: a field's key and value, the run's values. */
export interface ConstructorValues {
  entry(f: ConstructorField): [LuaValue, LuaValue];
  run(): LuaValue[];
}

/** luajit's `#` of the table the constructor built with these values. */
export function constructorLength(plan: ConstructorPlan, values: ConstructorValues): number {
  plan.constant ??= plan.fields.every((f) => f.kind === 'template' && f.entry === undefined) ? templateOf(plan).length() : null;
  if (plan.constant !== null) return plan.constant; // (a constructor run in a loop models it once)
  const cache = (plan.byHoles ??= byHoles(plan));
  if (cache === null) return modelLength(plan, values);
  const { stores, lengths } = cache;
  let holes = 0;
  for (let i = 0; i < stores.length; i++) if (values.entry(stores[i])[1] === undefined) holes |= 1 << i;
  let n = lengths.get(holes);
  if (n === undefined) lengths.set(holes, (n = modelLength(plan, values)));
  return n;
}

function byHoles(plan: ConstructorPlan): NonNullable<ConstructorPlan['byHoles']> | null {
  const stores = plan.fields.filter((f) => f.entry !== undefined);
  return stores.length <= 30 && stores.every((f) => f.kind !== 'run' && f.key !== undefined) ? { stores, lengths: new Map() } : null;
}

function modelLength(plan: ConstructorPlan, values: ConstructorValues): number {
  const m = templateOf(plan);
  for (const f of plan.fields) {
    if (f.entry !== undefined && f.kind !== 'run') {
      const [k, v] = values.entry(f);
      m.set(f.key === undefined ? normalKey(k) : f.key, v !== undefined);
    } else if (f.kind === 'run') {
      const run = f.entry === undefined ? values.run() : [values.entry(f)[1]];
      m.storeRun(f.key as number, run.map((v) => v !== undefined));
    }
  }
  return m.length();
}

function normalKey(k: LuaValue): LuaValue {
  return k === 0 ? 0 : k; // -0 is 0
}

/** The table TNEW or TDUP starts from: the parser's template (how to build it is worked out once per constructor). */
function templateOf(plan: ConstructorPlan): TableLayoutModel {
  const t = (plan.template ??= buildTemplate(plan.fields));
  const m = new TableLayoutModel(t.asize, t.hbits);
  t.build(m);
  return m;
}

function buildTemplate(fields: readonly ConstructorField[]): NonNullable<ConstructorPlan['template']> {
  let narr = 1;
  let nhash = 0;
  let needarr = false;
  let template: { asize: number; hbits: number } | undefined;
  const steps: ((m: TableLayoutModel) => void)[] = [];
  for (const f of fields) {
    if (f.count === 'item') { narr++; needarr = true; } else if (f.count === 'zero') needarr = true;
    else nhash++;
    if (f.kind !== 'template') continue;
    // the template is made at its first constant entry, sized by what was counted so far
    template ??= { asize: needarr ? narr : 0, hbits: hsize2hbits(nhash) };
    const key = f.key;
    const hasValue = f.hasValue === true || f.entry !== undefined; // a string key's dummy
    steps.push((m) => m.set(key, hasValue));
  }
  if (template === undefined) {
    // BC_TNEW: the array part sized for the items (at least 3), the hash for the keys
    let asize = needarr ? Math.min(Math.max(narr, 3), 0x7ff) : 0;
    if (asize === 0x7ff) asize = 0x801;
    return { asize, hbits: hsize2hbits(nhash), build: () => {} };
  }
  const dummies = fields.filter((f) => f.kind === 'template' && f.entry !== undefined).map((f) => f.key);
  return {
    ...template,
    build: (m) => {
      for (const step of steps) step(m);
      if (needarr && m.asize < narr) m.reasize(narr - 1);
      // the dummy values of string keys filled at run time become nil (their keys stay)
      for (const k of dummies) m.set(k, false);
    },
  };
}
