// The JSON shape of what a handler writes, per status, as far as the source proves it:
// objects with known fields (in the order the generic encoder writes them), arrays of one
// shape, strings, numbers, booleans, unions of those. Anything else is `dynamic`, with the
// reason and the Lua position, and is left to the generic encoder. Serializers
// (compiler/codegen/serializer.ts) and the API description are built from these shapes.
// Strings, numbers and booleans (and whether a value may be nil) are what the one type
// analysis (types.ts) proves, fed with Rover's facts (request fields are strings, library
// results); this file adds the structure of tables and the responses' statuses.
import type { Expression, ForGenericStatement, FunctionDeclaration, Identifier, MemberExpression, Node, TableConstructorExpression } from '../frontend/ast.js';
import { callArguments, isCall, isMultiValue, returnStatements } from '../frontend/ast.js';
import { constantOf, tableLayout } from '../frontend/constants.js';
import { parentMap, walk } from '../frontend/parse.js';
import { GuardSchemas, validatedObject } from './guard-schema.js';
import { BOOLEAN, describeShape, dynamic, inFile, NUMBER, optionsOf, STRING, union } from './shape-algebra.js';
import type { Field, GuardField, ResponseShape, Shape } from '../../runtime/http/response-shape.js';
import { fixedLocal, type LocalVar, type Resolution } from '../frontend/resolve.js';
import { BOOLEAN as BOOLEAN_TYPE, FUNCTION, NIL, NUMBER as NUMBER_TYPE, OTHER, STRING as STRING_TYPE, TABLE, type TypeMask, Types } from './types.js';
import { possibleMetamethods } from './metamethods.js';
import { routeHandlers } from './routes.js';

export type { Field, ResponseShape, Shape } from '../../runtime/http/response-shape.js';
export { describeShape, union };

/** What a module's analysis knows of the program it is part of. */
export interface ProgramContext {
  /** The analysis of another module by its `require` name, for functions called across modules. */
  readonly module: (name: string) => ResponseShapes | undefined;
  /** The metamethods the program's values may have (metamethods.ts); undefined: any. */
  readonly metamethods: ReadonlySet<string> | undefined;
}

/** A value's shape and whether it may be nil. */
interface Typed {
  readonly shape: Shape;
  readonly maybeNil: boolean;
}

const ERROR_BODY: Shape = { kind: 'object', fields: [{ name: 'error', shape: STRING, optional: false }] };

const statusRank = (s: number | 'default'): number => (s === 'default' ? 1000 : s);

/** `table.*` functions that keep a sequence a sequence of the same item shape. */
const SEQUENCE_SAFE = new Set(['sort', 'concat', 'remove', 'unpack']);

/** `string.*` functions that always give a string (unless the module assigns `string`). */
const STRING_LIBRARY_RESULTS = new Set(['format', 'rep', 'upper', 'lower', 'sub', 'reverse', 'char']);


/** What a returned expression writes: JSON of `body` under `status`, Rover's error body, or neither. */
type Written =
  /** `raw`: a returned value, which is JSON only when it is a table (a string is text). */
  | { readonly via: 'json'; readonly status: number | 'default'; readonly body: Expression; readonly raw?: true }
  | { readonly via: 'error'; readonly status: number | 'default'; readonly message: Expression | undefined }
  | undefined;

function written(res: Resolution, value: Expression, app: LocalVar | undefined): Written {
  const raw = { via: 'json', status: 200, body: value, raw: true } as const;
  if (value.type === 'TableConstructorExpression' || value.type === 'Identifier') return raw;
  if (!isCall(value)) return undefined;
  const base = value.base;
  const args = callArguments(value);
  if (base.type !== 'MemberExpression' || app === undefined || !isLocal(res, base.base, app) && !(base.base.type === 'MemberExpression' && isLocal(res, base.base.base, app))) {
    return raw;
  }
  // api.json(t)
  if (base.indexer === '.' && base.identifier.name === 'json' && isLocal(res, base.base, app)) {
    return args[0] === undefined ? undefined : { via: 'json', status: 200, body: args[0] };
  }
  // api.json:status(s, t)
  if (base.indexer === ':' && base.identifier.name === 'status' && base.base.type === 'MemberExpression' &&
    base.base.identifier.name === 'json' && isLocal(res, base.base.base, app)) {
    return args[1] === undefined ? undefined : { via: 'json', status: statusOf(args[0]), body: args[1] };
  }
  // api:error(s, message)
  if (base.indexer === ':' && base.identifier.name === 'error' && isLocal(res, base.base, app)) return { via: 'error', status: statusOf(args[0]), message: args[1] };
  return undefined;
}

