// Records: locals holding a table whose named fields only their own function's code can
// write, so that the type of `t.x` follows its writes (flow-types.ts). A local is a record when
// - it is declared with a table constructor whose keys are all constants, and never assigned
//   again, in a function without `goto` (so that the flow sees every write);
// - every use of it is `t.name` (read, or written by its own function, not an inner one),
//   `function t.name` / `t:name` there, `t[k]` read, `t[n] = v` with a number literal n
//   (never a named field), `#t`, or an argument of a local function only ever called by name
//   whose parameter there only reads (`p.name`, `p[k]`, `#p`, never assigned).
// Anything else may let other code reach the table: a call argument (setmetatable, rawset,
// any function), a method call (`t:m()` passes t as self), a store, a return, a computed
// write. A table no code outside can reach has no metatable, so reading a field runs no
// __index and a missing one is nil.
// A reading parameter whose every call passes a record is a record parameter: its fields have
// every type the passed records' fields are ever given.
import type { Expression, FunctionDeclaration, Identifier, Node, TableConstructorExpression } from '../frontend/ast.js';
import { callArguments, isCall } from '../frontend/ast.js';
import { parentMap } from '../frontend/parse.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';

export interface RecordInfo {
  readonly made: TableConstructorExpression;
  /** Every field name read or written on it, here or through a record parameter. */
  readonly names: ReadonlySet<string>;
}

export interface Records {
  readonly locals: ReadonlyMap<LocalVar, RecordInfo>;
  /** Record parameters and the records their calls pass. */
  readonly params: ReadonlyMap<LocalVar, readonly LocalVar[]>;
}

/**
 * `sites`: the argument lists of the calls of each local function only ever called by name;
 * `targetOf`: the function a callee always is.
 */
export function findRecords(res: Resolution, sites: Sites, targetOf: (callee: Expression) => FunctionDeclaration | undefined): Records {
  return new RecordFinder(res, sites, targetOf).find();
}

type Sites = ReadonlyMap<FunctionDeclaration, Expression[][]>;

class RecordFinder {
  private readonly parents: Map<Node, Node>;
  private readonly uses = new Map<LocalVar, Identifier[]>();
  /** Parameters that only read, with the names they read. */
  private readonly readers = new Map<LocalVar, Set<string>>();

  constructor(private readonly res: Resolution, private readonly sites: Sites, private readonly targetOf: (callee: Expression) => FunctionDeclaration | undefined) {
    this.parents = parentMap(res.chunk);
    for (const [id, ref] of res.refs) {
      if (ref.kind === 'global') continue;
      const list = this.uses.get(ref.v);
      if (list === undefined) this.uses.set(ref.v, [id]);
      else list.push(id);
    }
    for (const f of sites.keys()) {
      for (const p of res.functions.get(f)?.params ?? []) {
        const names = new Set<string>();
        if (!p.reassigned && this.usesOf(p).every((id) => this.readUse(id, names))) this.readers.set(p, names);
      }
    }
  }

  find(): Records {
    const locals = new Map<LocalVar, RecordInfo & { names: Set<string> }>();
    for (const [decl, v] of this.res.decls) {
      const made = constructorOf(this.parents, decl);
      if (made === undefined || v.reassigned || hasGoto(v.fn.node)) continue;
      const names = new Set<string>();
      for (const f of made.fields) if (f.type === 'TableKeyString') names.add(f.key.name);
      else if (f.type === 'TableKey' && f.key.type === 'StringLiteral') names.add(f.key.value);
      if (this.usesOf(v).every((id) => this.recordUse(id, names))) locals.set(v, { made, names });
    }
    const params = new Map<LocalVar, LocalVar[]>();
    for (const [p, names] of this.readers) {
      const passed = this.passedRecords(p, locals);
      if (passed === undefined) continue;
      params.set(p, passed);
      for (const r of passed) for (const n of names) locals.get(r)!.names.add(n);
    }
    return { locals, params };
  }

  private usesOf(v: LocalVar): Identifier[] {
    return this.uses.get(v) ?? [];
  }

