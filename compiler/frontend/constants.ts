// Facts about expressions that both the interpreter and the code generator need:
// constant folding as luajit's parser does it, and the names luajit gives callees.
import type { BinaryExpression, Expression, Identifier } from './ast.js';
import type { VarRef } from './resolve.js';
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
