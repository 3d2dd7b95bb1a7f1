// Static types of locals and expressions: the one classifier of Lua value types that code
// generation (raw JS operators, TS declarations) and response shapes (serializers, route
// types, OpenAPI) share.
//
// Locals: first flow-insensitively, a local's type is the union of everything ever assigned
// to it, anywhere in the chunk (inner functions included), solved to a fixpoint; then each
// reference in the local's own function gets the type the local has there (flow-types.ts),
// where no inner function assigns it, and so does a field `t.x` of a record (records.ts: a
// table no code out of sight can reach). A local function that is only ever called by name gets
// its parameter types from its call sites and its result type from its returns; other
// parameters, globals, other table fields and call results are unknown unless a caller feeds in
// facts (TypeOptions.facts: Rover's request fields).
//
// Operators: every claim is a guarantee, never "probably". A comparison or `not` is a
// boolean. Arithmetic, unary minus, `..` and `#` on operands proven plain (numbers; numbers
// and strings; strings and tables) give a number, a string, a number. On other operands the
// result is the metamethod's, unless no value of the program can have that metamethod
// (TypeOptions.metamethods, from metamethods.ts): then the operator either gives its plain
// result (strings coerce to numbers, numbers to strings) or raises an error, so the plain
// type still holds for every value it gives.
// A type is a set of Lua types as a bit mask; 0 means "no value seen yet" while solving.
import type { Chunk, Expression, FunctionDeclaration, Identifier, MemberExpression, Node, Statement } from '../frontend/ast.js';
import { isMultiValue, returnStatements } from '../frontend/ast.js';
import { walk } from '../frontend/parse.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';
import { flowTypes } from './flow-types.js';
import type { Records } from './records.js';

export const NUMBER = 1;
export const STRING = 2;
export const BOOLEAN = 4;
export const NIL = 8;
export const TABLE = 16;
export const FUNCTION = 32;
/** Threads and userdata. */
export const OTHER = 64;
export const ANY = 127;

export type TypeMask = number;

/** `t` holds only values of the types in `mask` (and at least one type is known). */
export function only(t: TypeMask, mask: TypeMask): boolean {
  return t !== 0 && (t & ~mask) === 0;
}

/** The metamethod each arithmetic operator runs on operands that are not numbers. */
const ARITHMETIC_EVENTS: Readonly<Record<string, string>> = {
  '+': '__add', '-': '__sub', '*': '__mul', '/': '__div', '%': '__mod', '^': '__pow',
};

export interface TypeOptions {
  /**
   * Every local may change behind the code's back (debug.setlocal, setupvalue): locals and
   * the functions they hold are unknown.
   */
  readonly opaque?: boolean;
  /** The metamethods any value of the program may have (metamethods.ts); absent: any. */
  readonly metamethods?: ReadonlySet<string>;
  /**
   * Types the caller knows of expressions this analysis leaves unknown (calls, fields) and of
   * generic `for` variables; undefined when it knows nothing.
   */
  readonly facts?: TypeFacts;
}

export interface TypeFacts {
  expression(e: Expression): TypeMask | undefined;
  loopVariable(v: LocalVar): TypeMask | undefined;
}

/** A record's fields (records.ts) as its code stores them. */
export interface RecordFields {
  /**
   * Each name its code reads or writes, with the union of the types of every value stored
   * there (the constructor's, assignments', `function t.name`); nil is left out, since any
   * field may be missing or set to nil.
   */
  readonly fields: ReadonlyMap<string, TypeMask>;
}

export class Types {
  private readonly locals = new Map<LocalVar, TypeMask>();
  private readonly declaredFunctions = new Map<LocalVar, FunctionDeclaration>();
  private readonly single = new Map<FunctionDeclaration, boolean>();
  private readonly returns = new Map<FunctionDeclaration, TypeMask>();
  /** The type of a local or a record's field where the flow analysis follows it (flow-types.ts). */
  private readonly atReference = new Map<Identifier | MemberExpression, TypeMask>();

  private readonly opaque: boolean;
  private records: Records = { locals: new Map(), params: new Map() };
  private recordFields: Map<LocalVar, RecordFields> | undefined;

