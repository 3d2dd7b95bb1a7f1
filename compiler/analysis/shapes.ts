// The JSON shape of what a handler returns, as far as the source proves it: objects with
// known fields (in the order the generic encoder writes them), arrays of one shape, strings,
// numbers, booleans. Anything else is `dynamic`, with the reason and the Lua position, and
// is left to the generic encoder. This is the analysis half of build-time serializers: it
// decides nothing at run time yet.
import type { Expression, FunctionDeclaration, Identifier, Node, TableConstructorExpression } from '../frontend/ast.js';
import { callArguments, isCall, isMultiValue, lineOf, returnStatements } from '../frontend/ast.js';
import { tableLayout } from '../frontend/constants.js';
import { parentMap, walk } from '../frontend/parse.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';
import { BOOLEAN as BOOLEAN_TYPE, NUMBER as NUMBER_TYPE, only, STRING as STRING_TYPE, Types } from './types.js';

export type Shape =
  | { readonly kind: 'string' | 'number' | 'boolean' }
  /** Fields in output order; an optional field may be nil, and is then absent. */
  | { readonly kind: 'object'; readonly fields: readonly Field[] }
  /** A sequence: `[]` when empty. */
  | { readonly kind: 'array'; readonly items: Shape }
  | { readonly kind: 'dynamic'; readonly reason: string; readonly line: number };

export interface Field {
  readonly name: string;
  readonly shape: Shape;
  readonly optional: boolean;
}

/** A value's shape and whether it may be nil. */
interface Typed {
  readonly shape: Shape;
  readonly maybeNil: boolean;
}

const STRING: Shape = { kind: 'string' };
const NUMBER: Shape = { kind: 'number' };
const BOOLEAN: Shape = { kind: 'boolean' };

/** Global functions whose result type is known (unless the module assigns the global). */
const STRING_RESULTS = new Set(['tostring']);


/** The expression whose JSON a return writes, if it writes JSON. */
function jsonBody(res: Resolution, value: Expression, app: LocalVar | undefined): Expression | undefined {
  if (value.type === 'TableConstructorExpression') return value;
  if (isCall(value) && app !== undefined) {
    const base = value.base;
    const args = callArguments(value);
    // api.json(t)
    if (base.type === 'MemberExpression' && base.indexer === '.' && base.identifier.name === 'json' && isLocal(res, base.base, app)) return args[0];
    // api.json:status(s, t)
    if (base.type === 'MemberExpression' && base.indexer === ':' && base.identifier.name === 'status' &&
      base.base.type === 'MemberExpression' && base.base.identifier.name === 'json' && isLocal(res, base.base.base, app)) return args[1];
    return undefined;
  }
  if (value.type === 'Identifier') return value;
  return undefined;
}

function isLocal(res: Resolution, e: Expression, v: LocalVar): boolean {
  if (e.type !== 'Identifier') return false;
  const ref = res.refs.get(e);
  return ref !== undefined && ref.kind !== 'global' && ref.v === v;
}

/** Response shapes of the handlers of one module (what the module says is computed once). */
export class ResponseShapes {
  private readonly assignedGlobals = new Set<string>();
  private readonly visiting = new Set<LocalVar>();
  private readonly types: Types;
  private readonly parents: Map<Node, Node>;
  /** `local x = e`: the value each local is declared with. */
  private readonly declarations = new Map<LocalVar, Expression>();
  /** Every identifier that refers to each local. */
  private readonly references = new Map<LocalVar, Identifier[]>();
  /** The handler being analysed. */
  private handler: FunctionDeclaration | undefined;

  constructor(private readonly res: Resolution) {
    this.types = new Types(res);
    this.parents = parentMap(res.chunk);
    walk(res.chunk, (n) => {
      if (n.type === 'AssignmentStatement') {
        for (const v of n.variables) if (v.type === 'Identifier' && res.refs.get(v)?.kind === 'global') this.assignedGlobals.add(v.name);
      } else if (n.type === 'LocalStatement') {
        n.variables.forEach((id, i) => {
          if (i < n.init.length) this.declarations.set(res.decls.get(id)!, n.init[i]);
        });
      }
    });
    for (const [id, ref] of res.refs) {
      if (ref.kind === 'global') continue;
      const list = this.references.get(ref.v);
      if (list === undefined) this.references.set(ref.v, [id]);
      else list.push(id);
    }
  }

