// Table constructors as luajit builds them: the caller passes constant entries first (luajit's
// template), then the other entries in source order, then a trailing multi-value's values.
// Positional items fill a presized array part, so `#{1, nil, 3}` is 3; the tail is stored
// one value at a time, so `#{f()}` stops at f's first nil (luajit's TSETM).
import { LuaTable } from './table.js';
import type { LuaValue } from './value.js';

/** `entries` holds key, value pairs; positional items use their index as key. */
export function buildTable(size: number, entries: LuaValue[], tail: LuaValue[] | undefined): LuaTable {
  const arr: LuaValue[] = new Array(size);
  let hash: LuaValue[] | undefined;
  for (let i = 0; i < entries.length; i += 2) {
    const k = entries[i];
    if (typeof k === 'number' && k >= 1 && k <= size && Number.isInteger(k)) arr[k - 1] = entries[i + 1];
    else (hash ??= []).push(k, entries[i + 1]);
  }
  const t = new LuaTable(arr);
  if (hash !== undefined) for (let i = 0; i < hash.length; i += 2) t.set(hash[i], hash[i + 1]);
  if (tail !== undefined) for (let i = 0; i < tail.length; i++) t.set(size + 1 + i, tail[i]);
  return t;
}
