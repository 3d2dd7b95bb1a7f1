// The interpreter: compiles the analysed tree into JS closures ("closure compilation").
// THIS FILE IS THE TEMPLATE: it is written in generator style for code running inside
// coroutines, and compile-sync.ts is generated from it by compiler/tools/unasync.ts
// (`npm run generate`), which drops `function*` / `yield*` and applies `// @sync:` lines.
// Edit this file, never compile-sync.ts.
import type {
  AnyCall, AssignmentStatement, BinaryExpression, Expression, ForGenericStatement, ForNumericStatement,
  FunctionDeclaration, Identifier, IfStatement, LocalStatement, Statement, TableConstructorExpression,
} from '../../compiler/frontend/ast.js';
import { callArguments, callLine, isMultiValue, lineOf, opLine } from '../../compiler/frontend/ast.js';
import { calleeName, callName, constructorPlan, lateTargetParts, readsLocalLate, tableLayout, type LateParts } from '../../compiler/frontend/constants.js';
import { describeExpr, type LocalVar } from '../../compiler/frontend/resolve.js';
import { current } from '../lua/callstack.js';
import { all, first, NONE } from '../lua/multi.js';
import * as ops from '../lua/ops.js';
import { buildTable } from '../lua/constructor.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
import { makeClosure } from './closure.js';
import { closureOf } from './closure.js';
import { BREAK, Cell, Frame, GOTO, NORMAL, RETURN, TAILCALL, type Closure, type Proto, type Signal } from './frame.js';
import { invoke, invoke0, invoke1, invoke2 } from './invoke-co.js';

type Co<T> = Generator<LuaValue[], T, LuaValue[]>; // @sync: type Co<T> = T;
type Exec = (f: Frame) => Co<Signal>;
type Eval = (f: Frame) => Co<LuaValue>;
type EvalMulti = (f: Frame) => Co<LuaValue[]>;
type Store = (f: Frame, o: LuaValue, k: LuaValue, v: LuaValue) => Co<void>;

/** Completes an operator that needed a metamethod call (made with yield* in coroutines). */
function* meta<T extends LuaValue>(r: T | ops.PendingCall): Co<T> {
  return r instanceof ops.PendingCall ? r.finish(yield* invoke(r.fn, r.args)) as T : r;
}

/**
 * Runs one call of a Lua function: binds parameters, pushes a frame, runs the body. A tail
 * call to another interpreted function reuses this loop (proper tail calls, as in luajit).
 */
export function* run(closure: Closure, args: LuaValue[]): Co<LuaResult> {
  for (;;) {
    const f = new Frame(closure);
    const proto = closure.proto;
    const slots = proto.paramSlots;
    const n = slots.length;
    for (let i = 0; i < n; i++) {
      f.regs[slots[i]] = proto.paramCaptured[i] ? new Cell(args[i]) : args[i];
    }
    if (proto.info.isVararg && args.length > n) f.varargs = args.slice(n);
    const stack = current;
    const depth = stack.depth;
    if (depth > 0) f.calledAs = stack.callNameAt(depth - 1);
    stack.push(f);
    const body = proto.bodyCo ?? (proto.bodyCo = compileBody(proto)); // @sync: const body = proto.bodySync ?? (proto.bodySync = compileBody(proto));
    const signal = yield* body(f);
    stack.truncate(depth);
    if (signal === TAILCALL) {
      const next = closureOf(f.tailFn);
      if (next !== undefined) {
        closure = next;
        args = f.tailArgs;
        continue;
      }
      return yield* invoke(f.tailFn!, f.tailArgs);
    }
    return signal === RETURN ? f.ret : NONE;
  }
}

/** An assignment target whose table and key are both read before the values. */
const EARLY: LateParts = { base: false, key: false };

/** Marks a tail call's result: the call itself is made by run(). */
const TAIL: LuaValue[] = [];

function tailCall(f: Frame, fn: LuaFunction, args: LuaValue[]): LuaResult {
  f.tailFn = fn;
  f.tailArgs = args;
  return TAIL;
}

function compileBody(proto: Proto): Exec {
  return new FunctionCompiler(proto).block(proto.info.node.body);
}

class FunctionCompiler {
  constructor(private readonly proto: Proto) {}

  private get res() {
    return this.proto.resolution;
  }

  // ---- blocks and statements ----