  /**
   * The JSON shape of a handler's response body: the union over its returns of tables (and
   * `api.json(t)` / `api.json:status(s, t)`, with `app` the app table). Returns of other
   * kinds (strings, other builders, nil) write no JSON and are ignored; undefined when no
   * return writes JSON.
   */
  response(handler: FunctionDeclaration, app: LocalVar | undefined): Shape | undefined {
    this.handler = handler;
    let result: Shape | undefined;
    for (const ret of returnStatements(handler.body)) {
      const value = ret.arguments[0];
      if (value === undefined) continue;
      const body = jsonBody(this.res, value, app);
      if (body === undefined) continue;
      const t = this.of(body);
      const shape = t.maybeNil && t.shape.kind !== 'dynamic' ? dynamic('the response may be nil', body) : t.shape;
      result = result === undefined ? shape : union(result, shape, body);
    }
    return result;
  }

  private of(e: Expression): Typed {
    switch (e.type) {
      case 'StringLiteral': return { shape: STRING, maybeNil: false };
      case 'NumericLiteral': return { shape: NUMBER, maybeNil: false };
      case 'BooleanLiteral': return { shape: BOOLEAN, maybeNil: false };
      case 'NilLiteral': return { shape: dynamic('nil', e), maybeNil: true };
      case 'TableConstructorExpression': return { shape: this.table(e), maybeNil: false };
      case 'BinaryExpression':
        switch (e.operator) {
          case '..': return { shape: STRING, maybeNil: false };
          case '==': case '~=': case '<': case '<=': case '>': case '>=': return { shape: BOOLEAN, maybeNil: false };
          // arithmetic gives a number, or runs a metamethod on a table: numbers unless proven otherwise
          default: return this.numeric(e, [e.left, e.right]);
        }
      case 'UnaryExpression':
        if (e.operator === 'not') return { shape: BOOLEAN, maybeNil: false };
        if (e.operator === '#') return { shape: NUMBER, maybeNil: false };
        return this.numeric(e, [e.argument]);
      case 'LogicalExpression': {
        const a = this.of(e.left);
        const b = this.of(e.right);
        // `x or default`: x when it is not nil; `c and v`: the shape of v unless c is false/nil
        if (e.operator === 'or') return { shape: isNilOnly(a) ? b.shape : union(a.shape, b.shape, e), maybeNil: b.maybeNil };
        return { shape: union(b.shape, a.shape.kind === 'boolean' ? BOOLEAN : b.shape, e), maybeNil: true };
      }
      case 'Identifier': return this.local(e);
      case 'MemberExpression': case 'IndexExpression': return this.request(e) ?? { shape: dynamic('a table field (its type is not tracked)', e), maybeNil: true };
      case 'CallExpression': case 'StringCallExpression': case 'TableCallExpression': return this.call(e);
      default: return { shape: dynamic(`a ${e.type}`, e), maybeNil: true };
    }
  }

  private numeric(e: Expression, operands: Expression[]): Typed {
    const tables = operands.map((o) => this.of(o)).some((t) => t.shape.kind === 'object' || t.shape.kind === 'array');
    return tables ? { shape: dynamic('arithmetic on a table (metamethods)', e), maybeNil: true } : { shape: NUMBER, maybeNil: false };
  }

