// What compiled route handlers can do without Lua tables (runtime/http/direct.ts):
// - direct reads: `ctx:params().id`, `ctx:headers()["x-a"]`, `ctx:query().page`, `ctx.method`,
//   `ctx.path` read the request, with no params/headers/query table (a runtime check falls back
//   to the table when ctx is not the server's untouched context);
// - JSON templates: `return { ... }` / `return api.json { ... }` of constructors with constant
//   names, item lists and scalar leaves, written as JSON text by the server's own call of the
//   handler; a leaf of another type at run time makes the table instead;
// - loop arrays: `local items = {}` filled only by `items[i] = <template>` in `for i = 1, n`
//   and returned in a template, written as JSON text while the loop runs.
import type {
  AssignmentStatement, Expression, ForNumericStatement, FunctionDeclaration, LocalStatement, Node, ReturnStatement,
  TableConstructorExpression,
} from '../frontend/ast.js';
import { callArguments, isCall, isMultiValue } from '../frontend/ast.js';
import { parentMap, walk } from '../frontend/parse.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';
import { BOOLEAN, NUMBER, only, STRING, type Types } from './types.js';
import { routeHandlers } from './routes.js';
import { MAX_DEPTH } from '../../runtime/http/json.js';

export type ReadKind = 'param' | 'header' | 'query' | 'method' | 'path';

export interface DirectRead {
  readonly ctx: LocalVar;
  readonly kind: ReadKind;
  /** The key read (params, headers, query). */
  readonly key: string;
}

/** A value written as JSON: its shape, with the expressions that compute its leaves. */
export type Template =
  | { readonly kind: 'object'; readonly fields: readonly { readonly name: string; readonly value: Template }[] }
  | { readonly kind: 'array'; readonly items: readonly Template[] }
  /**
   * A scalar: `type` when proven, else checked at run time. `concat`: the operands of a `..`
   * chain, each proven a string or a number (its JSON can be written piece by piece).
   */
  | { readonly kind: 'leaf'; readonly expr: Expression; readonly type: 'string' | 'number' | 'boolean' | undefined; readonly concat?: readonly Operand[] }
  /** A loop array local (its JSON text so far). */
  | { readonly kind: 'loop'; readonly expr: Expression; readonly v: LocalVar }
  /** `#items` of a loop array local. */
  | { readonly kind: 'count'; readonly expr: Expression; readonly v: LocalVar };

/** An operand of a `..` chain and what it is proven to be. */
export interface Operand {
  readonly expr: Expression;
  readonly type: 'string' | 'number';
}

export interface JsonReturn {
  /** The constructor returned. */
  readonly table: TableConstructorExpression;
  readonly template: Template;
  /** `api.json` when returned through it: the callee expression and the call. */
  readonly builder?: { readonly callee: Expression; readonly call: Expression };
}

export interface HandlerPlan {
  readonly ctx: LocalVar;
  readonly returns: Map<ReturnStatement, JsonReturn>;
  /** Loop array locals, by their declaration. */
  readonly loopLocals: Map<LocalStatement, LocalVar>;
  /** The store of each loop array and the template of its items. */
  readonly appends: Map<AssignmentStatement, { readonly v: LocalVar; readonly item: Template }>;
}

export interface DirectPlan {
  /** Reads by the expression that reads (`ctx:params().id`, `ctx.method`). */
  readonly reads: Map<Node, DirectRead>;
  readonly handlers: Map<FunctionDeclaration, HandlerPlan>;
}

const METHODS: Record<string, ReadKind> = { params: 'param', headers: 'header', query: 'query' };

