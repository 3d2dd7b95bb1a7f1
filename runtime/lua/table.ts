// Lua tables, one representation for the interpreter, compiled code and every library.
//
// - `arr`: the values of keys 1..n (the array part).
// - `f`: the values of "plain" string keys as properties of a JS object, so that compiled code
//   reading a constant key (`p.vx`) gets a V8 inline cache: `t.f.vx` is a monomorphic load.
// - `other`: every other key (numbers outside 1..n, booleans, tables, functions, and strings
//   a JS object would treat specially: array-index-like ones and `__proto__`).
// - `order`: all hash keys in insertion order, the traversal order. It is only built once it
//   can differ from the order of `f`'s own properties (JS keeps non-index string keys in
//   insertion order), i.e. when `other` gets a key or `next` needs positions.
//
// Assigning nil keeps the key with an undefined value (a dead key) so that `next` can go on
// from it; never `delete`, which would drop the fields object into V8's dictionary mode. Dead
// keys are swept when a new key is inserted and they are the majority (Lua declares inserting
// during traversal undefined anyway).
//
// Method lookups through `__index` tables use JS prototype chains, so that V8 caches them and
// invalidates them when a class table changes: each table used as a metatable has a `view`
// object whose prototype is the `f` of its `__index` table, and a table serving as an `__index`
// target (a "linked" table) has its own `f` inherit from its metatable's view. Reading
// `t.metatable.view.k` is then Lua's `__index` walk, for the values that walk finds. A linked
// table's `f` sees inherited properties, so its raw reads check ownership. See docs/VALUE_MODEL.md.
import { LuaError, rtError } from './errors.js';
import { TABLE_TAG, type LuaValue } from './value.js';

/**
 * Marks a chain of views that stops before Lua's `__index` walk would (an `__index` function
 * or other value, or a cycle): a key missing from such a chain may still have a value.
 * Chains that end without it are complete: a key none of their objects has is nil.
 */
export const CUT: unique symbol = Symbol('the __index chain goes on past here');

/** The own plain-string fields of one table. */
export interface Fields {
  [key: string]: LuaValue;
  [CUT]?: true;
}

/**
 * A table whose fields object has the named fields of `F` (compiled code's proven records: a
 * TS interface of the fields their code stores). A type only: the table is a LuaTable, and
 * `f` is undefined in map mode like any table's (see MAP_MODE_KEYS).
 */
export type LuaRecord<F extends Fields> = LuaTable & { readonly f: F | undefined };

/** The prototype of unlinked fields objects: inherits nothing (not even Object.prototype). */
const NO_FIELDS: Fields = Object.create(null) as Fields;
/**
 * Fields objects are made by `new`, which gives them fast properties and in-object slack.
 * Compiled code may name the fields it stores (`new FieldsObject<PointFields>()`): a type only.
 */
export const FieldsObject = function FieldsObject(this: Fields) {} as unknown as new <F extends Fields = Fields>() => F;
FieldsObject.prototype = NO_FIELDS;

/**
 * The fields of a table that has never had a plain string key (arrays, empty tables): one
 * shared object, so that those cost no allocation; replaced on the first insert (see own()).
 */
const NO_KEYS: Fields = Object.freeze(new FieldsObject());

/** The view of a table that is not a metatable with a table `__index`: finds nothing. */
const NO_VIEW: Fields = new FieldsObject();

/** A subclass instance's fields after `arr` and `f`, as the constructor sets them (see LuaTable). */
const SUBCLASS_FIELDS = { keys: 0, mt: undefined, view: NO_VIEW, x: undefined };

const CUT_FIELDS: Fields = Object.create(NO_FIELDS) as Fields;
CUT_FIELDS[CUT] = true;

/** A string key that can be a property of a fields object without JS giving it a meaning. */
export function isPlainKey(k: string): boolean {
  const c = k.charCodeAt(0);
  // Digits: integer-like names are ordered before all others by JS. `__proto__`: an accessor.
  return !(c >= 48 && c <= 57) && k !== '__proto__';
}

const hasOwn = Object.hasOwn as (o: object, k: string) => boolean;

