// Lua functions -> TypeScript function text. Each Lua construct becomes the JS that calls
// the shared runtime (`rt`, runtime/compiled/index.ts) exactly where the interpreter would:
// the same frames, line updates, call names and operators, so both paths agree byte for byte.
// In 'co' mode the same body is emitted as a generator (calls and metamethods via yield*),
// the twin that runs inside coroutines.
import type {
  AnyCall, AssignmentStatement, BinaryExpression, Expression, ForGenericStatement, ForNumericStatement, FunctionDeclaration,
  Identifier, LabelStatement, LocalStatement, Statement, TableConstructorExpression,
} from '../frontend/ast.js';
import { callArguments, inParens, isCall, isMultiValue, lineOf } from '../frontend/ast.js';
import { calleeName, containsCall, readsLocalLate, tableLayout } from '../frontend/constants.js';
import { describeExpr, type FunctionInfo, type LocalVar, type Resolution } from '../frontend/resolve.js';
import { jsNumber, jsString, Names } from './names.js';

export type Mode = 'sync' | 'co';

/** What one module's functions share. */
export interface ModuleContext {
  readonly res: Resolution;
  readonly names: Names;
  /** Emit generator twins (the program may use coroutines). */
  readonly coroutines: boolean;
  /** Give each function its own environment holder (the program uses setfenv/getfenv/module). */
  readonly fenv: boolean;
  /** Declarations hoisted to module level: function sites. */
  readonly sites: string[];
}

class Lines {
  readonly out: string[] = [];
  private depth = 0;

  line(s: string): void {
    this.out.push('  '.repeat(this.depth) + s);
  }

  open(s: string): void {
    this.line(s + ' {');
    this.depth++;
  }

  close(s = '}'): void {
    this.depth--;
    this.line(s);
  }

  /** `} else {` and the like: closes one block and opens the next. */
  reopen(s: string): void {
    this.depth--;
    this.line(s);
    this.depth++;
  }
}

/** A Lua label target inside a block compiled as a goto state machine. */
interface GotoTarget {
  readonly loop: string;
  readonly pcVar: string;
  readonly state: number;
}

/** Emits one Lua function (or the main chunk) as a TS function expression. */
export function emitFunction(ctx: ModuleContext, node: FunctionDeclaration | null, info: FunctionInfo, name: string): string {
  const site = `$site${ctx.sites.length}`;
  ctx.sites.push(`const ${site}: rt.FunctionSite = { chunk: ${jsString(ctx.res.file)}, defined: ${info.line} };`);
  const plain = new FunctionEmitter(ctx, info, 'sync', site).emit(node, name);
  const fn = ctx.coroutines ? `rt.twin(${plain}, ${new FunctionEmitter(ctx, info, 'co', site).emit(node, name)})` : plain;
  return ctx.fenv ? `rt.envFn(($fe: rt.EnvHolder) => ${fn}, $fe.env)` : fn;
}

class FunctionEmitter {
  private readonly w = new Lines();
  private temps = 0;
  private readonly declared: string[] = [];
  private stmtLine = 0;
  private loops: string[] = [];
  private loopCount = 0;
  private readonly gotoTargets = new Map<LabelStatement, GotoTarget>();
  /** Locals declared in goto blocks are declared before the state machine. */
  private readonly hoisted = new Set<LocalVar>();

  constructor(
    private readonly ctx: ModuleContext,
    private readonly info: FunctionInfo,
    private readonly mode: Mode,
    private readonly site: string,
  ) {}

  private get res(): Resolution {
    return this.ctx.res;
  }

  /** The global environment as this function sees it. */
  private env(): string {
    return this.ctx.fenv ? '$fe.env' : '$env';
  }

  /** A function-level temporary (declared at the top of the emitted function). */
  private temp(type = 'rt.LuaValue', prefix = '$'): string {
    const name = `${prefix}${++this.temps}`;
    this.declared.push(type === 'rt.LuaFunction' ? `let ${name}!: ${type};` : `let ${name}: ${type};`);
    return name;
  }