  /** `{ a = x, b = y }` is an object, `{ x, y }` an array; mixed or computed keys are dynamic. */
  private table(e: TableConstructorExpression): Shape {
    if (e.fields.length === 0) return { kind: 'object', fields: [] };
    const positional = e.fields.every((f) => f.type === 'TableValue');
    if (positional) {
      if (isMultiValue(e.fields[e.fields.length - 1].value)) return dynamic('an array ending in a call or ... (its length is not known)', e);
      let items: Shape | undefined;
      for (const f of e.fields) {
        const t = this.of(f.value);
        if (t.maybeNil) return dynamic('an array item may be nil (a hole)', f.value);
        items = items === undefined ? t.shape : union(items, t.shape, f.value);
      }
      return { kind: 'array', items: items! };
    }
    if (!e.fields.every((f) => f.type === 'TableKeyString' || (f.type === 'TableKey' && f.key.type === 'StringLiteral'))) {
      return dynamic('a table with positional or computed keys', e);
    }
    // The generic encoder writes keys in insertion order: luajit's constructor puts constant
    // entries first (see tableLayout), then the others in source order.
    const layout = tableLayout(e);
    const order = [...layout.consts.map(([k]) => String(k)), ...layout.dynamic.map((d) => String((d.key as { value: unknown }).value))];
    if (new Set(order).size !== order.length) return dynamic('a key appears twice', e);
    const valueOf = new Map<string, Expression>();
    for (const f of e.fields) {
      const key = f.type === 'TableKeyString' ? f.key.name : (f as unknown as { key: { value: string } }).key.value;
      valueOf.set(key, f.value);
    }
    const fields: Field[] = [];
    for (const name of order) {
      if (name.startsWith('__rover_')) continue;
      const value = valueOf.get(name)!;
      if (value.type === 'NilLiteral') continue;
      const t = this.of(value);
      fields.push({ name, shape: t.shape, optional: t.maybeNil });
    }
    return { kind: 'object', fields };
  }

  /** A local assigned once: the shape of its value; `local t = {}` filled by appends: an array. */
  private local(e: Expression & { type: 'Identifier' }): Typed {
    const ref = this.res.refs.get(e);
    if (ref === undefined || ref.kind === 'global') return { shape: dynamic(`global '${e.name}'`, e), maybeNil: true };
    const v = ref.v;
    // numbers, strings and booleans: the type inference's answer (loop variables, parameters
    // typed from call sites, locals assigned several times)
    const t = this.types.local(v);
    if (only(t, NUMBER_TYPE)) return { shape: NUMBER, maybeNil: false };
    if (only(t, STRING_TYPE)) return { shape: STRING, maybeNil: false };
    if (only(t, BOOLEAN_TYPE)) return { shape: BOOLEAN, maybeNil: false };
    if (v.reassigned) return { shape: dynamic(`'${v.name}' is assigned more than once`, e), maybeNil: true };
    const decl = this.declarations.get(v);
    if (decl === undefined) return { shape: dynamic(`'${v.name}' is a parameter, a loop variable or one of several values`, e), maybeNil: true };
    if (this.visiting.has(v)) return { shape: dynamic(`'${v.name}' refers to itself`, e), maybeNil: true };
    this.visiting.add(v);
    try {
      const uses = this.usesOf(v);
      const init = decl;
      if (init.type === 'TableConstructorExpression' && init.fields.length === 0 && uses.appends.length > 0) {
        if (uses.other !== undefined) return { shape: dynamic(uses.other.reason, uses.other.at), maybeNil: false };
        let items: Shape | undefined;
        for (const a of uses.appends) {
          const t = this.of(a);
          if (t.maybeNil) return { shape: dynamic('an appended value may be nil', a), maybeNil: false };
          items = items === undefined ? t.shape : union(items, t.shape, a);
        }
        return { shape: { kind: 'array', items: items! }, maybeNil: false };
      }
      if (uses.appends.length > 0 || uses.other !== undefined) {
        const at = uses.other?.at ?? uses.appends[0];
        return { shape: dynamic(uses.other?.reason ?? `'${v.name}' is changed after it is made`, at), maybeNil: true };
      }
      return this.of(init);
    } finally {
      this.visiting.delete(v);
    }
  }

