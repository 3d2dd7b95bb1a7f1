// Which metamethods the values of a whole program can have: the keys of every metatable it
// can attach, when each one is visible in the source. Operators whose metamethod no value can
// have give their plain result (a number, a string) or an error (types.ts relies on this).
//
// What this relies on: metatables reach Lua values only through `setmetatable` (tables),
// `debug.setmetatable` and `newproxy` (other values), and a metatable is changed only by
// writes to it. The runtime's own objects (strings, Rover's request objects) have none of
// the operator metamethods. So the keys are known when
// - the program loads no code at run time (the caller says so: load, loadstring, dofile,
//   loadfile, require of a module not compiled with it),
// - it never names getmetatable, debug, newproxy, _G, getfenv or setfenv (as a global, a
//   field or a string: `package.loaded._G.getmetatable` is a road to them too), except
//   `debug.traceback` and `debug.getinfo` (they give strings, and tables of their own), and
// - every `setmetatable` is a direct call of the global whose metatable is either a table
//   constructor with constant keys, or a local never reassigned, made by such a constructor
//   and otherwise only used as `mt.name` (read or written) and as setmetatable's metatable.
// Then the possible metamethods are the constant keys of those metatables. When only some
// `setmetatable` calls are not visible, any metamethod may exist except __len: setmetatable
// takes tables only, and luajit's # never runs a table's __len.
import type { Expression, Identifier, Node, TableConstructorExpression } from '../frontend/ast.js';
import { callArguments, isCall } from '../frontend/ast.js';
import { parentMap, walk } from '../frontend/parse.js';
import { fixedLocal, type Resolution } from '../frontend/resolve.js';

/** Names whose use may reach metatables the analysis cannot see. */
const METATABLE_ROADS = new Set(['getmetatable', 'debug', 'newproxy', '_G', 'getfenv', 'setfenv']);

/** `debug.name` calls that cannot reach a metatable. */
const HARMLESS_DEBUG = new Set(['traceback', 'getinfo']);

/**
 * The metamethod names any value of the program may have, or undefined when any may exist.
 * `loadsCode`: the program may compile code at run time (program.ts, mayCompileLua).
 */
export function possibleMetamethods(modules: readonly Resolution[], loadsCode: boolean): ReadonlySet<string> | undefined {
  if (loadsCode) return undefined;
  const keys = new Set<string>();
  let tablesUnknown = false;
  for (const res of modules) {
    const seen = collectMetatableKeys(res, keys);
    if (seen === 'unknown') return undefined;
    tablesUnknown ||= seen === 'unknown tables';
  }
  return tablesUnknown ? new Set([...keys, ...EVENTS.filter((e) => e !== '__len')]) : keys;
}

/** Every metamethod Lua 5.1 runs. */
const EVENTS = [
  '__add', '__sub', '__mul', '__div', '__mod', '__pow', '__unm', '__concat', '__len', '__eq', '__lt', '__le',
  '__index', '__newindex', '__call', '__tostring', '__gc', '__mode', '__metatable',
];

/**
 * Adds the keys of the module's metatables to `keys`: 'visible' when they are all seen,
 * 'unknown tables' when only some table's metatable is not, else 'unknown'.
 */
function collectMetatableKeys(res: Resolution, keys: Set<string>): 'visible' | 'unknown tables' | 'unknown' {
  const parents = parentMap(res.chunk);
  let seen: 'visible' | 'unknown tables' | 'unknown' = 'visible';
  walk(res.chunk, (n: Node) => {
    if (seen === 'unknown') return;
    if (n.type === 'StringLiteral' && METATABLE_ROADS.has(n.value)) seen = 'unknown';
    else if (n.type === 'Identifier' && METATABLE_ROADS.has(n.name) && res.refs.get(n)?.kind !== 'local') {
      if (!isHarmlessDebug(res, parents, n)) seen = 'unknown';
    } else if (n.type === 'Identifier' && n.name === 'setmetatable' && res.refs.get(n)?.kind === 'global') {
      const call = parents.get(n);
      const mt = call !== undefined && isCall(call) && call.base === n ? callArguments(call)[1] : undefined;
      // setmetatable passed around still sets only tables' metatables
      if (mt === undefined || !addMetatableKeys(res, parents, mt, keys)) seen = 'unknown tables';
    }
  });
  return seen;
}

/** The keys a metatable argument can hold, added to `keys`; false when they are not all visible. */
function addMetatableKeys(res: Resolution, parents: Map<Node, Node>, mt: Expression, keys: Set<string>): boolean {
  if (mt.type === 'TableConstructorExpression') return addConstructorKeys(mt, keys);
  const v = fixedLocal(mt, res.refs);
  if (v === undefined) return false;
  const decl = parents.get(v.decl);
  if (decl?.type !== 'LocalStatement') return false;
  const init = decl.init[decl.variables.indexOf(v.decl)];
  if (init?.type !== 'TableConstructorExpression' || !addConstructorKeys(init, keys)) return false;
  for (const [id, ref] of res.refs) {
    if (ref.kind === 'global' || ref.v !== v) continue;
    const name = fieldNameOn(parents, id);
    if (name !== undefined) keys.add(name);
    else if (!isMetatableArgument(res, parents, id)) return false;
  }
  return true;
}

/** Constant keys only (positional values have number keys, never a metamethod's). */
function addConstructorKeys(t: TableConstructorExpression, keys: Set<string>): boolean {
  for (const f of t.fields) {
    if (f.type === 'TableKeyString') keys.add(f.key.name);
    else if (f.type === 'TableKey') {
      if (f.key.type !== 'StringLiteral') return false;
      keys.add(f.key.value);
    }
  }
  return true;
}

/**
 * `id.name` (read or written) or the name of `function id:name`: the name. A method call
 * `id:name()` passes the table on as `self`, so it is not one.
 */
function fieldNameOn(parents: Map<Node, Node>, id: Identifier): string | undefined {
  const p = parents.get(id);
  if (p?.type !== 'MemberExpression' || p.base !== id) return undefined;
  const declared = parents.get(p)?.type === 'FunctionDeclaration';
  return p.indexer === '.' || declared ? p.identifier.name : undefined;
}

/** `setmetatable(x, id)` with the global setmetatable. */
function isMetatableArgument(res: Resolution, parents: Map<Node, Node>, id: Identifier): boolean {
  const p = parents.get(id);
  return p !== undefined && isCall(p) && p.base.type === 'Identifier' && p.base.name === 'setmetatable' &&
    res.refs.get(p.base)?.kind === 'global' && callArguments(p)[1] === id;
}

/** The global `debug` as the base of `debug.traceback` or `debug.getinfo`. */
function isHarmlessDebug(res: Resolution, parents: Map<Node, Node>, id: Identifier): boolean {
  const p = parents.get(id);
  return id.name === 'debug' && res.refs.get(id)?.kind === 'global' && p?.type === 'MemberExpression' && p.base === id &&
    p.indexer === '.' && HARMLESS_DEBUG.has(p.identifier.name);
}