  constructor(private readonly res: Resolution, private readonly options: TypeOptions = {}) {
    this.opaque = options.opaque ?? false;
    if (this.opaque) return;
    walk(res.chunk as Chunk, (n) => {
      if (n.type === 'FunctionDeclaration' && n.isLocal && n.identifier?.type === 'Identifier') {
        this.declaredFunctions.set(res.decls.get(n.identifier)!, n);
      } else if (n.type === 'LocalStatement' && n.variables.length === 1 && n.init.length === 1 && n.init[0].type === 'FunctionDeclaration') {
        this.declaredFunctions.set(res.decls.get(n.variables[0])!, n.init[0]);
      }
    });
    const loopVariable = (v: LocalVar) => options.facts?.loopVariable(v) ?? ANY;
    const typeOf = (e: Expression) => this.of(e);
    const sites = callSites(res, (e) => this.targetOf(e));
    const solveAll = () => solve(res, this.locals, this.returns, typeOf, sites, (f) => this.returnsOne(f), loopVariable);
    solveAll();
    const entry = (p: LocalVar) => entryType(sites, p, typeOf);
    const targetOf = (e: Expression) => this.targetOf(e);
    this.records = flowTypes(res, { typeOf, valueType: (list, i) => valueType(list, i, typeOf), entry, loopVariable, sites, targetOf }, this.atReference);
    // again from nothing, reading locals and fields where the flow followed them: function
    // results and the unions get what the flow proved
    this.locals.clear();
    this.returns.clear();
    solveAll();
  }

  /** The function a callee expression always is. */
  targetOf(callee: Expression): FunctionDeclaration | undefined {
    if (callee.type !== 'Identifier') return undefined;
    const ref = this.res.refs.get(callee);
    return ref === undefined || ref.kind === 'global' ? undefined : this.functionOf(ref.v);
  }

  /**
   * The function a local always holds: `local function f` or `local f = function`, never
   * assigned again.
   */
  functionOf(v: LocalVar): FunctionDeclaration | undefined {
    return v.reassigned ? undefined : this.declaredFunctions.get(v);
  }

  /** Every return of the function gives exactly one value, and it cannot end without one. */
  returnsOne(f: FunctionDeclaration): boolean {
    let known = this.single.get(f);
    if (known === undefined) this.single.set(f, known = returnsOne(f.body));
    return known;
  }

  /** The fields of local `v` when it is a record (records.ts), else undefined. */
  recordOf(v: LocalVar): RecordFields | undefined {
    this.recordFields ??= this.storedFields();
    return this.recordFields.get(v);
  }

  /** Every record's fields with the types of the values its code stores into them. */
  private storedFields(): Map<LocalVar, RecordFields> {
    const fields = new Map<LocalVar, Map<string, TypeMask>>();
    for (const [v, info] of this.records.locals) {
      const types = new Map([...info.names].map((n) => [n, 0]));
      for (const f of info.made.fields) {
        const key = f.type === 'TableKeyString' ? f.key.name : f.type === 'TableKey' && f.key.type === 'StringLiteral' ? f.key.value : undefined;
        if (key !== undefined) types.set(key, (types.get(key) ?? 0) | this.of(f.value));
      }
      fields.set(v, types);
    }
    const store = (target: Node, t: () => TypeMask): void => {
      if (target.type !== 'MemberExpression' || target.base.type !== 'Identifier') return;
      const ref = this.res.refs.get(target.base);
      const types = ref === undefined || ref.kind === 'global' ? undefined : fields.get(ref.v);
      const name = target.identifier.name;
      if (types !== undefined) types.set(name, (types.get(name) ?? 0) | t());
    };
    walk(this.res.chunk as Chunk, (n) => {
      if (n.type === 'AssignmentStatement') n.variables.forEach((target, i) => store(target, () => valueType(n.init, i, (e) => this.of(e))));
      else if (n.type === 'FunctionDeclaration' && n.identifier !== null) store(n.identifier, () => FUNCTION);
    });
    return new Map([...fields].map(([v, types]) => [v, { fields: new Map([...types].map(([n, t]) => [n, t & ~NIL])) }]));
  }

  /**
   * The type of a local variable anywhere (ANY for unknown parameters and loop variables of
   * generic `for`): what its declaration can hold.
   */
  local(v: LocalVar): TypeMask {
    return this.locals.get(v) ?? ANY;
  }