  /**
   * How a table local is used: appended to (`t[#t + 1] = e`, `table.insert(t, e)`), read
   * (indexed, `#t`, ipairs/pairs, returned), or something else the shape cannot follow.
   */
  private usesOf(v: LocalVar): { appends: Expression[]; other?: { reason: string; at: Node } } {
    const appends: Expression[] = [];
    let other: { reason: string; at: Node } | undefined;
    const parents = this.parents;
    for (const n of this.references.get(v) ?? []) {
      if (other !== undefined) break;
      const p = parents.get(n);
      if (p === undefined || inReturnedValue(parents, n)) continue;
      // t[#t + 1] = e
      if (p.type === 'IndexExpression' && p.base === n) {
        const stmt = parents.get(p);
        if (stmt?.type === 'AssignmentStatement' && stmt.variables.includes(p)) {
          const i = stmt.variables.indexOf(p);
          if (stmt.variables.length === 1 && (isLengthPlusOne(this.res, p.index, v) || this.isLoopIndex(parents, stmt, p.index))) {
            appends.push(stmt.init[i]);
            continue;
          }
          other = { reason: `'${v.name}' gets a field that is not an append`, at: stmt };
        }
        continue; // a read
      }
      if (p.type === 'MemberExpression' && p.base === n) {
        const stmt = parents.get(p);
        if (stmt?.type === 'AssignmentStatement' && stmt.variables.includes(p)) other = { reason: `'${v.name}' gets a field after it is made`, at: stmt };
        else if (p.indexer === ':') other = { reason: `a method is called on '${v.name}'`, at: p };
        continue;
      }
      if (p.type === 'UnaryExpression' && p.operator === '#') continue;
      if (p.type === 'ReturnStatement') continue;
      if (isCall(p) && p.base.type === 'MemberExpression' && p.base.base.type === 'Identifier' && p.base.base.name === 'table' &&
        p.base.identifier.name === 'insert' && !this.assignedGlobals.has('table')) {
        const args = callArguments(p);
        if (args.length === 2 && args[0] === n) {
          appends.push(args[1]);
          continue;
        }
      }
      if (isCall(p) && p.base.type === 'Identifier' && (p.base.name === 'ipairs' || p.base.name === 'pairs') && !this.assignedGlobals.has(p.base.name)) continue;
      if (isCall(p) && callArguments(p).includes(n as Expression)) {
        other = { reason: `'${v.name}' is passed to a function (which may change it)`, at: p };
        continue;
      }
      if (p.type === 'LocalStatement' || p.type === 'AssignmentStatement') {
        other = { reason: `'${v.name}' is stored elsewhere (an alias may change it)`, at: p };
        continue;
      }
      if (p.type === 'TableValue' || p.type === 'TableKeyString' || p.type === 'TableKey') {
        other = { reason: `'${v.name}' is stored in a table (an alias may change it)`, at: p };
      }
    }
    return other === undefined ? { appends } : { appends, other };
  }

  /**
   * `t[i] = e` run once per step of `for i = 1, n do ... end` (directly in its body, `i`
   * never assigned): the items 1..n, with no holes.
   */
  private isLoopIndex(parents: Map<Node, Node>, stmt: Node, index: Expression): boolean {
    if (index.type !== 'Identifier') return false;
    const ref = this.res.refs.get(index);
    if (ref === undefined || ref.kind !== 'local' || ref.v.reassigned) return false;
    const loop = parents.get(stmt);
    return loop?.type === 'ForNumericStatement' && this.res.decls.get(loop.variable) === ref.v && loop.body.includes(stmt as never) &&
      loop.start.type === 'NumericLiteral' && loop.start.value === 1 && (loop.step === null || (loop.step.type === 'NumericLiteral' && loop.step.value === 1));
  }

  /** Request fields: ctx.method/path, ctx:params().x, ctx:query().x, ctx:headers()[k]. */
  private request(e: Expression): Typed | undefined {
    if (e.type !== 'MemberExpression' && e.type !== 'IndexExpression') return undefined;
    const ctx = this.handler === undefined ? undefined : this.res.functions.get(this.handler)?.params[0];
    if (ctx === undefined) return undefined;
    if (e.type === 'MemberExpression' && e.indexer === '.' && (e.identifier.name === 'method' || e.identifier.name === 'path') &&
      isLocal(this.res, e.base, ctx)) return { shape: STRING, maybeNil: false };
    const base = e.base;
    if (isCall(base) && base.base.type === 'MemberExpression' && base.base.indexer === ':' && isLocal(this.res, base.base.base, ctx)) {
      const method = base.base.identifier.name;
      if (method === 'params' || method === 'query' || method === 'headers') {
        // a route parameter is always there; other fields may be missing
        const name = e.type === 'MemberExpression' ? e.identifier.name : e.index.type === 'StringLiteral' ? e.index.value : undefined;
        const routeParam = method === 'params' && name !== undefined && this.routeParams().includes(name);
        return { shape: STRING, maybeNil: !routeParam };
      }
    }
    return undefined;
  }

