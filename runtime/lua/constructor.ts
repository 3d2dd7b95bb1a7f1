// Table constructors as luajit builds them: the caller passes constant entries first (luajit's
// template), then the other entries in source order, then a trailing multi-value's values.
// A constructor that can leave holes (a nil item, a trailing call, integer keys) has a plan
// (compiler/frontend/constants.ts constructorPlan): when it did leave one, `#` is set to the
// border luajit's table layout gives (luajit-table.ts), `#{1, nil, 3}` 1 and `#{nil, 2}` 2.
import { constructorLength, type ConstructorField, type ConstructorPlan } from './luajit-table.js';
import { LuaTable } from './table.js';
import type { LuaValue } from './value.js';

/** `entries` holds key, value pairs; positional items use their index as key. */
export function buildTable(size: number, entries: LuaValue[], tail: LuaValue[] | undefined, plan?: ConstructorPlan): LuaTable {
  const t = buildEntries(size, entries, tail);
  if (plan !== undefined && !dense(t, plan, size + (tail?.length ?? 0))) {
    const at = 2 * plan.consts;
    setLength(t, constructorLength(plan, {
      entry: (f) => [entries[at + 2 * f.entry!], entries[at + 2 * f.entry! + 1]],
      run: () => tail ?? [],
    }));
  }
  return t;
}

/**
 * A table built by compiled code from items and field names (no computed key, no trailing
 * call) whose items may be nil: gets luajit's border if it has a hole.
 */
export function exactBorder<T extends LuaTable>(t: T, plan: ConstructorPlan): T {
  if (!dense(t, plan, plan.items)) {
    setLength(t, constructorLength(plan, { entry: (f: ConstructorField) => [f.key, t.get(f.key)], run: () => [] }));
  }
  return t;
}

function setLength(t: LuaTable, border: number): void {
  if (border !== t.length()) t.setBorder(border);
}

/** Items 1..n and nothing else under an integer key: `#` is n under luajit too. */
function dense(t: LuaTable, plan: ConstructorPlan, n: number): boolean {
  const arr = t.arr;
  if (plan.integerKeys || arr.length !== n) return false;
  for (let i = 0; i < n; i++) if (arr[i] === undefined) return false;
  return true;
}

function buildEntries(size: number, entries: LuaValue[], tail: LuaValue[] | undefined): LuaTable {
  // Items only, ending in a value, and a tail without nil: storing the tail one value at a
  // time would push each value, so the array part is presized to hold them all (pushing
  // onto a presized array grows its store to 17 slots: half of a binary tree's memory).
  const extra = tail !== undefined && tail.length > 0 && fitsArrayPart(size, entries, tail) ? tail.length : 0;
  const arr: LuaValue[] = new Array(size + extra);
  let hash: LuaValue[] | undefined;
  for (let i = 0; i < entries.length; i += 2) {
    const k = entries[i];
    if (typeof k === 'number' && k >= 1 && k <= size && Number.isInteger(k)) arr[k - 1] = entries[i + 1];
    else (hash ??= []).push(k, entries[i + 1]);
  }
  if (extra > 0) {
    for (let i = 0; i < extra; i++) arr[size + i] = tail![i];
    return new LuaTable(arr);
  }
  const t = new LuaTable(arr);
  if (hash !== undefined) for (let i = 0; i < hash.length; i += 2) t.set(hash[i], hash[i + 1]);
  if (tail !== undefined) for (let i = 0; i < tail.length; i++) t.set(size + 1 + i, tail[i]);
  return t;
}

/**
 * Whether the tail goes straight after the items: every entry is an item 1..size (no hash
 * entry), item `size` is not nil (so the array part is not trimmed below it) and no tail
 * value is nil.
 */
function fitsArrayPart(size: number, entries: LuaValue[], tail: LuaValue[]): boolean {
  let last = size === 0;
  for (let i = 0; i < entries.length; i += 2) {
    const k = entries[i];
    if (!(typeof k === 'number' && k >= 1 && k <= size && Number.isInteger(k))) return false;
    if (k === size) last = entries[i + 1] !== undefined;
  }
  if (!last) return false;
  for (let i = 0; i < tail.length; i++) if (tail[i] === undefined) return false;
  return true;
}