  emit(node: FunctionDeclaration | null, name: string): string {
    const params = this.info.params.map((p) => `${this.ctx.names.of(p)}?: rt.LuaValue`);
    if (this.info.isVararg) params.push('...$va: rt.LuaValue[]');
    const body = node === null ? this.res.chunk.body : node.body;
    this.block(body);
    const co = this.mode === 'co';
    // `$name`: a function expression's own name must not shadow the Lua variable it is stored in.
    const head = co
      ? `function* $${name}$co(${params.join(', ')}): rt.CoGenerator`
      : `function $${name}(${params.join(', ')}): rt.LuaResult`;
    const decls: string[] = [];
    decls.push(`const $s = rt.current, $d = $s.frames.length, $f = new rt.CompiledFrame(${this.site}, $s${this.ctx.fenv ? ', $fe' : ''});`);
    decls.push(...this.declared);
    if (!this.info.isVararg) decls.push('const $va: rt.LuaValue[] = rt.NONE;');
    const inner = [...decls, ...this.w.out, 'return rt.leave($s, $d, rt.NONE);'];
    return `${head} {\n${inner.map((l) => '  ' + l).join('\n')}\n}`;
  }

  // ---- blocks, with goto state machines where labels are targeted ----

  private block(stmts: Statement[]): void {
    const targeted = stmts.filter((s): s is LabelStatement =>
      s.type === 'LabelStatement' && Array.from(this.res.gotos.values()).includes(s));
    if (targeted.length === 0) {
      for (const s of stmts) this.statement(s);
      return;
    }
    // A block with goto targets: a loop around a switch on the statement group to resume at.
    // Locals declared directly in it are declared before the loop so that jumps keep them.
    const loop = `$goto${++this.loopCount}`;
    const pcVar = `${loop}pc`;
    targeted.forEach((l, i) => this.gotoTargets.set(l, { loop, pcVar, state: i + 1 }));
    const locals = stmts.flatMap((s) => this.declaredLocals(s));
    for (const v of locals) {
      this.hoisted.add(v);
      this.w.line(`let ${this.ctx.names.of(v)}: rt.LuaValue = undefined;`);
    }
    this.w.line(`let ${pcVar} = 0;`);
    this.w.open(`${loop}: for (;;)`);
    this.w.open(`switch (${pcVar})`);
    this.w.line('case 0:');
    for (const s of stmts) {
      if (s.type === 'LabelStatement' && this.gotoTargets.has(s)) {
        this.w.line(`case ${this.gotoTargets.get(s)!.state}:`);
      } else {
        this.statement(s);
      }
    }
    this.w.close();
    this.w.line(`break ${loop};`);
    this.w.close();
  }

  private declaredLocals(s: Statement): LocalVar[] {
    if (s.type === 'LocalStatement') return s.variables.map((id) => this.res.decls.get(id)!);
    if (s.type === 'FunctionDeclaration' && s.isLocal && s.identifier?.type === 'Identifier') {
      return [this.res.decls.get(s.identifier)!];
    }
    return [];
  }

  /** `let x = v` or, for a hoisted local, `x = v`. */
  private declare(v: LocalVar, value: string): void {
    const name = this.ctx.names.of(v);
    if (this.hoisted.has(v)) this.w.line(`${name} = ${value};`);
    else this.w.line(`let ${name}: rt.LuaValue = ${value};`);
  }

  // ---- statements ----