export function directPlan(res: Resolution, types: Types): DirectPlan {
  const reads = new Map<Node, DirectRead>();
  const handlers = new Map<FunctionDeclaration, HandlerPlan>();
  const found = routeHandlers(res);
  if (found.length === 0) return { reads, handlers };
  const parents = parentMap(res.chunk);
  const ctxVars = new Map<LocalVar, FunctionDeclaration>();
  for (const h of found) {
    const ctx = res.functions.get(h.handler)?.params[0];
    if (ctx !== undefined) ctxVars.set(ctx, h.handler);
  }
  const ctxOf = (e: Expression): LocalVar | undefined => {
    if (e.type !== 'Identifier') return undefined;
    const ref = res.refs.get(e);
    return ref !== undefined && ref.kind !== 'global' && ctxVars.has(ref.v) ? ref.v : undefined;
  };
  walk(res.chunk, (n) => {
    if (n.type !== 'MemberExpression' && n.type !== 'IndexExpression') return;
    const key = n.type === 'MemberExpression' ? (n.indexer === '.' ? n.identifier.name : undefined)
      : n.index.type === 'StringLiteral' ? n.index.value : undefined;
    if (key === undefined || isAssignTarget(parents, n)) return;
    const base = n.base;
    const direct = n.type === 'MemberExpression' ? ctxOf(base) : undefined;
    if (direct !== undefined && (key === 'method' || key === 'path')) {
      reads.set(n, { ctx: direct, kind: key, key });
      return;
    }
    if (!isCall(base) || callArguments(base).length !== 0 || base.base.type !== 'MemberExpression' || base.base.indexer !== ':') return;
    const ctx = ctxOf(base.base.base);
    const kind = METHODS[base.base.identifier.name];
    if (ctx !== undefined && kind !== undefined) reads.set(n, { ctx, kind, key });
  });
  for (const h of found) {
    const ctx = res.functions.get(h.handler)?.params[0];
    if (ctx === undefined || hasGoto(h.handler)) continue;
    const plan = new HandlerPlanner(res, types, parents, h.handler, h.app, ctx).plan();
    if (plan !== undefined) handlers.set(h.handler, plan);
  }
  return { reads, handlers };
}

function isAssignTarget(parents: Map<Node, Node>, e: Node): boolean {
  const p = parents.get(e);
  return p?.type === 'AssignmentStatement' && (p.variables as Node[]).includes(e);
}

function hasGoto(fn: FunctionDeclaration): boolean {
  let found = false;
  walk(fn, (n) => {
    if (n.type === 'GotoStatement' || n.type === 'LabelStatement') found = true;
  });
  return found;
}

function enclosingFunction(parents: Map<Node, Node>, n: Node): Node | undefined {
  for (let p = parents.get(n); p !== undefined; p = parents.get(p)) {
    if (p.type === 'FunctionDeclaration') return p;
  }
  return undefined;
}

/** Keys the generic encoder treats specially, or that mean response headers at the top. */
function plainJsonKey(name: string, top: boolean): boolean {
  return !name.startsWith('__rover_') && !(top && name === 'headers');
}

class HandlerPlanner {
  /** Candidate loop arrays: declaration, the references other than it, the store found. */
  private readonly loops = new Map<LocalVar, { decl: LocalStatement; refs: Node[]; store?: AssignmentStatement; item?: Template }>();

  constructor(
    private readonly res: Resolution,
    private readonly types: Types,
    private readonly parents: Map<Node, Node>,
    private readonly fn: FunctionDeclaration,
    private readonly app: LocalVar | undefined,
    private readonly ctx: LocalVar,
  ) {}

  plan(): HandlerPlan | undefined {
    this.findLoopArrays();
    const returns = new Map<ReturnStatement, JsonReturn>();
    walk(this.fn, (n) => {
      if (n.type !== 'ReturnStatement' || n.arguments.length !== 1 || enclosingFunction(this.parents, n) !== this.fn) return;
      const r = this.jsonReturn(n.arguments[0]);
      if (r !== undefined) returns.set(n, r);
    });
    // A loop array is valid when each of its references is its store or a loop/count node of a template.
    const covered = new Set<Node>();
    const named = new Set<LocalVar>();
    for (const r of returns.values()) {
      visitTemplate(r.template, (t) => {
        if (t.kind === 'loop') { covered.add(t.expr); named.add(t.v); }
        if (t.kind === 'count') covered.add((t.expr as { argument: Node }).argument);
      });
    }
    const loopLocals = new Map<LocalStatement, LocalVar>();
    const appends = new Map<AssignmentStatement, { v: LocalVar; item: Template }>();
    const valid = new Set<LocalVar>();
    for (const [v, l] of this.loops) {
      if (l.store === undefined || l.item === undefined || !named.has(v)) continue;
      const storeBase = (l.store.variables[0] as { base: Node }).base;
      if (!l.refs.every((n) => n === storeBase || covered.has(n))) continue;
      valid.add(v);
      loopLocals.set(l.decl, v);
      appends.set(l.store, { v, item: l.item });
    }
    for (const [s, r] of returns) {
      let ok = true;
      visitTemplate(r.template, (t) => { if ((t.kind === 'loop' || t.kind === 'count') && !valid.has(t.v)) ok = false; });
      if (!ok) returns.delete(s);
    }
    if (returns.size === 0) return undefined;
    return { ctx: this.ctx, returns, loopLocals, appends };
  }

