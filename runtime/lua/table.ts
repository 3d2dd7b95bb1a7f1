// Lua tables: an array part for keys 1..n and an insertion-ordered hash part.
// Assigning nil to a hash key leaves a dead slot so that `next` can go on from it
// (Lua allows clearing fields during traversal); dead slots are swept only when a new
// key is inserted, which Lua declares undefined during traversal anyway.
import { libError, LuaError } from './errors.js';
import { TABLE_TAG, type LuaValue } from './value.js';

interface Slot {
  key: LuaValue;
  value: LuaValue;
  index: number;
}

/**
 * Up to this many hash slots are searched linearly and need no `Map`: most tables are small
 * records, which then cost one array to build and a few `===` to read.
 */
const SCAN_SLOTS = 8;

export class LuaTable {
  readonly [TABLE_TAG] = true;
  /** Values of keys 1..arr.length; may hold holes but never ends with one. */
  arr: LuaValue[];
  /** Key -> slot, once there are more than SCAN_SLOTS slots; before that, slots are scanned. */
  private hash: Map<LuaValue, Slot> | undefined;
  private slots: Slot[] | undefined;
  private dead = 0;
  /** The longest the array part has been: `next` accepts integer keys up to it (luajit's array size). */
  private arrPeak = 0;
  metatable: LuaTable | undefined = undefined;

  constructor(arr?: LuaValue[]) {
    this.arr = arr ?? [];
    if (arr !== undefined) trimTrailingNils(arr);
  }

  get(key: LuaValue): LuaValue {
    if (typeof key === 'number') {
      const arr = this.arr;
      if (key >= 1 && key <= arr.length && Number.isInteger(key)) return arr[key - 1];
    }
    const slot = this.find(key);
    return slot === undefined ? undefined : slot.value;
  }

  getStr(key: string): LuaValue {
    const slot = this.find(key);
    return slot === undefined ? undefined : slot.value;
  }

  /** The slot of a key (live or dead). */
  private find(key: LuaValue): Slot | undefined {
    if (this.hash !== undefined) return this.hash.get(key);
    const slots = this.slots;
    if (slots === undefined) return undefined;
    for (let i = 0; i < slots.length; i++) if (slots[i].key === key) return slots[i];
    return undefined;
  }

  getInt(key: number): LuaValue {
    if (key >= 1 && key <= this.arr.length) return this.arr[key - 1];
    return this.get(key);
  }

  set(key: LuaValue, value: LuaValue): void {
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
        if (key === n + 1 && value !== undefined && this.find(key) === undefined) {
          arr.push(value);
          if (this.slots !== undefined && this.slots.length > 0) this.migrateFromHash();
          return;
        }
      } else if (Number.isNaN(key)) {
        throw libError('table index is NaN');
      }
    } else if (key === undefined) {
      throw libError('table index is nil');
    }
    this.setHash(key, value);
  }

  setStr(key: string, value: LuaValue): void {
    this.setHash(key, value);
  }

  private setHash(key: LuaValue, value: LuaValue): void {
    if (key === 0) key = 0; // -0 and 0 are one key; Lua prints it as 0
    if (this.slots === undefined) {
      if (value === undefined) return;
      this.slots = [{ key, value, index: 0 }];
      return;
    }
    const slot = this.find(key);
    if (slot !== undefined) {
      if (slot.value === undefined) {
        if (value !== undefined) this.dead--;
      } else if (value === undefined) {
        this.dead++;
      }
      slot.value = value;
      return;
    }
    if (value === undefined) return;
    const slots = this.slots!;
    if (this.dead > 8 && this.dead * 2 > slots.length) this.sweep();
    const fresh: Slot = { key, value, index: this.slots!.length };
    this.slots!.push(fresh);
    if (this.hash !== undefined) this.hash.set(key, fresh);
    else if (this.slots!.length > SCAN_SLOTS) this.hash = new Map(this.slots!.map((x) => [x.key, x]));
  }

  /** Removes a slot's key from the index (a dead slot stays in `slots` until the next sweep). */
  private unindex(slot: Slot): void {
    if (this.hash !== undefined) {
      if (this.hash.get(slot.key) === slot) this.hash.delete(slot.key);
    } else {
      // without an index, a key is found by scanning: make this slot unfindable
      const slots = this.slots!;
      slots[slot.index] = { key: undefined, value: undefined, index: slot.index };
    }
  }

  /** Moves keys n+1, n+2, ... from the hash part into the array part after a push. */
  private migrateFromHash(): void {
    const arr = this.arr;
    for (;;) {
      const slot = this.find(arr.length + 1);
      if (slot === undefined || slot.value === undefined) return;
      arr.push(slot.value);
      this.unindex(slot);
      slot.value = undefined;
      this.dead++;
    }
  }

  private sweep(): void {
    const live: Slot[] = [];
    for (const slot of this.slots!) {
      if (slot.value === undefined) {
        // A migrated key may be back in the hash under a newer slot: keep that one.
        if (this.hash !== undefined && this.hash.get(slot.key) === slot) this.hash.delete(slot.key);
      } else {
        slot.index = live.length;
        live.push(slot);
      }
    }
    this.slots = live;
    this.dead = 0;
  }

  /** The border `#t`: n such that t[n] ~= nil and t[n+1] == nil (0 when t[1] == nil). */
  length(): number {
    const n = this.arr.length;
    if (this.slots === undefined || this.slots.length === this.dead) return n;
    let j = n;
    while (this.get(j + 1) !== undefined) j++;
    return j;
  }

  /**
   * Lua's `next`: the entry after `key` (array part first, then hash insertion order),
   * or undefined at the end. Returns the key; the value is in `this.nextValue`.
   */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    const arr = this.arr;
    let i = 0;
    if (key !== undefined) {
      // An integer key past the array part may have been cleared (and trimmed) during the
      // traversal: continue after it rather than failing; any other missing key is an error.
      if (typeof key === 'number' && Number.isInteger(key) && key >= 1 &&
          (key <= arr.length || (key <= this.arrPeak && this.find(key) === undefined))) {
        i = key;
      } else {
        const slot = this.find(key);
        if (slot === undefined) throw new LuaError("invalid key to 'next'"); // from C in luajit: no position
        return this.nextInHash(slot.index + 1);
      }
    }
    for (; i < arr.length; i++) {
      if (arr[i] !== undefined) return [i + 1, arr[i]];
    }
    return this.nextInHash(0);
  }

  private nextInHash(from: number): [LuaValue, LuaValue] | undefined {
    const slots = this.slots;
    if (slots === undefined) return undefined;
    for (let i = from; i < slots.length; i++) {
      const slot = slots[i];
      if (slot.value !== undefined) return [slot.key, slot.value];
    }
    return undefined;
  }

  /** Number of live hash entries (for sizing decisions, e.g. JSON array detection). */
  hashCount(): number {
    return this.slots === undefined ? 0 : this.slots.length - this.dead;
  }

  /**
   * The hash part's slots in traversal order, for hot loops that must not allocate per entry
   * (the HTTP JSON encoder). A slot whose value is undefined is dead: skip it. Read only.
   */
  hashSlots(): readonly { readonly key: LuaValue; readonly value: LuaValue }[] | undefined {
    return this.slots;
  }

  /** Live hash entries in traversal order. */
  *hashEntries(): IterableIterator<[LuaValue, LuaValue]> {
    if (this.slots === undefined) return;
    for (const slot of this.slots) if (slot.value !== undefined) yield [slot.key, slot.value];
  }
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