  /**
   * The type of an expression's first value (nil for a call that gives none); a local's type
   * where it is read.
   */
  of(e: Expression): TypeMask {
    switch (e.type) {
      case 'NumericLiteral': return NUMBER;
      case 'StringLiteral': return STRING;
      case 'BooleanLiteral': return BOOLEAN;
      case 'NilLiteral': return NIL;
      case 'FunctionDeclaration': return FUNCTION;
      case 'TableConstructorExpression': return TABLE;
      case 'Identifier': {
        const ref = this.res.refs.get(e);
        if (ref === undefined || ref.kind === 'global' || this.opaque) return ANY;
        // both are sound: where the flow followed it, the local is in both
        const all = this.locals.get(ref.v) ?? 0;
        return all & (this.atReference.get(e) ?? all);
      }
      case 'UnaryExpression': {
        if (e.operator === 'not') return BOOLEAN;
        const t = this.of(e.argument);
        // luajit's # ignores __len on tables and strings
        if (e.operator === '#') return this.plainResult(only(t, STRING | TABLE), t, '__len', NUMBER);
        return this.plainResult(only(t, NUMBER), t, '__unm', NUMBER);
      }
      case 'BinaryExpression': {
        const a = this.of(e.left);
        const b = this.of(e.right);
        const known = a === 0 || b === 0 ? 0 : ANY;
        switch (e.operator) {
          case '==': case '~=': case '<': case '<=': case '>': case '>=':
            return BOOLEAN;
          case '..':
            return this.plainResult(only(a, NUMBER | STRING) && only(b, NUMBER | STRING), known, '__concat', STRING);
          default:
            // strings coerce, but one that does not could reach a metamethod: numbers only
            return this.plainResult(only(a, NUMBER) && only(b, NUMBER), known, ARITHMETIC_EVENTS[e.operator], NUMBER);
        }
      }
      case 'CallExpression': case 'StringCallExpression': case 'TableCallExpression': {
        const f = this.targetOf(e.base);
        if (f !== undefined) return this.returnsOne(f) ? this.returns.get(f) ?? 0 : ANY;
        return this.options.facts?.expression(e) ?? ANY;
      }
      case 'MemberExpression':
        return this.atReference.get(e) ?? this.options.facts?.expression(e) ?? ANY;
      case 'IndexExpression':
        return this.options.facts?.expression(e) ?? ANY;
      case 'LogicalExpression': {
        // `a and b`: a when it is false or nil, else b; `a or b`: a when it is true, else b
        if (e.operator === 'and') return (this.of(e.left) & (NIL | BOOLEAN)) | this.of(e.right);
        return this.truthy(e.left) | this.of(e.right);
      }
      default:
        return ANY;
    }
  }

  /**
   * An operator's result: `plain` when its operands are proven plain or no value can have
   * its metamethod `event`, else unknown (`operands` is 0 while they are not known yet).
   */
  private plainResult(plainOperands: boolean, operands: TypeMask, event: string, plain: TypeMask): TypeMask {
    if (plainOperands || this.options.metamethods?.has(event) === false) return plain;
    return operands === 0 ? 0 : ANY;
  }

  /** The types of an expression's value when it is true (`c and v` is true only as v). */
  private truthy(e: Expression): TypeMask {
    if (e.type === 'LogicalExpression') {
      return e.operator === 'and' ? this.truthy(e.right) : this.truthy(e.left) | this.truthy(e.right);
    }
    return this.of(e) & ~NIL;
  }
}