  private routeParams(): string[] {
    const id = this.handler?.identifier ?? null;
    const names: string[] = [];
    for (let e = id as Expression | null; e !== null && e.type === 'MemberExpression'; e = e.base) {
      if (e.identifier.name.startsWith('p_')) names.push(e.identifier.name.slice(2));
    }
    return names;
  }

  private call(e: Expression & { base: Expression }): Typed {
    const base = e.base;
    if (base.type === 'Identifier' && this.res.refs.get(base)?.kind === 'global' && STRING_RESULTS.has(base.name) && !this.assignedGlobals.has(base.name)) {
      return { shape: STRING, maybeNil: false };
    }
    if (base.type === 'Identifier' && this.res.refs.get(base)?.kind === 'global' && base.name === 'tonumber' && !this.assignedGlobals.has('tonumber')) {
      return { shape: NUMBER, maybeNil: true };
    }
    return { shape: dynamic('the result of a call', e), maybeNil: true };
  }
}

/** Two shapes one value may have: equal kinds merge (objects field by field); else dynamic. */
export function union(a: Shape, b: Shape, at: Node): Shape {
  if (a.kind === 'dynamic') return a;
  if (b.kind === 'dynamic') return b;
  if (a.kind !== b.kind) return dynamic(`a ${a.kind} or a ${b.kind}`, at);
  if (a.kind === 'array' && b.kind === 'array') {
    const items = union(a.items, b.items, at);
    return items.kind === 'dynamic' ? items : { kind: 'array', items };
  }
  if (a.kind === 'object' && b.kind === 'object') {
    if (a.fields.length !== b.fields.length || a.fields.some((f, i) => f.name !== b.fields[i].name)) {
      return dynamic('objects with different fields', at);
    }
    const fields: Field[] = [];
    for (let i = 0; i < a.fields.length; i++) {
      const shape = union(a.fields[i].shape, b.fields[i].shape, at);
      if (shape.kind === 'dynamic') return shape;
      fields.push({ name: a.fields[i].name, shape, optional: a.fields[i].optional || b.fields[i].optional });
    }
    return { kind: 'object', fields };
  }
  return a;
}

function isNilOnly(t: Typed): boolean {
  return t.shape.kind === 'dynamic' && t.shape.reason === 'nil';
}

function dynamic(reason: string, at: Node): Shape {
  return { kind: 'dynamic', reason, line: lineOf(at) };
}

/**
 * `n` is part of the value a return statement gives (through table constructors and call
 * arguments): nothing runs after it that could see a change.
 */
function inReturnedValue(parents: Map<Node, Node>, n: Node): boolean {
  for (let p = parents.get(n); p !== undefined; p = parents.get(p)) {
    switch (p.type) {
      case 'ReturnStatement': return true;
      case 'TableValue': case 'TableKeyString': case 'TableKey': case 'TableConstructorExpression':
      case 'CallExpression': case 'StringCallExpression': case 'TableCallExpression':
        continue;
      default: return false;
    }
  }
  return false;
}

/** `#t + 1` for the local `v`. */
function isLengthPlusOne(res: Resolution, e: Expression, v: LocalVar): boolean {
  return e.type === 'BinaryExpression' && e.operator === '+' && e.right.type === 'NumericLiteral' && e.right.value === 1 &&
    e.left.type === 'UnaryExpression' && e.left.operator === '#' && isLocal(res, e.left.argument, v);
}

/** A shape as TypeScript-like text, for the build report: `{ id: string; tags: string[] }`. */
export function describeShape(s: Shape): string {
  switch (s.kind) {
    case 'string': case 'number': case 'boolean': return s.kind;
    case 'array': return `${describeShape(s.items)}[]`;
    case 'object': return s.fields.length === 0 ? '{}' : `{ ${s.fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${describeShape(f.shape)}`).join('; ')} }`;
    case 'dynamic': return `unknown (line ${s.line}: ${s.reason})`;
  }
}