  private statement(s: Statement): void {
    if (s.type !== 'LabelStatement' && s.type !== 'BreakStatement' && s.type !== 'DoStatement') {
      this.stmtLine = lineOf(s);
      this.w.line(`$f.line = ${this.stmtLine};`);
    }
    switch (s.type) {
      case 'LocalStatement': return this.local(s);
      case 'AssignmentStatement': return this.assignment(s);
      case 'CallStatement':
        this.w.line(`${this.call(s.expression, false)};`);
        return;
      case 'FunctionDeclaration': return this.functionStatement(s);
      case 'ReturnStatement': return this.returnStatement(s.arguments);
      case 'IfStatement':
        s.clauses.forEach((c, i) => {
          if (c.type === 'ElseClause') {
            this.w.reopen('} else {');
          } else {
            const cond = `rt.t(${this.expr(c.condition)})`;
            if (i === 0) this.w.open(`if (${cond})`);
            else this.w.reopen(`} else if (${cond}) {`);
          }
          this.block(c.body);
        });
        this.w.close();
        return;
      case 'WhileStatement': {
        const label = this.pushLoop();
        this.w.open(`${label}: while (rt.t(${this.expr(s.condition)}))`);
        this.block(s.body);
        this.w.close();
        this.loops.pop();
        return;
      }
      case 'RepeatStatement': {
        const label = this.pushLoop();
        this.w.open(`${label}: for (;;)`);
        this.block(s.body);
        this.w.line(`if (rt.t(${this.expr(s.condition)})) break;`);
        this.w.close();
        this.loops.pop();
        return;
      }
      case 'DoStatement':
        this.w.open('');
        this.block(s.body);
        this.w.close();
        return;
      case 'ForNumericStatement': return this.numericFor(s);
      case 'ForGenericStatement': return this.genericFor(s);
      case 'BreakStatement':
        this.w.line(`break ${this.loops[this.loops.length - 1]};`);
        return;
      case 'GotoStatement': {
        const target = this.gotoTargets.get(this.res.gotos.get(s)!)!;
        this.w.line(`${target.pcVar} = ${target.state};`);
        this.w.line(`continue ${target.loop};`);
        return;
      }
      case 'LabelStatement':
        return;
    }
  }

  private pushLoop(): string {
    const label = `$loop${++this.loopCount}`;
    this.loops.push(label);
    return label;
  }

  private local(s: LocalStatement): void {
    const vars = s.variables.map((id) => this.res.decls.get(id)!);
    if (vars.length === 1 && s.init.length <= 1) {
      this.declare(vars[0], s.init.length === 1 ? this.expr(s.init[0]) : 'undefined');
      return;
    }
    // Every value is evaluated before any name is bound (`local a, b = b, a` reads the outer ones).
    const values = this.temp('rt.LuaValue[]', '$l');
    this.w.line(`${values} = ${this.exprList(s.init, vars.length)};`);
    vars.forEach((v, i) => this.declare(v, `${values}[${i}]`));
  }

  private assignment(s: AssignmentStatement): void {
    if (s.variables.length === 1 && s.init.length === 1) {
      const target = s.variables[0];
      if (target.type === 'Identifier') {
        this.w.line(`${this.store(target, this.expr(s.init[0]))};`);
        return;
      }
      const obj = this.expr(target.base);
      const key = target.type === 'MemberExpression' ? jsString(target.identifier.name) : this.expr(target.index);
      this.w.line(`${this.setIndex(obj, key, this.expr(s.init[0]), describeExpr(target.base, this.res.refs))};`);
      return;
    }
    // Lua evaluates every target's table and key, then every value, then assigns (right to left).
    const stores: ((v: string) => string)[] = [];
    for (const target of s.variables) {
      if (target.type === 'Identifier') {
        stores.push((v) => this.store(target, v));
        continue;
      }
      const o = this.temp();
      const k = this.temp();
      this.w.line(`${o} = ${this.expr(target.base)};`);
      const key = target.type === 'MemberExpression' ? jsString(target.identifier.name) : this.expr(target.index);
      this.w.line(`${k} = ${key};`);
      const desc = describeExpr(target.base, this.res.refs);
      stores.push((v) => this.setIndex(o, k, v, desc));
    }
    const arr = this.temp('rt.LuaValue[]', '$l');
    this.w.line(`${arr} = ${this.exprList(s.init, stores.length)};`);
    for (let i = stores.length - 1; i >= 0; i--) this.w.line(`${stores[i](`${arr}[${i}]`)};`);
  }

  private setIndex(obj: string, key: string, value: string, desc: string | undefined): string {
    const d = desc === undefined ? '' : `, ${jsString(desc)}`;
    if (this.mode === 'co') return `yield* rt.meta(rt.setIndexOrCall(${obj}, ${key}, ${value}${d}))`;
    return `rt.setIndex(${obj}, ${key}, ${value}${d})`;
  }

