// Table constructors as luajit builds them: the caller passes constant entries first (luajit's
// template), then the other entries in source order, then a trailing multi-value's values.
// Positional items fill a presized array part, so `#{1, nil, 3}` is 3; the tail is stored
// one value at a time, so `#{f()}` stops at f's first nil (luajit's TSETM).
import { LuaTable } from './table.js';
import type { LuaValue } from './value.js';

/** `entries` holds key, value pairs; positional items use their index as key. */
export function buildTable(size: number, entries: LuaValue[], tail: LuaValue[] | undefined): LuaTable {
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