/**
 * Adds a property to a fields object, keeping the object in V8's fast mode while it can be.
 * A keyed store (`f[key] = v`) that adds a property turns the object into a dictionary once it
 * has more than 12 properties outside the object (more than 12 to 25 in all, depending on the
 * in-object slots V8 gave FieldsObject), while a definition keeps it fast up to 128: a
 * library table, `_G` or a class with many methods would otherwise be a hash lookup at every
 * compiled `math.sqrt` or `obj:method()`. A definition costs about 8 times a store, so it is
 * used only from the 13th key (tables of up to 12 keys, most records and request tables, pay
 * nothing), and not past 120, where V8 gives up fast mode anyway.
 */
function addField(f: Fields, key: string, value: LuaValue, keys: number): void {
  if (keys < 12 || keys >= 120) f[key] = value;
  else Object.defineProperty(f, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The value of the entry `LuaTable.nextKey` found last (one register for every traversal). */
export const found: { value: LuaValue } = { value: undefined };

/**
 * A table without a metatable that gets this many hash keys moves its plain keys into `other`
 * (map mode, `f` undefined): a big dynamic map's fields object is a V8 dictionary, and a
 * lookup with a freshly built key string first internalizes the string, which costs more than
 * a `Map`'s hashing. Compiled constant-key sites then miss and take the runtime. A table leaves
 * map mode when it gets a metatable, becomes one or becomes an `__index` target (compiled
 * method lookups read the own fields before the class's). Measured in docs/VALUE_MODEL.md.
 */
export const MAP_MODE_KEYS = 1024;

/**
 * Tables never in map mode: environments, whose compiled global reads load `f` unguarded. A
 * set rather than a flag in TableExtra: a sidecar made for the globals table slowed
 * particles (compiled field arithmetic and math.sqrt) by 10%, measured but not understood.
 */
const PINNED = new WeakSet<LuaTable>();

/** Keeps a key's position in `order` once it has moved to the array part (see migrate). */
const MOVED = Symbol('moved to the array part');

/**
 * What only some tables need: other keys, the traversal order once `f` cannot give it, dead
 * keys, `next`'s bookkeeping, and what a metatable or an `__index` table keeps. Kept apart so
 * that the many tables that never need it (records, arrays, the nodes of a tree) are smaller:
 * a table's size is most of what an allocation-heavy program costs the garbage collector.
 */
class TableExtra {
  /** Values of all other hash keys; undefined values are dead keys. */
  other: Map<LuaValue, LuaValue> | undefined = undefined;
  /** Hash keys in traversal order, when it cannot be read off `f` (see the top of this file). */
  order: (LuaValue | typeof MOVED)[] | undefined = undefined;
  /** How many stored hash keys are dead. */
  dead = 0;
  /** The longest the array part has been: `next` accepts integer keys up to it (luajit's array size). */
  arrPeak = 0;
  /** Where the last `next` found its key: traversals ask for the key after the one they got. */
  hint = 0;
  /** `f` inherits from the metatable's view (this table is some metatable's `__index`). */
  linked = false;
  /** As a metatable: its raw `__index` value, kept with the view (reads need no lookup). */
  indexValue: LuaValue = undefined;
}

// The fields are declared here and set in the constructor, not as class fields: a class field
// initializer is one function for every subclass (RequestContext, ResponseValue...), so it sees
// a map per subclass and goes megamorphic, and a megamorphic definition is a runtime call per
// field (a RequestContext took 0.9 µs instead of 0.04). The constructor stores plain tables'
// fields with stores of their own, so that plain tables keep monomorphic stores.
export class LuaTable {
  /** Values of keys 1..arr.length; may hold holes but never ends with one. */
  declare arr: LuaValue[];
  /**
   * Values of plain string keys (see isPlainKey); undefined values are dead keys. Undefined in
   * map mode (see MAP_MODE_KEYS): the plain keys are in `other` then.
   */
  declare f: Fields | undefined;
  /** Hash keys stored (live or dead). */
  private declare keys: number;
  // `mt` and `view` stay fields: compiled method calls read `o.metatable.view.name`, and
  // `view` read through the sidecar made oop_methods 1.16x slower.
  private declare mt: LuaTable | undefined;
  /** As a metatable: what its instances inherit through `__index` (see the top of this file). */
  declare view: Fields;
  /** Created on first need (see TableExtra). */
  private declare x: TableExtra | undefined;

  /** This table's sidecar, made on first need (table.ts only: the fields it keeps are private). */
  extra(): TableExtra {
    return (this.x ??= new TableExtra());
  }

  /** Values of all other hash keys (compiled guards read `other === undefined`). */
  get other(): Map<LuaValue, LuaValue> | undefined {
    const x = this.x;
    return x === undefined ? undefined : x.other;
  }

  /** Only plain string keys in `f`, none inherited: the JSON encoder can read `f` alone. */
  plainFieldsOnly(): boolean {
    const x = this.x;
    return x === undefined || (x.other === undefined && !x.linked);
  }

  /**
   * No metatable and no `other` keys: an integer key k is then `arr[k - 1]` or nil (a hole,
   * or past the end). ops.indexItem and compiled item reads answer from the array alone on this.
   */
  get plainItems(): boolean {
    const x = this.x;
    return this.mt === undefined && (x === undefined || x.other === undefined);
  }

  /** `f` inherits from the metatable's view (this table is some metatable's `__index`). */
  get linked(): boolean {
    const x = this.x;
    return x !== undefined && x.linked;
  }

  /** As a metatable: its raw `__index` value, kept with the view (reads need no lookup). */
  get indexValue(): LuaValue {
    const x = this.x;
    return x === undefined ? undefined : x.indexValue;
  }

  private get order(): (LuaValue | typeof MOVED)[] | undefined {
    return this.x?.order;
  }

  private set order(o: (LuaValue | typeof MOVED)[] | undefined) {
    if (o !== undefined || this.x !== undefined) this.extra().order = o;
  }

  private get dead(): number {
    return this.x === undefined ? 0 : this.x.dead;
  }

  private set dead(n: number) {
    if (n !== 0 || this.x !== undefined) this.extra().dead = n;
  }

  private get arrPeak(): number {
    return this.x === undefined ? 0 : this.x.arrPeak;
  }

  private set arrPeak(n: number) {
    this.extra().arrPeak = n;
  }

  private get hint(): number {
    return this.x === undefined ? 0 : this.x.hint;
  }

  private set hint(n: number) {
    if (n !== 0 || this.x !== undefined) this.extra().hint = n;
  }

  constructor(arr?: LuaValue[], f?: Fields) {
    if (new.target === LuaTable) {
      this.arr = arr ?? [];
      this.f = f ?? NO_KEYS;
      this.keys = 0;
      this.mt = undefined;
      this.view = NO_VIEW;
      this.x = undefined;
    } else {
      this.arr = arr ?? [];
      this.f = f ?? NO_KEYS;
      Object.assign(this, SUBCLASS_FIELDS);
    }
    if (arr !== undefined) trimTrailingNils(arr);
  }

  /**
   * A table of fields built by the caller (compiled constructors): `f` a new FieldsObject
   * holding `keys` properties, none undefined; `arr` the items 1..n.
   */
  static record<F extends Fields>(f: F, keys: number, arr?: LuaValue[]): LuaRecord<F> {
    const t = new LuaTable(arr, f);
    t.keys = keys;
    return t as LuaRecord<F>;
  }

  get metatable(): LuaTable | undefined {
    return this.mt;
  }

  set metatable(mt: LuaTable | undefined) {
    if (mt !== undefined && this.f === undefined) this.leaveMapMode();
    this.mt = mt;
    if (mt !== undefined && mt.view === NO_VIEW) mt.makeView();
    if (this.linked) relink(this);
  }

  // ---- reads ----

  get(key: LuaValue): LuaValue {
    if (typeof key === 'string') return this.getStr(key);
    if (typeof key === 'number') {
      const arr = this.arr;
      if (key >= 1 && key <= arr.length && Number.isInteger(key)) return arr[key - 1];
      if (key === 0) key = 0; // -0 and 0 are one key
    }
    return otherValue(this.x, key);
  }

  getStr(key: string): LuaValue {
    const f = this.f;
    if (f === undefined || !isPlainKey(key)) return otherValue(this.x, key);
    const v = f[key];
    return v === undefined || !this.linked || hasOwn(f, key) ? v : undefined;
  }

  getInt(key: number): LuaValue {
    if (key >= 1 && key <= this.arr.length) return this.arr[key - 1];
    return this.get(key);
  }

  // ---- writes ----

  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === 'string') {
      this.setStr(key, value);
      return;
    }
    if (typeof key === 'number') {
      if (Number.isInteger(key) && key >= 1) {
        const arr = this.arr;
        const n = arr.length;
        if (key <= n) {
          arr[key - 1] = value;
          if (value === undefined && key === n) {
            if (n > this.arrPeak) this.arrPeak = n;
            trimTrailingNils(arr);
          }
          return;
        }
        const other = this.other;
        if (key === n + 1 && value !== undefined && (other === undefined || !other.has(key))) {
          arr.push(value);
          if (other !== undefined && other.size > 0) this.migrate();
          return;
        }
      } else if (Number.isNaN(key)) {
        throw rtError('table index is NaN', '@__newindex');
      } else if (key === 0) {
        key = 0; // -0 and 0 are one key; Lua prints it as 0
      }
    } else if (key === undefined) {
      throw rtError('table index is nil', '@__newindex');
    }
    this.setOther(key, value);
  }

  setStr(key: string, value: LuaValue): void {
    const f = this.f;
    if (f === undefined || !isPlainKey(key)) {
      this.setOther(key, value);
      return;
    }
    const old = f[key];
    if (old !== undefined && (!this.linked || hasOwn(f, key))) {
      if (value === undefined) this.dead++;
      f[key] = value;
    } else if (hasOwn(f, key)) {
      // a dead key comes back to life where it was
      if (value === undefined) return;
      this.dead--;
      f[key] = value;
    } else {
      if (value === undefined) return;
      this.beforeInsert();
      if (this.keys >= MAP_MODE_KEYS && this.mayEnterMapMode()) {
        this.enterMapMode();
        this.setOther(key, value);
        return;
      }
      addField(this.ownFields(), key, value, this.keys);
      this.order?.push(key);
      this.keys++;
    }
    if (key === '__index' && this.view !== NO_VIEW) relinkView(this);
  }

  private setOther(key: LuaValue, value: LuaValue): void {
    let other = this.other;
    if (other !== undefined && other.has(key)) {
      const old = other.get(key);
      if (old === undefined) {
        if (value === undefined) return;
        this.dead--;
      } else if (value === undefined) {
        this.dead++;
      }
      other.set(key, value);
      return;
    }
    if (value === undefined) return;
    this.beforeInsert();
    this.order ??= Object.keys(this.f!); // map mode builds order before it drops f
    other ??= this.extra().other = new Map();
    other.set(key, value);
    this.order.push(key);
    this.keys++;
  }

  /** This table's own fields object (the shared empty one is replaced before a write; leaves map mode). */
  ownFields(): Fields {
    const f = this.f;
    if (f === NO_KEYS) return (this.f = new FieldsObject());
    return f ?? this.leaveMapMode();
  }

  /** Keeps this table out of map mode for good (environments: see PINNED). */
  pinFields(): void {
    this.ownFields();
    PINNED.add(this);
  }

  private mayEnterMapMode(): boolean {
    const x = this.x;
    return this.mt === undefined && this.view === NO_VIEW && (x === undefined || !x.linked) && !PINNED.has(this);
  }

  /** Moves the plain keys, live and dead, into `other`; `order` keeps the traversal order. */
  private enterMapMode(): void {
    const f = this.f!;
    const x = this.extra();
    x.order ??= Object.keys(f);
    const other = (x.other ??= new Map());
    for (const k of Object.keys(f)) other.set(k, f[k]);
    this.f = undefined;
  }

  /** Moves the plain keys back into a new fields object, in traversal order; returns it. */
  private leaveMapMode(): Fields {
    const f = new FieldsObject();
    const x = this.x!;
    const other = x.other!;
    let n = 0;
    for (const k of x.order!) {
      if (typeof k !== 'string' || !isPlainKey(k)) continue;
      addField(f, k, other.get(k), n++);
      other.delete(k);
    }
    this.f = f;
    return f;
  }

  /** A new hash key is coming: first sweep the dead keys when they are the majority. */
  private beforeInsert(): void {
    if (this.dead > 8 && this.dead * 2 > this.keys) this.sweep();
  }

  private sweep(): void {
    const f = this.f;
    if (f !== undefined) {
      for (const k of Object.keys(f)) {
        // delete drops the object to dictionary mode: only tables that churn keys get here
        if (f[k] === undefined) delete f[k];
      }
    }
    const other = this.other;
    if (other !== undefined) for (const [k, v] of other) if (v === undefined) other.delete(k);
    if (this.order !== undefined) {
      this.order = this.order.filter((k) => k !== MOVED && this.hashValue(k as LuaValue) !== undefined);
    }
    this.keys -= this.dead;
    this.dead = 0;
    this.hint = 0;
  }

  /** Moves keys n+1, n+2, ... from the hash part into the array part after a push. */
  private migrate(): void {
    const arr = this.arr;
    const other = this.other!;
    let moved: Set<LuaValue> | undefined;
    for (;;) {
      const k = arr.length + 1;
      const v = other.get(k);
      if (v === undefined) break;
      arr.push(v);
      other.delete(k);
      (moved ??= new Set()).add(k);
    }
    if (moved !== undefined) this.movedToArray(moved);
  }

  /** Keys moved from the hash part into the array part keep their places in the order, as dead keys. */
  private movedToArray(moved: Set<LuaValue>): void {
    // (so that a traversal can go on from them)
    const order = this.order!;
    for (let i = 0; i < order.length; i++) if (moved.has(order[i] as LuaValue)) order[i] = MOVED;
    this.dead += moved.size;
  }

  /**
   * Makes `#` answer `border`, a border of this table (t[border] is not nil, t[border + 1] is):
   * the integer keys up to it go in the array part, holes and all, those above it in the hash
   * part. Table constructors give luajit's border this way (runtime/lua/luajit-table.ts).
   */
  setBorder(border: number): void {
    const arr = this.arr;
    if (border < arr.length) {
      const above = arr.splice(border);
      for (let i = 0; i < above.length; i++) if (above[i] !== undefined) this.setOther(border + 1 + i, above[i]);
      return;
    }
    const other = this.other;
    if (border === arr.length || other === undefined) return;
    const moved = new Set<LuaValue>();
    for (let k = arr.length + 1; k <= border; k++) {
      const v = other.get(k);
      arr.push(v);
      if (v !== undefined) {
        other.delete(k);
        moved.add(k);
      }
    }
    this.movedToArray(moved);
  }

  // ---- length and traversal ----

  /** The border `#t`: n such that t[n] ~= nil and t[n+1] == nil (0 when t[1] == nil). */
  length(): number {
    const n = this.arr.length;
    const other = this.other;
    if (other === undefined || other.size === 0) return n;
    let j = n;
    while (other.get(j + 1) !== undefined) j++;
    return j;
  }

  /** The raw value of a hash key (undefined when absent or dead). */
  hashValue(key: LuaValue): LuaValue {
    if (typeof key === 'string') return this.getStr(key);
    return otherValue(this.x, key);
  }

  /**
   * Lua's `next`: the entry after `key` (array part first, then hash insertion order),
   * or undefined at the end.
   */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    const k = this.nextKey(key);
    return k === undefined ? undefined : [k, found.value];
  }

  /**
   * Lua's `next` without an entry array: the key after `key`, its value left in
   * `found.value` (read it before anything else traverses), or undefined at the end.
   * Compiled `pairs` loops call this each step; `next` is this and an array.
   */
  nextKey(key: LuaValue): LuaValue {
    const arr = this.arr;
    let i = 0;
    if (key !== undefined) {
      if (typeof key === 'number' && Number.isInteger(key) && key >= 1 &&
          (key <= arr.length || (key <= this.arrPeak && !(this.other?.has(key) ?? false)))) {
        // An integer key past the array part may have been cleared (and trimmed) during the
        // traversal: go on after it rather than failing; any other missing key is an error.
        i = key;
      } else {
        const at = this.hashPosition(key);
        if (at < 0) throw new LuaError("invalid key to 'next'"); // from C in luajit: no position
        return this.nextInHash(at + 1);
      }
    }
    for (; i < arr.length; i++) {
      const v = arr[i];
      if (v !== undefined) {
        found.value = v;
        return i + 1;
      }
    }
    return this.nextInHash(0);
  }

  /** The position of a hash key in the traversal order, or -1. */
  private hashPosition(key: LuaValue): number {
    if (key === 0) key = 0;
    const order = this.traversalOrder();
    const hint = this.hint;
    if (order[hint] === key) return hint;
    return order.indexOf(key);
  }

  private traversalOrder(): readonly (LuaValue | typeof MOVED)[] {
    return (this.order ??= Object.keys(this.f!)); // map mode always has order
  }

  private nextInHash(from: number): LuaValue {
    if (this.keys === 0) return undefined;
    const order = this.traversalOrder();
    for (let i = from; i < order.length; i++) {
      const k = order[i];
      if (k === MOVED) continue;
      const v = this.hashValue(k);
      if (v !== undefined) {
        this.hint = i;
        found.value = v;
        return k;
      }
    }
    return undefined;
  }

  /** Number of live hash entries. */
  hashCount(): number {
    return this.keys - this.dead;
  }

  /**
   * The hash keys in traversal order, dead ones included (read their values with hashValue
   * and skip undefined ones). For loops that must not allocate per entry (the JSON encoder).
   */
  hashKeys(): readonly LuaValue[] {
    // read, never built here: building `order` would make every later insert maintain it
    const order = this.order;
    if (order === undefined) return Object.keys(this.f!); // map mode always has order
    if (this.dead === 0 || !order.includes(MOVED)) return order as readonly LuaValue[];
    return order.filter((k): k is LuaValue => k !== MOVED);
  }

  /** Live hash entries in traversal order. */
  *hashEntries(): IterableIterator<[LuaValue, LuaValue]> {
    if (this.keys === 0) return;
    for (const k of this.traversalOrder()) {
      if (k === MOVED) continue;
      const v = this.hashValue(k);
      if (v !== undefined) yield [k, v];
    }
  }

  /** Gives this metatable its view if it has none yet (the strings' metatable gets no instance that would). */
  ensureView(): void {
    if (this.view === NO_VIEW) this.makeView();
  }

  /** Builds this table's view as a metatable (what `__index` finds for its instances). */
  private makeView(): void {
    if (this.f === undefined) this.leaveMapMode(); // metatables stay out of map mode
    this.view = new FieldsObject();
    relinkView(this);
  }
}

