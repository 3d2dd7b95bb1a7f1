// rover.guard: schema validators (`g:string():required()`...) and the validation they run.
import { libError } from '../lua/errors.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';
import { validationFailure, type FieldError } from './errors.js';
import { JSON_NULL } from './json.js';

export type GuardKind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

const METHODS = new LuaTable();
const VALIDATOR_META = new LuaTable();
VALIDATOR_META.setStr('__index', METHODS);

/**
 * One validator. Modifiers change it in place and return it (`v:required()` on its own
 * line works, as in Rover), so a validator is a table with methods, not an immutable value.
 */
export class Validator extends LuaTable {
  required = false;
  requiredMessage: string | undefined = undefined;
  hasDefault = false;
  defaultValue: LuaValue = undefined;
  enumValues: LuaValue[] | undefined = undefined;
  nullable = false;

  constructor(
    readonly kind: GuardKind,
    /** The element validator of an array. */
    readonly element?: Validator,
    /** The field validators of an object, in schema order. */
    readonly fields?: [string, Validator][],
  ) {
    super();
    this.metatable = VALIDATOR_META;
  }
}

function self(v: LuaValue, method: string): Validator {
  if (v instanceof Validator) return v;
  throw libError(`bad self to '${method}' (a guard validator expected, got ${typeName(v)}; call it with ':')`);
}

METHODS.setStr('required', builtin(function required(v: LuaValue, message: LuaValue): LuaResult {
  const val = self(v, 'required');
  if (message !== undefined && typeof message !== 'string') throw libError("bad argument #1 to 'required' (string expected)");
  val.required = true;
  val.requiredMessage = message;
  return val;
}));
METHODS.setStr('default', builtin(function defaultValue(v: LuaValue, value: LuaValue): LuaResult {
  const val = self(v, 'default');
  val.hasDefault = true;
  val.defaultValue = value;
  return val;
}));
METHODS.setStr('enum', builtin(function enumValues(v: LuaValue, list: LuaValue): LuaResult {
  const val = self(v, 'enum');
  if (!(list instanceof LuaTable)) throw libError(`bad argument #1 to 'enum' (table expected, got ${typeName(list)})`);
  const values: LuaValue[] = [];
  for (let i = 1; list.get(i) !== undefined; i++) values.push(list.get(i));
  val.enumValues = values;
  return val;
}));
METHODS.setStr('nullable', builtin(function nullable(v: LuaValue): LuaResult {
  const val = self(v, 'nullable');
  val.nullable = true;
  return val;
}));

/** The field validators of a schema table, in its traversal order; errors name bad entries. */
export function schemaFields(schema: LuaValue, what: string): [string, Validator][] {
  if (schema instanceof Validator && schema.kind === 'object') return schema.fields!;
  if (!(schema instanceof LuaTable) || schema instanceof Validator) {
    throw libError(`${what}: a schema table expected, got ${schema instanceof Validator ? 'a ' + schema.kind + ' validator' : typeName(schema)}`);
  }
  const fields: [string, Validator][] = [];
  for (let e = schema.next(undefined); e !== undefined; e = schema.next(e[0])) {
    const [k, v] = e;
    if (typeof k !== 'string') throw libError(`${what}: schema keys must be field names, got ${typeName(k)}`);
    if (!(v instanceof Validator)) throw libError(`${what}: field '${k}' is not a guard validator (got ${typeName(v)})`);
    fields.push([k, v]);
  }
  return fields;
}

// ---- validation ----

/** How a value is named in type errors: JSON's words for tables. */
function describeType(v: LuaValue): string {
  if (v instanceof LuaTable) return isSequence(v) && v.arr.length > 0 ? 'array' : 'object';
  return typeName(v);
}

/** A table whose keys are 1..n (possibly with holes from nil elements) and nothing else. */
function isSequence(t: LuaTable): boolean {
  return t.next(t.arr.length === 0 ? undefined : t.arr.length) === undefined;
}

function article(kind: GuardKind): string {
  return kind === 'integer' || kind === 'array' || kind === 'object' ? 'an' : 'a';
}

