// `rover.guard` schemas read from the source: `{ name = g:string():required(), ... }` as data.
// The shape analysis uses them for the validated body a handler gets from `ctx:body():expect`,
// and the OpenAPI document for request bodies. A schema the source does not spell out as
// constructors and modifier chains on `rover.guard` is not known (undefined).
import type { Expression, Node, TableConstructorExpression } from '../frontend/ast.js';
import { callArguments, isCall } from '../frontend/ast.js';
import { constantOf } from '../frontend/constants.js';
import { fixedLocal, type LocalVar, type Resolution } from '../frontend/resolve.js';
import type { LuaValue } from '../../runtime/lua/value.js';
import type { GuardField, GuardRule, GuardType, Shape } from '../../runtime/http/response-shape.js';
import { BOOLEAN, dynamic, NUMBER, STRING, union } from './shape-algebra.js';

export type { GuardField, GuardRule, GuardType } from '../../runtime/http/response-shape.js';

const TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'array', 'object']);

/** Reads guard schemas of one module: `rover.guard` and locals that alias it. */
export class GuardSchemas {
  constructor(
    private readonly res: Resolution,
    private readonly declarations: ReadonlyMap<LocalVar, Expression>,
    private readonly assignedGlobals: ReadonlySet<string>,
    /** Whether a local schema or validator is only ever handed to the guard (so nothing changes it). */
    private readonly onlyValidated: (v: LocalVar) => boolean,
  ) {}

  /**
   * The fields of a schema expression, in the order the guard validates and writes them (the
   * table's traversal order: for a constructor of calls, source order).
   */
  schema(e: Expression): GuardField[] | undefined {
    const table = this.constructorOf(e);
    if (table === undefined) return undefined;
    const fields: GuardField[] = [];
    for (const f of table.fields) {
      let name: string;
      if (f.type === 'TableKeyString') name = f.key.name;
      else if (f.type === 'TableKey' && f.key.type === 'StringLiteral') name = f.key.value;
      else return undefined;
      // a constant value would be inserted first by luajit (and is not a validator anyway)
      if (constantOf(f.value) !== undefined) return undefined;
      const rule = this.rule(f.value);
      if (rule === undefined) return undefined;
      if (fields.some((g) => g.name === name)) return undefined;
      fields.push({ name, rule });
    }
    return fields;
  }

  /** `g:string():required()` and friends. */
  rule(e: Expression): GuardRule | undefined {
    if (e.type === 'Identifier') {
      // `local address = g:object {...}` used as a field: only if no statement modifies it
      const v = fixedLocal(e, this.res.refs);
      const decl = v === undefined || !this.onlyValidated(v) ? undefined : this.declarations.get(v);
      return decl === undefined ? undefined : this.rule(decl);
    }
    if (!isCall(e) || e.base.type !== 'MemberExpression') return undefined;
    const method = e.base.identifier.name;
    const args = callArguments(e);
    const target = e.base.base;
    if (this.isGuard(target)) {
      if (!TYPES.has(method)) return undefined;
      const type = method as GuardType;
      const base = { type, required: false, nullable: false };
      if (type === 'array') {
        const element = args[0] === undefined ? undefined : this.rule(args[0]);
        return element === undefined ? undefined : { ...base, element };
      }
      if (type === 'object') {
        const fields = args[0] === undefined ? undefined : this.schema(args[0]);
        return fields === undefined ? undefined : { ...base, fields };
      }
      return base;
    }
    if (e.base.indexer !== ':') return undefined;
    const inner = this.rule(target);
    if (inner === undefined) return undefined;
    switch (method) {
      case 'required': return { ...inner, required: true };
      case 'nullable': return { ...inner, nullable: true };
      case 'default': {
        const value = args[0] === undefined ? { value: undefined } : constantOf(args[0]);
        if (value === undefined) return undefined;
        return { ...inner, default: value };
      }
      case 'enum': {
        const list = args[0];
        if (list?.type !== 'TableConstructorExpression' || !list.fields.every((f) => f.type === 'TableValue')) return undefined;
        const values: LuaValue[] = [];
        for (const f of list.fields) {
          const c = constantOf(f.value);
          if (c === undefined) return undefined;
          values.push(c.value);
        }
        return { ...inner, enum: values };
      }
      default: return undefined;
    }
  }

  /** `rover.guard`, or a local never reassigned that was declared as it. */
  private isGuard(e: Expression): boolean {
    if (e.type === 'MemberExpression' && e.indexer === '.' && e.identifier.name === 'guard' && e.base.type === 'Identifier') {
      return e.base.name === 'rover' && this.res.refs.get(e.base)?.kind === 'global' && !this.assignedGlobals.has('rover');
    }
    const v = fixedLocal(e, this.res.refs);
    const decl = v === undefined ? undefined : this.declarations.get(v);
    return decl !== undefined && decl !== e && this.isGuard(decl);
  }

  /** A constructor, directly or through a local never reassigned. */
  private constructorOf(e: Expression): TableConstructorExpression | undefined {
    if (e.type === 'TableConstructorExpression') return e;
    const v = fixedLocal(e, this.res.refs);
    const decl = v === undefined || !this.onlyValidated(v) ? undefined : this.declarations.get(v);
    return decl?.type === 'TableConstructorExpression' ? decl : undefined;
  }
}

/** The value a validated schema gives: its fields in schema order, defaults filled in. */
export function validatedObject(fields: readonly GuardField[], at: Node): Shape {
  return {
    kind: 'object',
    fields: fields.map((f) => {
      const t = validatedValue(f.rule, at);
      return { name: f.name, shape: t.shape, optional: t.maybeNil };
    }),
  };
}

function validatedValue(rule: GuardRule, at: Node): { shape: Shape; maybeNil: boolean } {
  let shape: Shape;
  switch (rule.type) {
    case 'string': shape = STRING; break;
    case 'number': case 'integer': shape = NUMBER; break;
    case 'boolean': shape = BOOLEAN; break;
    case 'object': shape = validatedObject(rule.fields!, at); break;
    case 'array': {
      const item = validatedValue(rule.element!, at);
      shape = item.maybeNil ? dynamic('array items may be null (holes)', at) : { kind: 'array', items: item.shape };
      break;
    }
  }
  // null for a nullable field, or a missing one, gives nil unless a default fills it in
  const d = rule.default;
  if (d !== undefined && !rule.nullable) {
    if (d.value === undefined) return { shape, maybeNil: true };
    return { shape: union(shape, constantShape(d.value, at), at), maybeNil: false };
  }
  return { shape, maybeNil: !rule.required || rule.nullable };
}

function constantShape(v: unknown, at: Node): Shape {
  switch (typeof v) {
    case 'string': return STRING;
    case 'number': return NUMBER;
    case 'boolean': return BOOLEAN;
    default: return dynamic('a default that is not a string, number or boolean', at);
  }
}