// Every table is tagged through its prototype: an own property would cost each table a slot.
(LuaTable.prototype as unknown as { [TABLE_TAG]: true })[TABLE_TAG] = true;

/** Points a metatable's view at the fields of its `__index` table (or at nothing). */
function relinkView(mt: LuaTable): void {
  const index = mt.getStr('__index');
  mt.extra().indexValue = index;
  let proto = index === undefined ? NO_FIELDS : CUT_FIELDS;
  if (index instanceof LuaTable) {
    if (!index.linked) {
      index.extra().linked = true;
      relink(index);
    }
    proto = index.ownFields();
  }
  setProto(mt.view, proto);
}

/** Points a linked table's fields at its metatable's view. */
function relink(t: LuaTable): void {
  const mt = t.metatable;
  setProto(t.ownFields(), mt === undefined ? NO_FIELDS : mt.view);
}

function setProto(o: Fields, proto: Fields): void {
  if (Object.getPrototypeOf(o) === proto) return;
  try {
    Object.setPrototypeOf(o, proto);
  } catch {
    // An __index cycle: the chain stops here; lookups past it take the runtime's path,
    // which reports the loop as Lua does.
    Object.setPrototypeOf(o, CUT_FIELDS);
  }
}

/** The value of a key kept in `other` (undefined when absent or dead). */
function otherValue(x: TableExtra | undefined, key: LuaValue): LuaValue {
  if (x === undefined) return undefined;
  const other = x.other;
  return other === undefined ? undefined : other.get(key);
}

function trimTrailingNils(arr: LuaValue[]): void {
  let n = arr.length;
  if (n === 0 || arr[n - 1] !== undefined) return; // setting length is not free, even unchanged
  while (n > 0 && arr[n - 1] === undefined) n--;
  arr.length = n;
}

export function isTable(v: unknown): v is LuaTable {
  return v instanceof LuaTable;
}