  block(stmts: Statement[]): Exec {
    const execs = stmts.map((s) => this.statement(s));
    const labels = new Map<unknown, number>();
    stmts.forEach((s, i) => {
      if (s.type === 'LabelStatement') labels.set(s, i);
    });
    const n = execs.length;
    if (labels.size === 0) {
      if (n === 0) return function* () { return NORMAL; };
      if (n === 1) return execs[0];
      return function* (f) {
        for (let i = 0; i < n; i++) {
          const signal = yield* execs[i](f);
          if (signal !== NORMAL) return signal;
        }
        return NORMAL;
      };
    }
    return function* (f) {
      let i = 0;
      while (i < n) {
        const signal = yield* execs[i](f);
        if (signal === NORMAL) {
          i++;
        } else if (signal === GOTO && labels.has(f.target)) {
          i = labels.get(f.target)!;
        } else {
          return signal;
        }
      }
      return NORMAL;
    };
  }

  private statement(s: Statement): Exec {
    const exec = this.statementBody(s);
    const line = lineOf(s);
    if (s.type === 'LabelStatement' || s.type === 'BreakStatement' || s.type === 'GotoStatement' ||
        s.type === 'DoStatement') return exec;
    return function* (f) {
      f.line = line;
      return yield* exec(f);
    };
  }

  private statementBody(s: Statement): Exec {
    switch (s.type) {
      case 'LocalStatement': return this.local(s);
      case 'AssignmentStatement': return this.assignment(s);
      case 'CallStatement': {
        const call = this.call(s.expression, false);
        return function* (f) {
          yield* call(f);
          return NORMAL;
        };
      }
      case 'FunctionDeclaration': return this.functionStatement(s);
      case 'ReturnStatement': return this.returnStatement(s.arguments);
      case 'IfStatement': return this.ifStatement(s);
      case 'WhileStatement': {
        const cond = this.expr(s.condition);
        const body = this.block(s.body);
        return function* (f) {
          while (truthy(yield* cond(f))) {
            const signal = yield* body(f);
            if (signal !== NORMAL) {
              if (signal === BREAK) break;
              return signal;
            }
          }
          return NORMAL;
        };
      }
      case 'RepeatStatement': {
        const cond = this.expr(s.condition);
        const body = this.block(s.body);
        return function* (f) {
          for (;;) {
            const signal = yield* body(f);
            if (signal !== NORMAL) {
              if (signal === BREAK) break;
              return signal;
            }
            if (truthy(yield* cond(f))) break;
          }
          return NORMAL;
        };
      }
      case 'DoStatement': return this.block(s.body);
      case 'ForNumericStatement': return this.numericFor(s);
      case 'ForGenericStatement': return this.genericFor(s);
      case 'BreakStatement': return function* () { return BREAK; };
      case 'GotoStatement': {
        const target = this.res.gotos.get(s)!;
        return function* (f) {
          f.target = target;
          return GOTO;
        };
      }
      case 'LabelStatement': return function* () { return NORMAL; };
    }
  }

  private local(s: LocalStatement): Exec {
    const vars = s.variables.map((id) => this.res.decls.get(id)!);
    if (vars.length === 1 && s.init.length <= 1) {
      const v = vars[0];
      const init = s.init.length === 1 ? this.expr(s.init[0]) : undefined;
      const slot = v.slot;
      if (v.captured) {
        if (init === undefined) return function* (f) { f.regs[slot] = new Cell(undefined); return NORMAL; };
        return function* (f) {
          f.regs[slot] = new Cell(yield* init(f));
          return NORMAL;
        };
      }
      if (init === undefined) return function* (f) { f.regs[slot] = undefined; return NORMAL; };
      return function* (f) {
        f.regs[slot] = yield* init(f);
        return NORMAL;
      };
    }
    const values = this.exprList(s.init, vars.length);
    return function* (f) {
      const vs = yield* values(f);
      for (let i = 0; i < vars.length; i++) {
        const v = vars[i];
        f.regs[v.slot] = v.captured ? new Cell(vs[i]) : vs[i];
      }
      return NORMAL;
    };
  }

