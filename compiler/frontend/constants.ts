// Facts about expressions that both the interpreter and the code generator need:
// constant folding as luajit's parser does it, and the names luajit gives callees.
import { isMultiValue, type BinaryExpression, type Expression, type Identifier, type TableConstructorExpression } from './ast.js';
import type { VarRef } from './resolve.js';
import { CALL_MARK } from '../../runtime/lua/callstack.js';
import type { ConstructorField, ConstructorPlan } from '../../runtime/lua/luajit-table.js';
import { mod, powNum } from '../../runtime/lua/ops.js';
import type { LuaValue } from '../../runtime/lua/value.js';

/** The value of a constant expression as luajit's parser folds it (no NaN or -0 results). */
export function constantOf(e: Expression): { value: LuaValue } | undefined {
  switch (e.type) {
    case 'NumericLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
      return { value: e.value };
    case 'UnaryExpression': {
      if (e.operator !== '-') return undefined;
      const a = constantOf(e.argument);
      return a !== undefined && typeof a.value === 'number' && a.value !== 0 ? { value: -a.value } : undefined;
    }
    case 'BinaryExpression': {
      const a = constantOf(e.left);
      const b = constantOf(e.right);
      if (a === undefined || b === undefined || typeof a.value !== 'number' || typeof b.value !== 'number') return undefined;
      let r: number;
      switch (e.operator) {
        case '+': r = a.value + b.value; break;
        case '-': r = a.value - b.value; break;
        case '*': r = a.value * b.value; break;
        case '/': r = a.value / b.value; break;
        case '%': r = mod(a.value, b.value); break;
        case '^': r = powNum(a.value, b.value); break;
        default: return undefined;
      }
      return Number.isNaN(r) || Object.is(r, -0) ? undefined : { value: r };
    }
    default:
      return undefined;
  }
}

/**
 * A call's name as frames record it (runtime/lua/callstack.ts describeCall): the callee's
 * name after a mark of how the call reached it, as luajit's debug.getinfo tells it
 * (namewhat): none for a global, `%` a local, `^` an upvalue, `.` a field, `:` a method;
 * '?' when the callee has no name.
 */
export function callName(base: Expression, refs: ReadonlyMap<Identifier, VarRef>): string {
  switch (base.type) {
    case 'Identifier': return CALL_MARK[refs.get(base)?.kind ?? 'global'] + base.name;
    case 'MemberExpression': return CALL_MARK[base.indexer === ':' ? 'method' : 'field'] + base.identifier.name;
    case 'IndexExpression': return base.index.type === 'StringLiteral' ? CALL_MARK.field + base.index.value : '?';
    default: return '?';
  }
}

/** The name luajit gives a called function in "bad argument" messages. */
export function calleeName(base: Expression): string {
  switch (base.type) {
    case 'Identifier': return base.name;
    case 'MemberExpression': return base.identifier.name;
    case 'IndexExpression': return base.index.type === 'StringLiteral' ? base.index.value : '?';
    default: return '?';
  }
}


/** Whether evaluating the expression may run a call (which moves the running line). */
export function containsCall(e: Expression): boolean {
  switch (e.type) {
    case 'CallExpression':
    case 'StringCallExpression':
    case 'TableCallExpression':
      return true;
    case 'BinaryExpression':
    case 'LogicalExpression':
      return containsCall(e.left) || containsCall(e.right);
    case 'UnaryExpression':
      return containsCall(e.argument);
    case 'MemberExpression':
      return containsCall(e.base);
    case 'IndexExpression':
      return containsCall(e.base) || containsCall(e.index);
    case 'TableConstructorExpression':
      return e.fields.some((f) => (f.type === 'TableKey' && containsCall(f.key)) || containsCall(f.value));
    default:
      return false;
  }
}


const REGISTER_OPERATORS = new Set(['+', '-', '*', '/', '%', '^', '==', '~=', '<', '<=', '>', '>=']);

/**
 * luajit keeps a local in its register and reads it when an arithmetic or comparison
 * operation runs, so in `x < f()` a change f makes to x is seen. Both paths evaluate such
 * a right operand first when it contains a call.
 */
export function readsLocalLate(e: BinaryExpression, refs: Map<Identifier, VarRef>): boolean {
  return REGISTER_OPERATORS.has(e.operator) && e.left.type === 'Identifier' &&
    refs.get(e.left)?.kind === 'local' && containsCall(e.right);
}

/** Which parts of an assignment target are read when the value is stored (see lateTargetParts). */
export interface LateParts {
  readonly base: boolean;
  readonly key: boolean;
}

/**
 * luajit evaluates each target's table and key before the values, except a local of the
 * running function: that is a register, which the store reads, so `t.x = f()` stores into
 * the table f left in t and `t[k] = f()` under the key f left in k. Unless a target to its
 * right assigns that local: luajit then copies it first (`t.x, t = 1, {}` stores into the
 * old t). Both paths follow this, per target.
 */
export function lateTargetParts(targets: Expression[], refs: Map<Identifier, VarRef>): LateParts[] {
  const local = (e: Expression): Extract<VarRef, { kind: 'local' }> | undefined => {
    const ref = e.type === 'Identifier' ? refs.get(e) : undefined;
    return ref?.kind === 'local' ? ref : undefined;
  };
  return targets.map((t, i) => {
    if (t.type !== 'MemberExpression' && t.type !== 'IndexExpression') return { base: false, key: false };
    const assignedLater = (e: Expression): boolean => {
      const ref = local(e);
      return targets.slice(i + 1).some((u) => local(u)?.v === ref!.v);
    };
    const late = (e: Expression): boolean => local(e) !== undefined && !assignedLater(e);
    return { base: late(t.base), key: t.type === 'IndexExpression' && late(t.index) };
  });
}