  /**
   * Candidates: `local items = {}` (not reassigned, not captured) with its one store
   * `items[i] = <template>`, a statement of a `for i = 1, n` loop body that follows the
   * declaration in its block.
   */
  private findLoopArrays(): void {
    walk(this.fn, (n) => {
      if (n.type !== 'LocalStatement' || n.variables.length !== 1 || n.init.length !== 1) return;
      const init = n.init[0];
      if (init.type !== 'TableConstructorExpression' || init.fields.length !== 0) return;
      if (enclosingFunction(this.parents, n) !== this.fn) return;
      const v = this.res.decls.get(n.variables[0])!;
      if (v.reassigned || v.captured) return;
      this.loops.set(v, { decl: n, refs: [] });
    });
    if (this.loops.size === 0) return;
    const stores = new Map<LocalVar, number>();
    walk(this.fn, (n) => {
      if (n.type !== 'Identifier') return;
      const ref = this.res.refs.get(n);
      if (ref === undefined || ref.kind === 'global' || !this.loops.has(ref.v)) return;
      const l = this.loops.get(ref.v)!;
      if (n === l.decl.variables[0]) return;
      l.refs.push(n);
      const parent = this.parents.get(n);
      if (parent?.type !== 'IndexExpression' || parent.base !== n) return;
      const stmt = this.parents.get(parent);
      if (stmt?.type !== 'AssignmentStatement' || stmt.variables[0] !== parent) return;
      stores.set(ref.v, (stores.get(ref.v) ?? 0) + 1);
      if (stmt.variables.length !== 1 || stmt.init.length !== 1 || !this.isLoopStore(stmt, parent.index, l.decl)) return;
      const item = this.template(stmt.init[0], 2, false, true);
      if (item !== undefined && item.kind !== 'leaf') {
        l.store = stmt;
        l.item = item;
      }
    });
    for (const [v, n] of stores) {
      if (n !== 1) this.loops.get(v)!.store = undefined;
    }
  }

  /** Whether `stmt` (`items[i] = x`) is a statement of the body of a `for i = 1, n` loop after the declaration. */
  private isLoopStore(stmt: AssignmentStatement, index: Expression, decl: LocalStatement): boolean {
    const loop = this.parents.get(stmt);
    if (loop?.type !== 'ForNumericStatement') return false;
    const f = loop as ForNumericStatement;
    if (!f.body.includes(stmt) || f.start.type !== 'NumericLiteral' || f.start.value !== 1) return false;
    if (f.step !== null && (f.step.type !== 'NumericLiteral' || f.step.value !== 1)) return false;
    const loopVar = this.res.decls.get(f.variable)!;
    if (loopVar.reassigned || index.type !== 'Identifier') return false;
    const ref = this.res.refs.get(index);
    if (ref === undefined || ref.kind === 'global' || ref.v !== loopVar) return false;
    // the loop follows the declaration in the same block, and runs once per declaration
    const block = this.parents.get(decl);
    const loopParent = this.parents.get(loop);
    if (block === undefined || block !== loopParent) return false;
    const body = blockOf(block);
    return body !== undefined && body.indexOf(decl) >= 0 && body.indexOf(decl) < body.indexOf(loop as never);
  }

  private jsonReturn(e: Expression): JsonReturn | undefined {
    if (e.type === 'TableConstructorExpression') {
      const template = this.template(e, 1, true, false);
      return template === undefined || template.kind === 'leaf' ? undefined : this.checked({ table: e, template });
    }
    // api.json(t) / api.json { ... }
    if (!isCall(e) || this.app === undefined) return undefined;
    const args = callArguments(e);
    const callee = e.base;
    if (args.length !== 1 || args[0].type !== 'TableConstructorExpression' || callee.type !== 'MemberExpression' || callee.indexer !== '.'
      || callee.identifier.name !== 'json' || callee.base.type !== 'Identifier') return undefined;
    const ref = this.res.refs.get(callee.base);
    if (ref === undefined || ref.kind === 'global' || ref.v !== this.app || this.app.reassigned) return undefined;
    const template = this.template(args[0], 1, true, false);
    return template === undefined || template.kind === 'leaf' ? undefined : this.checked({ table: args[0], template, builder: { callee, call: e } });
  }