  private assignment(s: AssignmentStatement): Exec {
    const late = lateTargetParts(s.variables, this.res.refs);
    if (s.variables.length === 1 && s.init.length === 1) {
      const assign = this.assigner(s.variables[0], late[0]);
      const value = this.expr(s.init[0]);
      return assign.prepare === undefined
        ? function* (f) {
          yield* assign.store(f, undefined, undefined, yield* value(f));
          return NORMAL;
        }
        : function* (f) {
          const [o, k] = yield* assign.prepare!(f);
          yield* assign.store(f, o, k, yield* value(f));
          return NORMAL;
        };
    }
    // Lua evaluates every target's table and key, then every value, then assigns.
    const assigners = s.variables.map((t, i) => this.assigner(t, late[i]));
    const values = this.exprList(s.init, assigners.length);
    return function* (f) {
      const targets: [LuaValue, LuaValue][] = [];
      for (const a of assigners) targets.push(a.prepare === undefined ? [undefined, undefined] : yield* a.prepare(f));
      const vs = yield* values(f);
      for (let i = assigners.length - 1; i >= 0; i--) yield* assigners[i].store(f, targets[i][0], targets[i][1], vs[i]);
      return NORMAL;
    };
  }

  /**
   * How to assign to a target: an optional step evaluating (table, key) before the values,
   * then the store, which reads the parts `late` says luajit reads then (lateTargetParts).
   */
  private assigner(t: Expression, late: LateParts = EARLY): {
    prepare: ((f: Frame) => Co<[LuaValue, LuaValue]>) | undefined;
    store: Store;
  } {
    if (t.type === 'Identifier') return { prepare: undefined, store: this.varStore(t) };
    if (t.type !== 'MemberExpression' && t.type !== 'IndexExpression') throw new Error(`cannot assign to ${t.type}`);
    const base = this.expr(t.base);
    const desc = describeExpr(t.base, this.res.refs);
    const set = function* (o: LuaValue, k: LuaValue, v: LuaValue): Co<void> {
      if (o instanceof LuaTable && o.metatable === undefined) o.set(k, v);
      else yield* meta(ops.setIndexOrCall(o, k, v, desc));
    };
    if (t.type === 'MemberExpression') {
      const key = t.identifier.name;
      if (late.base) return { prepare: undefined, store: function* (f, _o, _k, v) { yield* set(yield* base(f), key, v); } };
      return {
        prepare: function* (f) { return [yield* base(f), key]; },
        store: function* (_f, o, k, v) { yield* set(o, k, v); },
      };
    }
    const key = this.expr(t.index);
    if (!late.base && !late.key) {
      return {
        prepare: function* (f) { return [yield* base(f), yield* key(f)]; },
        store: function* (_f, o, k, v) { yield* set(o, k, v); },
      };
    }
    const lateBase = late.base, lateKey = late.key;
    return {
      prepare: function* (f) { return [lateBase ? undefined : yield* base(f), lateKey ? undefined : yield* key(f)]; },
      store: function* (f, o, k, v) { yield* set(lateBase ? yield* base(f) : o, lateKey ? yield* key(f) : k, v); },
    };
  }

  private varStore(id: Identifier): Store {
    const ref = this.res.refs.get(id)!;
    if (ref.kind === 'local') {
      const slot = ref.v.slot;
      if (ref.v.captured) return function* (f, _o, _k, v) { (f.regs[slot] as Cell).v = v; };
      return function* (f, _o, _k, v) { f.regs[slot] = v; };
    }
    if (ref.kind === 'upvalue') {
      const index = ref.index;
      return function* (f, _o, _k, v) { f.ups[index].v = v; };
    }
    const name = ref.name;
    return function* (f, _o, _k, v) {
      const G = f.closure.env;
      if (G.metatable === undefined) G.setStr(name, v);
      else yield* meta(ops.setIndexOrCall(G, name, v));
    };
  }

  private functionStatement(s: FunctionDeclaration): Exec {
    const make = this.closure(s);
    if (s.identifier === null) return function* () { return NORMAL; };
    if (s.isLocal && s.identifier.type === 'Identifier') {
      const v = this.res.decls.get(s.identifier)!;
      const slot = v.slot;
      if (v.captured) {
        // The function sees its own (new) local, so the cell exists before the closure.
        return function* (f) {
          const cell = new Cell(undefined);
          f.regs[slot] = cell;
          cell.v = make(f);
          return NORMAL;
        };
      }
      return function* (f) {
        f.regs[slot] = make(f);
        return NORMAL;
      };
    }
    const assign = this.assigner(s.identifier.type === 'MemberExpression' && s.identifier.indexer === ':'
      ? { ...s.identifier, indexer: '.' } : s.identifier);
    return function* (f) {
      const [o, k] = assign.prepare === undefined ? [undefined, undefined] : yield* assign.prepare(f);
      yield* assign.store(f, o, k, make(f));
      return NORMAL;
    };
  }