/** Unions every assignment into `locals` until nothing changes. */
function solve(
  res: Resolution,
  locals: Map<LocalVar, TypeMask>,
  returns: Map<FunctionDeclaration, TypeMask>,
  typeOf: (e: Expression) => TypeMask,
  sites: Map<FunctionDeclaration, Expression[][]>,
  returnsOne: (f: FunctionDeclaration) => boolean,
  loopVariable: (v: LocalVar) => TypeMask,
): void {
  const sources: [LocalVar, () => TypeMask][] = [];
  const assign = (v: LocalVar | undefined, list: Expression[], i: number): void => {
    if (v === undefined) return;
    sources.push([v, () => valueType(list, i, typeOf)]);
  };
  const localOf = (id: Node): LocalVar | undefined => {
    if (id.type !== 'Identifier') return undefined;
    const ref = res.refs.get(id);
    return ref === undefined || ref.kind === 'global' ? undefined : ref.v;
  };
  walk(res.chunk as Chunk, (n) => {
    const s = n as Statement;
    switch (s.type) {
      case 'LocalStatement':
        s.variables.forEach((id, i) => assign(res.decls.get(id), s.init, i));
        break;
      case 'AssignmentStatement':
        s.variables.forEach((id, i) => assign(localOf(id), s.init, i));
        break;
      case 'FunctionDeclaration': {
        const v = s.identifier === null ? undefined
          : s.isLocal ? res.decls.get(s.identifier as never) : localOf(s.identifier);
        if (v !== undefined) sources.push([v, () => FUNCTION]);
        for (const p of res.functions.get(s)?.params ?? []) sources.push([p, () => entryType(sites, p, typeOf)]);
        break;
      }
      case 'ForNumericStatement':
        sources.push([res.decls.get(s.variable)!, () => NUMBER]);
        break;
      case 'ForGenericStatement':
        for (const id of s.variables) {
          const v = res.decls.get(id)!;
          sources.push([v, () => loopVariable(v)]);
        }
        break;
    }
  });
  for (const p of res.main.params) sources.push([p, () => ANY]);
  const results: [FunctionDeclaration, Expression[]][] = [];
  for (const f of res.functions.keys()) {
    if (f.type === 'FunctionDeclaration' && returnsOne(f)) results.push([f, returnStatements(f.body).flatMap((r) => r.arguments)]);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [f, values] of results) {
      const before = returns.get(f) ?? 0;
      const after = values.reduce((t, e) => t | typeOf(e), before);
      if (after !== before) {
        returns.set(f, after);
        changed = true;
      }
    }
    for (const [v, source] of sources) {
      const before = locals.get(v) ?? 0;
      const after = before | source();
      if (after !== before) {
        locals.set(v, after);
        changed = true;
      }
    }
  }
}

/**
 * The type of a parameter when its function starts: the union of its call sites' values for
 * functions only ever called by name (never passed around), else unknown.
 */
function entryType(sites: Map<FunctionDeclaration, Expression[][]>, p: LocalVar, typeOf: (e: Expression) => TypeMask): TypeMask {
  const f = p.fn.node;
  const calls = f.type === 'FunctionDeclaration' ? sites.get(f) : undefined;
  if (calls === undefined || calls.length === 0) return ANY;
  const i = p.fn.params.indexOf(p);
  return calls.reduce((t, args) => t | valueType(args, i, typeOf), 0);
}

/**
 * The type of the i-th value of an expression list adjusted to its targets (`of` of a call
 * is the type of its first value, nil when it gives none).
 */
function valueType(list: Expression[], i: number, typeOf: (e: Expression) => TypeMask): TypeMask {
  const last = list.length - 1;
  if (i <= last) return typeOf(list[i]);
  return last >= 0 && isMultiValue(list[last]) ? ANY : NIL;
}

/** A block ends in a return, and every return in it (outside nested functions) has one plain value. */
function returnsOne(body: Statement[]): boolean {
  const last = body[body.length - 1];
  if (last === undefined || last.type !== 'ReturnStatement') return false;
  return returnStatements(body).every((r) => r.arguments.length === 1 && !isMultiValue(r.arguments[0]));
}

/** The argument lists of every call of each function that is never used except by calling it. */
function callSites(res: Resolution, targetOf: (callee: Expression) => FunctionDeclaration | undefined): Map<FunctionDeclaration, Expression[][]> {
  const sites = new Map<FunctionDeclaration, Expression[][]>();
  const callees = new Set<Node>();
  walk(res.chunk as Chunk, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'StringCallExpression' && n.type !== 'TableCallExpression') return;
    const f = targetOf(n.base);
    if (f === undefined) return;
    callees.add(n.base);
    const args = n.type === 'CallExpression' ? n.arguments : n.type === 'StringCallExpression' ? [n.argument] : [n.arguments];
    let list = sites.get(f);
    if (list === undefined) sites.set(f, list = []);
    list.push(args);
  });
  // any other reference lets the function escape: its callers are unknown
  for (const [id, ref] of res.refs) {
    if (ref.kind === 'global' || callees.has(id)) continue;
    const f = targetOf(id);
    if (f !== undefined) sites.delete(f);
  }
  return sites;
}