/** A table constructor sorted the way luajit builds it (see runtime/lua/constructor.ts). */
export interface TableLayout {
  /** Number of positional items (the presized array part). */
  readonly size: number;
  /** Constant key/value entries (luajit's template; a value may be nil), in source order. */
  readonly consts: [LuaValue, LuaValue][];
  /** The other entries in source order: positional ones carry their index as key. */
  readonly dynamic: { key: { value: LuaValue } | Expression; value: Expression }[];
  /** A trailing call or `...` whose values are appended. */
  readonly tail: Expression | undefined;
}

export function tableLayout(e: TableConstructorExpression, expands: (e: Expression) => boolean = isMultiValue): TableLayout {
  const consts: [LuaValue, LuaValue][] = [];
  const dynamic: TableLayout['dynamic'] = [];
  let tail: Expression | undefined;
  let size = 0;
  e.fields.forEach((field, i) => {
    if (field.type === 'TableValue') {
      if (i === e.fields.length - 1 && expands(field.value)) {
        tail = field.value;
        return;
      }
      size++;
      const c = luajitConstant(field.value);
      if (c !== undefined) consts.push([size, c.value]);
      else dynamic.push({ key: { value: size }, value: field.value });
      return;
    }
    const k = field.type === 'TableKeyString' ? { value: field.key.name as LuaValue } : constantKey(field.key);
    const v = luajitConstant(field.value);
    if (k !== undefined && v !== undefined) consts.push([k.value, v.value]);
    else dynamic.push({ key: k ?? (field as { key: Expression }).key, value: field.value });
  });
  return { size, consts, dynamic, tail };
}

/** A bracket key luajit's parser puts in a constructor's template: a constant other than nil. */
function constantKey(e: Expression): { value: LuaValue } | undefined {
  const k = luajitConstant(e);
  return k?.value === undefined ? undefined : k;
}

/**
 * A value luajit's parser keeps as a constant (expr_isk_nojump): a literal (nil too), a folded
 * arithmetic constant, `not` of a constant, or `and`/`or` whose left constant lets the right
 * one through without a jump. Its value (undefined for nil), or undefined when it is not one.
 */
function luajitConstant(e: Expression): { value: LuaValue } | undefined {
  switch (e.type) {
    case 'NilLiteral': return { value: undefined };
    case 'UnaryExpression': {
      if (e.operator !== 'not') return constantOf(e);
      const a = luajitConstant(e.argument);
      return a === undefined ? undefined : { value: a.value === undefined || a.value === false };
    }
    case 'LogicalExpression': {
      const a = luajitConstant(e.left);
      if (a === undefined) return undefined;
      const truthy = a.value !== undefined && a.value !== false;
      return truthy === (e.operator === 'and') ? luajitConstant(e.right) : undefined;
    }
    default: return constantOf(e);
  }
}

/**
 * How luajit builds a constructor, for `#` of what it built (runtime/lua/luajit-table.ts), or
 * undefined when that is always the number of items: no item can be nil (`mayBeNil` says which
 * values can), no trailing call or `...`, no key in brackets other than strings, booleans and
 * the items' own indexes.
 */
export function constructorPlan(e: TableConstructorExpression, layout: TableLayout,
  mayBeNil: (e: Expression) => boolean = () => true): ConstructorPlan | undefined {
  const fields: ConstructorField[] = [];
  let holes = false;
  let integerKeys = false;
  let item = 0;
  let dynamic = 0; // the index of the next entry in layout.dynamic
  e.fields.forEach((field, i) => {
    if (field.type === 'TableValue') {
      const key = ++item;
      if (i === e.fields.length - 1 && isMultiValue(field.value)) {
        // luajit stores all its values (BC_TSETM), also when the compiler knows there is one
        fields.push(field.value === layout.tail ? { kind: 'run', count: 'item', key } : { kind: 'run', count: 'item', key, entry: dynamic++ });
        holes = true;
        return;
      }
      const c = luajitConstant(field.value);
      const entry = c === undefined ? dynamic++ : undefined;
      if (c !== undefined) fields.push({ kind: 'template', count: 'item', key, hasValue: c.value !== undefined });
      else fields.push({ kind: 'store', count: 'item', key, entry });
      if (c === undefined ? mayBeNil(field.value) : c.value === undefined) holes = true;
      return;
    }
    const named = field.type === 'TableKeyString';
    const k = named ? { value: field.key.name as LuaValue } : luajitConstant(field.key);
    const v = luajitConstant(field.value);
    const inLayout = (named || constantKey(field.key) !== undefined) && v !== undefined;
    const entry = inLayout ? undefined : dynamic++;
    // (a constant key among the items cannot move the border: those keys end in the array part)
    const kv = k?.value;
    if (!named && !(typeof kv === 'string' || typeof kv === 'boolean' || (typeof kv === 'number' && Number.isInteger(kv) && kv >= 1 && kv <= layout.size))) integerKeys = true;
    const count = k !== undefined && k.value === 0 ? 'zero' : 'hash';
    if (k !== undefined && k.value !== undefined && (typeof k.value === 'string' || v !== undefined)) {
      // the template: a constant value, or a string key whose value is stored as the constructor runs
      fields.push(v !== undefined
        ? { kind: 'template', count, key: k.value, hasValue: v.value !== undefined }
        : { kind: 'template', count, key: k.value, entry });
    } else {
      fields.push({ kind: 'store', count, key: k?.value, entry });
    }
  });
  return holes || integerKeys ? { fields, consts: layout.consts.length, items: layout.size, integerKeys } : undefined;
}