  private returnStatement(args: Expression[]): Exec {
    if (args.length === 1 && !isMultiValue(args[0])) {
      const value = this.expr(args[0]);
      return function* (f) {
        f.ret = yield* value(f);
        return RETURN;
      };
    }
    if (args.length === 1 && isCallExpr(args[0])) {
      const call = this.call(args[0], true);
      return function* (f) {
        const r = yield* call(f);
        if (r === TAIL) return TAILCALL;
        f.ret = r;
        return RETURN;
      };
    }
    const values = this.exprList(args, -1);
    return function* (f) {
      const vs = yield* values(f);
      f.ret = vs.length === 1 ? vs[0] : vs;
      return RETURN;
    };
  }

  private ifStatement(s: IfStatement): Exec {
    const conds: (Eval | undefined)[] = [];
    const bodies: Exec[] = [];
    for (const clause of s.clauses) {
      conds.push(clause.type === 'ElseClause' ? undefined : this.expr(clause.condition));
      bodies.push(this.block(clause.body));
    }
    const n = conds.length;
    if (n === 1) {
      const cond = conds[0]!;
      const body = bodies[0];
      return function* (f) {
        return truthy(yield* cond(f)) ? yield* body(f) : NORMAL;
      };
    }
    return function* (f) {
      for (let i = 0; i < n; i++) {
        const cond = conds[i];
        if (cond === undefined || truthy(yield* cond(f))) return yield* bodies[i](f);
      }
      return NORMAL;
    };
  }

  private numericFor(s: ForNumericStatement): Exec {
    const start = this.expr(s.start);
    const limit = this.expr(s.end);
    const step = s.step === null ? undefined : this.expr(s.step);
    const v = this.res.decls.get(s.variable)!;
    const slot = v.slot;
    const captured = v.captured;
    // the loop's state is kept in its hidden locals' registers too, and read back once
    // debug.setlocal has written into the frame
    const h = this.res.hidden.get(s)!;
    const body = this.block(s.body);
    return function* (f) {
      const regs = f.regs;
      const a = ops.forNumber(yield* start(f), 'initial value');
      let b = ops.forNumber(yield* limit(f), 'limit');
      let c = step === undefined ? 1 : ops.forNumber(yield* step(f), 'step');
      regs[h + 1] = b;
      regs[h + 2] = c;
      for (let i = a; c > 0 ? i <= b : i >= b; i += c) {
        regs[h] = i;
        regs[slot] = captured ? new Cell(i) : i;
        const signal = yield* body(f);
        if (signal !== NORMAL) {
          if (signal === BREAK) break;
          return signal;
        }
        if (f.debugWrites) {
          i = regs[h] as number;
          b = regs[h + 1] as number;
          c = regs[h + 2] as number;
        }
      }
      return NORMAL;
    };
  }

  private genericFor(s: ForGenericStatement): Exec {
    const init = this.exprList(s.iterators, 3);
    const vars = s.variables.map((id) => this.res.decls.get(id)!);
    const body = this.block(s.body);
    const nvars = vars.length;
    // the loop's state is kept in its hidden locals' registers too, and read back once
    // debug.setlocal has written into the frame
    const h = this.res.hidden.get(s)!;
    const line = lineOf(s);
    return function* (f) {
      const [iter, state, control] = yield* init(f);
      const regs = f.regs;
      regs[h] = iter;
      regs[h + 1] = state;
      regs[h + 2] = control;
      let st = state;
      let ctl = control;
      let fn = ops.callable(iter);
      for (;;) {
        if (f.debugWrites) {
          if (regs[h] !== iter) {
            f.line = line;
            fn = ops.callable(regs[h] as LuaValue);
          }
          st = regs[h + 1] as LuaValue;
          ctl = regs[h + 2] as LuaValue;
        }
        f.callName = '(for generator)';
        const r = yield* invoke2(fn, st, ctl);
        if (Array.isArray(r)) {
          regs[h + 2] = ctl = r[0];
          if (ctl === undefined) break;
          for (let i = 0; i < nvars; i++) {
            const v = vars[i];
            f.regs[v.slot] = v.captured ? new Cell(r[i]) : r[i];
          }
        } else {
          regs[h + 2] = ctl = r;
          if (ctl === undefined) break;
          const v0 = vars[0];
          f.regs[v0.slot] = v0.captured ? new Cell(r) : r;
          for (let i = 1; i < nvars; i++) {
            const v = vars[i];
            f.regs[v.slot] = v.captured ? new Cell(undefined) : undefined;
          }
        }
        const signal = yield* body(f);
        if (signal !== NORMAL) {
          if (signal === BREAK) break;
          return signal;
        }
      }
      return NORMAL;
    };
  }

