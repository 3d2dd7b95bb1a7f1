// Facts about expressions that both the interpreter and the code generator need:
// constant folding as luajit's parser does it, and the names luajit gives callees.
import type { Expression } from './ast.js';
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