  /**
   * A template naming a loop array may not fall back to tables (the array holds no items in
   * JSON mode): it names one loop array once, and every other leaf is proven.
   */
  private checked(r: JsonReturn): JsonReturn | undefined {
    let loops = 0;
    const vars = new Set<LocalVar>();
    let unproven = false;
    visitTemplate(r.template, (t) => {
      if (t.kind === 'loop') loops++;
      if (t.kind === 'loop' || t.kind === 'count') vars.add(t.v);
      if (t.kind === 'leaf' && t.type === undefined) unproven = true;
    });
    if (vars.size > 1 || loops > 1) return undefined;
    // api.json replaced by the app would need the items as a table
    return loops === 1 && (unproven || r.builder !== undefined) ? undefined : r;
  }

  /**
   * The template of a constructor (or leaf): constant names or items only, no nil item,
   * nesting within the encoder's limit. `proven`: leaves must have proven types (loop items).
   */
  private template(e: Expression, depth: number, top: boolean, proven: boolean): Template | undefined {
    if (e.type === 'TableConstructorExpression') {
      if (depth > MAX_DEPTH || e.fields.length === 0) return undefined;
      if (e.fields.every((f) => f.type === 'TableKeyString')) {
        const names = new Set<string>();
        const fields: { name: string; value: Template }[] = [];
        for (const f of e.fields) {
          if (f.type !== 'TableKeyString') return undefined;
          const name = f.key.name;
          if (names.has(name) || !plainJsonKey(name, top)) return undefined;
          names.add(name);
          const value = this.template(f.value, depth + 1, false, proven);
          if (value === undefined) return undefined;
          fields.push({ name, value });
        }
        return { kind: 'object', fields };
      }
      if (e.fields.every((f) => f.type === 'TableValue')) {
        const items: Template[] = [];
        for (const [i, f] of e.fields.entries()) {
          if (f.type !== 'TableValue') return undefined;
          // a call or ... last gives any number of items
          if (i === e.fields.length - 1 && isMultiValue(f.value)) return undefined;
          const item = this.template(f.value, depth + 1, false, proven);
          if (item === undefined) return undefined;
          items.push(item);
        }
        return { kind: 'array', items };
      }
      return undefined;
    }
    if (e.type === 'Identifier') {
      const ref = this.res.refs.get(e);
      if (ref !== undefined && ref.kind !== 'global' && this.loops.has(ref.v)) return proven ? undefined : { kind: 'loop', expr: e, v: ref.v };
    }
    if (e.type === 'UnaryExpression' && e.operator === '#' && e.argument.type === 'Identifier') {
      const ref = this.res.refs.get(e.argument);
      if (ref !== undefined && ref.kind !== 'global' && this.loops.has(ref.v)) return proven ? undefined : { kind: 'count', expr: e, v: ref.v };
    }
    const mask = this.types.of(e);
    const type = only(mask, STRING) ? 'string' : only(mask, NUMBER) ? 'number' : only(mask, BOOLEAN) ? 'boolean' : undefined;
    if (type === undefined && proven) return undefined;
    const concat = type === 'string' ? this.operands(e) : undefined;
    return concat === undefined ? { kind: 'leaf', expr: e, type } : { kind: 'leaf', expr: e, type, concat };
  }

  /** The operands of a `..` chain, left to right (Lua's order), when each is a string or a number. */
  private operands(e: Expression): Operand[] | undefined {
    if (e.type !== 'BinaryExpression' || e.operator !== '..') return undefined;
    const out: Operand[] = [];
    const add = (x: Expression): boolean => {
      if (x.type === 'BinaryExpression' && x.operator === '..') return add(x.left) && add(x.right);
      const mask = this.types.of(x);
      const type = only(mask, STRING) ? 'string' : only(mask, NUMBER) ? 'number' : undefined;
      if (type === undefined) return false;
      out.push({ expr: x, type });
      return true;
    };
    return add(e) ? out : undefined;
  }
}

function blockOf(n: Node): Node[] | undefined {
  const b = (n as { body?: unknown }).body;
  return Array.isArray(b) ? (b as Node[]) : undefined;
}

export function visitTemplate(t: Template, visit: (t: Template) => void): void {
  visit(t);
  if (t.kind === 'object') for (const f of t.fields) visitTemplate(f.value, visit);
  if (t.kind === 'array') for (const i of t.items) visitTemplate(i, visit);
}