/** Validates one value; returns the value to keep (defaults applied, objects rebuilt). */
export function validateValue(v: Validator, value: LuaValue, field: string, errors: FieldError[]): LuaValue {
  if (value === undefined || value === JSON_NULL) {
    if (value === JSON_NULL && v.nullable) return undefined;
    if (v.hasDefault) return v.defaultValue;
    if (v.required) {
      errors.push({ field, message: v.requiredMessage ?? `Field '${field}' is required`, type: 'required' });
    }
    return undefined;
  }
  let ok: boolean;
  switch (v.kind) {
    case 'string': ok = typeof value === 'string'; break;
    case 'number': ok = typeof value === 'number'; break;
    case 'boolean': ok = typeof value === 'boolean'; break;
    case 'integer':
      if (typeof value === 'number' && !Number.isInteger(value)) {
        errors.push({ field, message: `Must be an integer, got float ${ops.tostring(value)}`, type: 'type' });
        return undefined;
      }
      ok = typeof value === 'number';
      break;
    case 'array': ok = value instanceof LuaTable && isSequence(value); break;
    case 'object': ok = value instanceof LuaTable && !(isSequence(value) && value.arr.length > 0); break;
  }
  if (!ok) {
    errors.push({ field, message: `Must be ${article(v.kind)} ${v.kind}, got ${describeType(value)}`, type: 'type' });
    return undefined;
  }
  if (v.enumValues !== undefined && !v.enumValues.includes(value)) {
    const allowed = v.enumValues.map((x) => ops.tostring(x)).join(', ');
    errors.push({ field, message: `Must be one of: ${allowed}. Got: '${ops.tostring(value)}'`, type: 'enum' });
    return undefined;
  }
  if (v.kind === 'array') return validateArray(v.element!, value as LuaTable, field, errors);
  if (v.kind === 'object') return validateFields(v.fields!, value as LuaTable, field, errors);
  return value;
}

function validateArray(element: Validator, t: LuaTable, field: string, errors: FieldError[]): LuaTable {
  const n = t.arr.length;
  const out: LuaValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = validateValue(element, t.arr[i], `${field}[${i + 1}]`, errors);
  return new LuaTable(out);
}

/** Validates the fields of an object; keeps only the schema's fields. */
export function validateFields(fields: [string, Validator][], t: LuaTable, prefix: string, errors: FieldError[]): LuaTable {
  const out = new LuaTable();
  for (const [name, v] of fields) {
    const value = validateValue(v, t.get(name), prefix === '' ? name : `${prefix}.${name}`, errors);
    if (value !== undefined) out.setStr(name, value);
  }
  return out;
}

/** Validates a table against a schema; returns the validated table or raises a validation error. */
export function validateOrRaise(data: LuaTable, fields: [string, Validator][]): LuaTable {
  const errors: FieldError[] = [];
  const out = validateFields(fields, data, '', errors);
  if (errors.length > 0) throw validationFailure(errors);
  return out;
}

// ---- the rover.guard table ----

/** Creates `rover.guard`: the type constructors, callable as `rover.guard(data, schema)`. */
export function createGuard(): LuaTable {
  const guard = new LuaTable();
  // `g:string()` passes the guard table as self; `g.string()` does not. Accept both.
  const args = (a: LuaValue, b: LuaValue): LuaValue => (a === guard ? b : a);
  const simple = (kind: GuardKind) => builtin(function guardType(): LuaResult {
    return new Validator(kind);
  });
  for (const kind of ['string', 'number', 'integer', 'boolean'] as const) guard.setStr(kind, simple(kind));
  guard.setStr('array', builtin(function array(a: LuaValue, b: LuaValue): LuaResult {
    const element = args(a, b);
    if (!(element instanceof Validator)) throw libError(`bad argument #1 to 'array' (a guard validator expected, got ${typeName(element)})`);
    return new Validator('array', element);
  }));
  guard.setStr('object', builtin(function object(a: LuaValue, b: LuaValue): LuaResult {
    return new Validator('object', undefined, schemaFields(args(a, b), "bad argument #1 to 'object'"));
  }));
  const meta = new LuaTable();
  meta.setStr('__call', builtin(function guardCall(_g: LuaValue, data: LuaValue, schema: LuaValue): LuaResult {
    if (!(data instanceof LuaTable)) throw libError(`bad argument #1 to 'guard' (table expected, got ${typeName(data)})`);
    return validateOrRaise(data, schemaFields(schema, "bad argument #2 to 'guard'"));
  }));
  guard.metatable = meta;
  return guard;
}