  // ---- expressions ----

  /** Evaluates a list adjusted to `want` values (-1: all values, the last expression expanded). */
  private exprList(list: Expression[], want: number): EvalMulti {
    const n = list.length;
    if (n === 0) {
      return want < 0 ? function* () { return NONE; } : function* () { return new Array(want); };
    }
    const last = list[n - 1];
    const fixed = (isMultiValue(last) ? list.slice(0, -1) : list).map((e) => this.expr(e));
    const tail = isMultiValue(last) ? this.multi(last) : undefined;
    const nfixed = fixed.length;
    return function* (f) {
      const out: LuaValue[] = [];
      for (let i = 0; i < nfixed; i++) out.push(yield* fixed[i](f));
      if (tail !== undefined) {
        const rest = yield* tail(f);
        for (let i = 0; i < rest.length; i++) out.push(rest[i]);
      }
      if (want >= 0) out.length = want;
      return out;
    };
  }

  /** All values of a call or `...`. */
  private multi(e: Expression): EvalMulti {
    if (e.type === 'VarargLiteral') return function* (f) { return f.varargs; };
    const call = this.call(e as AnyCall, false);
    return function* (f) {
      return all(yield* call(f));
    };
  }

  expr(e: Expression): Eval {
    switch (e.type) {
      case 'NilLiteral': return function* () { return undefined; };
      case 'BooleanLiteral': {
        const v = e.value;
        return function* () { return v; };
      }
      case 'NumericLiteral': {
        const v = e.value;
        return function* () { return v; };
      }
      case 'StringLiteral': {
        const v = e.value;
        return function* () { return v; };
      }
      case 'VarargLiteral': return function* (f) { return f.varargs[0]; };
      case 'Identifier': return this.varLoad(e);
      case 'FunctionDeclaration': {
        const make = this.closure(e);
        return function* (f) { return make(f); };
      }
      case 'TableConstructorExpression': return this.table(e);
      case 'MemberExpression': {
        const base = this.expr(e.base);
        const key = e.identifier.name;
        const desc = describeExpr(e.base, this.res.refs);
        const line = opLine(e);
        return function* (f) {
          const o = yield* base(f);
          if (o instanceof LuaTable) {
            const v = o.getStr(key);
            if (v !== undefined || o.metatable === undefined) return v;
          }
          f.line = line;
          return yield* meta(ops.indexOrCall(o, key, desc));
        };
      }
      case 'IndexExpression': {
        const base = this.expr(e.base);
        const key = this.expr(e.index);
        const desc = describeExpr(e.base, this.res.refs);
        const line = opLine(e);
        return function* (f) {
          const o = yield* base(f);
          const k = yield* key(f);
          f.line = line;
          return yield* meta(ops.indexOrCall(o, k, desc));
        };
      }
      case 'CallExpression':
      case 'StringCallExpression':
      case 'TableCallExpression': {
        const call = this.call(e, false);
        return function* (f) {
          return first(yield* call(f));
        };
      }
      case 'LogicalExpression': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        if (e.operator === 'and') {
          return function* (f) {
            const a = yield* l(f);
            return a === undefined || a === false ? a : yield* r(f);
          };
        }
        return function* (f) {
          const a = yield* l(f);
          return a === undefined || a === false ? yield* r(f) : a;
        };
      }
      case 'UnaryExpression': {
        const arg = this.expr(e.argument);
        const desc = describeExpr(e.argument, this.res.refs);
        const line = opLine(e);
        switch (e.operator) {
          case 'not': return function* (f) {
            const a = yield* arg(f);
            return a === undefined || a === false;
          };
          case '-': return function* (f) {
            const a = yield* arg(f);
            if (typeof a === 'number') return -a;
            f.line = line;
            return yield* meta(ops.unmOrCall(a, desc));
          };
          case '#': return function* (f) {
            const a = yield* arg(f);
            f.line = line;
            return yield* meta(ops.lenOrCall(a, desc));
          };
          default: throw new Error(`unsupported unary operator ${e.operator}`);
        }
      }
      case 'BinaryExpression': return this.binary(e);
    }
  }

  private binary(e: BinaryExpression): Eval {
    let l = this.expr(e.left);
    let r = this.expr(e.right);
    if (readsLocalLate(e, this.res.refs)) {
      // luajit reads a local operand when the operation runs, after the other side's call.
      const readLocal = l;
      const right = r;
      l = function* (f) {
        f.pending = yield* right(f);
        return yield* readLocal(f);
      };
      r = function* (f) { return f.pending; };
    }
    const dl = describeExpr(e.left, this.res.refs);
    const dr = describeExpr(e.right, this.res.refs);
    const line = opLine(e);
    switch (e.operator) {
      case '+': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a + b;
        f.line = line;
        return yield* meta(ops.arithOrCall('__add', a, b, dl, dr));
      };
      case '-': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a - b;
        f.line = line;
        return yield* meta(ops.arithOrCall('__sub', a, b, dl, dr));
      };
      case '*': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a * b;
        f.line = line;
        return yield* meta(ops.arithOrCall('__mul', a, b, dl, dr));
      };
      case '/': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a / b;
        f.line = line;
        return yield* meta(ops.arithOrCall('__div', a, b, dl, dr));
      };
      case '%': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return ops.mod(a, b);
        f.line = line;
        return yield* meta(ops.arithOrCall('__mod', a, b, dl, dr));
      };
      case '^': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return ops.powNum(a, b);
        f.line = line;
        return yield* meta(ops.arithOrCall('__pow', a, b, dl, dr));
      };
      case '..': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'string' && typeof b === 'string') return a + b;
        f.line = line;
        return yield* meta(ops.concatOrCall(a, b, dl, dr));
      };
      case '==': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (a === b) return true;
        f.line = line;
        return yield* meta(ops.eqOrCall(a, b));
      };
      case '~=': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (a === b) return false;
        f.line = line;
        return !(yield* meta(ops.eqOrCall(a, b)));
      };
      case '<': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a < b;
        f.line = line;
        return yield* meta(ops.ltOrCall(a, b));
      };
      case '<=': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a <= b;
        f.line = line;
        return yield* meta(ops.leOrCall(a, b));
      };
      case '>': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a > b;
        f.line = line;
        return yield* meta(ops.ltOrCall(b, a));
      };
      case '>=': return function* (f) {
        const a = yield* l(f);
        const b = yield* r(f);
        if (typeof a === 'number' && typeof b === 'number') return a >= b;
        f.line = line;
        return yield* meta(ops.leOrCall(b, a));
      };
      default:
        throw new Error(`unsupported binary operator ${e.operator}`);
    }
  }

  private varLoad(id: Identifier): Eval {
    const ref = this.res.refs.get(id)!;
    if (ref.kind === 'local') {
      const slot = ref.v.slot;
      if (ref.v.captured) return function* (f) { return (f.regs[slot] as Cell).v; };
      return function* (f) { return f.regs[slot] as LuaValue; };
    }
    if (ref.kind === 'upvalue') {
      const index = ref.index;
      return function* (f) { return f.ups[index].v; };
    }
    const name = ref.name;
    return function* (f) {
      const G = f.closure.env;
      const v = G.getStr(name);
      return v !== undefined || G.metatable === undefined ? v : yield* meta(ops.indexOrCall(G, name));
    };
  }

  /** Table constructors: constant entries first, as luajit's template (see constructor.ts). */
  private table(e: TableConstructorExpression): Eval {
    const layout = tableLayout(e);
    if (e.fields.length === 0) return function* () { return new LuaTable(); };
    const size = layout.size;
    const constEntries = layout.consts.flat();
    const dynamic = layout.dynamic.map((d) => ({
      key: 'type' in d.key ? this.expr(d.key) : ((kv: LuaValue) => function* () { return kv; })(d.key.value),
      value: this.expr(d.value),
    }));
    const tail = layout.tail === undefined ? undefined : this.multi(layout.tail);
    const plan = constructorPlan(e, layout);
    const line = lineOf(e);
    return function* (f) {
      const entries = constEntries.slice();
      for (let i = 0; i < dynamic.length; i++) {
        const k = yield* dynamic[i].key(f);
        entries.push(k, yield* dynamic[i].value(f));
      }
      const values = tail === undefined ? undefined : yield* tail(f);
      f.line = line;
      return buildTable(size, entries, values, plan);
    };
  }

  /** A closure factory for a function expression: captures the upvalue cells it needs. */
  private closure(e: FunctionDeclaration): (f: Frame) => LuaFunction {
    const info = this.res.functions.get(e)!;
    const proto: Proto = {
      info,
      resolution: this.res,
      chunk: this.proto.chunk,
      paramSlots: info.params.map((p) => p.slot),
      paramCaptured: info.params.map((p) => p.captured),
      bodySync: undefined,
      bodyCo: undefined,
    };
    const me = this.proto.info;
    const sources = info.upvalues.map((v: LocalVar) =>
      v.fn === me ? { local: true, index: v.slot } : { local: false, index: me.upvalues.indexOf(v) });
    return (f) => {
      const ups: Cell[] = new Array(sources.length);
      for (let i = 0; i < sources.length; i++) {
        const s = sources[i];
        ups[i] = s.local ? f.regs[s.index] as Cell : f.ups[s.index];
      }
      return makeClosure(proto, ups, f.closure.env);
    };
  }

  /** A call; `tail` marks `return f(...)`, where luajit names the callee '?' in errors. */
  private call(e: AnyCall, tail: boolean): (f: Frame) => Co<LuaResult> {
    const line = callLine(e, tail);
    const args = callArguments(e);
    const name = tail ? '?' : callName(e.base, this.res.refs);
    const methodName = tail ? '?' : ':' + calleeName(e.base);
    // A tail call replaces the caller's frame, as in luajit: error levels and tracebacks skip it.
    if (e.base.type === 'MemberExpression' && e.base.indexer === ':') {
      const obj = this.expr(e.base.base);
      const method = e.base.identifier.name;
      const desc = describeExpr(e.base, this.res.refs);
      const objDesc = describeExpr(e.base.base, this.res.refs);
      const argv = this.exprList(args, -1);
      return function* (f) {
        const o = yield* obj(f);
        f.line = line;
        // the method is found before the arguments run; calling what is not a function fails after them
        const fv = yield* meta(ops.indexOrCall(o, method, objDesc));
        const rest = yield* argv(f);
        f.line = line;
        const fn = typeof fv === 'function' ? fv : ops.callable(fv, desc);
        f.callName = methodName;
        if (tail) return tailCall(f, fn, [o, ...rest]);
        return yield* invoke(fn, [o, ...rest]);
      };
    }
    const callee = this.expr(e.base);
    const desc = describeExpr(e.base, this.res.refs);
    const multiTail = args.length > 0 && isMultiValue(args[args.length - 1]);
    if (!multiTail && args.length <= 2) {
      const a0 = args.length > 0 ? this.expr(args[0]) : undefined;
      const a1 = args.length > 1 ? this.expr(args[1]) : undefined;
      if (a0 === undefined) {
        return function* (f) {
          const fv = yield* callee(f);
          f.line = line;
          const fn = typeof fv === 'function' ? fv : ops.callable(fv, desc);
          f.callName = name;
          if (tail) return tailCall(f, fn, []);
          return yield* invoke0(fn);
        };
      }
      if (a1 === undefined) {
        return function* (f) {
          const fv = yield* callee(f);
          const x = yield* a0(f);
          f.line = line;
          const fn = typeof fv === 'function' ? fv : ops.callable(fv, desc);
          f.callName = name;
          if (tail) return tailCall(f, fn, [x]);
          return yield* invoke1(fn, x);
        };
      }
      return function* (f) {
        const fv = yield* callee(f);
        const x = yield* a0(f);
        const y = yield* a1(f);
        f.line = line;
        const fn = typeof fv === 'function' ? fv : ops.callable(fv, desc);
        f.callName = name;
        if (tail) return tailCall(f, fn, [x, y]);
        return yield* invoke2(fn, x, y);
      };
    }
    const argv = this.exprList(args, -1);
    return function* (f) {
      const fv = yield* callee(f);
      const vs = yield* argv(f);
      f.line = line;
      const fn = typeof fv === 'function' ? fv : ops.callable(fv, desc);
      f.callName = name;
      if (tail) return tailCall(f, fn, vs);
      return yield* invoke(fn, vs);
    };
  }
}

function isCallExpr(e: Expression): e is AnyCall {
  return e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression';
}

function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}