function statusOf(e: Expression | undefined): number | 'default' {
  const c = e === undefined ? undefined : constantOf(e);
  return c !== undefined && typeof c.value === 'number' && Number.isInteger(c.value) && c.value >= 100 && c.value <= 599 ? c.value : 'default';
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
  /** `x = e` for each local: the values assigned ('nil' past the values, 'unknown' for extra call results). */
  private readonly assignments = new Map<LocalVar, (Expression | 'nil' | 'unknown')[]>();
  /** `local x` with no value. */
  private readonly bareLocals = new Set<LocalVar>();
  /** Every identifier that refers to each local. */
  private readonly references = new Map<LocalVar, Identifier[]>();
  private readonly calling = new Set<FunctionDeclaration>();
  /** Variables of generic `for` loops: the loop and the variable's position. */
  private readonly loopVariables = new Map<LocalVar, [ForGenericStatement, number]>();
  private readonly guards: GuardSchemas;
  /** The `ctx` parameter of each route handler, and the handler. */
  private readonly handlerOfCtx = new Map<LocalVar, FunctionDeclaration>();

  private readonly metamethods: ReadonlySet<string> | undefined;
  private readonly program: ((name: string) => ResponseShapes | undefined) | undefined;

  /** `program`: the rest of the program; without it, the module is the whole program. */
  constructor(readonly res: Resolution, program?: ProgramContext) {
    this.program = program?.module;
    this.metamethods = program === undefined ? possibleMetamethods([res], false) : program.metamethods;
    this.parents = parentMap(res.chunk);
    walk(res.chunk, (n) => {
      if (n.type === 'AssignmentStatement') {
        const last = n.init[n.init.length - 1];
        n.variables.forEach((v, i) => {
          // `string.x = f`: 'string.' (a library changed)
          if ((v.type === 'MemberExpression' || v.type === 'IndexExpression') && v.base.type === 'Identifier' && res.refs.get(v.base)?.kind === 'global') {
            this.assignedGlobals.add(`${v.base.name}.`);
          }
          if (v.type !== 'Identifier') return;
          const ref = res.refs.get(v);
          if (ref === undefined) return;
          if (ref.kind === 'global') {
            this.assignedGlobals.add(v.name);
            return;
          }
          // past the values: nil, or one of the extra results of a call
          const value = i < n.init.length && !(i === n.init.length - 1 && i < n.variables.length - 1 && isMultiValue(last))
            ? n.init[i] : isMultiValue(last) ? 'unknown' : 'nil';
          const list = this.assignments.get(ref.v);
          if (list === undefined) this.assignments.set(ref.v, [value]);
          else list.push(value);
        });
      } else if (n.type === 'ForGenericStatement') {
        n.variables.forEach((id, i) => this.loopVariables.set(res.decls.get(id)!, [n, i]));
      } else if (n.type === 'LocalStatement') {
        n.variables.forEach((id, i) => {
          if (i < n.init.length) this.declarations.set(res.decls.get(id)!, n.init[i]);
          else if (n.init.length === 0) this.bareLocals.add(res.decls.get(id)!);
        });
      }
    });
    for (const [id, ref] of res.refs) {
      if (ref.kind === 'global') continue;
      const list = this.references.get(ref.v);
      if (list === undefined) this.references.set(ref.v, [id]);
      else list.push(id);
    }
    this.guards = new GuardSchemas(res, this.declarations, this.assignedGlobals, (v) => this.onlyValidated(v));
    for (const { handler } of routeHandlers(res)) {
      const ctx = res.functions.get(handler)?.params[0];
      if (ctx !== undefined) this.handlerOfCtx.set(ctx, handler);
    }
    const facts = { expression: (e: Expression) => this.fact(e), loopVariable: (v: LocalVar) => this.loopVariable(v) };
    this.types = new Types(res, { metamethods: this.metamethods, facts });
  }

  /**
   * The schema the handler validates its body with (`ctx:body():expect(schema)`), when it
   * validates with exactly one schema the source spells out.
   */
  requestBody(handler: FunctionDeclaration): GuardField[] | undefined {
    const ctx = this.res.functions.get(handler)?.params[0];
    if (ctx === undefined) return undefined;
    const schemas: (GuardField[] | undefined)[] = [];
    walk(handler, (n) => {
      if (isCall(n) && n.base.type === 'MemberExpression' && n.base.indexer === ':' && n.base.identifier.name === 'expect' && isCall(n.base.base) &&
        n.base.base.base.type === 'MemberExpression' && n.base.base.base.identifier.name === 'body' && isLocal(this.res, n.base.base.base.base, ctx)) {
        const arg = callArguments(n)[0];
        schemas.push(arg === undefined ? undefined : this.guards.schema(arg));
      }
    });
    return schemas.length === 1 ? schemas[0] : undefined;
  }

  /**
   * The JSON shape of a handler's response body: the union over its returns of tables (and
   * `api.json(t)` / `api.json:status(s, t)`, with `app` the app table). Returns of other
   * kinds (strings, other builders, nil) write no JSON and are ignored; undefined when no
   * return writes JSON.
   */
  response(handler: FunctionDeclaration, app: LocalVar | undefined): Shape | undefined {
    let result: Shape | undefined;
    for (const r of this.responses(handler, app)) {
      if (r.via === 'json') result = result === undefined ? r.shape : union(result, r.shape, handler);
    }
    return result;
  }

  /**
   * What the handler writes, per status: the JSON shapes of its returns merged by status,
   * and Rover's error bodies. When a JSON status is not a constant, every JSON shape is
   * merged under 'default' (one serializer must then serve any status).
   */
  responses(handler: FunctionDeclaration, app: LocalVar | undefined): ResponseShape[] {
    const json = new Map<number | 'default', Shape>();
    const errors = new Map<number | 'default', Shape>();
    for (const ret of returnStatements(handler.body)) {
      const value = ret.arguments[0];
      if (value === undefined) continue;
      const w = written(this.res, value, app);
      if (w === undefined) continue;
      if (w.via === 'error') {
        // a string message gives {"error": message}; a caught validation error its field list
        const message = w.message === undefined ? undefined : this.of(w.message).shape;
        const body = message?.kind === 'string' ? ERROR_BODY : dynamic('an error value that may not be a string', value);
        const known = errors.get(w.status);
        errors.set(w.status, known === undefined ? body : union(known, body, value));
        continue;
      }
      let t = this.of(w.body);
      // a nil body writes no JSON (an empty 204 for a returned nil)
      if (isNilOnly(t)) continue;
      if (w.raw) {
        // a returned string, number or boolean is a text response
        const tables = optionsOf(t.shape).filter((o) => o.kind !== 'string' && o.kind !== 'number' && o.kind !== 'boolean');
        if (tables.length === 0) continue;
        t = { shape: tables.reduce((x, y) => union(x, y, w.body)), maybeNil: t.maybeNil };
      }
      const shape = t.maybeNil && t.shape.kind !== 'dynamic' && !w.raw ? dynamic('the response may be nil', w.body) : t.shape;
      const known = json.get(w.status);
      json.set(w.status, known === undefined ? shape : union(known, shape, w.body));
    }
    if (json.has('default') && json.size > 1) {
      const all = [...json.values()].reduce((a, b) => union(a, b, handler));
      json.clear();
      json.set('default', all);
    }
    const out: ResponseShape[] = [...json].map(([status, shape]) => ({ status, shape, via: 'json' }));
    for (const [status, shape] of errors) out.push({ status, shape, via: 'error' });
    return out.sort((a, b) => statusRank(a.status) - statusRank(b.status));
  }

  private of(e: Expression): Typed {
    if (e.type === 'TableConstructorExpression') return { shape: this.table(e), maybeNil: false };
    const scalar = scalarShape(this.types.of(e), e);
    if (scalar !== undefined) return scalar;
    switch (e.type) {
      case 'BinaryExpression': case 'UnaryExpression':
        return { shape: dynamic(`${e.operator} of a value that may have a metamethod`, e), maybeNil: true };
      case 'LogicalExpression': {
        const a = this.of(e.left);
        const b = this.of(e.right);
        // `x or default`: x when it is not nil; `c and v`: the shape of v unless c is false/nil
        if (e.operator === 'or') {
          // `c and v or w`: v or w (c's false or nil never comes out)
          const truthy = e.left.type === 'LogicalExpression' && e.left.operator === 'and' ? this.of(e.left.right) : a;
          return { shape: isNilOnly(truthy) ? b.shape : union(truthy.shape, b.shape, e), maybeNil: b.maybeNil };
        }
        return { shape: union(b.shape, a.shape.kind === 'boolean' ? BOOLEAN : b.shape, e), maybeNil: true };
      }
      case 'Identifier': return this.local(e);
      case 'MemberExpression': case 'IndexExpression': return { shape: dynamic('a table field (its type is not tracked)', e), maybeNil: true };
      case 'CallExpression': case 'StringCallExpression': case 'TableCallExpression': return this.call(e);
      default: return { shape: dynamic(`a ${e.type}`, e), maybeNil: true };
    }
  }

  /** What Rover and the standard library say of a call or field that types.ts leaves unknown. */
  private fact(e: Expression): TypeMask | undefined {
    if (e.type === 'MemberExpression' || e.type === 'IndexExpression') return this.request(e);
    return isCall(e) ? this.callResult(e) : undefined;
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
      const t = this.of(value);
      // a field proven nil is never written
      if (isNilOnly(t)) continue;
      fields.push({ name, shape: t.shape, optional: t.maybeNil });
    }
    return { kind: 'object', fields };
  }

  /** A local assigned once: the shape of its value; `local t = {}` filled by appends: an array. */
  private local(e: Expression & { type: 'Identifier' }): Typed {
    const ref = this.res.refs.get(e);
    if (ref === undefined || ref.kind === 'global') return { shape: dynamic(`global '${e.name}'`, e), maybeNil: true };
    const v = ref.v;
    // numbers, strings and booleans were the type analysis' answer (of())
    if (v.reassigned) return this.assigned(v, e);
    const decl = this.declarations.get(v);
    if (decl === undefined) {
      return { shape: dynamic(`'${v.name}' is a parameter, a loop variable or one of several values`, e), maybeNil: true };
    }
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
   * A local assigned several times (`local x` then `x = a` and `x = b` on branches): one of
   * the values, flow-insensitively, so nil too when it is declared without one.
   */
  private assigned(v: LocalVar, e: Expression): Typed {
    const values = this.assignments.get(v);
    const declared = this.bareLocals.has(v) ? 'nil' : this.declarations.get(v);
    if (values === undefined || declared === undefined || values.includes('unknown')) {
      return { shape: dynamic(`'${v.name}' is assigned more than once`, e), maybeNil: true };
    }
    if (this.visiting.has(v)) return { shape: dynamic(`'${v.name}' refers to itself`, e), maybeNil: true };
    this.visiting.add(v);
    try {
      const uses = this.usesOf(v);
      if (uses.appends.length > 0 || uses.other !== undefined) {
        const at = uses.other?.at ?? uses.appends[0];
        return { shape: dynamic(uses.other?.reason ?? `'${v.name}' is changed after it is made`, at), maybeNil: true };
      }
      let shape: Shape | undefined;
      let maybeNil = false;
      const all: (Expression | 'nil' | 'unknown')[] = [declared, ...values];
      for (const value of all) {
        if (value === 'nil' || value === 'unknown') {
          maybeNil = true;
          continue;
        }
        const t = this.of(value);
        maybeNil ||= t.maybeNil;
        if (isNilOnly(t)) continue;
        shape = shape === undefined ? t.shape : union(shape, t.shape, value);
      }
      return { shape: shape ?? dynamic(`'${v.name}' is only ever nil`, e), maybeNil };
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
      if (p.type === 'AssignmentStatement' && p.variables.includes(n as never)) continue; // assigned a new value
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
      // reordering, reading or removing items leaves a sequence of the same items
      if (isCall(p) && p.base.type === 'MemberExpression' && p.base.base.type === 'Identifier' && p.base.base.name === 'table' &&
        SEQUENCE_SAFE.has(p.base.identifier.name) && !this.assignedGlobals.has('table') && callArguments(p)[0] === n) continue;
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
  private request(e: Expression & { base: Expression }): TypeMask | undefined {
    if (e.type === 'MemberExpression' && e.indexer === '.' && (e.identifier.name === 'method' || e.identifier.name === 'path') &&
      this.handlerOf(e.base) !== undefined) return STRING_TYPE;
    const base = this.requestTable(e.base);
    const handler = base !== undefined && isCall(base) && base.base.type === 'MemberExpression' && base.base.indexer === ':' ? this.handlerOf(base.base.base) : undefined;
    if (handler === undefined) return undefined;
    const method = (base as { base: MemberExpression }).base.identifier.name;
    if (method !== 'params' && method !== 'query' && method !== 'headers') return undefined;
    // a route parameter is always there; other fields may be missing
    const name = e.type === 'MemberExpression' ? e.identifier.name : e.type === 'IndexExpression' && e.index.type === 'StringLiteral' ? e.index.value : undefined;
    const routeParam = method === 'params' && name !== undefined && routeParams(handler).includes(name);
    return routeParam ? STRING_TYPE : STRING_TYPE | NIL;
  }

  /** The route handler whose `ctx` an expression is. */
  private handlerOf(e: Expression): FunctionDeclaration | undefined {
    const ref = e.type === 'Identifier' ? this.res.refs.get(e) : undefined;
    return ref === undefined || ref.kind === 'global' ? undefined : this.handlerOfCtx.get(ref.v);
  }

  /**
   * `for i, v in ipairs(t)`: i is a number; `for k, v in pairs(ctx:query())` (or headers,
   * params): both are strings. Never nil inside the loop.
   */
  private loopVariable(v: LocalVar): TypeMask | undefined {
    const found = this.loopVariables.get(v);
    if (found === undefined) return undefined;
    const [loop, index] = found;
    const it = loop.iterators[0];
    if (loop.iterators.length !== 1 || !isCall(it) || it.base.type !== 'Identifier' || this.res.refs.get(it.base)?.kind !== 'global' ||
      this.assignedGlobals.has(it.base.name)) return undefined;
    if (it.base.name === 'ipairs' && index === 0) return NUMBER_TYPE;
    const arg = callArguments(it)[0];
    const table = it.base.name === 'pairs' && arg !== undefined && index <= 1 ? this.requestTable(arg) : undefined;
    const requestTable = table !== undefined && ['query', 'headers', 'params'].some((m) => this.isCtxCall(table, m));
    return requestTable ? STRING_TYPE : undefined;
  }

  /** `local q = ctx:query()` ... `q.x`: the call a local that nothing changes was made from. */
  private requestTable(e: Expression): Expression | undefined {
    if (e.type !== 'Identifier') return e;
    const v = fixedLocal(e, this.res.refs);
    const decl = v === undefined ? undefined : this.declarations.get(v);
    if (decl === undefined || !isCall(decl)) return undefined;
    const uses = this.usesOf(v!);
    return uses.other === undefined && uses.appends.length === 0 ? decl : undefined;
  }

  /** An expression, or the value a local never reassigned is declared with. */
  private valueOf(e: Expression): Expression | undefined {
    if (e.type !== 'Identifier') return e;
    const v = fixedLocal(e, this.res.refs);
    return v === undefined ? undefined : this.declarations.get(v);
  }

  /** `ctx:<method>()` on a route handler's ctx. */
  private isCtxCall(e: Expression | undefined, method: string): boolean {
    return e !== undefined && isCall(e) && e.base.type === 'MemberExpression' && e.base.indexer === ':' &&
      e.base.identifier.name === method && this.handlerOf(e.base.base) !== undefined;
  }

  /**
   * The result type of library functions (unless the module assigns their global or, for
   * `string`, a field of it) and of the request body's text.
   */
  private callResult(e: Expression & { base: Expression }): TypeMask | undefined {
    const base = e.base;
    if (base.type === 'Identifier' && this.isLibrary(base)) {
      // tostring gives what a __tostring metamethod returns
      if (base.name === 'tostring') return this.metamethods?.has('__tostring') === false ? STRING_TYPE : undefined;
      if (base.name === 'type') return STRING_TYPE;
      if (base.name === 'tonumber') return NUMBER_TYPE | NIL;
    }
    if (base.type === 'MemberExpression' && base.indexer === '.' && base.base.type === 'Identifier' && base.base.name === 'string' &&
      this.isLibrary(base.base) && !this.assignedGlobals.has('string.') && STRING_LIBRARY_RESULTS.has(base.identifier.name)) {
      return STRING_TYPE;
    }
    // ctx:body():text(), b:as_string() for `local b = ctx:body()`: the body as a string
    if (base.type === 'MemberExpression' && base.indexer === ':' && (base.identifier.name === 'text' || base.identifier.name === 'as_string') &&
      this.isCtxCall(this.valueOf(base.base), 'body')) {
      return STRING_TYPE;
    }
    return undefined;
  }

  /** A global the module never assigns. */
  private isLibrary(id: Identifier): boolean {
    return this.res.refs.get(id)?.kind === 'global' && !this.assignedGlobals.has(id.name);
  }

  private call(e: Expression & { base: Expression }): Typed {
    const base = e.base;
    const validated = this.validated(e);
    if (validated !== undefined) return validated;
    const f = this.types.targetOf(base);
    if (f !== undefined) return this.resultOf(f, e);
    const remote = this.requiredFunction(base);
    if (remote !== undefined) {
      const t = remote.module.resultOf(remote.fn, e);
      return { shape: inFile(t.shape, remote.module.res.file), maybeNil: t.maybeNil };
    }
    const name = calleeText(base);
    return { shape: dynamic(name === undefined ? 'the result of a call' : `the result of ${name}(...)`, e), maybeNil: true };
  }

  /**
   * `m.f` where `local m = require("name")` (neither reassigned) and the module named so
   * returns a local table `M` with exactly one `function M.f` (or `M.f = function`).
   */
  private requiredFunction(callee: Expression): { module: ResponseShapes; fn: FunctionDeclaration } | undefined {
    if (this.program === undefined || callee.type !== 'MemberExpression' || callee.indexer !== '.') return undefined;
    const v = fixedLocal(callee.base, this.res.refs);
    const decl = v === undefined ? undefined : this.declarations.get(v);
    if (decl === undefined || !isCall(decl) || decl.base.type !== 'Identifier' || decl.base.name !== 'require' ||
      this.res.refs.get(decl.base)?.kind !== 'global' || this.assignedGlobals.has('require')) return undefined;
    const arg = callArguments(decl)[0];
    if (arg?.type !== 'StringLiteral') return undefined;
    const module = this.program(arg.value);
    const fn = module?.exported(callee.identifier.name);
    return fn === undefined ? undefined : { module: module!, fn };
  }

  /** The function the module's returned table holds under `name`, if it is set exactly once. */
  exported(name: string): FunctionDeclaration | undefined {
    const body = this.res.chunk.body;
    const last = body[body.length - 1];
    if (last?.type !== 'ReturnStatement' || last.arguments.length !== 1) return undefined;
    const table = fixedLocal(last.arguments[0], this.res.refs);
    if (table === undefined) return undefined;
    const found: FunctionDeclaration[] = [];
    let other = false;
    walk(this.res.chunk, (n) => {
      const isField = (t: Expression) => t.type === 'MemberExpression' && t.indexer === '.' && t.identifier.name === name && isLocal(this.res, t.base, table);
      if (n.type === 'FunctionDeclaration' && n.identifier !== null && isField(n.identifier as Expression)) found.push(n);
      else if (n.type === 'AssignmentStatement') {
        n.variables.forEach((v, i) => {
          if (!isField(v)) return;
          const value = n.init[i];
          if (value?.type === 'FunctionDeclaration') found.push(value);
          else other = true;
        });
      }
    });
    return found.length === 1 && !other ? found[0] : undefined;
  }

  /** A local function's first result: the union of what its returns give. */
  resultOf(f: FunctionDeclaration, at: Expression): Typed {
    if (this.calling.has(f)) return { shape: dynamic('a recursive function\'s result', at), maybeNil: true };
    this.calling.add(f);
    try {
      let shape: Shape | undefined;
      let maybeNil = !this.types.returnsOne(f);
      for (const ret of returnStatements(f.body)) {
        const value = ret.arguments[0];
        if (value === undefined) continue;
        const t = this.of(value);
        maybeNil ||= t.maybeNil;
        if (isNilOnly(t)) continue;
        shape = shape === undefined ? t.shape : union(shape, t.shape, value);
      }
      return { shape: shape ?? dynamic('a function that returns nothing', at), maybeNil };
    } finally {
      this.calling.delete(f);
    }
  }

  /** `ctx:body():expect(schema)` and `rover.guard(data, schema)`: the schema's object. */
  private validated(e: Expression & { base: Expression }): Typed | undefined {
    if (!isCall(e)) return undefined;
    const base = e.base;
    const args = callArguments(e);
    let schema: Expression | undefined;
    if (base.type === 'MemberExpression' && base.indexer === ':' && base.identifier.name === 'expect' && isCall(base.base) &&
      base.base.base.type === 'MemberExpression' && base.base.base.indexer === ':' && base.base.base.identifier.name === 'body') {
      if (this.handlerOf(base.base.base.base) === undefined) return undefined;
      schema = args[0];
    } else if (base.type === 'MemberExpression' && base.indexer === '.' && base.identifier.name === 'guard' && base.base.type === 'Identifier' &&
      base.base.name === 'rover' && this.res.refs.get(base.base)?.kind === 'global' && !this.assignedGlobals.has('rover')) {
      schema = args[1];
    } else {
      return undefined;
    }
    const fields = schema === undefined ? undefined : this.guards.schema(schema);
    if (fields === undefined) return { shape: dynamic('a guard schema that is not a table of rover.guard validators', schema ?? e), maybeNil: false };
    return { shape: validatedObject(fields, e), maybeNil: false };
  }

  /**
   * Only passed to `:expect(v)`, `rover.guard(data, v)`, `g:array(v)`, `g:object(v)` or used as
   * a schema field: the guard reads it, nothing changes it.
   */
  private onlyValidated(v: LocalVar): boolean {
    return (this.references.get(v) ?? []).every((id) => {
      const p = this.parents.get(id);
      // a field of another schema, or the element of g:array(v)
      if ((p?.type === 'TableKeyString' || p?.type === 'TableKey') && p.value === id) return true;
      if (p === undefined || !isCall(p)) return false;
      const args = callArguments(p);
      if (p.base.type !== 'MemberExpression') return false;
      const name = p.base.identifier.name;
      return (name === 'expect' && args[0] === id) || (name === 'guard' && args[1] === id) || ((name === 'array' || name === 'object') && args[0] === id);
    });
  }
}

/** `f`, `a.b.c`, `a.b:c` for messages; undefined for other callees. */
function calleeText(e: Expression): string | undefined {
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'MemberExpression') {
    const base = calleeText(e.base);
    return base === undefined ? undefined : `${base}${e.indexer}${e.identifier.name}`;
  }
  return undefined;
}

function isNilOnly(t: Typed): boolean {
  return t.shape.kind === 'dynamic' && t.shape.reason === 'nil';
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


/** The names `p_name` in a handler's path (`function api.users.p_id.get`): its route parameters. */
function routeParams(handler: FunctionDeclaration): string[] {
  const names: string[] = [];
  for (let e = handler.identifier as Expression | null; e !== null && e.type === 'MemberExpression'; e = e.base) {
    if (e.identifier.name.startsWith('p_')) names.push(e.identifier.name.slice(2));
  }
  return names;
}

/**
 * The shape of a value of type `t` when it holds only strings, numbers, booleans and nil;
 * undefined when it may hold something else (or nothing is known).
 */
function scalarShape(t: TypeMask, at: Expression): Typed | undefined {
  if (t === 0 || (t & (TABLE | FUNCTION | OTHER)) !== 0) return undefined;
  const maybeNil = (t & NIL) !== 0;
  const options = [[NUMBER_TYPE, NUMBER], [STRING_TYPE, STRING], [BOOLEAN_TYPE, BOOLEAN]] as const;
  const shapes = options.filter(([bit]) => (t & bit) !== 0).map(([, shape]) => shape);
  if (shapes.length === 0) return { shape: dynamic('nil', at), maybeNil: true };
  return { shape: shapes.reduce((a, b) => union(a, b, at)), maybeNil };
}