  /** Assignment to a variable. */
  private store(id: Identifier, value: string): string {
    const ref = this.res.refs.get(id)!;
    if (ref.kind === 'global') return `rt.setGlobal(${this.env()}, ${jsString(ref.name)}, ${value})`;
    return `${this.ctx.names.of(ref.v)} = ${value}`;
  }

  private functionStatement(s: FunctionDeclaration): void {
    const fname = s.identifier === null ? 'anonymous'
      : s.identifier.type === 'Identifier' ? s.identifier.name : s.identifier.identifier.name;
    if (s.isLocal && s.identifier?.type === 'Identifier') {
      const v = this.res.decls.get(s.identifier)!;
      // Declared first: the function sees its own local.
      this.declare(v, 'undefined');
      this.w.line(`${this.ctx.names.of(v)} = ${this.closure(s, fname)};`);
      return;
    }
    if (s.identifier === null) return;
    if (s.identifier.type === 'Identifier') {
      this.w.line(`${this.store(s.identifier, this.closure(s, fname))};`);
      return;
    }
    const target = s.identifier;
    const obj = this.temp();
    this.w.line(`${obj} = ${this.expr(target.base)};`);
    this.w.line(`${this.setIndex(obj, jsString(target.identifier.name), this.closure(s, fname), describeExpr(target.base, this.res.refs))};`);
  }

  private closure(f: FunctionDeclaration, name: string): string {
    const info = this.res.functions.get(f)!;
    const safe = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : 'anonymous';
    return emitFunction(this.ctx, f, info, safe);
  }

  private returnStatement(args: Expression[]): void {
    if (args.length === 1 && isCall(args[0]) && !inParens(args[0])) {
      this.w.line(`return ${this.call(args[0], true)};`);
      return;
    }
    if (args.length === 0) {
      this.w.line('return rt.leave($s, $d, rt.NONE);');
      return;
    }
    const value = args.length === 1 && !isMultiValue(args[0]) ? this.expr(args[0]) : this.exprList(args, -1);
    this.w.line(`return rt.leave($s, $d, ${value});`);
  }

  private numericFor(s: ForNumericStatement): void {
    const v = this.res.decls.get(s.variable)!;
    const n = ++this.loopCount;
    this.w.open('');
    this.w.line(`const $a${n} = rt.forNumber(${this.expr(s.start)}, 'initial value');`);
    this.w.line(`const $b${n} = rt.forNumber(${this.expr(s.end)}, 'limit');`);
    this.w.line(`const $c${n} = ${s.step === null ? '1' : `rt.forNumber(${this.expr(s.step)}, 'step')`};`);
    const label = `$loop${n}`;
    this.loops.push(label);
    this.w.open(`${label}: for (let $i${n} = $a${n}; $c${n} > 0 ? $i${n} <= $b${n} : $i${n} >= $b${n}; $i${n} += $c${n})`);
    this.declare(v, `$i${n}`);
    this.block(s.body);
    this.w.close();
    this.loops.pop();
    this.w.close();
  }

  private genericFor(s: ForGenericStatement): void {
    const vars = s.variables.map((id) => this.res.decls.get(id)!);
    const n = ++this.loopCount;
    this.w.open('');
    this.w.line(`const [$it${n}, $st${n}, $ctl${n}] = ${this.exprList(s.iterators, 3)};`);
    this.w.line(`const $iter${n} = rt.callable($it${n});`);
    this.w.line(`let $k${n} = $ctl${n};`);
    const label = `$loop${n}`;
    this.loops.push(label);
    this.w.open(`${label}: for (;;)`);
    this.w.line(`$f.callName = 'for iterator';`);
    const call = this.mode === 'co' ? `(yield* rt.invoke($iter${n}, [$st${n}, $k${n}]))` : `$iter${n}($st${n}, $k${n})`;
    this.w.line(`const $r${n} = ${call};`);
    this.w.line(`$k${n} = Array.isArray($r${n}) ? $r${n}[0] : $r${n};`);
    this.w.line(`if ($k${n} === undefined) break;`);
    vars.forEach((v, i) => {
      this.declare(v, i === 0 ? `$k${n}` : `(Array.isArray($r${n}) ? $r${n}[${i}] : undefined)`);
    });
    this.block(s.body);
    this.w.close();
    this.loops.pop();
    this.w.close();
  }