  /** The records each call passes for parameter `p`; undefined when one passes something else. */
  private passedRecords(p: LocalVar, locals: ReadonlyMap<LocalVar, RecordInfo>): LocalVar[] | undefined {
    const i = p.fn.params.indexOf(p);
    const passed: LocalVar[] = [];
    for (const args of this.sites.get(p.fn.node as FunctionDeclaration) ?? []) {
      const arg = args[i];
      const ref = arg?.type === 'Identifier' ? this.res.refs.get(arg) : undefined;
      if (ref === undefined || ref.kind === 'global' || !locals.has(ref.v)) return undefined;
      passed.push(ref.v);
    }
    return passed;
  }

  /** A use that keeps the table a record (adding the field names it names to `names`). */
  private recordUse(id: Identifier, names: Set<string>): boolean {
    if (this.readUse(id, names) || this.passedToReader(id)) return true;
    const p = this.parents.get(id);
    if (p?.type === 'IndexExpression' && p.base === id) return p.index.type === 'NumericLiteral';
    if (p?.type !== 'MemberExpression' || p.base !== id) return false;
    const declared = this.parents.get(p)?.type === 'FunctionDeclaration';
    if (p.indexer === ':' && !declared) return false;
    names.add(p.identifier.name);
    // only the record's own function writes it: its writes then happen in order with its reads
    return this.res.refs.get(id)?.kind === 'local';
  }

  /** `x.name` or `x[k]` read (not written, not a method call), or `#x`. */
  private readUse(id: Identifier, names: Set<string>): boolean {
    const p = this.parents.get(id);
    if (p?.type === 'UnaryExpression' && p.operator === '#') return true;
    if (p?.type === 'IndexExpression' && p.base === id) return !isWritten(this.parents, p);
    if (p?.type !== 'MemberExpression' || p.base !== id || p.indexer !== '.' || isWritten(this.parents, p)) return false;
    names.add(p.identifier.name);
    return true;
  }

  /** An argument of a call of a local function whose parameter there only reads. */
  private passedToReader(id: Identifier): boolean {
    const call = this.parents.get(id);
    if (call === undefined || !isCall(call) || call.base === id) return false;
    const f = this.targetOf(call.base);
    const param = f === undefined || !this.sites.has(f) ? undefined : this.res.functions.get(f)?.params[callArguments(call).indexOf(id)];
    return param !== undefined && this.readers.has(param);
  }
}

/** `local t = { ... }` with constant keys: the constructor. */
function constructorOf(parents: Map<Node, Node>, decl: Identifier): TableConstructorExpression | undefined {
  const stmt = parents.get(decl);
  if (stmt?.type !== 'LocalStatement') return undefined;
  const init = stmt.init[stmt.variables.indexOf(decl)];
  if (init?.type !== 'TableConstructorExpression' || stmt.init.length > stmt.variables.length) return undefined;
  const constantKeys = init.fields.every((f) => f.type !== 'TableKey' || f.key.type === 'StringLiteral' || f.key.type === 'NumericLiteral');
  return constantKeys ? init : undefined;
}

/** The target of an assignment, or the name of a function declaration. */
function isWritten(parents: Map<Node, Node>, target: Expression): boolean {
  const p = parents.get(target);
  return (p?.type === 'AssignmentStatement' && (p.variables as Expression[]).includes(target)) || (p?.type === 'FunctionDeclaration' && p.identifier === target);
}

/** A `goto` or label in the function itself (not in inner functions). */
export function hasGoto(fn: Node): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found || (n.type === 'FunctionDeclaration' && n !== fn)) return;
    if (n.type === 'GotoStatement' || n.type === 'LabelStatement') found = true;
    forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

/** Calls `f` on each child node of `n` (as parse.ts's walk steps). */
export function forEachChild(n: Node, f: (child: Node) => void): void {
  for (const key in n) {
    if (key === 'loc' || key === 'range') continue;
    const child = (n as unknown as Record<string, unknown>)[key];
    for (const c of Array.isArray(child) ? child : [child]) {
      if (c !== null && typeof c === 'object' && typeof (c as Node).type === 'string') f(c as Node);
    }
  }
}