  // ---- expressions ----

  /** A list adjusted to `want` values (-1: all, the last multi-value expression expanded), as an array. */
  private exprList(list: Expression[], want: number): string {
    if (list.length === 0) return want < 0 ? 'rt.NONE' : `rt.adjust(rt.NONE, ${want})`;
    const last = list[list.length - 1];
    const fixed = (isMultiValue(last) ? list.slice(0, -1) : list).map((e) => this.expr(e));
    const parts = isMultiValue(last) ? [...fixed, `...${this.multi(last)}`] : fixed;
    const arr = `[${parts.join(', ')}]`;
    return want < 0 ? arr : `rt.adjust(${arr}, ${want})`;
  }

  /** All values of a call or `...`, as an array. */
  private multi(e: Expression): string {
    if (e.type === 'VarargLiteral') return '$va';
    return `rt.all(${this.call(e as AnyCall, false)})`;
  }

  /**
   * An operator through the runtime. The running line is set after the operands are
   * evaluated (a call among them moves it), as the interpreter does; it is left out when
   * nothing can have moved it since the statement began.
   */
  private op(name: string, operands: Expression[], values: string[], extra: string[], line: number, lead: string[] = []): string {
    const vs = values.slice();
    if (line !== this.stmtLine || operands.some((o) => containsCall(o))) {
      const last = vs.length - 1;
      const t = this.temp();
      vs[last] = `(${t} = ${vs[last]}, $f.line = ${line}, ${t})`;
    }
    const args = [...lead, ...vs, ...extra].join(', ');
    return this.mode === 'co' ? `(yield* rt.meta(rt.${name}OrCall(${args})))` : `rt.${name}(${args})`;
  }

  private descArgs(...descs: (string | undefined)[]): string[] {
    while (descs.length > 0 && descs[descs.length - 1] === undefined) descs.pop();
    return descs.map((d) => (d === undefined ? 'undefined' : jsString(d)));
  }

  expr(e: Expression): string {
    switch (e.type) {
      case 'NilLiteral': return 'undefined';
      case 'BooleanLiteral': return e.value ? 'true' : 'false';
      case 'NumericLiteral': return jsNumber(e.value);
      case 'StringLiteral': return jsString(e.value);
      case 'VarargLiteral': return '$va[0]';
      case 'Identifier': {
        const ref = this.res.refs.get(e)!;
        if (ref.kind === 'global') return `rt.getGlobal(${this.env()}, ${jsString(ref.name)})`;
        return this.ctx.names.of(ref.v);
      }
      case 'FunctionDeclaration': return this.closure(e, 'anonymous');
      case 'TableConstructorExpression': return this.table(e);
      case 'MemberExpression':
        return this.op('index', [e.base], [this.expr(e.base), jsString(e.identifier.name)], this.descArgs(describeExpr(e.base, this.res.refs)), lineOf(e));
      case 'IndexExpression':
        return this.op('index', [e.base, e.index], [this.expr(e.base), this.expr(e.index)], this.descArgs(describeExpr(e.base, this.res.refs)), lineOf(e));
      case 'CallExpression':
      case 'StringCallExpression':
      case 'TableCallExpression':
        return `rt.first(${this.call(e, false)})`;
      case 'LogicalExpression': {
        const t = this.temp();
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return e.operator === 'and' ? `(rt.t(${t} = ${l}) ? ${r} : ${t})` : `(rt.t(${t} = ${l}) ? ${t} : ${r})`;
      }
      case 'UnaryExpression': {
        const a = this.expr(e.argument);
        const d = this.descArgs(describeExpr(e.argument, this.res.refs));
        switch (e.operator) {
          case 'not': return `!rt.t(${a})`;
          case '-': return this.op('unm', [e.argument], [a], d, lineOf(e));
          case '#': return this.op('len', [e.argument], [a], d, lineOf(e));
          default: throw new Error(`unsupported unary operator ${e.operator}`);
        }
      }
      case 'BinaryExpression': {
        const a = this.expr(e.left);
        let b = this.expr(e.right);
        const d = this.descArgs(describeExpr(e.left, this.res.refs), describeExpr(e.right, this.res.refs));
        const line = lineOf(e);
        if (readsLocalLate(e, this.res.refs)) {
          // luajit reads a local operand when the operation runs, after the other side's call.
          const t = this.temp();
          const late = this.binaryOp(e, a, t, d, line);
          return `(${t} = ${b}, ${late})`;
        }
        return this.binaryOp(e, a, b, d, line);
      }
    }
  }

  private binaryOp(e: BinaryExpression, a: string, b: string, d: string[], line: number): string {
    const arith: Record<string, [string, string]> = {
      '+': ['__add', 'add'], '-': ['__sub', 'sub'], '*': ['__mul', 'mul'], '/': ['__div', 'div'],
      '%': ['__mod', 'modulo'], '^': ['__pow', 'pow'],
    };
    const ar = arith[e.operator];
    if (ar !== undefined) {
      // Plain code calls the operator with a number fast path; coroutine code needs the
      // generic form that hands back a pending metamethod call.
      return this.mode === 'co'
        ? this.op('arith', [e.left, e.right], [a, b], d, line, [jsString(ar[0])])
        : this.op(ar[1], [e.left, e.right], [a, b], d, line);
    }
    switch (e.operator) {
      case '..': return this.op('concat', [e.left, e.right], [a, b], d, line);
      case '==': return this.op('eq', [e.left, e.right], [a, b], [], line);
      case '~=': return `!${this.op('eq', [e.left, e.right], [a, b], [], line)}`;
      case '<': return this.op('lt', [e.left, e.right], [a, b], [], line);
      case '<=': return this.op('le', [e.left, e.right], [a, b], [], line);
      // a > b is b < a, but a is still evaluated first.
      case '>': {
        const t = this.temp();
        return `(${t} = ${a}, ${this.op('lt', [e.left, e.right], [b, t], [], line)})`;
      }
      case '>=': {
        const t = this.temp();
        return `(${t} = ${a}, ${this.op('le', [e.left, e.right], [b, t], [], line)})`;
      }
      default: throw new Error(`unsupported binary operator ${e.operator}`);
    }
  }

  /** Constructors: constant entries first (luajit's template), then the rest in order. */
  private table(e: TableConstructorExpression): string {
    if (e.fields.length === 0) return 'new rt.LuaTable()';
    const layout = tableLayout(e);
    const entries = [
      ...layout.consts.flatMap(([k, v]) => [this.constant(k), this.constant(v)]),
      ...layout.dynamic.flatMap((d) => ['type' in d.key ? this.expr(d.key) : this.constant(d.key.value), this.expr(d.value)]),
    ];
    const tail = layout.tail === undefined ? 'undefined' : this.multi(layout.tail);
    return `($f.line = ${lineOf(e)}, rt.buildTable(${layout.size}, [${entries.join(', ')}], ${tail}))`;
  }

  private constant(v: unknown): string {
    if (typeof v === 'string') return jsString(v);
    if (typeof v === 'number') return jsNumber(v);
    return String(v);
  }

  /** A call, as an expression giving the LuaResult; `tail` marks `return f(...)`. */
  private call(e: AnyCall, tail: boolean): string {
    const line = lineOf(e);
    const args = callArguments(e);
    const isMethod = e.base.type === 'MemberExpression' && e.base.indexer === ':';
    if (this.mode === 'sync' && !tail && args.every(isSimple) && isSimple(isMethod ? (e.base as { base: Expression }).base : e.base)) {
      return this.directCall(e, args, line, isMethod);
    }
    const parts: string[] = [];
    const fnVar = this.temp('rt.LuaFunction', '$fn');
    let self: string | undefined;
    let callName: string;
    if (e.base.type === 'MemberExpression' && e.base.indexer === ':') {
      self = this.temp();
      parts.push(`${self} = ${this.expr(e.base.base)}`);
      const method = e.base.identifier.name;
      const objDesc = describeExpr(e.base.base, this.res.refs);
      const index = this.mode === 'co'
        ? `(yield* rt.meta(rt.indexOrCall(${self}, ${jsString(method)}${objDesc === undefined ? '' : ', ' + jsString(objDesc)})))`
        : `rt.index(${self}, ${jsString(method)}${objDesc === undefined ? '' : ', ' + jsString(objDesc)})`;
      parts.push(`$f.line = ${line}`);
      parts.push(`${fnVar} = rt.fn(${index}, ${jsString(`method '${method}'`)})`);
      callName = tail ? '?' : ':' + method;
    } else {
      const callee = this.temp();
      parts.push(`${callee} = ${this.expr(e.base)}`);
      callName = tail ? '?' : calleeName(e.base);
      const desc = describeExpr(e.base, this.res.refs);
      // Arguments are evaluated before the callee is checked, as in Lua.
      const argv = this.callArgs(args, parts);
      parts.push(`$f.line = ${line}`);
      parts.push(`${fnVar} = rt.fn(${callee}${desc === undefined ? '' : ', ' + jsString(desc)})`);
      return this.invoke(parts, fnVar, argv, callName, tail);
    }
    const argv = [self, ...this.callArgs(args, parts)];
    parts.push(`$f.line = ${line}`);
    return this.invoke(parts, fnVar, argv, callName, tail);
  }

  /**
   * A call whose callee and arguments cannot run code or fail: evaluated in place, without
   * temporaries (the order of evaluation cannot be observed).
   */
  private directCall(e: AnyCall, args: Expression[], line: number, isMethod: boolean): string {
    const argv = args.map((a) => this.expr(a));
    if (isMethod) {
      const member = e.base as { base: Expression; identifier: Identifier };
      const self = this.temp();
      const objDesc = describeExpr(member.base, this.res.refs);
      const method = member.identifier.name;
      const index = `rt.index(${self}, ${jsString(method)}${objDesc === undefined ? '' : ', ' + jsString(objDesc)})`;
      return `(${self} = ${this.expr(member.base)}, $f.line = ${line}, $f.callName = ${jsString(':' + method)}, ` +
        `rt.fn(${index}, ${jsString(`method '${method}'`)})(${[self, ...argv].join(', ')}))`;
    }
    const desc = describeExpr(e.base, this.res.refs);
    return `($f.line = ${line}, $f.callName = ${jsString(calleeName(e.base))}, ` +
      `rt.fn(${this.expr(e.base)}${desc === undefined ? '' : ', ' + jsString(desc)})(${argv.join(', ')}))`;
  }

  /** Evaluates fixed arguments into temps (in order); the multi-value tail stays a spread. */
  private callArgs(args: Expression[], parts: string[]): string[] {
    const out: string[] = [];
    args.forEach((a, i) => {
      if (i === args.length - 1 && isMultiValue(a)) {
        const t = this.temp('rt.LuaValue[]', '$m');
        parts.push(`${t} = ${this.multi(a)}`);
        out.push(`...${t}`);
        return;
      }
      const t = this.temp();
      parts.push(`${t} = ${this.expr(a)}`);
      out.push(t);
    });
    return out;
  }

  private invoke(parts: string[], fnVar: string, argv: string[], callName: string, tail: boolean): string {
    parts.push(`$f.callName = ${jsString(callName)}`);
    if (tail) parts.push('$s.truncate($d)');
    parts.push(this.mode === 'co' ? `(yield* rt.invoke(${fnVar}, [${argv.join(', ')}]))` : `${fnVar}(${argv.join(', ')})`);
    return `(${parts.join(', ')})`;
  }
}

/** Expressions whose evaluation runs no Lua code and cannot fail (globals: unless _G has a metatable). */
function isSimple(e: Expression): boolean {
  switch (e.type) {
    case 'Identifier':
    case 'NilLiteral':
    case 'BooleanLiteral':
    case 'NumericLiteral':
    case 'StringLiteral':
    case 'FunctionDeclaration':
      return true;
    case 'VarargLiteral':
      return inParens(e);
    default:
      return false;
  }
}
