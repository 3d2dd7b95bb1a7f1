// Lua functions -> TypeScript function text. Each Lua construct becomes the JS that calls
// the shared runtime (`rt`, runtime/compiled/index.ts) exactly where the interpreter would:
// the same frames, line updates, call names and operators, so both paths agree byte for byte.
// Where the type inference (analysis/types.ts) proves the operand types, an operator is
// plain JS instead, since no metamethod or error can happen there.
// In 'co' mode the same body is emitted as a generator (calls and metamethods via yield*),
// the twin that runs inside coroutines.
import { luaMark } from './source-map.js';
import type {
  AnyCall, AssignmentStatement, BinaryExpression, Expression, ForGenericStatement, ForNumericStatement, FunctionDeclaration,
  ElseClause, Identifier, IfClause, IfStatement, IndexExpression, MemberExpression, LabelStatement, LocalStatement, Node, RepeatStatement, Statement,
  GotoStatement, LogicalExpression, TableConstructorExpression, UnaryExpression, WhileStatement,
} from '../frontend/ast.js';
import { walk } from '../frontend/parse.js';
import { callArguments, callLine, inParens, isCall, isMultiValue, lineOf, opLine, rangeOf } from '../frontend/ast.js';
import { callName as callNameOf, constantOf, constructorPlan, containsCall, lateTargetParts, readsLocalLate, tableLayout } from '../frontend/constants.js';
import { describeExpr, fixedLocal, type FunctionInfo, type LocalVar, type Resolution } from '../frontend/resolve.js';
import { BOOLEAN, FUNCTION, NIL as NIL_TYPE, NUMBER, only, STRING, TABLE, type TypeMask, type Types } from '../analysis/types.js';
import { jsNumber, jsString, Names } from './names.js';
import { Positions } from './positions.js';
import { lastLineOf, localScopes, type LocalScope } from '../../runtime/interp/local-scopes.js';
import { isPlainKey } from '../../runtime/lua/table.js';
import { MATH_UNARY_JS } from '../../runtime/stdlib/math.js';
import { formatKinds } from '../../runtime/stdlib/format.js';
import { STRING_FUNCTIONS } from '../../runtime/stdlib/string.js';
import type { EmitHooks, HookEmitter } from './direct-emit.js';
import { tsType, type RecordInterfaces } from './record-types.js';

export type Mode = 'sync' | 'co';

/** What one module's functions share. */
export interface ModuleContext {
  readonly res: Resolution;
  readonly types: Types;
  readonly names: Names;
  /** Emit generator twins (the program may use coroutines). */
  readonly coroutines: boolean;
  /** Give each function its own environment holder (the program uses setfenv/getfenv/module). */
  readonly fenv: boolean;
  /** Give frames and closures variable accessors (the program may reach debug.getlocal and its kin). */
  readonly debug: boolean;
  /** Declarations hoisted to module level: function sites. */
  readonly sites: string[];
  /** The module's constant formats (string.format), each with its module-level function's name. */
  readonly formatters: Map<string, string>;
  /** Constructors' plans (`$ctor0`...: constructorPlan), by constructor: name and declaration. */
  readonly plans: Map<TableConstructorExpression, [string, string]>;
  /** Module-level functions holding general code moved out of the functions that use it (outline). */
  readonly outlined: string[];
  /** The interfaces of proven records' fields (record-types.ts). */
  readonly records: RecordInterfaces;
  /** The module's positions table (pcs). */
  readonly positions: Positions;
  /**
   * Functions emitted with no frame at all: leaves whose code has no slow path, so nothing
   * can observe their frame or their caller's position. Calling one records no position.
   */
  readonly silent: Set<FunctionDeclaration>;
  /** Route handler specialisations (direct-emit.ts). */
  readonly hooks?: EmitHooks;
  /**
   * The statically placed route handlers (compiler/analysis/routes.ts), by their index in the
   * module's `$handlers` export: each closure the definition makes is also stored there.
   */
  readonly handlerSites?: ReadonlyMap<FunctionDeclaration, number>;
}

/** What keyFact knows of an item key: an integer at least 1, at least 0, or any integer. */
type KeyFact = 'positive' | 'nonneg' | 'integer';

/** Where a function's returns leave its frame; settled once its body is emitted (see `silent`). */
const LEAVE = '\u0000leave\u0000';
/** A return of a value that runs no code (a name, a temp, a number): `return <LEAVE>value);`, and its line mark. */
const RETURN_PLAIN = /^( *)return \u0000leave\u0000([\w$.]+)\);(\/\*@L\d+\*\/)?$/gm;
/**
 * Where a lazy frame's outlined slow path takes the frame (`$s, $d` from its caller, or none
 * when it frames itself); settled once the caller's body is emitted (see `selfFramed`).
 */
const FRAME_ARGS = '\u0000frame-args\u0000';
const FRAME_PARAMS = '\u0000frame-params\u0000';
const FRAME_ENTRY = '\u0000frame-entry\u0000';
const FRAME_EXIT = '\u0000frame-exit\u0000';
const FRAME_LEAVE = '\u0000frame-leave\u0000';

class Lines {
  readonly out: string[] = [];
  private depth = 0;
  /** The Lua line of the statement being written (0: none): marked at the end of each line (source-map.ts). */
  lua = 0;

  /** One statement; the lines of a nested function's text are indented along with it. */
  line(s: string): void {
    const indent = '  '.repeat(this.depth);
    this.out.push(indent + s.replaceAll('\n', '\n' + indent) + (this.lua > 0 ? luaMark(this.lua) : ''));
  }

  /** `s {` and one level deeper; `open('')` is a bare block. */
  open(s: string): void {
    this.line(s === '' ? '{' : s + ' {');
    this.depth++;
  }

  close(s = '}'): void {
    this.depth--;
    this.line(s);
  }

  /** Lines written to another Lines at depth 0 (marked already), indented to this one's depth. */
  append(lines: readonly string[]): void {
    const indent = '  '.repeat(this.depth);
    for (const l of lines) this.out.push(indent + l.replaceAll('\n', '\n' + indent));
  }

  /** `} else {` and the like: closes one block and opens the next. */
  reopen(s: string): void {
    this.depth--;
    this.line(s);
    this.depth++;
  }
}

/** A guarded fast path for arithmetic over locals and fields of local tables (arithmeticPlan). */
interface ArithmeticPlan {
  /** Conditions, in order, that make `code` exact: tables, then numbers. */
  readonly guards: string[];
  /** JS arithmetic over the numbers the guards read. */
  code: string;
  /** Each local table's fields temp. */
  readonly tables: Map<LocalVar, string>;
  /** The locals read: the general code's function takes them. */
  readonly locals: Set<LocalVar>;
  /** `$f.key` of each field read (a table holds a key it gave a number for). */
  readonly read: Set<string>;
  /** A call evaluated first (the expression's leftmost operand), and the temp holding its value. */
  lead?: { readonly call: Expression; readonly temp: string };
  fields: number;
}

/** The value of a test that is the literal `true` or `false` (the emitted code has that literal too), else undefined. */
function literalTruth(e: Expression): boolean | undefined {
  return e.type === 'BooleanLiteral' ? e.value : undefined;
}

/**
 * Whether a loop can be left other than by return or error: a `break` of that loop, or a
 * `goto` to a label outside it (`labelOf`: a goto's target).
 */
function escapes(loop: WhileStatement | RepeatStatement, labelOf: (g: Node) => LabelStatement | undefined): boolean {
  const [from, to] = rangeOf(loop);
  let found = false;
  const visit = (stmts: Statement[], nested: boolean): void => {
    for (const s of stmts) {
      walk(s, (n) => {
        if (found || n.type === 'FunctionDeclaration') return false;
        if (n.type === 'GotoStatement') {
          const label = labelOf(n);
          const at = label === undefined ? -1 : rangeOf(label)[0];
          found = !(at > from && at < to);
          return false;
        }
        if (n.type === 'BreakStatement' && !nested) {
          found = true;
          return false;
        }
        if (n.type === 'WhileStatement' || n.type === 'RepeatStatement' || n.type === 'ForNumericStatement' || n.type === 'ForGenericStatement') {
          visit(n.body, true);
          return false;
        }
        return true;
      });
    }
  };
  visit(loop.body, false);
  return found;
}

/** The largest loop body (in AST nodes) that unswitching copies. */
const UNSWITCH_MAX_NODES = 120;

/** A Lua label target inside a block compiled as a goto state machine. */
interface GotoTarget {
  readonly loop: string;
  readonly pcVar: string;
  readonly state: number;
}

/** Emits one Lua function (or the main chunk) as a TS function expression. */
export function emitFunction(ctx: ModuleContext, node: FunctionDeclaration | null, info: FunctionInfo, name: string): string {
  const site = `$site${ctx.sites.length}`;
  const scopes = ctx.debug ? localScopes(info, ctx.res) : [];
  ctx.sites.push(`const ${site}: rt.FunctionSite = { chunk: ${jsString(ctx.res.file)}, defined: ${info.line}${ctx.debug ? debugTable(info, scopes) : ''} };`);
  // Parameters typed from the call sites make a narrower signature than rt.LuaFunction's.
  const narrow = info.params.some((p) => tsType(ctx.types.local(p)) !== 'rt.LuaValue');
  const cast = (text: string, type: string): string => (narrow ? `(${text}) as ${type}` : text);
  const plain = cast(new FunctionEmitter(ctx, info, 'sync', site, scopes).emit(node, name), 'rt.LuaFunction');
  const fn = ctx.coroutines
    ? `rt.twin(${plain}, ${cast(new FunctionEmitter(ctx, info, 'co', site, scopes).emit(node, name), 'rt.CoFunction')})`
    : plain;
  const value = ctx.fenv ? `rt.envFn(($fe: rt.EnvHolder) => ${fn}, $fe.env)` : fn;
  if (!ctx.debug) return value;
  // the closure's upvalues are JS variables of the code around it: accessors made here see them
  if (info.upvalues.length === 0) return `rt.debugFn(${value}, ${site})`;
  const ups = info.upvalues.map((v) => ctx.names.of(v));
  return `rt.debugFn(${value}, ${site}, ${accessor(ups.map((u, k) => [k, u]))}, (): object[] => [${ups.map((u) => `${u}$u`).join(', ')}])`;
}

/** A site's debug table (SiteDebug): what debug.getlocal/getupvalue/getinfo know of the function. */
function debugTable(info: FunctionInfo, scopes: LocalScope[]): string {
  const last = info.node.type === 'Chunk' ? 0 : lastLineOf(info);
  const locals = scopes.map((sc) => `[${jsString(sc.name)}, ${jsNumber(sc.from)}, ${jsNumber(sc.to)}]`);
  return `, debug: { last: ${last}, params: ${info.params.length}, vararg: ${info.isVararg}, ` +
    `locals: [${locals.join(', ')}], ups: [${info.upvalues.map((v) => jsString(v.name)).join(', ')}] }`;
}

/** A JS variable a VariableAccess reads and writes: its index, its name, its TS type if narrower. */
type Access = readonly [number, string, string?];

/** A VariableAccess reading and writing the JS variables named, each under its index. */
function accessor(vars: readonly Access[]): string {
  // ($-names: Lua locals named k, set or v are among the variables)
  const cases = vars.map(([k, name, type]) => `case ${k}: if ($set) ${name} = ${type === undefined ? '$v' : `$v as ${type}`}; return ${name};`);
  return `($k: number, $set: boolean, $v: rt.LuaValue): rt.LuaValue => { switch ($k) { ${cases.join(' ')} } return undefined; }`;
}

/** A store into a typed record's field: its interface, and the stored value's code typed for it. */
interface TypedTarget {
  readonly iface: string;
  readonly value: (code: string) => string;
}

class FunctionEmitter {
  private w = new Lines();
  private temps = 0;
  /** Temporaries taken by the statements being emitted (undefined outside statements). */
  private held: [string, string][] | undefined;
  /** Temporaries free for reuse, by prefix and type. */
  private readonly freeTemps = new Map<string, string[]>();
  /** Tail calls emitted (sync mode): the function then needs a trampolining wrapper. */
  private tailCalls = 0;
  private readonly declared: string[] = [];
  private stmtLine = 0;
  /** The line of the statement being emitted (its slow paths write it in lazy mode). */
  private curLine = 0;
  /**
   * A leaf (no calls, no iterators): its frame is entered only when a slow path of the
   * runtime is about to run (an error or a metamethod can only come from there), so that
   * calls which never leave the fast paths cost no frame.
   */
  private lazy = false;
  /** Slow paths emitted in a lazy frame: none makes the function silent. */
  private slowPaths = 0;
  /** Locals whose table test a loop asked once before it (see flaggedLoop): the flag's name. */
  private readonly tableFlags = new Map<LocalVar, string>();
  /** Indexes in `ctx.outlined` of this lazy frame's slow paths, whose frame marks are settled at the end. */
  private readonly lazyOutlined: number[] = [];
  /** The enclosing Lua loops' JS labels, innermost last, with the goto machines open at each. */
  private loops: string[] = [];
  private loopMachines: number[] = [];
  /** Goto state machines (a JS loop and switch each) open around the code being emitted. */
  private gotoMachines = 0;
  private loopCount = 0;
  /** Loop variables known to be integers (numericFor), for item keys (keyFact). */
  private readonly integerLoopVars = new Map<LocalVar, KeyFact>();
  private readonly gotoTargets = new Map<LabelStatement, GotoTarget>();
  /** Locals declared in goto blocks are declared before the state machine. */
  private readonly hoisted = new Set<LocalVar>();
  private node: FunctionDeclaration | null = null;
  /** An item read whose value a condition tests (see truth): a missing item is no slow path. */
  private tested: IndexExpression | undefined;
  /** Expressions whose code a hook has fixed (values it computed first). */
  private overrides: ReadonlyMap<Node, string> | undefined;
  /** Debug support: the function's locals declared in the JS scope being emitted, and their indexes in `scopes`. */
  private readonly visible: Access[] = [];
  private readonly scopeIndex = new Map<LocalVar, number>();
  /** Debug support: the index of each `for` loop's first hidden local. */
  private readonly hiddenIndex = new Map<Node, number>();
  /** Debug support: locals were declared since the frame's accessor was last registered. */
  private unregistered = false;
  /**
   * The next expression emitted may write statements that must run before it (preceding
   * statements, into `w`): nothing that its statement evaluates earlier is still waiting in
   * an expression's text. expr() takes the flag, so it holds for one expression only.
   */
  private flat = false;
  /**
   * This function's records whose fields object is typed with their interface (declared
   * `rt.LuaRecord<I>`: their constructor built it), and the interface of the one being built.
   */
  private readonly typedRecords = new Map<LocalVar, string>();
  private recordInit: { made: TableConstructorExpression; iface: string } | undefined;

  constructor(
    private readonly ctx: ModuleContext,
    private readonly info: FunctionInfo,
    private readonly mode: Mode,
    private readonly site: string,
    scopes: LocalScope[] = [],
  ) {
    scopes.forEach((sc, k) => {
      if (sc.v !== undefined) this.scopeIndex.set(sc.v, k);
      else if (sc.hidden?.index === 0) this.hiddenIndex.set(sc.hidden.loop, k);
    });
  }

  /**
   * Debug support: a local was declared (its JS binding is now in scope); captured ones get
   * an identity object for debug.upvalueid, made anew with each binding.
   */
  private debugDeclared(v: LocalVar): void {
    if (!this.ctx.debug) return;
    this.visible.push(this.access(v));
    this.unregistered = true;
    if (v.captured) this.w.line(`const ${this.ctx.names.of(v)}$u = {};`);
  }

  /**
   * Debug support: registers the frame's accessor over the locals in JS scope (after
   * declarations: an accessor made earlier cannot see them).
   */
  private registerLocals(): void {
    if (!this.unregistered) return;
    this.unregistered = false;
    this.w.line(`$s.locals[$d] = ${accessor(this.visible)};`);
  }

  private access(v: LocalVar): Access {
    return [this.scopeIndex.get(v)!, this.ctx.names.of(v)];
  }

  /** Debug support: a `for` loop's hidden locals are these JS variables. */
  private debugHidden(loop: Node, names: string[], type?: string): void {
    const k = this.hiddenIndex.get(loop)!;
    names.forEach((name, i) => this.visible.push([k + i, name, type]));
  }

  private get res(): Resolution {
    return this.ctx.res;
  }

  /** The global environment as this function sees it. */
  private env(): string {
    return this.ctx.fenv ? '$fe.env' : '$env';
  }

  /**
   * A function-level temporary (declared at the top of the emitted function). A temporary
   * taken while a statement is emitted is dead once that statement ends, so later statements
   * reuse it (one declaration per type and nesting depth instead of one per operation).
   */
  private temp(type = 'rt.LuaValue', prefix = '$'): string {
    if (this.held === undefined) return this.newTemp(type, prefix);
    const key = `${prefix} ${type}`;
    const name = this.freeTemps.get(key)?.pop() ?? this.newTemp(type, prefix);
    this.held.push([key, name]);
    return name;
  }

  private newTemp(type: string, prefix: string): string {
    const name = `${prefix}${++this.temps}`;
    this.declared.push(type === 'rt.LuaFunction' ? `let ${name}!: ${type};` : `let ${name}: ${type};`);
    return name;
  }

  /** Emits one statement; the temporaries it took are free again after it. */
  private withTemps(emit: () => void): void {
    const outer = this.held === undefined;
    this.held ??= [];
    const mark = this.held.length;
    emit();
    for (const [key, name] of this.held.splice(mark)) {
      let free = this.freeTemps.get(key);
      if (free === undefined) this.freeTemps.set(key, free = []);
      free.push(name);
    }
    if (outer) this.held = undefined;
  }

  emit(node: FunctionDeclaration | null, name: string): string {
    this.node = node;
    // Parameters typed from call sites are always passed; then none can be optional in TS.
    const types = this.info.params.map((p) => this.localType(p));
    const optional = types.every((t) => t === 'rt.LuaValue') ? '?' : '';
    const params = this.info.params.map((p, i) =>
      `${this.ctx.names.of(p)}${types[i] === 'rt.LuaValue' ? optional : ''}: ${types[i]}`);
    if (this.info.isVararg) params.push('...$va: rt.LuaValue[]');
    const body = node === null ? this.res.chunk.body : node.body;
    this.lazy = this.mode === 'sync' && node !== null && !this.ctx.fenv && !this.ctx.debug && !hasCallsOrIterators(body);
    if (this.ctx.debug) this.visible.push(...this.info.params.map((p) => this.access(p)));
    this.block(body);
    const co = this.mode === 'co';
    // `$name`: a function expression's own name must not shadow the Lua variable it is stored in.
    const trampolined = !co && this.tailCalls > 0;
    const head = co
      ? `function* $${name}$co(${params.join(', ')}): rt.CoGenerator`
      : `function $${name}(${params.join(', ')}): rt.LuaResult`;
    const silent = this.lazy && this.slowPaths === 0;
    if (silent) this.ctx.silent.add(node!);
    const selfFramed = !silent && this.selfFramed();
    this.settleOutlined(selfFramed);
    const decls: string[] = [];
    if (!silent && !selfFramed) decls.push('const $s = rt.current, $d = $s.depth;');
    // called by a trampoline: its tail calls go back to it (runtime/compiled/tail.ts)
    if (trampolined) decls.push('const $tb = $s.bodyAt === $d;', 'if ($tb) $s.bodyAt = -1;');
    if (!this.lazy) {
      decls.push('if ($d >= $s.limit) $s.deepen();', '$s.depth = $d + 1;');
      if (this.ctx.fenv) decls.push('$s.envs[$d] = $fe;');
    }
    if (this.ctx.debug) {
      for (const p of this.info.params) if (p.captured) decls.push(`const ${this.ctx.names.of(p)}$u = {};`);
      if (this.info.isVararg) decls.push('$s.varargs[$d] = $va;');
      decls.push(`$s.locals[$d] = ${accessor(this.info.params.map((p) => this.access(p)))};`);
    }
    const prologue = this.ctx.hooks === undefined ? [] : this.ctx.hooks.prologue(node, this.hookApi());
    // temporaries only the outlined general code used (it declares its own) are not declared here
    const named = new Set([...this.w.out, ...prologue].join('\n').match(/\$\w+/g));
    decls.push(...this.declared.filter((d) => named.has(/^let (\$\w+)/.exec(d)![1])), ...prologue);
    // only if the text names it: `...` is a syntax error outside a vararg function
    if (!this.info.isVararg && this.w.out.some((l) => /\$va\b/.test(l))) decls.push('const $va: rt.LuaValue[] = rt.NONE;');
    // no `return` after code that never runs off its end (TS: unreachable code)
    const ends = this.terminates(body) || (this.w.out.length > 0 && /^return\b/.test(this.w.out[this.w.out.length - 1]));
    const out = ends ? this.w.out : [...this.w.out, `return ${LEAVE}rt.NONE);`];
    // (a nested function's text has its own marks already settled)
    const leave = (l: string): string => {
      if (silent || selfFramed) return l.replace(RETURN_PLAIN, '$1return $2;$3').replaceAll(LEAVE, '(');
      // a value that runs nothing: the depth is put back in place (rt.leave would count
      // against V8's inlining budget; fib 0.95x)
      return l.replace(RETURN_PLAIN, '$1$$s.depth = $$d;\n$1return $2;$3').replaceAll(LEAVE, 'rt.leave($s, $d, ');
    };
    const inner = [...decls, ...out.map((l) => settleList(leave(l), FRAME_ARGS, selfFramed ? undefined : '$s, $d'))];
    const fn = `${head} {\n${inner.map((l) => '  ' + l.replaceAll('\n', '\n  ')).join('\n')}\n}`;
    // a function with tail calls reads `bodyAt` on entry: the trampoline tells only such functions
    return trampolined ? `rt.tailable((${fn}) as rt.LuaFunction)` : fn;
  }

  /**
   * A lazy frame whose only slow paths are outlined needs no frame of its own: each slow path
   * takes the frame from `rt.current` when it runs and leaves it again, so the function's
   * bytecode has no entry or exit at all (more of it fits V8's inlining budget).
   */
  private selfFramed(): boolean {
    if (!this.lazy || this.lazyOutlined.length === 0) return false;
    // any other use of the frame (an inline slow path, a nested function's text) keeps it
    return !this.w.out.some((l) => /\$[sd]\b/.test(l.replaceAll(LEAVE, '')));
  }

  /** Settles the frame marks of this lazy frame's outlined slow paths (see selfFramed). */
  private settleOutlined(selfFramed: boolean): void {
    for (const i of this.lazyOutlined) {
      this.ctx.outlined[i] = settleList(this.ctx.outlined[i], FRAME_PARAMS, selfFramed ? undefined : '$s: rt.CallStack, $d: number')
        .replaceAll(FRAME_LEAVE, selfFramed ? 'rt.leave($s, $d, ' : '(')
        .replaceAll(`  ${FRAME_ENTRY}\n`, selfFramed ? '  const $s = rt.current, $d = $s.depth;\n' : '')
        .replaceAll(`\n  ${FRAME_EXIT}`, selfFramed ? '\n  $s.depth = $d;' : '');
    }
  }

  // ---- blocks, with goto state machines where labels are targeted ----

  /**
   * A block's statements; `tail` (a repeat's `until` test) runs at their end, inside the
   * scope of the block's locals.
   */
  private block(stmts: Statement[], tail?: () => void): void {
    const visible = this.visible.length;
    this.blockBody(stmts, tail);
    this.visible.length = visible;
  }

  private blockBody(stmts: Statement[], tail?: () => void): void {
    const targeted = stmts.filter((s): s is LabelStatement => s.type === 'LabelStatement' && this.targets.has(s));
    if (targeted.length === 0) {
      // statements after a return, break or goto never run (no label here is a jump's
      // target): not emitted, nor a repeat's test after them
      let dead = false;
      for (const s of stmts) {
        if (dead) continue;
        this.statement(s);
        dead = this.leaves(s);
      }
      if (!dead) tail?.();
      return;
    }
    // A block with goto targets: a loop around a switch on the statement group to resume at.
    // Locals declared directly in it are declared before the loop so that jumps keep them,
    // except those a jump back must make anew: each of their declarations opens a nested
    // region (a JS block with its own loop and switch), so a jump to a label before the
    // declaration leaves the region (the next pass declares a fresh binding) while a jump
    // to a label after it stays inside (the binding is kept).
    const fresh = this.freshPerJump(stmts, targeted);
    for (const v of stmts.flatMap((s) => this.declaredLocals(s))) {
      if (fresh.has(v)) continue;
      this.hoisted.add(v);
      const type = this.localType(v);
      this.w.line(type === 'rt.LuaValue' ? `let ${this.ctx.names.of(v)}: rt.LuaValue = undefined;` : `let ${this.ctx.names.of(v)}!: ${type};`);
      this.debugDeclared(v);
    }
    if (this.ctx.debug) this.registerLocals();
    // Labels ending a block (not a repeat's: its `until` sees the locals) may be reached
    // from before a declaration; they go in the outermost region, after the nested ones.
    let end = stmts.length;
    if (tail === undefined) while (end > 0 && stmts[end - 1].type === 'LabelStatement') end--;
    const starts = [0];
    for (let i = 0; i < end; i++) if (i > 0 && this.declaredLocals(stmts[i]).some((v) => fresh.has(v))) starts.push(i);
    const regions = starts.map((from, k) => {
      const to = k + 1 < starts.length ? starts[k + 1] : end;
      const loop = `$goto${++this.loopCount}`;
      const mine = stmts.slice(from, to).concat(k === 0 ? stmts.slice(end) : []);
      const labels = mine.filter((s): s is LabelStatement => targeted.includes(s as LabelStatement));
      labels.forEach((l, i) => this.gotoTargets.set(l, { loop, pcVar: `${loop}pc`, state: i + 1 }));
      return { from, to, loop, hasLabels: labels.length > 0 };
    });
    const emitRegion = (k: number): void => {
      const r = regions[k];
      if (k > 0) {
        this.w.open('');
        this.statement(stmts[r.from]);
      }
      if (r.hasLabels) {
        this.gotoMachines++;
        this.w.line(`let ${r.loop}pc = 0;`);
        this.w.open(`${r.loop}: for (;;)`);
        this.w.open(`switch (${r.loop}pc)`);
        this.w.line('case 0:');
      }
      // statements after a return, break or goto run only from a later label (a case)
      let dead = false;
      for (const s of stmts.slice(k > 0 ? r.from + 1 : r.from, r.to)) {
        if (s.type === 'LabelStatement' && this.gotoTargets.has(s)) {
          this.w.line(`case ${this.gotoTargets.get(s)!.state}:`);
          dead = false;
        } else if (!dead) {
          this.statement(s);
          dead = this.leaves(s);
        }
      }
      if (k + 1 < regions.length) emitRegion(k + 1);
      else tail?.();
      if (k === 0) {
        for (const s of stmts.slice(end)) if (this.gotoTargets.has(s as LabelStatement)) this.w.line(`case ${this.gotoTargets.get(s as LabelStatement)!.state}:`);
      }
      if (r.hasLabels) {
        this.w.close();
        this.w.line(`break ${r.loop};`);
        this.w.close();
        this.gotoMachines--;
      }
      if (k > 0) this.w.close();
    };
    emitRegion(0);
  }

  /** Whether control never goes on after `s`: it returns, breaks or jumps, or never ends (see terminates). */
  private leaves(s: Statement): boolean {
    return s.type === 'BreakStatement' || s.type === 'GotoStatement' || this.terminates([s]);
  }

  /**
   * Whether a block never runs off its end: its last statement returns on every path or
   * loops forever. Exactly what TS sees in the emitted code (where it would report the code
   * after as unreachable): `if` clauses whose test is the literal `true` or `false` are
   * folded as TS folds them, and a block with goto targets (a loop around a switch) is taken
   * to end.
   */
  private terminates(stmts: Statement[]): boolean {
    const last = stmts[stmts.length - 1];
    if (last === undefined || stmts.some((s) => s.type === 'LabelStatement' && this.targets.has(s))) return false;
    switch (last.type) {
      case 'ReturnStatement': return true;
      case 'DoStatement': return this.terminates(last.body);
      case 'IfStatement': {
        for (const c of last.clauses) {
          const test = c.type === 'ElseClause' ? true : literalTruth(c.condition);
          if (test === false) continue;
          if (!this.terminates(c.body)) return false;
          if (test === true) return true;
        }
        return false;
      }
      case 'WhileStatement': return literalTruth(last.condition) === true && !escapes(last, this.labelOf);
      case 'RepeatStatement': return literalTruth(last.condition) === false && !escapes(last, this.labelOf);
      default: return false;
    }
  }

  private readonly labelOf = (g: Node): LabelStatement | undefined => this.res.gotos.get(g as GotoStatement);
  /** The labels some goto jumps to. */
  private get targets(): ReadonlySet<Node> {
    return (this.targetSet ??= new Set(this.res.gotos.values()));
  }

  private targetSet: Set<Node> | undefined;

  /**
   * Locals of a goto block that a jump back to a label must make anew (luajit: each pass
   * of `::l:: local x ... goto l` has its own x): captured locals declared after a label
   * that a goto placed after the declaration jumps to.
   */
  private freshPerJump(stmts: Statement[], targeted: LabelStatement[]): Set<LocalVar> {
    const fresh = new Set<LocalVar>();
    const jumps = [...this.res.gotos].filter(([, label]) => targeted.includes(label));
    stmts.forEach((s, i) => {
      const captured = this.declaredLocals(s).filter((v) => v.captured);
      if (captured.length > 0 && jumps.some(([g, label]) => stmts.indexOf(label) < i && rangeOf(g)[0] > rangeOf(s)[0])) {
        for (const v of captured) fresh.add(v);
      }
    });
    return fresh;
  }

  private declaredLocals(s: Statement): LocalVar[] {
    if (s.type === 'LocalStatement') return s.variables.map((id) => this.res.decls.get(id)!);
    if (s.type === 'FunctionDeclaration' && s.isLocal && s.identifier?.type === 'Identifier') {
      return [this.res.decls.get(s.identifier)!];
    }
    return [];
  }

  /**
   * `let x = v` or, for a hoisted local, `x = v`. A local of one proven type is declared
   * with that TS type; `value` must then have it (see typed()).
   */
  private declare(v: LocalVar, value: string | undefined): void {
    const name = this.ctx.names.of(v);
    const type = tsType(this.ctx.types.local(v));
    if (this.hoisted.has(v)) this.w.line(`${name} = ${value ?? 'undefined'};`);
    else {
      this.w.line(`let ${name}: ${type} = ${value ?? 'undefined'};`);
      this.debugDeclared(v);
    }
  }

  /** `local function f`: declared first, so that the function sees its own local. */
  private declareFunction(v: LocalVar, closure: string): void {
    const name = this.ctx.names.of(v);
    if (!this.hoisted.has(v)) {
      const type = this.localType(v);
      this.w.line(type === 'rt.LuaValue' ? `let ${name}: rt.LuaValue = undefined;` : `let ${name}: ${type};`);
      this.debugDeclared(v);
    }
    this.w.line(`${name} = ${closure};`);
  }

  /** The TS type of a local's declaration. */
  private localType(v: LocalVar): string {
    return tsType(this.ctx.types.local(v));
  }

  /** An expression stored into local `v`, cast to the local's TS type where TS cannot see it. */
  private valueFor(v: LocalVar, e: Expression | undefined, code: string): string {
    const type = this.localType(v);
    return type === 'rt.LuaValue' || (e !== undefined && this.selfTyped(e)) ? code : `(${code} as ${type})`;
  }

  /** Expressions whose emitted code already has the TS type of their static type. */
  private selfTyped(e: Expression): boolean {
    switch (e.type) {
      case 'NumericLiteral': case 'StringLiteral': case 'BooleanLiteral': case 'FunctionDeclaration':
      case 'TableConstructorExpression':
        return true;
      case 'Identifier': {
        const ref = this.res.refs.get(e)!;
        return ref.kind !== 'global' && this.localType(ref.v) !== 'rt.LuaValue';
      }
      case 'BinaryExpression': case 'UnaryExpression':
        return this.typedOp(e) !== undefined;
      default:
        return false;
    }
  }

  /**
   * `code`, a value of `e` that is not nil, cast to the TS type of e's other values where TS
   * cannot see it (a temp or call result typed rt.LuaValue): a typed record field's store.
   */
  private nonNil(e: Expression, code: string): string {
    const type = tsType(this.ctx.types.of(e) & ~NIL_TYPE);
    return type === 'rt.LuaValue' || this.selfTyped(e) ? code : `(${code} as ${type})`;
  }

  /** An operand of a typed operation: its code, cast to its proven TS type when needed. */
  private typed(e: Expression): string {
    const code = this.expr(e);
    const type = tsType(this.ctx.types.of(e));
    return this.selfTyped(e) || type === 'rt.LuaValue' ? code : `(${code} as ${type})`;
  }

  /** An expression that may write preceding statements (see `flat`). */
  private flatExpr(e: Expression): string {
    this.flat = true;
    return this.expr(e);
  }

  /** typed() of an expression that may write preceding statements. */
  private flatTyped(e: Expression): string {
    this.flat = true;
    return this.typed(e);
  }

  /** truth() of an expression that may write preceding statements. */
  private flatTruth(e: Expression): string {
    this.flat = true;
    return this.truth(e);
  }

  /** Runs `emit` with the statements it writes kept apart (at depth 0): those and its value. */
  private captured(emit: () => string): { pre: string[]; code: string } {
    const outer = this.w;
    this.w = new Lines();
    this.w.lua = outer.lua;
    try {
      const code = emit();
      return { pre: this.w.out, code };
    } finally {
      this.w = outer;
    }
  }

  // ---- statements ----

  private statement(s: Statement): void {
    this.w.lua = lineOf(s);
    if (s.type !== 'LabelStatement' && s.type !== 'BreakStatement' && s.type !== 'DoStatement') {
      this.curLine = lineOf(s);
      // The running line is written only before code that can fail or call; -1 makes
      // any operator in the statement write its own (always, in a lazy frame).
      if (this.needsLine(s) && this.mode === 'co') {
        this.stmtLine = lineOf(s);
        this.w.line(`${this.setLine(this.stmtLine)};`);
      } else {
        this.stmtLine = -1;
      }
    }
    this.withTemps(() => {
      if (this.ctx.hooks?.statement(s, this.hookApi(), () => this.statementBody(s))) return;
      this.statementBody(s);
    });
    if (this.ctx.debug) this.registerLocals();
  }

  private statementBody(s: Statement): void {
    switch (s.type) {
      case 'WhileStatement': case 'RepeatStatement': case 'ForNumericStatement': case 'ForGenericStatement':
        if (this.flaggedLoop(s) || this.unswitched(s)) return;
        break;
    }
    switch (s.type) {
      case 'LocalStatement': return this.local(s);
      case 'AssignmentStatement': return this.assignment(s);
      case 'CallStatement':
        this.callStatement(s.expression);
        return;
      case 'FunctionDeclaration': return this.functionStatement(s);
      case 'ReturnStatement': return this.returnStatement(s.arguments);
      case 'IfStatement': {
        // an elseif whose test writes statements is an else holding them and an if: its braces
        // close last. A clause whose test is the literal false never runs, nor do those after
        // one whose test is the literal true: not emitted (TS would call them unreachable).
        let nested = 0;
        let opened = false;
        for (const [i, c] of s.clauses.entries()) {
          const test = c.type === 'ElseClause' ? true : literalTruth(c.condition);
          if (test === false) continue;
          if (test === true || c.type === 'ElseClause') {
            // the clause that runs for sure: an else, or a bare block when none came before
            if (opened) this.w.reopen('} else {');
            else this.w.open('');
            opened = true;
            this.block(c.body);
            break;
          }
          if (i > 0) {
            // an elseif runs after the earlier conditions, not after the clause above it
            this.stmtLine = -1;
            this.curLine = this.w.lua = lineOf(c.condition);
          }
          if (!opened) {
            this.w.open(`if (${this.flatTruth(c.condition)})`);
            opened = true;
          } else {
            const { pre, code } = this.captured(() => this.flatTruth(c.condition));
            if (pre.length === 0) this.w.reopen(`} else if (${code}) {`);
            else {
              this.w.reopen('} else {');
              this.w.append(pre);
              this.w.open(`if (${code})`);
              nested++;
            }
          }
          this.block(c.body);
        }
        if (opened) this.w.close();
        for (let k = 0; k < nested; k++) this.w.close();
        return;
      }
      case 'WhileStatement': {
        if (literalTruth(s.condition) === false) return; // its body never runs
        const label = this.pushLoop();
        // the condition runs again after the body: it writes its own line
        this.stmtLine = -1;
        const header = this.w.out.length;
        const { pre, code } = this.captured(() => this.flatTruth(s.condition));
        if (pre.length === 0) this.w.open(`${label}: while (${code})`);
        else {
          // the test's statements run before each test: at the top of an endless loop
          this.w.open(`${label}: for (;;)`);
          this.w.append(pre);
          this.w.line(`if (${/^[\w$.]+$/.test(code) ? `!${code}` : `!(${code})`}) break;`);
        }
        this.block(s.body);
        this.w.close();
        this.popLoop(header);
        return;
      }
      case 'RepeatStatement': {
        this.pushLoop();
        const header = this.w.out.length;
        this.w.open(`${this.loops[this.loops.length - 1]}: for (;;)`);
        // The test is emitted inside the body's scope (goto blocks nest it in regions).
        this.block(s.body, () => {
          // `until false` never ends the loop (`if (false) break` would be unreachable code)
          if (literalTruth(s.condition) === false) return;
          this.stmtLine = -1;
          this.curLine = this.w.lua = lineOf(s.condition);
          this.w.line(`if (${this.flatTruth(s.condition)}) ${this.breakLoop()};`);
        });
        this.w.close();
        this.popLoop(header);
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
        this.w.line(`${this.breakLoop()};`);
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

  /** A call whose results are dropped; a temp holding them (flat code) is no statement. */
  private callStatement(e: AnyCall): void {
    const code = this.call(e, false, true);
    if (!/^\$\w+$/.test(code)) this.w.line(`${code};`);
  }

  /** Whether a statement's own code (not its nested blocks) can fail or call, so needs its line. */
  private needsLine(s: Statement): boolean {
    const safe = (e: Expression): boolean => this.isSafe(e);
    const isLocal = (e: Expression): boolean => e.type === 'Identifier' && this.res.refs.get(e)!.kind !== 'global';
    switch (s.type) {
      case 'LocalStatement': return !s.init.every(safe);
      case 'AssignmentStatement': return !(s.variables.every(isLocal) && s.init.every(safe));
      case 'ReturnStatement': return !s.arguments.every(safe);
      case 'IfStatement': return !safe((s.clauses[0] as { condition: Expression }).condition);
      case 'WhileStatement': return !safe(s.condition);
      case 'RepeatStatement': case 'GotoStatement': case 'LabelStatement': case 'BreakStatement': case 'DoStatement':
        return false;
      case 'ForNumericStatement':
        return ![s.start, s.end, ...(s.step === null ? [] : [s.step])].every((e) => safe(e) && only(this.ctx.types.of(e), NUMBER));
      case 'FunctionDeclaration': return !(s.isLocal || (s.identifier !== null && isLocal(s.identifier)));
      default: return true;
    }
  }

  /** Code that cannot fail or run Lua code (typed operators, locals, literals, closures). */
  private isSafe(e: Expression): boolean {
    switch (e.type) {
      case 'NilLiteral': case 'BooleanLiteral': case 'NumericLiteral': case 'StringLiteral': case 'VarargLiteral':
      case 'FunctionDeclaration':
        return true;
      case 'Identifier': return this.res.refs.get(e)!.kind !== 'global';
      case 'UnaryExpression': return this.typedOp(e) !== undefined && this.isSafe(e.argument);
      case 'BinaryExpression': return this.typedOp(e) !== undefined && this.isSafe(e.left) && this.isSafe(e.right);
      case 'LogicalExpression': return this.isSafe(e.left) && this.isSafe(e.right);
      default: return false;
    }
  }

  /**
   * A loop that reads items of a local holding the same value all along (declared before the
   * loop, never assigned after), which the analysis cannot prove a table: whether it is one is
   * asked once, in a block around the loop, and each read tests that flag instead of the
   * table. V8 takes neither test out of the loop itself, and the flag's costs less: a copy of
   * spectral_norm's inner loop took 0.29 s so against 0.35 with `?.` (0.27 with no test at
   * all; docs/VALUE_MODEL.md). Item stores keep their `?.`: their push arm reads the array temp.
   */
  private flaggedLoop(loop: WhileStatement | RepeatStatement | ForNumericStatement | ForGenericStatement): boolean {
    // (debug.setlocal may change any local; hooks see statements by identity)
    if (this.ctx.debug || this.ctx.hooks !== undefined) return false;
    const found = new Map<LocalVar, Identifier>();
    walk(loop, (node) => {
      if (node.type === 'FunctionDeclaration') return false; // emitted by an emitter of its own
      if (node.type === 'IndexExpression' && node.base.type === 'Identifier' && only(this.ctx.types.of(node.index), NUMBER)) {
        const ref = this.res.refs.get(node.base);
        if (ref !== undefined && ref.kind !== 'global' && !ref.v.reassigned && rangeOf(ref.v.decl)[0] < rangeOf(loop)[0] &&
            !this.tableFlags.has(ref.v) && this.mayBeTable(node.base) && !this.provenTable(node.base)) found.set(ref.v, node.base);
      }
      return true;
    });
    if (found.size === 0) return false;
    this.w.open('');
    for (const [v, id] of found) {
      const flag = `${this.ctx.names.of(v)}$isTable`;
      this.w.line(`const ${flag} = ${arrayOf(this.expr(id))} !== undefined;`);
      this.tableFlags.set(v, flag);
    }
    this.statementBody(loop);
    for (const v of found.keys()) this.tableFlags.delete(v);
    this.w.close();
    return true;
  }

  /**
   * Loop unswitching: a small loop whose body has an `if` (at its top level) on a local that
   * is declared before the loop and never assigned, so the test cannot change while the loop
   * runs, becomes that test around two copies of the loop, each with one branch. V8 does not
   * do this itself, and a test in the loop costs a compare and a branch per iteration and
   * keeps both branches' code in one loop (spectral_norm: 0.88x the time).
   */
  private unswitched(loop: WhileStatement | RepeatStatement | ForNumericStatement | ForGenericStatement): boolean {
    // (hooks see statements by identity; debug.setlocal may change any local)
    if (this.ctx.debug || this.ctx.hooks !== undefined) return false;
    const at = loop.body.findIndex((b) => b.type === 'IfStatement' && b.clauses.length <= 2 &&
      b.clauses[0].type === 'IfClause' && b.clauses[b.clauses.length - 1].type !== 'ElseifClause' &&
      this.isInvariantTest(b.clauses[0].condition, loop));
    if (at < 0) return false;
    let nodes = 0;
    let unsafe = false;
    for (const b of loop.body) {
      walk(b, (n) => {
        nodes++;
        // code emitted twice: functions would be two closures' sites, labels two targets
        if (n.type === 'FunctionDeclaration' || n.type === 'LabelStatement' || n.type === 'GotoStatement') unsafe = true;
      });
    }
    if (unsafe || nodes > UNSWITCH_MAX_NODES) return false;
    const branch = loop.body[at] as IfStatement;
    const copy = (body: Statement[]): typeof loop => ({
      ...loop,
      // the branch's statements in its place; in a block if it declares locals (their scope)
      body: [...loop.body.slice(0, at), ...(body.some((b) => this.declaredLocals(b).length > 0)
        ? [{ type: 'DoStatement', body, loc: branch.loc, range: (branch as { range?: unknown }).range } as Statement]
        : body), ...loop.body.slice(at + 1)],
    });
    const [then, otherwise] = branch.clauses as [IfClause, ElseClause | undefined];
    this.w.open(`if (${this.truth(then.condition)})`);
    this.statementBody(copy(then.body));
    this.w.reopen('} else {');
    this.statementBody(copy(otherwise?.body ?? []));
    this.w.close();
    return true;
  }

  /** `v` or `not v` for a local declared before `loop` and never assigned again. */
  private isInvariantTest(e: Expression, loop: Statement): boolean {
    if (e.type === 'UnaryExpression' && e.operator === 'not') return this.isInvariantTest(e.argument, loop);
    if (e.type !== 'Identifier') return false;
    const ref = this.res.refs.get(e);
    return ref !== undefined && ref.kind !== 'global' && !ref.v.reassigned && rangeOf(ref.v.decl)[0] < rangeOf(loop)[0];
  }

  private pushLoop(): string {
    const label = `$loop${++this.loopCount}`;
    this.loops.push(label);
    this.loopMachines.push(this.gotoMachines);
    return label;
  }

  /** Leaves the innermost Lua loop: a plain `break` unless a goto machine's loop is in between. */
  private breakLoop(): string {
    const inside = this.loopMachines[this.loopMachines.length - 1] !== this.gotoMachines;
    return inside ? `break ${this.loops[this.loops.length - 1]}` : 'break';
  }

  /** Ends the innermost loop, whose header is line `header`: its label goes if nothing used it. */
  private popLoop(header: number): void {
    const label = this.loops.pop()!;
    this.loopMachines.pop();
    const used = `break ${label};`;
    const out = this.w.out;
    for (let i = header + 1; i < out.length; i++) if (out[i].includes(used)) return;
    out[header] = out[header].replace(`${label}: `, '');
  }

  private local(s: LocalStatement): void {
    const vars = s.variables.map((id) => this.res.decls.get(id)!);
    if (vars.length === 1 && s.init.length === 1 && this.typedRecord(vars[0], s.init[0])) return;
    if (vars.length === 1 && s.init.length <= 1) {
      this.declare(vars[0], s.init.length === 1 ? this.valueFor(vars[0], s.init[0], this.arithmeticValue(s.init[0], true) ?? this.flatExpr(s.init[0])) : undefined);
      return;
    }
    const last = s.init[s.init.length - 1];
    if (s.init.length === 0 || s.init.length >= vars.length || !this.expands(last)) {
      // One value per name, bound as it is computed: the new names are not visible to the
      // values (and have JS names of their own), so this is Lua's evaluate-all-then-bind.
      vars.forEach((v, i) => this.declare(v, i < s.init.length ? this.valueFor(v, s.init[i], this.arithmeticValue(s.init[i]) ?? this.flatExpr(s.init[i])) : undefined));
      for (const extra of s.init.slice(vars.length)) if (!this.isSafe(extra)) this.w.line(`${this.flatExpr(extra)};`);
      return;
    }
    // A call or `...` gives the last names their values: adjusted as an array.
    const values = this.temp('rt.LuaValue[]', '$l');
    this.w.line(`${values} = ${this.exprList(s.init, vars.length)};`);
    vars.forEach((v, i) => this.declare(v, this.valueFor(v, undefined, `${values}[${i}]`)));
  }

  /**
   * `local p = { ... }` for a proven record: declared `rt.LuaRecord<PFields>`, its fields
   * typed by the interface. A constructor that builds its fields object at the site (record())
   * makes it `new rt.FieldsObject<PFields>()`; any other makes a new table whose fields object
   * is empty (`{}`, items) or holds the constructor's constant keys, which the interface has,
   * and TS takes a LuaTable for the record type as it is (optional fields). False (nothing
   * emitted) for any other declaration.
   */
  private typedRecord(v: LocalVar, init: Expression): boolean {
    if (init.type !== 'TableConstructorExpression' || this.mode !== 'sync' || this.ctx.debug || this.hoisted.has(v)) return false;
    const iface = this.ctx.records.of(v, lineOf(init));
    if (iface === undefined) return false;
    this.recordInit = { made: init, iface };
    const value = this.flatExpr(init);
    this.recordInit = undefined;
    this.typedRecords.set(v, iface);
    this.w.line(`let ${this.ctx.names.of(v)}: rt.LuaRecord<${iface}> = ${value};`);
    this.debugDeclared(v);
    return true;
  }

  private assignment(s: AssignmentStatement): void {
    // a target's table or key that is a local of this function is read at the store (luajit)
    const late = lateTargetParts(s.variables, this.res.refs);
    if (s.variables.length === 1 && s.init.length === 1) {
      const target = s.variables[0];
      const value = s.init[0];
      if (target.type === 'Identifier') {
        this.store(target, this.arithmeticValue(value, true) ?? this.flatExpr(value), value);
        return;
      }
      const { base: lateBase, key: lateKey } = late[0];
      const desc = describeExpr(target.base, this.res.refs);
      const name = this.mayBeTable(target.base) ? fieldName(target) : undefined;
      if (name !== undefined) {
        if (this.arithmeticStore(target, name, value, desc)) return;
        const o = lateBase ? this.lateOperand(target.base) : this.stableOperand(target.base, value);
        this.fieldStore(o, name, lateBase ? this.valueFirst(value) : this.flatExpr(value), desc, this.typedTarget(target.base, o, value), target.base);
        return;
      }
      if (target.type === 'IndexExpression' && this.mayBeTable(target.base) && only(this.ctx.types.of(target.index), NUMBER) && this.mode === 'sync') {
        const o = lateBase ? this.lateOperand(target.base) : this.temp();
        const k = lateKey ? this.lateOperand(target.index, true) : this.temp('number', '$k');
        if (!lateBase) this.w.line(`${o} = ${this.flatExpr(target.base)};`);
        if (!lateKey) this.w.line(`${k} = ${this.flatTyped(target.index)};`);
        this.itemStore(o, target.base, k, target.index, lateBase || lateKey ? this.valueFirst(value) : this.flatExpr(value), desc);
        return;
      }
      if (lateBase || lateKey) {
        const obj = lateBase ? this.lateOperand(target.base) : this.earlyOperand(target.base);
        const key = target.type === 'MemberExpression' ? jsString(target.identifier.name)
          : lateKey ? this.lateOperand(target.index, true) : this.earlyOperand(target.index);
        this.setIndex(obj, key, this.valueFirst(value), desc);
        return;
      }
      // (the position is stored before the table, key and value are evaluated; coroutine
      // code stored it at the statement)
      if (this.mode === 'sync') this.w.line(`${this.setLine(this.curLine)};`);
      const parts = this.orderedValues(target.type === 'MemberExpression' ? [target.base, value] : [target.base, target.index, value]);
      if (target.type === 'MemberExpression') parts.splice(1, 0, jsString(target.identifier.name));
      if (this.mode === 'sync') this.w.line(`rt.setIndex(${[...parts, ...this.descArgs(desc)].join(', ')});`);
      else this.setIndex(parts[0], parts[1], parts[2], desc);
      return;
    }
    // Lua evaluates every target's table and key, then every value, then assigns (right to left).
    const stores: ((v: string) => void)[] = [];
    for (const [i, target] of s.variables.entries()) {
      if (target.type === 'Identifier') {
        stores.push((v) => this.store(target, v));
        continue;
      }
      const o = late[i].base ? this.lateOperand(target.base) : this.earlyOperand(target.base);
      const k = target.type === 'MemberExpression' ? jsString(target.identifier.name)
        : late[i].key ? this.lateOperand(target.index, true) : this.earlyOperand(target.index);
      const desc = describeExpr(target.base, this.res.refs);
      const name = this.mayBeTable(target.base) ? fieldName(target) : undefined;
      stores.push((v) => (name !== undefined ? this.fieldStore(o, name, v, desc, undefined, target.base) : this.setIndex(o, k, v, desc)));
    }
    const last = s.init[s.init.length - 1];
    if (s.init.length >= stores.length || !this.expands(last)) {
      // every value into a temp of its own, then the stores (no array)
      const values = stores.map((_, i) => {
        if (i >= s.init.length) return 'undefined';
        const t = this.temp();
        this.w.line(`${t} = ${this.flatExpr(s.init[i])};`);
        return t;
      });
      for (const extra of s.init.slice(stores.length)) if (!this.isSafe(extra)) this.w.line(`${this.flatExpr(extra)};`);
      for (let i = stores.length - 1; i >= 0; i--) stores[i](values[i]);
      return;
    }
    const arr = this.temp('rt.LuaValue[]', '$l');
    this.w.line(`${arr} = ${this.exprList(s.init, stores.length)};`);
    for (let i = stores.length - 1; i >= 0; i--) stores[i](`${arr}[${i}]`);
  }

  /** Writes `obj[key] = value` through the runtime (its position stored first). */
  private setIndex(obj: string, key: string, value: string, desc: string | undefined): void {
    const d = desc === undefined ? '' : `, ${jsString(desc)}`;
    if (this.mode === 'co') this.w.line(`yield* rt.meta(rt.setIndexOrCall(${obj}, ${key}, ${value}${d}));`);
    else this.w.line(`${this.slowStatements(`rt.setIndex(${obj}, ${key}, ${value}${d})`)};`);
  }

  /** Records the frame's position (line, and the name of the call it makes); a lazy frame is entered first. */
  private setLine(line: number, callName?: string): string {
    const pc = this.ctx.positions.of(this.site, line, callName);
    if (this.lazy) this.slowPaths++;
    return this.lazy ? `rt.enterAt($s, $d, ${pc})` : `$s.pcs[$d] = ${pc}`;
  }

  /**
   * A runtime call that can fail or run Lua code, in a statement whose line was written
   * before it; in a lazy frame it enters the frame and writes the line itself.
   */
  private slowPath(call: string): string {
    return this.mode === 'sync' ? `(${this.setLine(this.curLine)}, ${call})` : call;
  }

  /** slowPath() with its position store written as a statement first (flat code): the call. */
  private slowStatements(call: string): string {
    if (this.mode === 'sync') this.w.line(`${this.setLine(this.curLine)};`);
    return call;
  }

  /**
   * A slow path applied to a value computed first (which may enter the frame itself), as flat
   * code: the value into a temp, the position, then the call.
   */
  private slowValue(value: string, call: (v: string) => string): string {
    if (this.mode !== 'sync') return call(value);
    return this.slowStatements(call(this.valueTemp(value)));
  }

  /** Assignment to a variable (`e`: the value's expression, when it is a single one). */
  /** Writes the assignment to a variable (`e`: the value's expression, when it is a single one). */
  private store(id: Identifier, value: string, e?: Expression): void {
    const ref = this.res.refs.get(id)!;
    if (ref.kind !== 'global') {
      this.w.line(`${this.ctx.names.of(ref.v)} = ${this.valueFor(ref.v, e, value)};`);
    } else if (this.mode !== 'sync') {
      this.w.line(`rt.setGlobal(${this.env()}, ${jsString(ref.name)}, ${value});`);
    } else {
      // the value first, then the position
      const t = this.valueTemp(value);
      this.w.line(`${this.slowStatements(`rt.setGlobal(${this.env()}, ${jsString(ref.name)}, ${t})`)};`);
    }
  }

  private functionStatement(s: FunctionDeclaration): void {
    const fname = s.identifier === null ? 'anonymous'
      : s.identifier.type === 'Identifier' ? s.identifier.name : s.identifier.identifier.name;
    if (s.isLocal && s.identifier?.type === 'Identifier') {
      this.declareFunction(this.res.decls.get(s.identifier)!, this.closure(s, fname));
      return;
    }
    if (s.identifier === null) return;
    if (s.identifier.type === 'Identifier') {
      this.store(s.identifier, this.closure(s, fname));
      return;
    }
    const target = s.identifier;
    const obj = this.temp();
    this.w.line(`${obj} = ${this.flatExpr(target.base)};`);
    const desc = describeExpr(target.base, this.res.refs);
    const name = target.identifier.name;
    if (isPlainKey(name) && this.mayBeTable(target.base)) this.fieldStore(obj, name, this.closure(s, fname), desc, undefined, target.base);
    else this.setIndex(obj, jsString(name), this.closure(s, fname), desc);
  }

  private closure(f: FunctionDeclaration, name: string): string {
    const info = this.res.functions.get(f)!;
    const safe = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : 'anonymous';
    const code = emitFunction(this.ctx, f, info, safe);
    const made = this.ctx.hooks === undefined ? code : this.ctx.hooks.closure(f, code);
    const site = this.ctx.handlerSites?.get(f);
    // a route handler's definition also records its closure (the typed export in routes.ts);
    // one wrapped by rh.jsonHandler or rt.tailable is a LuaFunction already
    const typed = /^(rh\.jsonHandler|rt\.tailable)\(/.test(made);
    return site === undefined ? made : `($handlers[${site}] = ${typed ? made : `${made} as rt.LuaFunction`})`;
  }

  /** What hooks (direct-emit.ts) may use of this emitter. */
  private hookApi(flat = false): HookEmitter {
    return {
      mode: this.mode,
      fn: this.node,
      flat,
      expr: (e) => this.expr(e),
      flatExpr: (e) => this.flatExpr(e),
      // never reused: a hook's value may live past the statement that made it
      temp: (type) => this.newTemp(type ?? 'rt.LuaValue', '$'),
      line: (l) => this.w.line(l),
      open: (l) => this.w.open(l),
      close: (l) => this.w.close(l),
      reopen: (l) => this.w.reopen(l),
      nameOf: (v) => this.ctx.names.of(v),
      leave: (value) => `${LEAVE}${value})`,
      withOverrides: (values, f) => {
        const saved = this.overrides;
        this.overrides = values;
        try {
          return f();
        } finally {
          this.overrides = saved;
        }
      },
    };
  }

  private returnStatement(args: Expression[]): void {
    if (args.length === 1 && isCall(args[0]) && !inParens(args[0])) {
      this.w.line(`return ${this.call(args[0], true, true)};`);
      return;
    }
    if (args.length === 0) {
      this.w.line(`return ${LEAVE}rt.NONE);`);
      return;
    }
    const value = args.length === 1 && !this.expands(args[0]) ? this.arithmeticValue(args[0], true) ?? this.flatExpr(args[0]) : this.exprList(args, -1);
    this.w.line(`return ${LEAVE}${value});`);
  }

  private numericFor(s: ForNumericStatement): void {
    const v = this.res.decls.get(s.variable)!;
    const n = ++this.loopCount;
    const T = this.ctx.types;
    const bound = (e: Expression, what: string): string =>
      only(T.of(e), NUMBER) ? this.flatTyped(e) : this.slowValue(this.flatExpr(e), (v) => `rt.forNumber(${v}, '${what}')`);
    this.w.open('');
    const visible = this.visible.length;
    // (debug.setlocal may change the limit and the step: variables then)
    const decl = this.ctx.debug ? 'let' : 'const';
    this.w.line(`const $start${n} = ${bound(s.start, 'initial value')};`);
    this.w.line(`${decl} $limit${n} = ${bound(s.end, 'limit')};`);
    const stepValue = s.step === null ? 1 : constantOf(s.step)?.value;
    const label = `$loop${n}`;
    this.loops.push(label);
    this.loopMachines.push(this.gotoMachines);
    let header: number;
    if (typeof stepValue === 'number' && stepValue !== 0 && !Number.isNaN(stepValue) && !this.ctx.debug) {
      // A constant step: a plain JS loop; the loop variable itself when the body never assigns
      // it (JS gives each iteration a fresh binding, as Lua does).
      const i = v.reassigned ? `$index${n}` : this.ctx.names.of(v);
      const step = stepValue === 1 ? `${i}++` : `${i} += ${jsNumber(stepValue)}`;
      // an integer start and step: the variable is an integer (at least 1 from a start of 1 up)
      const start = this.keyFact(s.start);
      if (!v.reassigned && start !== undefined && Number.isInteger(stepValue)) {
        this.integerLoopVars.set(v, stepValue > 0 && start !== 'integer' ? (start === 'positive' ? 'positive' : 'nonneg') : 'integer');
      }
      header = this.w.out.length;
      this.w.open(`${label}: for (let ${i}: number = $start${n}; ${i} ${stepValue > 0 ? '<=' : '>='} $limit${n}; ${step})`);
      if (v.reassigned) this.declare(v, i);
    } else {
      this.w.line(`${decl} $step${n} = ${s.step === null ? '1' : bound(s.step, 'step')};`);
      header = this.w.out.length;
      this.w.open(`${label}: for (let $index${n} = $start${n}; $step${n} > 0 ? $index${n} <= $limit${n} : $index${n} >= $limit${n}; $index${n} += $step${n})`);
      if (this.ctx.debug) this.debugHidden(s, [`$index${n}`, `$limit${n}`, `$step${n}`], 'number');
      this.declare(v, `$index${n}`);
    }
    if (this.ctx.debug) this.registerLocals();
    this.block(s.body);
    this.visible.length = visible;
    this.w.close();
    this.popLoop(header);
    this.w.close();
  }

  /**
   * `for k, v in explist do`. Over a table, the library's `next` (what `pairs` returns) and
   * ipairs's iterator (from 0) step without calling it: `LuaTable.nextKey` and `getInt`, the
   * very code `next` and ipairs's iterator run, reading the table at each step as those
   * calls would; no array per step. Any other iterator, or state, is called each step.
   */
  private genericFor(s: ForGenericStatement): void {
    const vars = s.variables.map((id) => this.res.decls.get(id)!);
    const n = ++this.loopCount;
    // (debug.setlocal may change the generator, the state and the control: read at each step)
    const debug = this.ctx.debug;
    this.w.open('');
    const visible = this.visible.length;
    this.forTriple(s, n);
    if (debug) this.debugHidden(s, [`$it${n}`, `$st${n}`, `$key${n}`]);
    this.w.line(`${debug ? 'let' : 'const'} $iter${n} = ${this.slowStatements(`rt.callable($it${n})`)};`);
    if (!debug) this.w.line(`const $kind${n} = rt.forKind($it${n}, $st${n}, $key${n});`);
    this.w.line(`let $second${n}: rt.LuaValue, $res${n}: rt.LuaResult = undefined;`);
    const label = `$loop${n}`;
    this.loops.push(label);
    this.loopMachines.push(this.gotoMachines);
    const header = this.w.out.length;
    this.w.open(`${label}: for (;;)`);
    this.w.line(`${this.setLine(lineOf(s), '(for generator)')};`);
    const values = vars.length > 1;
    if (!debug) {
      this.w.open(`if ($kind${n} === 1)`);
      this.w.line(`if (($second${n} = ($st${n} as rt.LuaTable).getInt($key${n} = ($key${n} as number) + 1)) === undefined) break;`);
      this.w.reopen(`} else if ($kind${n} === 2) {`);
      this.w.line(`if (($key${n} = ($st${n} as rt.LuaTable).nextKey($key${n})) === undefined) break;`);
      if (values) this.w.line(`$second${n} = rt.found.value;`);
      this.w.reopen('} else {');
    } else {
      this.w.line(`$iter${n} = rt.callable($it${n});`);
    }
    const call = this.mode === 'co' ? `(yield* rt.invoke($iter${n}, [$st${n}, $key${n}]))` : `$iter${n}($st${n}, $key${n})`;
    this.w.line(`$res${n} = ${call};`);
    this.w.line(`if (($key${n} = Array.isArray($res${n}) ? $res${n}[0] : $res${n}) === undefined) break;`);
    if (values) this.w.line(`$second${n} = Array.isArray($res${n}) ? $res${n}[1] : undefined;`);
    if (!debug) this.w.close();
    vars.forEach((v, i) => {
      this.declare(v, i === 0 ? `$key${n}` : i === 1 ? `$second${n}` : `(Array.isArray($res${n}) ? $res${n}[${i}] : undefined)`);
    });
    if (this.ctx.debug) this.registerLocals();
    this.block(s.body);
    this.visible.length = visible;
    this.w.close();
    this.popLoop(header);
    this.w.close();
  }

  /**
   * Declares a generic `for`'s generator, state and control ($it, $st, $key). `ipairs(t)` and
   * `pairs(t)` with the library's function and a table are the triple it would return, without
   * the call and its arrays (a call of either on a table has no other effect).
   */
  private forTriple(s: ForGenericStatement, n: number): void {
    this.w.line(`let $it${n}: rt.LuaValue, $st${n}: rt.LuaValue, $key${n}: rt.LuaValue;`);
    // (indexed, not destructured: destructuring is the iterator protocol, much more bytecode)
    const list = this.temp('rt.LuaValue[]', '$l');
    const assign = (values: string): void => {
      this.w.line(`${list} = ${values};`);
      this.w.line(`$it${n} = ${list}[0];`);
      this.w.line(`$st${n} = ${list}[1];`);
      this.w.line(`$key${n} = ${list}[2];`);
    };
    const it = s.iterators.length === 1 ? s.iterators[0] : undefined;
    const lib = it !== undefined && isCall(it) && it.base.type === 'Identifier' && (it.base.name === 'ipairs' || it.base.name === 'pairs')
      ? it.base.name : undefined;
    const args = lib === undefined ? [] : callArguments(it as AnyCall);
    if (this.ctx.debug || this.mode !== 'sync' || lib === undefined || args.length !== 1 || this.expands(args[0])) {
      assign(this.exprList(s.iterators, 3));
      return;
    }
    const base = (it as AnyCall).base;
    const f = this.temp();
    const t = this.temp();
    const desc = describeExpr(base, this.res.refs);
    const [iter, control] = lib === 'ipairs' ? ['ipairsIter', '0'] : ['next', 'undefined'];
    this.w.line(`${f} = ${this.flatExpr(base)};`);
    // (`as rt.LuaValue`: a literal argument would otherwise narrow the temp for tsc)
    this.w.line(`${t} = ${this.flatExpr(args[0])} as rt.LuaValue;`);
    this.w.open(`if (${f} === rt.ITERATION.${lib} && ${t} instanceof rt.LuaTable)`);
    this.w.line(`$it${n} = rt.ITERATION.${iter};`);
    this.w.line(`$st${n} = ${t};`);
    this.w.line(`$key${n} = ${control};`);
    this.w.reopen('} else {');
    this.w.line(`${this.setLine(lineOf(it!), callNameOf(base, this.res.refs))};`);
    // (the results are only read: no copy)
    assign(`rt.adjust(rt.all(rt.callee(${f}${desc === undefined ? '' : ', ' + jsString(desc)})(${t})), 3)`);
    this.w.close();
  }

  // ---- expressions ----

  /**
   * A list adjusted to `want` values (-1: all, the last multi-value expression expanded), as an
   * array; flat code (its statements are written first), for the statement that takes the list.
   */
  private exprList(list: Expression[], want: number): string {
    if (list.length === 0) return want < 0 ? 'rt.NONE' : `rt.adjust(rt.NONE, ${want})`;
    const parts = this.flatList(list);
    const arr = `[${parts.join(', ')}]`;
    return want < 0 ? arr : `rt.adjust(${arr}, ${want})`;
  }

  /** All values of a call or `...`, as an array. */
  private multi(e: Expression, flat = false): string {
    if (e.type === 'VarargLiteral') return '$va';
    return `rt.all(${this.call(e as AnyCall, false, flat)})`;
  }

  /**
   * An operator through the runtime. The running line is set after the operands are
   * evaluated (a call among them moves it), as the interpreter does; it is left out when
   * nothing can have moved it since the statement began.
   */
  private op(name: string, operands: Expression[], values: string[], extra: string[], line: number, lead: string[] = [], flat = false): string {
    if (flat && this.mode === 'co') return this.flatRuntimeOp(name, operands, values, extra, line, lead);
    if (flat && this.mode === 'sync' && ARMS[name] !== undefined) return this.flatOp(name, operands, values, extra, line);
    if (flat && this.mode === 'sync' && name === 'eq') return this.flatEq(operands, values, line);
    if (flat && this.mode === 'sync' && FAST_OPS[name] === undefined) return this.flatRuntimeOp(name, operands, values, extra, line, lead);
    const fast = this.mode === 'sync' ? FAST_OPS[name] : undefined;
    if (fast !== undefined) {
      // The plain-operand case inline; the runtime (and the running line) only otherwise.
      // Literals and locals are used as they are; other operands are evaluated into temps
      // (as LuaValue: TS would narrow a temp by the value's static type and reject the tests).
      // (not for `#`: TS narrows a local by its last assignment, and `.length` of never fails)
      const kinds = operands.map((o, i) => (name === 'len' ? undefined : this.plainOperand(o, values[i], operands.slice(i + 1))));
      const ts = values.map((v, i) => (kinds[i] === undefined ? this.temp() : v));
      const assigns = values.flatMap((v, i) => (kinds[i] === undefined ? [`${ts[i]} = (${v}) as rt.LuaValue`] : []));
      const slow = `(${this.setLine(line)}, rt.${name}(${[...lead, ...ts, ...extra].join(', ')}))`;
      const code = fast(ts, slow, kinds.map((k) => k === 'number'));
      return assigns.length === 0 ? code : `(${assigns.join(', ')}, ${code})`;
    }
    const vs = values.slice();
    if (line !== this.stmtLine || operands.some((o) => containsCall(o))) {
      const last = vs.length - 1;
      const t = this.temp();
      vs[last] = `(${t} = ${vs[last]}, ${this.setLine(line)}, ${t})`;
    }
    const args = [...lead, ...vs, ...extra].join(', ');
    return this.mode === 'co' ? `(yield* rt.meta(rt.${name}OrCall(${args})))` : `rt.${name}(${args})`;
  }

  /**
   * op() as statements (its values are flat code, in order): operands that are not plain
   * into temps, then an `if` per plain case (ARMS) and the runtime's operator in the `else`.
   * The value is a temp.
   */
  private flatOp(name: string, operands: Expression[], values: string[], extra: string[], line: number): string {
    const kinds = operands.map((o, i) => (name === 'len' ? undefined : this.plainOperand(o, values[i], operands.slice(i + 1))));
    const ts = values.map((v, i) => {
      if (kinds[i] !== undefined || isValueTemp(v)) return v;
      const t = this.temp();
      this.w.line(`${t} = ${asValue(v)};`);
      return t;
    });
    const r = this.temp();
    this.writeArms(name, ts, kinds.map((k) => k === 'number'), extra, line, r);
    return r;
  }

  /**
   * `a == b` as statements (values: flat code, in order): equal values, else the runtime's
   * `__eq` only for two tables or userdata. The value is a temp.
   */
  private flatEq(operands: Expression[], values: string[], line: number): string {
    const [a, b] = values.map((v, i) => (this.plainOperand(operands[i], v, operands.slice(i + 1)) !== undefined || isValueTemp(v) ? v : this.valueTemp(asValue(v))));
    const r = this.temp('boolean', '$b');
    this.w.line(`${r} = ${a} === ${b};`);
    this.w.open(`if (!${r} && typeof ${a} === 'object' && typeof ${b} === 'object')`);
    this.w.line(`${this.setLine(line)};`);
    this.w.line(`${r} = rt.eq(${a}, ${b});`);
    this.w.close();
    return r;
  }

  /**
   * An operator with no inline case (`rt.index`, or any in coroutine code) as flat code: after
   * its operands (saved in order, a call among them moves the running line), the position,
   * then the call.
   */
  private flatRuntimeOp(name: string, operands: Expression[], values: string[], extra: string[], line: number, lead: string[]): string {
    const vs = values.slice();
    if (line !== this.stmtLine || operands.some((o) => containsCall(o))) {
      const saved = vs.slice(0, operands.length);
      this.saveValues(saved, operands);
      vs.splice(0, saved.length, ...saved);
      this.w.line(`${this.setLine(line)};`);
    }
    const args = [...lead, ...vs, ...extra].join(', ');
    return this.mode === 'co' ? `(yield* rt.meta(rt.${name}OrCall(${args})))` : `rt.${name}(${args})`;
  }

  /** Writes operator `name` (ARMS) over the values `ts` into `r`: an `if` per plain case, the runtime in the `else`. */
  private writeArms(name: string, ts: string[], known: boolean[], extra: string[], line: number, r: string): void {
    ARMS[name](ts, known).forEach(([test, value], i) => this.w.line(`${i === 0 ? 'if' : 'else if'} (${test}) ${r} = ${value};`));
    this.w.open('else');
    this.w.line(`${this.setLine(line)};`);
    this.w.line(`${r} = rt.${name}(${[...ts, ...extra].join(', ')});`);
    this.w.close();
  }

  /**
   * Operands evaluated in order as flat code: each may write preceding statements, and when
   * one does, the values before it that those statements could change are saved first
   * (`typed`: the codes have their operands' proven TS types, and so do the temps).
   */
  private orderedValues(operands: Expression[], emit = (o: Expression, _i: number): string => this.flatExpr(o), typed = false): string[] {
    const codes: string[] = [];
    operands.forEach((o, i) => {
      if (i === 0) {
        codes.push(emit(o, i));
        return;
      }
      const { pre, code } = this.captured(() => emit(o, i));
      if (pre.length > 0) {
        this.saveValues(codes, operands, typed);
        this.w.append(pre);
      }
      codes.push(code);
    });
    return codes;
  }

  /** orderedValues() of operands with proven types, each as typed() gives it. */
  private orderedTyped(operands: Expression[]): string[] {
    return this.orderedValues(operands, (o) => this.flatTyped(o), true);
  }

  /**
   * Before statements that run after the values `codes` (of `operands`, in order) and before
   * their use: each value such a statement could change, or that has yet to run, into a temp.
   */
  private saveValues(codes: string[], operands: Expression[], typed = false): void {
    codes.forEach((c, k) => {
      // (a temp cast to its proven type is a temp too)
      const temp = isValueTemp(c) || isValueTemp(c.replace(/^\((\$\d+) as [\w.]+\)$/, '$1'));
      if (this.plainOperand(operands[k], c, operands.slice(k + 1)) !== undefined || temp || constantOf(operands[k]) !== undefined) return;
      if (c.startsWith('...')) {
        // a multi-value tail (see flatKnownCall): its values, spread
        const m = this.temp('rt.LuaValue[]', '$m');
        this.w.line(`${m} = ${c.slice(3)};`);
        codes[k] = `...${m}`;
        return;
      }
      const type = typed ? tsType(this.ctx.types.of(operands[k])) : 'rt.LuaValue';
      const t = this.temp(type);
      this.w.line(`${t} = ${type === 'rt.LuaValue' ? asValue(c) : c};`);
      codes[k] = t;
    });
  }

  private descArgs(...descs: (string | undefined)[]): string[] {
    while (descs.length > 0 && descs[descs.length - 1] === undefined) descs.pop();
    return descs.map((d) => (d === undefined ? 'undefined' : jsString(d)));
  }

  expr(e: Expression): string {
    const flat = this.flat;
    this.flat = false;
    const fixed = this.overrides?.get(e);
    if (fixed !== undefined) return fixed;
    if (this.ctx.hooks !== undefined) {
      // (plain code in a branch of the hook's expression writes no statements: the hook says)
      const hooked = this.ctx.hooks.expression(e, this.hookApi(flat), (inBranch = false) => this.plainExpr(e, flat && inBranch));
      if (hooked !== undefined) return hooked;
    }
    return this.plainExpr(e, flat);
  }

  /** `flat`: the expression may write preceding statements (see FunctionEmitter.flat). */
  private plainExpr(e: Expression, flat: boolean): string {
    switch (e.type) {
      case 'NilLiteral': return 'undefined';
      case 'BooleanLiteral': return e.value ? 'true' : 'false';
      case 'NumericLiteral': return jsNumber(e.value);
      case 'StringLiteral': return jsString(e.value);
      case 'VarargLiteral': return '$va[0]';
      case 'Identifier': {
        const ref = this.res.refs.get(e)!;
        if (ref.kind === 'global') {
          const call = `rt.getGlobal(${this.env()}, ${jsString(ref.name)})`;
          if (!isPlainKey(ref.name)) return flat ? this.slowStatements(call) : this.slowPath(call);
          // the environment's fields first: a cached load (through its __index chain when linked)
          const v = this.temp();
          // the globals table is never in map mode (pinFields); a setfenv table may be
          const p = property(ref.name);
          const load = `(${v} = ${this.ctx.fenv ? `$fe.env.f?.${p.startsWith('.') ? p.slice(1) : p}` : `$env.f!${p}`})`;
          if (!flat) return `(${load} !== undefined ? ${v} : ${this.slowPath(call)})`;
          this.w.open(`if (${load} === undefined)`);
          this.w.line(`${v} = ${this.slowStatements(call)};`);
          this.w.close();
          return v;
        }
        return this.ctx.names.of(ref.v);
      }
      case 'FunctionDeclaration': return this.closure(e, 'anonymous');
      case 'TableConstructorExpression': return this.table(e, flat);
      case 'MemberExpression':
      case 'IndexExpression': {
        const name = fieldName(e);
        const table = this.mayBeTable(e.base);
        if (name !== undefined && table) return this.fieldRead(e.base, name, opLine(e), flat);
        if (this.isItemRead(e)) return this.itemRead(e.base, (e as IndexExpression).index, opLine(e), flat);
        const operands = e.type === 'MemberExpression' ? [e.base] : [e.base, e.index];
        const values = flat ? this.orderedValues(operands) : operands.map((o) => this.expr(o));
        if (e.type === 'MemberExpression') values.push(jsString(e.identifier.name));
        return this.op('index', operands, values, this.descArgs(describeExpr(e.base, this.res.refs)), opLine(e), [], flat);
      }
      case 'CallExpression':
      case 'StringCallExpression':
      case 'TableCallExpression': {
        const library = this.libraryFastPath(e, callArguments(e), callLine(e, false), false, true, flat);
        if (library !== undefined) return library;
        const target = this.knownTarget(e.base);
        // a function that always returns one value returns it as is (never an array)
        if (target !== undefined && this.ctx.types.returnsOne(target)) return `(${this.call(e, false, flat)} as rt.LuaValue)`;
        return `rt.first(${this.call(e, false, flat)})`;
      }
      case 'LogicalExpression': {
        const t = this.temp();
        if (flat) return this.flatLogical(e, t);
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return e.operator === 'and' ? `(rt.truthy(${t} = ${l}) ? ${r} : ${t})` : `(rt.truthy(${t} = ${l}) ? ${t} : ${r})`;
      }
      case 'UnaryExpression': {
        if (this.typedOp(e) !== undefined) return this.plainUnary(e, flat);
        const a = flat ? this.flatExpr(e.argument) : this.expr(e.argument);
        const d = this.descArgs(describeExpr(e.argument, this.res.refs));
        switch (e.operator) {
          case 'not': return `!rt.truthy(${a})`;
          case '-': return this.op('unm', [e.argument], [a], d, opLine(e), [], flat);
          case '#': return this.op('len', [e.argument], [a], d, opLine(e), [], flat);
          default: throw new Error(`unsupported unary operator ${e.operator}`);
        }
      }
      case 'BinaryExpression': {
        if (this.typedOp(e) !== undefined) return this.plainBinary(e, flat);
        const fused = this.fusedItemOperand(e, flat);
        if (fused !== undefined) return fused;
        if (flat) return this.flatBinary(e);
        const a = this.expr(e.left);
        let b = this.expr(e.right);
        const d = this.descArgs(describeExpr(e.left, this.res.refs), describeExpr(e.right, this.res.refs));
        const line = opLine(e);
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

  /**
   * `a and b`, `a or b` as flat code: `a` into `t`; `b` in the expression when it writes no
   * statements, else in an `if` on `t`'s truth, whose statements run only when `b` is needed.
   */
  private flatLogical(e: LogicalExpression, t: string): string {
    this.w.line(`${t} = ${this.flatExpr(e.left)};`);
    const and = e.operator === 'and';
    const { pre, code } = this.captured(() => this.flatExpr(e.right));
    if (pre.length === 0) return and ? `(rt.truthy(${t}) ? ${code} : ${t})` : `(rt.truthy(${t}) ? ${t} : ${code})`;
    this.w.open(`if (${and ? '' : '!'}rt.truthy(${t}))`);
    this.w.append(pre);
    this.w.line(`${t} = ${code};`);
    this.w.close();
    return t;
  }

  /**
   * `base.name` for a constant key that lives in a table's fields object: a property load V8
   * caches (the table's own field, else what its metatable's `__index` chain of tables holds);
   * the runtime's index only when that finds nothing or `base` is not a table.
   */
  private fieldRead(base: Expression, name: string, line: number, flat: boolean): string {
    const desc = describeExpr(base, this.res.refs);
    if (!flat) {
      const o = this.temp();
      return `(${o} = ${this.operand(base)}, ${this.fieldLookup(o, name, this.indexCall(o, name, desc, line, base), base)})`;
    }
    const o = this.valueTemp(this.operand(base, true));
    const { hit, value } = this.fieldLookupParts(o, name, base);
    this.w.open(`if (!(${hit}))`);
    this.w.line(`${value} = ${this.indexStatements(o, name, desc, line, base)};`);
    this.w.close();
    return value;
  }

  /** Flat code's value in a temp of its own (a statement), unless it is one already. */
  private valueTemp(code: string): string {
    if (isValueTemp(code)) return code;
    const t = this.temp();
    this.w.line(`${t} = ${code};`);
    return t;
  }

  /**
   * A table operand's code for a temp: a local of no proven type is cast back to its declared
   * type, since TS narrows it by assignments it sees and misses those made by closures.
   */
  private operand(e: Expression, flat = false): string {
    const code = flat ? this.flatExpr(e) : this.expr(e);
    return e.type === 'Identifier' && this.res.refs.get(e)!.kind !== 'global' && tsType(this.ctx.types.of(e)) === 'rt.LuaValue'
      ? `${code} as rt.LuaValue` : code;
  }

  /** Whether a value can be a table (else its fields are the runtime's business). */
  private mayBeTable(e: Expression): boolean {
    return (this.ctx.types.of(e) & TABLE) !== 0;
  }

  /** `base[index]` for a proven number: the array part's item, the runtime when there is none. */
  private itemRead(base: Expression, index: Expression, line: number, flat: boolean): string {
    const p = this.itemReadParts(base, index, line, flat);
    if (!flat) return `(${p.setup.join(', ')}, ${p.hit} ? ${p.value} : ${p.slow})`;
    this.w.open(`if (!(${p.hit}))`);
    this.w.line(`${p.value} = ${p.slowCall()};`);
    this.w.close();
    return p.value;
  }

  /**
   * What is known of a number used as an item key: an integer at least 1 ('positive'), at
   * least 0 ('nonneg'), or an integer ('integer'); undefined when it may be fractional (or
   * not a number). From integer literals, integer loop variables, `#` of a string or table,
   * and + - * of those.
   */
  private keyFact(e: Expression): KeyFact | undefined {
    switch (e.type) {
      case 'NumericLiteral':
        return !Number.isInteger(e.value) ? undefined : e.value >= 1 ? 'positive' : e.value >= 0 ? 'nonneg' : 'integer';
      case 'Identifier': {
        const v = fixedLocal(e, this.res.refs);
        return v === undefined ? undefined : this.integerLoopVars.get(v);
      }
      case 'UnaryExpression':
        if (e.operator === '#') return only(this.ctx.types.of(e.argument), TABLE | STRING) ? 'nonneg' : undefined;
        return e.operator === '-' && this.keyFact(e.argument) !== undefined ? 'integer' : undefined;
      case 'BinaryExpression': {
        // an integer % a positive integer literal is in [0, k) (past 2^53 luajit's formula may
        // round out of it: a key the fact gets wrong only costs the read its inline cache)
        if (e.operator === '%') {
          const k = e.right.type === 'NumericLiteral' ? e.right.value : 0;
          return Number.isInteger(k) && k >= 1 && this.keyFact(e.left) !== undefined ? 'nonneg' : undefined;
        }
        if (e.operator !== '+' && e.operator !== '-' && e.operator !== '*') return undefined;
        const a = this.keyFact(e.left);
        const b = this.keyFact(e.right);
        if (a === undefined || b === undefined) return undefined;
        if (e.operator === '-') return 'integer';
        if (e.operator === '*') return a === 'positive' && b === 'positive' ? 'positive' : a !== 'integer' && b !== 'integer' ? 'nonneg' : 'integer';
        if (a === 'integer' || b === 'integer') return 'integer';
        return a === 'positive' || b === 'positive' ? 'positive' : 'nonneg';
      }
      default:
        return undefined;
    }
  }

  /**
   * The test that `k - 1` is an array index, for a key `index` in temp `k`: none for an
   * integer at least 1, `k >= 1` for another integer (a key past the end reads undefined, as a
   * hole does), the general test otherwise (see arrayIndex).
   */
  private indexTest(index: Expression, k: string): string[] {
    const fact = this.keyFact(index);
    return fact === 'positive' ? [] : fact !== undefined ? [`${k} >= 1`] : [arrayIndex(k)];
  }

  /**
   * An item read in pieces: `(setup, hit ? value : slow)` is the read. Flat: the setup is
   * written as statements (none left in `setup`), and slowCall() writes the slow path's position.
   */
  private itemReadParts(base: Expression, index: Expression, line: number, flat = false): { setup: string[]; hit: string; value: string; slow: string; slowCall: () => string } {
    const setup: string[] = [];
    const o = this.temp();
    const k = this.temp('number', '$k');
    this.sink(setup, flat)(`${o} = ${flat ? this.flatExpr(base) : this.expr(base)}`);
    this.sink(setup, flat)(`${k} = ${flat ? this.flatTyped(index) : this.typed(index)}`);
    const v = this.temp();
    const desc = describeExpr(base, this.res.refs);
    const d = desc === undefined ? '' : `, ${jsString(desc)}`;
    // (indexItem answers a plain table's missing item, a hole or past the end, before index)
    const call = this.mode === 'co' ? `(yield* rt.meta(rt.indexOrCall(${o}, ${k}${d})))` : `rt.indexItem(${o}, ${k}${d})`;
    const position = line !== this.stmtLine || containsCall(base) || containsCall(index) ? this.setLine(line) : undefined;
    const a = this.temp('rt.LuaValue[] | undefined', '$a');
    // A tested item may well be missing: past the array part or a hole, it is nil when no key
    // is elsewhere and no metatable answers, which spares the runtime call (a tree's leaves).
    const tested = this.tested !== undefined && this.tested.base === base && this.tested.index === index;
    const item = `(${v} = ${a}[${k} - 1]) !== undefined`;
    return {
      setup,
      hit: [this.arrayHit(a, o, base), ...this.indexTest(index, k), tested ? `(${item} || (${o} as rt.LuaTable).plainItems)` : item].join(' && '),
      value: v,
      slow: position === undefined ? call : `(${position}, ${call})`,
      slowCall: () => {
        if (position !== undefined) this.w.line(`${position};`);
        return call;
      },
    };
  }

  /** `t[i]` with a number index, read through the array part (see itemRead). */
  private isItemRead(e: Expression): boolean {
    return e.type === 'IndexExpression' && fieldName(e) === undefined && this.mayBeTable(e.base) &&
      only(this.ctx.types.of(e.index), NUMBER) && this.overrides?.get(e) === undefined;
  }

  /**
   * `x * t[i]`, `t[i] + 1`: the operator is computed in each branch of the item read. A read
   * whose runtime path runs now and then (`t[0]`, a hole) would otherwise merge the runtime's
   * value with the array's number, and V8 then boxes every number the array gives (a heap
   * allocation per operation); this way both branches give a float. The other operand is
   * computed before the read (or is a literal or local), as without fusing.
   */
  private fusedItemOperand(e: BinaryExpression, flat: boolean): string | undefined {
    const name = FUSED_OPERATORS[e.operator];
    // hooks (direct-emit.ts) may replace operands: they see every expression unfused
    if (name === undefined || this.mode !== 'sync' || this.ctx.hooks !== undefined) return undefined;
    if (readsLocalLate(e, this.res.refs)) return undefined;
    const [left, right] = [e.left, e.right];
    const at = this.isItemRead(right) ? 1 : this.isItemRead(left) ? 0 : -1;
    if (at < 0) return undefined;
    const other = at === 1 ? left : right;
    // (a right operand is fused only when plain: it writes no statements)
    const otherCode = flat && at === 1 ? this.flatExpr(other) : this.expr(other);
    const kind = this.plainOperand(other, otherCode, at === 1 ? [right] : []);
    if (at === 0 && kind === undefined) return undefined; // the other side would run after the read
    const item = (at === 1 ? right : left) as IndexExpression;
    const before: string[] = [];
    let o = otherCode;
    if (kind === undefined) {
      o = this.temp();
      this.sink(before, flat)(`${o} = (${otherCode}) as rt.LuaValue`);
    }
    const read = this.itemReadParts(item.base, item.index, opLine(item), flat);
    const d = this.descArgs(describeExpr(left, this.res.refs), describeExpr(right, this.res.refs));
    const operands = (v: string): string[] => (at === 1 ? [o, v] : [v, o]);
    const known = at === 1 ? [kind === 'number', false] : [false, kind === 'number'];
    const t = this.temp();
    if (flat) {
      const r = this.temp();
      this.w.open(`if (${read.hit})`);
      this.writeArms(name, operands(read.value), known, d, opLine(e), r);
      this.w.reopen('} else {');
      this.w.line(`${t} = ${read.slowCall()};`);
      this.writeArms(name, operands(t), known, d, opLine(e), r);
      this.w.close();
      return r;
    }
    const apply = (v: string): string => FAST_OPS[name](operands(v), `(${this.setLine(opLine(e))}, rt.${name}(${[...operands(v), ...d].join(', ')}))`, known);
    return `(${[...before, ...read.setup].join(', ')}, ${read.hit} ? ${apply(read.value)} : (${t} = ${read.slow}, ${apply(t)}))`;
  }

  /**
   * The array part of `o`, which holds the value of `base`: read as a property when `base` is
   * proven a table (every table has one), else only if `o` is one (arrayOf). A loop over a
   * table parameter then has no test of its own on the table: spectral_norm's inner loop
   * takes about 0.8x the time without that `?.` (docs/VALUE_MODEL.md).
   */
  private arrayRead(o: string, base: Expression): string {
    return this.provenTable(base) ? `(${o} as rt.LuaTable).arr` : arrayOf(o);
  }

  /** The fields object of `o` (the value of `base`, when known) as arrayRead reads the array part. */
  private fieldsRead(o: string, base: Expression | undefined): string {
    return base !== undefined && this.provenTable(base) ? `(${o} as rt.LuaTable).f` : fieldsOf(o);
  }

  /** The analysis proves `e` a table: every table has its parts, so they are read without a test. */
  private provenTable(e: Expression): boolean {
    return only(this.ctx.types.of(e), TABLE);
  }

  /**
   * An item read's first test, `a` = the array part of `o` (the value of `base`) if it is a
   * table: the loop's flag when one asked it (see flaggedLoop; `a` is then not assigned when
   * the flag is false, and the read takes the runtime), else arrayRead.
   */
  private arrayHit(a: string, o: string, base: Expression): string {
    const ref = base.type === 'Identifier' ? this.res.refs.get(base) : undefined;
    const flag = ref === undefined || ref.kind === 'global' ? undefined : this.tableFlags.get(ref.v);
    return flag === undefined ? `(${a} = ${this.arrayRead(o, base)}) !== undefined` : `${flag} && (${a} = (${o} as rt.LuaTable).arr) !== undefined`;
  }

  /**
   * `o[k] = value` for a number key: a store into the array part over a live item, or a push
   * onto a plain table's end; the runtime otherwise (o, k: temps).
   */
  private itemStore(o: string, base: Expression, k: string, index: Expression, value: string, desc: string | undefined): void {
    const v = this.valueTemp(value);
    const a = this.temp('rt.LuaValue[] | undefined', '$a');
    const d = desc === undefined ? '' : `, ${jsString(desc)}`;
    const t = `(${o} as rt.LuaTable)`;
    const hit = [`${v} !== undefined`, `(${a} = ${this.arrayRead(o, base)}) !== undefined`, ...this.indexTest(index, k), `${a}[${k} - 1] !== undefined`];
    this.w.line(`if (${hit.join(' && ')}) ${a}[${k} - 1] = ${v};`);
    this.w.line(`else if (${v} !== undefined && ${a} !== undefined && ${k} === ${a}.length + 1 && ${t}.plainItems) ${a}.push(${v});`);
    this.slowElse(`rt.setIndex(${o}, ${k}, ${v}${d})`);
  }

  /** `else { position; call; }`: the runtime's path after a store's fast cases. */
  private slowElse(call: string): void {
    this.w.open('else');
    this.w.line(`${this.slowStatements(call)};`);
    this.w.close();
  }

  /** A target part evaluated now, before the values: into a temp. */
  private earlyOperand(e: Expression): string {
    const t = this.temp();
    this.w.line(`${t} = ${this.flatExpr(e)};`);
    return t;
  }

  /** A target part read at the store (lateTargetParts): the local (a table operand cast to a value). */
  private lateOperand(e: Expression, key = false): string {
    const name = this.ctx.names.of((this.res.refs.get(e as Identifier) as { v: LocalVar }).v);
    const type = tsType(this.ctx.types.of(e));
    // a key has its type where it is read, which may be narrower than its declaration's
    if (key) return this.selfTyped(e) || type === 'rt.LuaValue' ? name : `(${name} as ${type})`;
    return type === 'rt.LuaValue' || type === 'rt.LuaTable' ? name : `(${name} as rt.LuaValue)`;
  }

  /** The value of a store that reads part of its target late: computed now (a temp if it can run code). */
  private valueFirst(e: Expression): string {
    if (this.isSafe(e)) return this.expr(e);
    const t = this.temp();
    this.w.line(`${t} = ${this.flatExpr(e)};`);
    return t;
  }

  /**
   * The table operand of a store, evaluated before `value` runs: a local as it is when the
   * value cannot run code (nothing can reassign it in between), else a temp set now.
   */
  private stableOperand(base: Expression, value: Expression): string {
    if (base.type === 'Identifier' && this.res.refs.get(base)!.kind !== 'global' && this.isSafe(value)) {
      const name = this.ctx.names.of((this.res.refs.get(base) as { v: LocalVar }).v);
      if (['rt.LuaValue', 'rt.LuaTable'].includes(tsType(this.ctx.types.of(base)))) return name;
    }
    const o = this.temp();
    this.w.line(`${o} = ${this.flatExpr(base)};`);
    return o;
  }

  /** The runtime's index of `o[name]` (o: a temp holding the evaluated base). */
  private indexCall(o: string, name: string, desc: string | undefined, line: number, base?: Expression): string {
    const { position, call } = this.indexCallParts(o, name, desc, line, base);
    return position === undefined ? call : `(${position}, ${call})`;
  }

  /** indexCall() with its position store written as a statement first: the call. */
  private indexStatements(o: string, name: string, desc: string | undefined, line: number, base?: Expression): string {
    const { position, call } = this.indexCallParts(o, name, desc, line, base);
    if (position !== undefined) this.w.line(`${position};`);
    return call;
  }

  /** The runtime's index of `o[name]`, and the position store it needs first, if any. */
  private indexCallParts(o: string, name: string, desc: string | undefined, line: number, base?: Expression): { position?: string; call: string } {
    const d = desc === undefined ? '' : `, ${jsString(desc)}`;
    const call = this.mode === 'co' ? `(yield* rt.meta(rt.indexOrCall(${o}, ${jsString(name)}${d})))` : `rt.index(${o}, ${jsString(name)}${d})`;
    const needLine = line !== this.stmtLine || (base !== undefined && containsCall(base));
    return needLine ? { position: this.setLine(line), call } : { call };
  }

  /**
   * `o[name]` by property loads, else `slow` (o: a temp): the table's own field, else its
   * metatable view's (the `__index` chain of tables); nil without a metatable, or when no
   * table of a complete chain has the key (rt.CUT marks chains the runtime must finish).
   */
  private fieldLookup(o: string, name: string, slow: string, base?: Expression): string {
    const { hit, value } = this.fieldLookupParts(o, name, base);
    return `(${hit} ? ${value} : ${slow})`;
  }

  /**
   * fieldLookup() in pieces: when `hit` holds, `value` (a temp) has the field's value. `base`:
   * the expression `o` holds, when known (a table proven so needs no test, see fieldsRead).
   */
  private fieldLookupParts(o: string, name: string, base?: Expression): { hit: string; value: string } {
    const v = this.temp();
    const m = this.temp('rt.LuaTable | undefined', '$m');
    const f = this.temp('rt.Fields | undefined', '$f');
    const p = property(name);
    return {
      hit: `(${f} = ${this.fieldsRead(o, base)}) !== undefined && ((${v} = ${f}${p}) !== undefined || (${m} = (${o} as rt.LuaTable).metatable) === undefined || ` +
        `(${v} = ${m}.view${p}) !== undefined || (!(${jsString(name)} in ${m}.view) && ${m}.view[rt.CUT] === undefined))`,
      value: v,
    };
  }

  /**
   * The method `name` of `base` (its value in `o`): a table's through calleeLookup; a string's
   * from the strings' metatable view (the string library, as `__index` finds it), read live
   * since `debug.setmetatable` or an `__index` assignment may change it; else `slow`.
   */
  private methodLookup(base: Expression, o: string, name: string, slow: string): string {
    const type = this.ctx.types.of(base);
    const table = (type & TABLE) !== 0 ? this.calleeLookup(o, name, slow) : undefined;
    // a name the string library lacks is rarely a string's method: the runtime finds it then
    if ((type & STRING) === 0 || (table !== undefined && !STRING_FUNCTIONS.has(name))) return table ?? slow;
    const m = this.temp('rt.LuaTable | undefined', '$m');
    const p = property(name);
    const string = `((${m} = rt.stringMeta) !== undefined && ${m}.view${p} !== undefined ? ${m}.view${p} : ${slow})`;
    return table === undefined ? string : `(typeof ${o} === 'string' ? ${string} : ${table})`;
  }

  /**
   * `o[name]` as a callee: the table's field, else its metatable view's, else `slow`. Each
   * hit reads its property again instead of reusing a temp: V8 drops the arm it never took
   * (its load has no feedback), so the callee is one constant function it can inline. A temp
   * shared by the arms would merge the own field's `undefined` into it and stop inlining.
   */
  private calleeLookup(o: string, name: string, slow: string): string {
    const m = this.temp('rt.LuaTable | undefined', '$m');
    const f = this.temp('rt.Fields | undefined', '$f');
    const p = property(name);
    return `((${f} = ${fieldsOf(o)})?.${p.startsWith('.') ? p.slice(1) : p} !== undefined ? ${f}!${p} : ` +
      `(${m} = (${o} as rt.LuaTable)?.metatable) !== undefined && ${m}.view${p} !== undefined ? ${m}.view${p} : ${slow})`;
  }

  /**
   * Arithmetic over number literals, locals and fields of local tables (`a.x - b.x * m`) as
   * one guarded fast path: each table checked once, each field read once and checked to be a
   * number, then JS arithmetic; undefined when `e` is not such an expression or reads no
   * field. Nothing in it can be observed, so when a guard fails the general code may run from
   * the start (see `outline`).
   */
  private arithmeticPlan(e: Expression, leadingCall = false): ArithmeticPlan | undefined {
    if (this.mode !== 'sync' || this.ctx.debug || this.ctx.fenv) return undefined;
    const plan: ArithmeticPlan = { guards: [], code: '', tables: new Map(), locals: new Set(), read: new Set(), fields: 0 };
    if (leadingCall) {
      // Lua evaluates the leftmost operand first: a call there can run before the fast path
      let first = e;
      while (first.type === 'BinaryExpression' || first.type === 'UnaryExpression') first = first.type === 'BinaryExpression' ? first.left : first.argument;
      if (first !== e && isCall(first)) {
        plan.lead = { call: first, temp: this.temp() };
        plan.guards.push(`typeof ${plan.lead.temp} === 'number'`);
      }
    }
    const local = (id: Identifier): LocalVar | undefined => {
      const ref = this.res.refs.get(id);
      return ref === undefined || ref.kind === 'global' ? undefined : ref.v;
    };
    const walk = (x: Expression, budget: { nodes: number }): string | undefined => {
      if (--budget.nodes < 0) return undefined;
      if (x === plan.lead?.call) return `(${plan.lead.temp} as number)`;
      switch (x.type) {
        case 'NumericLiteral': return /^[0-9.e+]+$/.test(this.expr(x)) ? this.expr(x) : undefined;
        case 'Identifier': {
          const v = local(x);
          if (v === undefined) return undefined;
          const name = this.ctx.names.of(v);
          plan.locals.add(v);
          if (this.localType(v) === 'number') return name;
          const guard = `typeof ${name} === 'number'`;
          if (!plan.guards.includes(guard)) plan.guards.push(guard);
          return `(${name} as number)`;
        }
        case 'MemberExpression': {
          const key = fieldName(x);
          if (x.base.type !== 'Identifier' || key === undefined || !this.mayBeTable(x.base)) return undefined;
          const v = local(x.base);
          if (v === undefined) return undefined;
          const f = this.tableGuard(plan, v);
          const value = this.temp();
          plan.fields++;
          plan.read.add(f + property(key));
          plan.guards.push(`typeof (${value} = ${f}${property(key)}) === 'number'`);
          return `(${value} as number)`;
        }
        case 'BinaryExpression': {
          if (!['+', '-', '*', '/', '%'].includes(x.operator)) return undefined;
          const a = walk(x.left, budget);
          const b = a === undefined ? undefined : walk(x.right, budget);
          if (b === undefined) return undefined;
          return x.operator === '%' ? modCall(a!, b) : `(${a} ${x.operator} ${b})`;
        }
        case 'UnaryExpression':
          if (x.operator !== '-') return undefined;
          return ((a) => (a === undefined ? undefined : `(-${a})`))(walk(x.argument, budget));
        default: return undefined;
      }
    };
    // a bare field read needs no fast path of its own (its value need not be a number)
    if (e.type !== 'BinaryExpression' && e.type !== 'UnaryExpression') return undefined;
    const code = walk(e, { nodes: 16 });
    // without fields the inline tests are as short, except in a lazy frame, which an outlined
    // slow path spares its frame code (see selfFramed)
    if (code === undefined || (plan.fields === 0 && (!this.lazy || plan.guards.length === 0))) return undefined;
    plan.code = code;
    if (plan.lead !== undefined) this.w.line(`${plan.lead.temp} = ${this.flatExpr(plan.lead.call)};`);
    return plan;
  }

  /** The fields temp of local table `v` in a plan, guarded on first use (a typed record's: typed). */
  private tableGuard(plan: ArithmeticPlan, v: LocalVar): string {
    let f = plan.tables.get(v);
    if (f === undefined) {
      const iface = this.typedRecords.get(v);
      f = this.temp(`${iface ?? 'rt.Fields'} | undefined`, '$f');
      plan.tables.set(v, f);
      plan.locals.add(v);
      const proven = iface !== undefined || this.localType(v) === 'rt.LuaTable';
      plan.guards.push(`(${f} = ${proven ? `${this.ctx.names.of(v)}.f` : fieldsOf(this.ctx.names.of(v))}) !== undefined`);
    }
    return f;
  }

  /**
   * The store into a typed record's field: its interface, and the value's code as TS types it
   * (see nonNil); undefined for other targets (`o`: the base's code, the record's own name).
   */
  private typedTarget(base: Expression, o: string, value: Expression): TypedTarget | undefined {
    const ref = base.type === 'Identifier' ? this.res.refs.get(base) : undefined;
    if (ref === undefined || ref.kind === 'global') return undefined;
    const iface = this.typedRecords.get(ref.v);
    if (iface === undefined || o !== this.ctx.names.of(ref.v)) return undefined;
    return { iface, value: (code) => this.nonNil(value, code) };
  }

  /**
   * `e` as a value through its arithmetic fast path, or undefined (see arithmeticPlan).
   * `leadingCall`: the value is all its statement computes, so a call as its leftmost operand
   * may be evaluated on a line of its own first.
   */
  private arithmeticValue(e: Expression, leadingCall = false): string | undefined {
    const plan = this.arithmeticPlan(e, leadingCall);
    if (plan === undefined) return undefined;
    // the general code has the value's proven type, as the fast path's code has
    const slow = this.outline(plan, tsType(this.ctx.types.of(e)), () => this.flatTyped(e));
    return `(${plan.guards.join(' && ')} ? ${plan.code} : ${slow})`;
  }

  /**
   * `t.name = e` through the arithmetic fast path when `t` is a local: stored when the table
   * holds the key already and inherits no fields (the conditions of fieldStore); else the
   * whole statement's general code. False when `e` has no fast path.
   */
  private arithmeticStore(target: MemberExpression | IndexExpression, name: string, e: Expression, desc: string | undefined): boolean {
    if (target.base.type !== 'Identifier' || name === '__index') return false;
    const ref = this.res.refs.get(target.base);
    if (ref === undefined || ref.kind === 'global') return false;
    // an upvalue table is read before the value's call (only a local of this function is read
    // late); planning emits a leading call, so this is decided first
    if (ref.kind !== 'local' && containsCall(e)) return false;
    const plan = this.arithmeticPlan(e, true);
    if (plan === undefined) return false;
    const t = this.ctx.names.of(ref.v);
    const f = this.tableGuard(plan, ref.v);
    const p = property(name);
    const slow = this.outline(plan, 'void', () => {
      const late = ref.kind === 'local';
      const o = late ? this.lateOperand(target.base) : this.stableOperand(target.base, e);
      this.fieldStore(o, name, late ? this.valueFirst(e) : this.flatExpr(e), desc, this.typedTarget(target.base, o, e), target.base);
      return undefined;
    });
    const held = plan.read.has(f + p) ? [] : [`${f}${p} !== undefined`];
    this.w.line(`if (${[...plan.guards, `!(${t} as rt.LuaTable).linked`, ...held].join(' && ')}) ${f}${p} = ${plan.code};`);
    this.w.line(`else ${slow};`);
    return true;
  }

  /**
   * Emits general code into a module-level function of its own and returns the call of it
   * (with `$s`, `$d` and the locals the code reads: it assigns none). The slow paths then add
   * nothing to the calling function's bytecode, which keeps small Lua functions under V8's
   * inlining limit (VALUE_MODEL.md). `emit` writes statements and returns the value, if any.
   */
  private outline(plan: ArithmeticPlan, returns: string, emit: () => string | undefined): string {
    const outer = this.w;
    const overrides = this.overrides;
    this.w = new Lines();
    this.w.lua = outer.lua;
    // the leading call ran already: the general code takes its value
    if (plan.lead !== undefined) this.overrides = new Map([...(overrides ?? []), [plan.lead.call, plan.lead.temp]]);
    const mark = this.held!.length;
    // a lazy frame's slow path may frame itself (see selfFramed): marks settled later
    const lazy = this.lazy;
    let body: string[];
    let valued = false;
    try {
      const value = emit();
      if (value !== undefined) this.w.line(`return ${lazy ? `${FRAME_LEAVE}${value})` : value};`);
      valued = value !== undefined;
      body = this.w.out;
    } finally {
      this.w = outer;
      this.overrides = overrides;
    }
    const temps = this.held!.slice(mark).map(([key, name]) => {
      const type = key.slice(key.indexOf(' ') + 1);
      return type === 'rt.LuaFunction' ? `let ${name}!: ${type};` : `let ${name}: ${type};`;
    });
    const args = [...plan.locals].map((v): [string, string] => {
      const iface = this.typedRecords.get(v);
      return [this.ctx.names.of(v), iface === undefined ? this.localType(v) : `rt.LuaRecord<${iface}>`];
    });
    if (plan.lead !== undefined) args.push([plan.lead.temp, 'rt.LuaValue']);
    if (lazy && !valued) body.push(FRAME_EXIT);
    const params = [lazy ? FRAME_PARAMS : '$s: rt.CallStack, $d: number', ...args.map(([name, type]) => `${name}: ${type}`)];
    const fn = `$slow${this.ctx.outlined.length}`;
    const lines = [...(lazy ? [FRAME_ENTRY] : []), ...new Set(temps), ...body];
    if (lazy) this.lazyOutlined.push(this.ctx.outlined.length);
    this.ctx.outlined.push(`function ${fn}(${params.join(', ')}): ${returns} {\n${lines.map((l) => '  ' + l.replaceAll('\n', '\n  ')).join('\n')}\n}`);
    this.slowPaths++;
    return `${fn}(${[lazy ? FRAME_ARGS : '$s, $d', ...args.map(([name]) => name)].join(', ')})`;
  }

  /**
   * `o[name] = value` for a constant field key: a property store when the table holds the key
   * already (no __newindex then) and has no inherited fields; the runtime otherwise. `__index`
   * always takes the runtime, which keeps metatable views in step.
   */
  private fieldStore(o: string, name: string, value: string, desc: string | undefined, typed?: TypedTarget, base?: Expression): void {
    const d = desc === undefined ? '' : `, ${jsString(desc)}`;
    if (this.mode === 'co' || name === '__index') {
      this.setIndex(o, jsString(name), value, desc);
      return;
    }
    const v = this.valueTemp(value);
    const f = this.temp(`${typed?.iface ?? 'rt.Fields'} | undefined`, '$f');
    const p = property(name);
    const fields = typed !== undefined ? `${o}.f` : this.fieldsRead(o, base);
    this.w.line(`if (${v} !== undefined && (${f} = ${fields}) !== undefined && !(${o} as rt.LuaTable).linked && ${f}${p} !== undefined) ${f}${p} = ${typed?.value(v) ?? v};`);
    this.slowElse(`rt.setIndex(${o}, ${jsString(name)}, ${v}${d})`);
  }

  /**
   * An operand an inline operator can use as it is, with nothing evaluated into a temp: a
   * number literal, or a local (a JS name of type number or LuaValue) that no later operand
   * can change by a call. 'number' when it is known to be one.
   */
  private plainOperand(e: Expression, code: string, later: Expression[]): 'number' | 'value' | undefined {
    if (e.type === 'NumericLiteral' && /^[0-9.e+]+$/.test(code)) return 'number';
    if (e.type !== 'Identifier') return undefined;
    const ref = this.res.refs.get(e);
    if (ref === undefined || ref.kind === 'global' || code !== this.ctx.names.of(ref.v)) return undefined;
    if (later.some((o) => containsCall(o))) return undefined;
    const t = this.localType(ref.v);
    return t === 'number' ? 'number' : t === 'rt.LuaValue' ? 'value' : undefined;
  }

  /** Lua truthiness of an expression, as a JS condition. */
  private truth(e: Expression): string {
    // true and false are JS booleans: no conversion needed
    if (only(this.ctx.types.of(e), BOOLEAN)) return this.expr(e);
    // a tested item is often missing (`if node[1] then`, `while t[i] do`): see itemReadParts
    const tested = this.tested;
    this.tested = e.type === 'IndexExpression' ? e : undefined;
    try {
      return `rt.truthy(${this.expr(e)})`;
    } finally {
      this.tested = tested;
    }
  }

  /**
   * The TS type of a unary or binary operation emitted as plain JS (its operand types are
   * proven, so no metamethod or error is possible), or undefined when it goes through `rt`.
   */
  private typedOp(e: BinaryExpression | UnaryExpression): 'number' | 'string' | 'boolean' | undefined {
    const T = this.ctx.types;
    if (e.type === 'UnaryExpression') {
      const t = T.of(e.argument);
      switch (e.operator) {
        case '-': return only(t, NUMBER) ? 'number' : undefined;
        case '#': return only(t, STRING) || only(t, TABLE) ? 'number' : undefined;
        case 'not': return only(t, BOOLEAN) ? 'boolean' : undefined;
        default: return undefined;
      }
    }
    const a = T.of(e.left);
    const b = T.of(e.right);
    switch (e.operator) {
      case '+': case '-': case '*': case '/': case '%': case '^':
        return only(a, NUMBER) && only(b, NUMBER) ? 'number' : undefined;
      case '..':
        // numbers are written as tostring writes them (see concatPart)
        return only(a, NUMBER | STRING) && only(b, NUMBER | STRING) ? 'string' : undefined;
      case '<': case '<=': case '>': case '>=':
        // strings are byte strings: JS compares them as strcmp does
        return (only(a, NUMBER) && only(b, NUMBER)) || (only(a, STRING) && only(b, STRING)) ? 'boolean' : undefined;
      case '==': case '~=': {
        // no __eq unless both are tables or userdata; TS rejects === between unrelated types
        const prim = NUMBER | STRING | BOOLEAN | NIL_TYPE;
        const ta = tsType(a);
        const tb = tsType(b);
        return (only(a, prim) || only(b, prim)) && (ta === tb || ta === 'rt.LuaValue' || tb === 'rt.LuaValue') ? 'boolean' : undefined;
      }
      default:
        return undefined;
    }
  }

  private plainUnary(e: UnaryExpression, flat = false): string {
    const a = flat ? this.flatTyped(e.argument) : this.typed(e.argument);
    switch (e.operator) {
      case '-': return `(-${a})`;
      case '#': return only(this.ctx.types.of(e.argument), STRING) ? `${a}.length` : `${a}.length()`;
      default: return `(!${a})`;
    }
  }

  /** `flat`: the operands may write preceding statements (in order: see orderedValues). */
  private plainBinary(e: BinaryExpression, flat = false): string {
    let [a, b] = flat && !readsLocalLate(e, this.res.refs) ? this.orderedTyped([e.left, e.right]) : [this.typed(e.left), ''];
    // TS rejects comparing two different literals (`1 == 2`)
    if ((e.operator === '==' || e.operator === '~=') && constantOf(e.left) !== undefined) a = `(${a} as rt.LuaValue)`;
    let before = '';
    if (!flat || readsLocalLate(e, this.res.refs)) b = flat ? this.flatTyped(e.right) : this.typed(e.right);
    if (readsLocalLate(e, this.res.refs)) {
      // luajit reads a local operand when the operation runs, after the other side's call.
      const t = this.temp(tsType(this.ctx.types.of(e.right)));
      if (flat) this.w.line(`${t} = ${b};`);
      else before = `${t} = ${b}, `;
      b = t;
    }
    let op: string;
    switch (e.operator) {
      case '%': op = modCall(a, b); break;
      case '^': op = `rt.powNum(${a}, ${b})`; break;
      case '..': op = `${concatPart(a, this.ctx.types.of(e.left))} + ${concatPart(b, this.ctx.types.of(e.right))}`; break;
      case '==': op = `${a} === ${b}`; break;
      case '~=': op = `${a} !== ${b}`; break;
      default: op = `${a} ${e.operator} ${b}`;
    }
    return `(${before}${op})`;
  }

  /** A binary operator through the runtime as flat code (see `flat`): operands in order, then flatOp. */
  private flatBinary(e: BinaryExpression): string {
    const d = this.descArgs(describeExpr(e.left, this.res.refs), describeExpr(e.right, this.res.refs));
    if (readsLocalLate(e, this.res.refs)) {
      // luajit reads a local operand when the operation runs, after the other side's call.
      const t = this.valueTemp(this.flatExpr(e.right));
      return this.binaryOp(e, this.expr(e.left), t, d, opLine(e), true);
    }
    const [a, b] = this.orderedValues([e.left, e.right]);
    return this.binaryOp(e, a, b, d, opLine(e), true);
  }

  private binaryOp(e: BinaryExpression, a: string, b: string, d: string[], line: number, flat = false): string {
    const arith: Record<string, [string, string]> = {
      '+': ['__add', 'add'], '-': ['__sub', 'sub'], '*': ['__mul', 'mul'], '/': ['__div', 'div'],
      '%': ['__mod', 'modulo'], '^': ['__pow', 'pow'],
    };
    const ar = arith[e.operator];
    if (ar !== undefined) {
      // Plain code calls the operator with a number fast path; coroutine code needs the
      // generic form that hands back a pending metamethod call.
      return this.mode === 'co'
        ? this.op('arith', [e.left, e.right], [a, b], d, line, [jsString(ar[0])], flat)
        : this.op(ar[1], [e.left, e.right], [a, b], d, line, [], flat);
    }
    switch (e.operator) {
      case '..': return this.op('concat', [e.left, e.right], [a, b], d, line, [], flat);
      case '==': return this.op('eq', [e.left, e.right], [a, b], [], line, [], flat);
      case '~=': return `!${this.op('eq', [e.left, e.right], [a, b], [], line, [], flat)}`;
      case '<': return this.op('lt', [e.left, e.right], [a, b], [], line, [], flat);
      case '<=': return this.op('le', [e.left, e.right], [a, b], [], line, [], flat);
      // a > b is b < a, but a is still evaluated first.
      case '>': case '>=': {
        const name = e.operator === '>' ? 'lt' : 'le';
        // (a plain left operand is read in place: nothing after it can change it)
        if (flat) return this.op(name, [e.right, e.left], [b, this.plainOperand(e.left, a, [e.right]) !== undefined ? a : this.valueTemp(a)], [], line, [], true);
        const t = this.temp();
        return `(${t} = ${a}, ${this.op(name, [e.right, e.left], [b, t], [], line)})`;
      }
      default: throw new Error(`unsupported binary operator ${e.operator}`);
    }
  }

  /** Constructors: constant entries first (luajit's template), then the rest in order. */
  private table(e: TableConstructorExpression, flat = false): string {
    // The array part is a literal of this site: V8 then learns at each site what kind of
    // elements its arrays get (numbers stay unboxed doubles), where the constructor's own `[]`
    // is one site for every table, which V8 soon creates with generic elements.
    if (e.fields.length === 0) return 'new rt.LuaTable([])';
    const layout = tableLayout(e, (v) => this.expands(v));
    const plan = this.constructorPlan(e, layout);
    const record = this.record(layout, flat, e);
    if (record !== undefined) return plan === undefined ? record : this.denseOrExact(record, layout.size, plan, flat);
    // only a computed key can fail (nil, NaN): the position is stored first
    const computed = layout.dynamic.some((d) => 'type' in d.key);
    if (flat) return this.flatTable(layout, computed, lineOf(e), plan);
    const entries = [
      ...layout.consts.flatMap(([k, v]) => [this.constant(k), this.constant(v)]),
      ...layout.dynamic.flatMap((d) => ['type' in d.key ? this.expr(d.key) : this.constant(d.key.value), this.expr(d.value)]),
    ];
    const tail = layout.tail === undefined ? 'undefined' : this.multi(layout.tail);
    const build = `rt.buildTable(${layout.size}, [${entries.join(', ')}], ${tail}${plan === undefined ? '' : `, ${plan}`})`;
    return computed ? `(${this.setLine(lineOf(e))}, ${build})` : build;
  }

  /**
   * A table built at its site, whose items may leave a hole. As flat code it is tested in place
   * (its array part holds the n items, none nil) and given luajit's border by the runtime only
   * when that fails; as an expression the runtime tests it.
   */
  private denseOrExact(table: string, n: number, plan: string, flat: boolean): string {
    if (!flat || n > 8) return `rt.exactBorder(${table}, ${plan})`;
    const t = this.temp('rt.LuaTable', '$t');
    // (the array part never ends with nil: n long, its last item is there; rt.exactBorder
    // tests the same, and a record's keys in brackets are among its items)
    const checks = [`${t}.arr.length === ${n}`];
    for (let i = 0; i < n - 1; i++) checks.push(`${t}.arr[${i}] !== undefined`);
    this.w.line(`${t} = ${table};`);
    this.w.line(`if (!(${checks.join(' && ')})) rt.exactBorder(${t}, ${plan});`);
    return t;
  }

  /**
   * The module-level name of a constructor's plan (luajit's layout, for `#` when it leaves a
   * hole), or undefined when its `#` is always its number of items.
   */
  private constructorPlan(e: TableConstructorExpression, layout: ReturnType<typeof tableLayout>): string | undefined {
    const known = this.ctx.plans.get(e);
    if (known !== undefined) return known[0];
    const plan = constructorPlan(e, layout, (v) => (this.ctx.types.of(v) & NIL_TYPE) !== 0);
    if (plan === undefined) return undefined;
    const name = `$ctor${this.ctx.plans.size}`;
    const fields = plan.fields.map((f) => `{ ${Object.entries(f).map(([k, v]) => `${k}: ${this.constant(v)}`).join(', ')} }`);
    this.ctx.plans.set(e, [name, `/** How luajit builds the constructor at line ${lineOf(e)} (\`#\` when it leaves a hole). */\n` +
      `const ${name}: rt.ConstructorPlan = { consts: ${plan.consts}, items: ${plan.items}, integerKeys: ${plan.integerKeys}, fields: [\n  ${fields.join(',\n  ')},\n] };`]);
    return name;
  }

  /** table() as flat code: the position (for computed keys), then the keys and values in order, then the build. */
  private flatTable(layout: ReturnType<typeof tableLayout>, computed: boolean, line: number, plan: string | undefined): string {
    if (computed) this.w.line(`${this.setLine(line)};`);
    const operands = layout.dynamic.flatMap((d) => ('type' in d.key ? [d.key, d.value] : [d.value]));
    if (layout.tail !== undefined) operands.push(layout.tail);
    const tailAt = layout.tail === undefined ? -1 : operands.length - 1;
    const codes = this.orderedValues(operands, (o, i) => (i === tailAt ? this.multi(o, true) : this.flatExpr(o)));
    const tail = tailAt < 0 ? 'undefined' : codes.pop()!;
    const entries = layout.consts.flatMap(([k, v]) => [this.constant(k), this.constant(v)]);
    for (const d of layout.dynamic) entries.push('type' in d.key ? codes.shift()! : this.constant(d.key.value), codes.shift()!);
    return `rt.buildTable(${layout.size}, [${entries.join(', ')}], ${tail}${plan === undefined ? '' : `, ${plan}`})`;
  }

  /**
   * A constructor of items and constant field names (no computed key, no trailing call): the
   * fields object is built by property stores at this site, so its records share a hidden
   * class, in the order buildTable would insert them (constants first, luajit's template).
   */
  private record(layout: ReturnType<typeof tableLayout>, flat: boolean, e: TableConstructorExpression): string | undefined {
    const names = this.recordNames(layout);
    if (names === undefined) return undefined;
    if (names.length === 0) {
      // items only: an array literal, its values computed in source order (which is key order)
      const items: string[] = new Array(layout.size).fill('undefined');
      for (const [k, v] of layout.consts) items[(k as number) - 1] = this.constant(v);
      // (flat: in the array's order, which is the order the literal evaluates them in)
      const dynamic = [...layout.dynamic].sort((x, y) => (x.key as { value: number }).value - (y.key as { value: number }).value);
      const values = flat ? this.orderedValues(dynamic.map((d) => d.value)) : dynamic.map((d) => this.expr(d.value));
      dynamic.forEach((d, i) => (items[(d.key as { value: number }).value - 1] = values[i]));
      return `new rt.LuaTable([${items.join(', ')}])`;
    }
    // dynamic values in source order, into temps; then the stores
    const values = new Map<(typeof layout.dynamic)[number], string>();
    const evals: string[] = [];
    for (const d of layout.dynamic) {
      if (flat) {
        values.set(d, this.valueTemp(this.flatExpr(d.value)));
        continue;
      }
      const t = this.temp();
      evals.push(`${t} = ${this.expr(d.value)}`);
      values.set(d, t);
    }
    // a proven record's fields object has its interface (typedRecord)
    const iface = this.recordInit?.made === e ? this.recordInit.iface : undefined;
    const o = this.temp(iface ?? 'rt.Fields', '$o');
    const n = this.temp('number', '$n');
    let fixed = 0;
    const stores: string[] = [];
    // a temp holding a value of one proven type, as the interface types the field
    const typedValue = (t: string, value: Expression): string => (iface === undefined ? t : this.nonNil(value, t));
    // (flat: the stores of values that may be nil are if statements)
    const maybe = (t: string, k: string, value: Expression): string => (flat
      ? `if (${t} !== undefined) {\n  ${o}${property(k)} = ${typedValue(t, value)};\n  ${n}++;\n}`
      : `(${t} !== undefined && (${o}${property(k)} = ${typedValue(t, value)}, ${n}++))`);
    const items: string[] = new Array(layout.size).fill('undefined');
    for (const [k, v] of layout.consts) {
      if (typeof k === 'number') items[k - 1] = this.constant(v);
      else if (v !== undefined) { stores.push(`${o}${property(k as string)} = ${this.constant(v)}`); fixed++; }
    }
    for (const d of layout.dynamic) {
      const k = (d.key as { value: unknown }).value;
      const t = values.get(d)!;
      if (typeof k === 'number') items[k - 1] = t;
      else if ((this.ctx.types.of(d.value) & NIL_TYPE) === 0) { stores.push(`${o}${property(k as string)} = ${typedValue(t, d.value)}`); fixed++; }
      else stores.push(maybe(t, k as string, d.value));
    }
    const arr = layout.size === 0 ? '' : `, [${items.join(', ')}]`;
    const record = `rt.LuaTable.record(${o}, ${n}${arr})`;
    const made = `new rt.FieldsObject${iface === undefined ? '' : `<${iface}>`}()`;
    if (!flat) return `(${[...evals, `${o} = ${made}`, `${n} = ${fixed}`, ...stores].join(', ')}, ${record})`;
    this.w.line(`${o} = ${made};`);
    this.w.line(`${n} = ${fixed};`);
    for (const store of stores) this.w.line(store.startsWith('if') ? store : `${store};`);
    return record;
  }

  /**
   * The field names of a constructor that record() builds at its site (none: an array
   * literal), or undefined when it takes the runtime (computed keys, a trailing call, keys
   * that are neither plain names nor items 1..n, a name given twice).
   */
  private recordNames(layout: ReturnType<typeof tableLayout>): string[] | undefined {
    if (layout.tail !== undefined || this.mode !== 'sync') return undefined;
    const keyOf = (k: unknown): string | undefined => (typeof k === 'string' && isPlainKey(k) ? k : undefined);
    const names: string[] = [];
    // numbers only as items of the array part (1..size); any other key goes to the runtime
    const item = (k: number): boolean => Number.isInteger(k) && k >= 1 && k <= layout.size;
    for (const [k] of layout.consts) {
      if (typeof k !== 'number') names.push(keyOf(k) ?? '');
      else if (!item(k)) return undefined;
    }
    for (const d of layout.dynamic) {
      if ('type' in d.key) return undefined;
      if (typeof d.key.value !== 'number') names.push(keyOf(d.key.value) ?? '');
      else if (!item(d.key.value)) return undefined;
    }
    if (names.some((n) => n === '') || new Set(names).size !== names.length) return undefined;
    return names;
  }

  private constant(v: unknown): string {
    if (typeof v === 'string') return jsString(v);
    if (typeof v === 'number') return jsNumber(v);
    return String(v);
  }

  /**
   * A call, as an expression giving the LuaResult; `tail` marks `return f(...)`. `flat`: the
   * steps before the call itself are written as statements (see FunctionEmitter.flat).
   */
  private call(e: AnyCall, tail: boolean, flat = false): string {
    const line = callLine(e, tail);
    const args = callArguments(e);
    const isMethod = e.base.type === 'MemberExpression' && e.base.indexer === ':';
    const library = this.libraryFastPath(e, args, line, tail, false, flat);
    if (library !== undefined) return library;
    const simpleArg = (a: Expression): boolean => isSimple(a) || (!this.expands(a) && (constantOf(a) !== undefined || this.isSafe(a)));
    if (this.mode === 'sync' && !tail && args.every(simpleArg) && isSimple(isMethod ? (e.base as { base: Expression }).base : e.base)) {
      return this.directCall(e, args, line, isMethod, flat);
    }
    if (this.mode === 'sync' && !tail && this.knownTarget(e.base) !== undefined) return this.knownCall(e, args, line, flat);
    const parts: string[] = [];
    const put = this.sink(parts, flat);
    const fnVar = this.temp('rt.LuaFunction', '$fn');
    let self: string | undefined;
    let callName: string;
    if (e.base.type === 'MemberExpression' && e.base.indexer === ':') {
      self = this.temp();
      put(`${self} = ${this.operand(e.base.base, flat)}`);
      const method = e.base.identifier.name;
      const objDesc = describeExpr(e.base.base, this.res.refs);
      const slow = this.mode === 'co'
        ? `(yield* rt.meta(rt.indexOrCall(${self}, ${jsString(method)}${objDesc === undefined ? '' : ', ' + jsString(objDesc)})))`
        : `rt.index(${self}, ${jsString(method)}${objDesc === undefined ? '' : ', ' + jsString(objDesc)})`;
      callName = tail ? '?' : ':' + method;
      put(this.setLine(line, args.every((a) => this.isSafe(a)) ? callName : undefined));
      const calleeDesc = jsString(`method '${method}'`);
      if (flat && !tail && this.methodArms(e.base.base, method)) {
        if (!args.every((a) => this.isSafe(a))) return this.methodCallArmsLate(self, method, args, line, callName, slow, calleeDesc);
        const rest = this.callArgs(args, put, flat);
        return this.methodCallArms(self, method, rest.argv, `rt.callee(${slow}, ${calleeDesc})`);
      }
      const index = isPlainKey(method) ? this.methodLookup(e.base.base, self, method, slow) : slow;
      // Lua finds the method before the arguments run, and calls it (or fails to) after them
      const found = this.temp();
      put(`${found} = ${index}`);
      const rest = this.callArgs(args, put, flat);
      if (!args.every((a) => this.isSafe(a))) put(this.setLine(line, callName));
      put(`${fnVar} = rt.callee(${found}, ${calleeDesc})`);
      return this.sequence(parts, this.invoke(put, fnVar, { argv: [self, ...rest.argv], result: rest.result }, tail, flat));
    }
    const callee = this.temp();
    put(`${callee} = ${flat ? this.flatExpr(e.base) : this.expr(e.base)}`);
    callName = tail ? '?' : callNameOf(e.base, this.res.refs);
    const desc = describeExpr(e.base, this.res.refs);
    // Arguments are evaluated before the callee is checked, as in Lua.
    const argv = this.callArgs(args, put, flat);
    put(this.setLine(line, callName));
    put(this.knownFunction(e.base)
      ? `${fnVar} = ${callee} as rt.LuaFunction`
      : `${fnVar} = rt.callee(${callee}${desc === undefined ? '' : ', ' + jsString(desc)})`);
    return this.sequence(parts, this.invoke(put, fnVar, argv, tail, flat));
  }

  /**
   * Where the steps of an expression go, in order: into `parts` (for a comma expression, see
   * sequence) or, as flat code, straight out as statements.
   */
  private sink(parts: string[], flat: boolean): (part: string) => void {
    return flat ? (part) => this.w.line(`${part};`) : (part) => parts.push(part);
  }

  /** `value` after the steps a sink kept (none when it wrote statements). */
  private sequence(parts: string[], value: string): string {
    return parts.length === 0 ? value : `(${[...parts, value].join(', ')})`;
  }

  /**
   * A call of a library function with a fast path of its own (math functions, table.insert,
   * string.format with a constant format), or undefined: the call as any other.
   */
  private libraryFastPath(e: AnyCall, args: Expression[], line: number, tail: boolean, first: boolean, flat: boolean): string | undefined {
    if (this.mode !== 'sync') return undefined;
    return this.mathCall(e, args, line, tail, first, flat) ?? this.insertCall(e, args, line, tail, first, flat) ??
      this.formatCall(e, args, line, tail, first, flat);
  }

  /** The callee `lib.name` when `lib` is a global (its value is checked at run time). */
  private libraryField(e: AnyCall, lib: string): MemberExpression | undefined {
    const base = e.base;
    if (base.type !== 'MemberExpression' || base.indexer !== '.' || base.base.type !== 'Identifier') return undefined;
    return base.base.name === lib && this.res.refs.get(base.base)?.kind === 'global' ? base : undefined;
  }

  /**
   * `math.sqrt(x)` and the other math functions of one number: when the callee is still the
   * library's function and x a number, its JS function in place; the call otherwise.
   */
  private mathCall(e: AnyCall, args: Expression[], line: number, tail: boolean, first = false, flat = false): string | undefined {
    const base = this.libraryField(e, 'math');
    if (base === undefined) return undefined;
    const name = base.identifier.name;
    if (!Object.hasOwn(MATH_UNARY_JS, name) || args.length !== 1 || this.expands(args[0])) return undefined;
    const f = this.temp();
    const x = this.temp();
    const js = JS_MATH.has(name) ? `Math.${name}` : `rt.MATH_UNARY_JS.${name}`;
    const desc = describeExpr(base, this.res.refs);
    const callee = `rt.callee(${f}${desc === undefined ? '' : ', ' + jsString(desc)})`;
    const parts: string[] = [];
    const put = this.sink(parts, flat);
    put(`${f} = ${flat ? this.flatExpr(base) : this.expr(base)}`);
    put(`${x} = ${flat ? this.flatExpr(args[0]) : this.expr(args[0])}`);
    const test = `${f} === rt.MATH_UNARY.${name} && typeof ${x} === 'number'`;
    if (tail) {
      // `return math.floor(x)`: the value leaves the frame; the call is a tail call
      const fnVar = this.temp('rt.LuaFunction', '$fn');
      const value = `rt.leave($s, $d, ${js}(${x}))`;
      return this.libraryCall(parts, test, value, 'rt.LuaResult', (steps) => {
        const at = this.sink(steps, flat);
        at(this.setLine(line, '?'));
        at(`${fnVar} = ${callee}`);
        return this.sequence(steps, this.invoke(at, fnVar, { argv: [x], result: undefined }, true, flat));
      }, flat);
    }
    return this.libraryCall(parts, test, `${js}(${x})`, first ? 'rt.LuaValue' : 'rt.LuaResult', (steps) => {
      this.sink(steps, flat)(this.setLine(line, callNameOf(base, this.res.refs)));
      const call = this.sequence(steps, `${callee}(${x})`);
      // as a value: only a replaced function's results need adjusting to one
      return first ? `rt.first(${call})` : call;
    }, flat);
  }

  /**
   * A library function's fast path, after its steps (`parts`, none when flat): `value` while
   * `test` holds, else the call `slow` makes (given where its own steps go). Flat code is an
   * `if` whose branches set a temp of `type`, the value.
   */
  private libraryCall(parts: string[], test: string, fast: string | { effect: string; value: string }, type: string, slow: (steps: string[]) => string, flat: boolean): string {
    if (!flat) {
      const value = typeof fast === 'string' ? fast : `(${fast.effect}, ${fast.value})`;
      return `(${[...parts, `${test} ? ${value} : ${slow([])}`].join(', ')})`;
    }
    const r = this.temp(type, type === 'rt.LuaResult' ? '$r' : '$');
    if (typeof fast === 'string') {
      this.w.line(`if (${test}) ${r} = ${fast};`);
      this.w.open('else');
    } else {
      this.w.open(`if (${test})`);
      this.w.line(`${fast.effect};`);
      this.w.line(`${r} = ${fast.value};`);
      this.w.reopen('} else {');
    }
    this.w.line(`${r} = ${slow([])};`);
    this.w.close();
    return r;
  }

  /**
   * `table.insert(t, v)`: when the callee is still the library's function, t a table with no
   * hash keys (so `#t` is its array part's length) and v not nil, a push; the call otherwise.
   * The library's insert sets raw, so metatables do not matter.
   */
  private insertCall(e: AnyCall, args: Expression[], line: number, tail: boolean, first = false, flat = false): string | undefined {
    const base = this.libraryField(e, 'table');
    if (base === undefined || base.identifier.name !== 'insert' || tail || args.length !== 2 || this.expands(args[1])) return undefined;
    const f = this.temp();
    const t = this.temp();
    const v = this.temp();
    const desc = describeExpr(base, this.res.refs);
    const parts: string[] = [];
    const put = this.sink(parts, flat);
    put(`${f} = ${flat ? this.flatExpr(base) : this.expr(base)}`);
    // (`as rt.LuaValue`: a literal argument would otherwise narrow the temp for tsc)
    put(`${t} = ${flat ? this.flatExpr(args[0]) : this.expr(args[0])} as rt.LuaValue`);
    put(`${v} = ${flat ? this.flatExpr(args[1]) : this.expr(args[1])}`);
    const test = `${f} === rt.TABLE_INSERT && ${t} instanceof rt.LuaTable && ${t}.other === undefined && ${v} !== undefined`;
    const push = { effect: `${t}.arr.push(${v})`, value: first ? 'undefined' : 'rt.NONE' };
    return this.libraryCall(parts, test, push, first ? 'rt.LuaValue' : 'rt.LuaResult', (steps) => {
      this.sink(steps, flat)(this.setLine(line, callNameOf(base, this.res.refs)));
      const call = this.sequence(steps, `rt.callee(${f}${desc === undefined ? '' : ', ' + jsString(desc)})(${t}, ${v})`);
      return first ? `rt.first(${call})` : call;
    }, flat);
  }

  /**
   * `string.format("...", a, b)` with a constant format: when the callee is still the
   * library's function and each value is of a kind its conversion takes without a metamethod
   * or an error (rt.formatter's kinds: a string or number for %s, a number for the numeric
   * ones), the format's own function, compiled once when the module loads; the call otherwise.
   * A call as the last value counts when it gives exactly one.
   */
  private formatCall(e: AnyCall, args: Expression[], line: number, tail: boolean, first = false, flat = false): string | undefined {
    const base = this.libraryField(e, 'string');
    if (base === undefined || base.identifier.name !== 'format' || args.length === 0) return undefined;
    const fmt = constantOf(args[0])?.value;
    if (typeof fmt !== 'string') return undefined;
    const kinds = formatKinds(fmt);
    const values = args.slice(1);
    if (kinds === undefined || kinds.length !== values.length) return undefined;
    const last = values[values.length - 1];
    const multi = last !== undefined && this.expands(last);
    if (multi && !isCall(last)) return undefined;
    const f = this.temp();
    const desc = describeExpr(base, this.res.refs);
    const parts: string[] = [];
    const put = this.sink(parts, flat);
    put(`${f} = ${flat ? this.flatExpr(base) : this.expr(base)}`);
    const temps = values.map((v, i) => {
      if (multi && i === values.length - 1) {
        const r = this.temp('rt.LuaResult', '$r');
        put(`${r} = ${this.call(v as AnyCall, false, flat)}`);
        return r;
      }
      const t = this.temp();
      put(`${t} = ${flat ? this.flatExpr(v) : this.expr(v)}`);
      return t;
    });
    const checks = [`${f} === rt.STRING_FORMAT`];
    if (multi) checks.push(`!Array.isArray(${temps[temps.length - 1]})`);
    kinds.forEach((kind, i) => {
      const v = temps[i];
      // what the analysis proves needs no check (multi: a call's values are not typed one by one)
      const type = multi && i === temps.length - 1 ? 0 : this.ctx.types.of(values[i]);
      if (only(type, kind === 'number' ? NUMBER : NUMBER | STRING)) return;
      checks.push(kind === 'number' ? `typeof ${v} === 'number'` : `(typeof ${v} === 'string' || typeof ${v} === 'number')`);
    });
    const fast = `${this.formatter(fmt)}(${temps.map((t, i) => (multi && i === temps.length - 1 ? `${t} as rt.LuaValue` : t)).join(', ')})`;
    const callee = `rt.callee(${f}${desc === undefined ? '' : ', ' + jsString(desc)})`;
    const argv = [jsString(fmt), ...temps];
    const slowCall = multi
      ? `(Array.isArray(${argv[argv.length - 1]}) ? ${callee}(${[...argv.slice(0, -1), `...${argv[argv.length - 1]}`].join(', ')}) : ${callee}(${argv.join(', ')}))`
      : `${callee}(${argv.join(', ')})`;
    if (tail) {
      // `return string.format(...)`: the string leaves the frame; otherwise a tail call
      const fnVar = this.temp('rt.LuaFunction', '$fn');
      return this.libraryCall(parts, checks.join(' && '), `rt.leave($s, $d, ${fast})`, 'rt.LuaResult', (steps) => {
        const at = this.sink(steps, flat);
        at(this.setLine(line, '?'));
        at(`${fnVar} = ${callee}`);
        const rest = multi ? { argv: argv.slice(0, -1), result: argv[argv.length - 1] } : { argv, result: undefined };
        return this.sequence(steps, this.invoke(at, fnVar, rest, true, flat));
      }, flat);
    }
    return this.libraryCall(parts, checks.join(' && '), fast, first ? 'rt.LuaValue' : 'rt.LuaResult', (steps) => {
      this.sink(steps, flat)(this.setLine(line, callNameOf(base, this.res.refs)));
      const call = this.sequence(steps, slowCall);
      return first ? `rt.first(${call})` : call;
    }, flat);
  }

  /** The module-level function of a constant format (rt.formatter), made once per format. */
  private formatter(fmt: string): string {
    let name = this.ctx.formatters.get(fmt);
    if (name === undefined) {
      name = `$fmt${this.ctx.formatters.size}`;
      this.ctx.formatters.set(fmt, name);
    }
    return name;
  }

  /**
   * A call whose callee and arguments cannot run code or fail: evaluated in place, without
   * temporaries (the order of evaluation cannot be observed).
   */
  private directCall(e: AnyCall, args: Expression[], line: number, isMethod: boolean, flat = false): string {
    // (flat: a global's read writes statements; the arguments then follow the callee's read)
    const late = flat && !isMethod && args.some((a) => a.type === 'Identifier' && this.res.refs.get(a)?.kind === 'global');
    const argv = late ? [] : args.map((a) => this.expr(a));
    const parts: string[] = [];
    const put = this.sink(parts, flat);
    if (isMethod) {
      const member = e.base as { base: Expression; identifier: Identifier };
      const self = this.temp();
      const objDesc = describeExpr(member.base, this.res.refs);
      const method = member.identifier.name;
      const slow = `rt.index(${self}, ${jsString(method)}${objDesc === undefined ? '' : ', ' + jsString(objDesc)})`;
      const calleeDesc = jsString(`method '${method}'`);
      put(`${self} = ${this.operand(member.base, flat)}`);
      put(this.setLine(line, ':' + method));
      if (flat && this.methodArms(member.base, method)) return this.methodCallArms(self, method, argv, `rt.callee(${slow}, ${calleeDesc})`);
      const index = isPlainKey(method) ? this.methodLookup(member.base, self, method, slow) : slow;
      return this.sequence(parts, `rt.callee(${index}, ${calleeDesc})(${[self, ...argv].join(', ')})`);
    }
    const desc = describeExpr(e.base, this.res.refs);
    // the callee is read after the position is stored (its own slow path stores another);
    // a known function has its proven type
    const known = this.knownFunction(e.base);
    const read = (): string => (known ? this.typed(e.base) : this.expr(e.base));
    const { pre, code } = flat ? this.captured(() => { this.flat = true; return read(); }) : { pre: [], code: read() };
    const callee = known ? code : `rt.callee(${code}${desc === undefined ? '' : ', ' + jsString(desc)})`;
    if (!this.isSilent(e.base)) put(this.setLine(line, callNameOf(e.base, this.res.refs)));
    this.w.append(pre);
    if (late) {
      const fn = this.temp('rt.LuaFunction', '$fn');
      put(`${fn} = ${callee}`);
      return `${fn}(${this.orderedValues(args).join(', ')})`;
    }
    return this.sequence(parts, `${callee}(${argv.join(', ')})`);
  }

  /**
   * Whether `base:method(...)` is written as one call per way of finding the method
   * (methodCallArms, methodCallArmsLate): flat synchronous code, a plain name, and a receiver
   * that may be a table and is not a string the string library serves.
   */
  private methodArms(base: Expression, method: string): boolean {
    if (this.mode !== 'sync' || !isPlainKey(method)) return false;
    const type = this.ctx.types.of(base);
    return (type & TABLE) !== 0 && ((type & STRING) === 0 || !STRING_FUNCTIONS.has(method));
  }

  /**
   * `o:name(args)` as statements, one call per way of finding the method: the table's own
   * function field, else (no own field) its metatable view's function, else the runtime's
   * lookup (`slowCallee`: rt.index, then rt.callee for __call and the error). Each call's
   * target is a single load, which V8 inlines; a target merged from the arms (a temp, or a
   * conditional expression) is not, and a method call cost 1.15x as much (oop_methods,
   * docs/VALUE_MODEL.md). The arguments are simple (directCall), so writing them in each arm
   * evaluates them once. Returns the temp holding the call's results.
   */
  private methodCallArms(o: string, name: string, argv: string[], slowCallee: string): string {
    const find = this.methodFinds(o, name);
    const r = this.temp('rt.LuaResult', '$r');
    const args = [o, ...argv].join(', ');
    this.w.line(`if (${find.ownTest}) ${r} = (${find.own} as rt.LuaFunction)(${args});`);
    this.w.line(`else if (${find.inheritedTest}) ${r} = (${find.inherited} as rt.LuaFunction)(${args});`);
    this.w.line(`else ${r} = ${slowCallee}(${args});`);
    return r;
  }

  /**
   * The two ways compiled code finds `o`'s method `name` itself, as tests that load it: the
   * table's own function field (`own`), else, when it has no own field, its metatable view's
   * function (`inherited`); `f` and `m` hold the fields and the metatable the tests read.
   */
  private methodFinds(o: string, name: string): { f: string; m: string; own: string; inherited: string; ownTest: string; inheritedTest: string; p: string } {
    const p = property(name);
    const f = this.temp('rt.Fields | undefined', '$f');
    const m = this.temp('rt.LuaTable | undefined', '$m');
    const own = this.temp();
    const inherited = this.temp();
    return {
      f, m, own, inherited, p,
      ownTest: `(${f} = ${fieldsOf(o)}) !== undefined && typeof (${own} = ${f}${p}) === 'function'`,
      inheritedTest: `${f} !== undefined && ${own} === undefined && (${m} = (${o} as rt.LuaTable).metatable) !== undefined && ` +
        `typeof (${inherited} = ${m}.view${p}) === 'function'`,
    };
  }

  /**
   * methodCallArms for arguments that may run code (`c:add(s:score())`): Lua finds the method
   * before they run, so the arm is chosen first (`$arm`: 1 own function, 2 the view's, 0 what
   * the runtime finds, checked to be callable only after the arguments, where Lua's call
   * fails). After the arguments, each arm calls its property read again, a single load V8
   * inlines, when it still holds the function found before; else (an argument changed it)
   * that function is called, as Lua calls it.
   */
  private methodCallArmsLate(o: string, name: string, args: Expression[], line: number, callName: string, slow: string, calleeDesc: string): string {
    const { f, m, own, inherited, ownTest, inheritedTest, p } = this.methodFinds(o, name);
    const k = this.temp('number', '$arm');
    const found = this.temp();
    this.w.line(`if (${ownTest}) ${k} = 1;`);
    this.w.line(`else if (${inheritedTest}) ${k} = 2;`);
    this.w.line(`else {`);
    this.w.line(`  ${k} = 0;`);
    this.w.line(`  ${found} = ${slow};`);
    this.w.line(`}`);
    const put = this.sink([], true);
    const rest = this.callArgs(args, put, true);
    put(this.setLine(line, callName));
    const call = { argv: [o, ...rest.argv], result: rest.result };
    const r = this.temp('rt.LuaResult', '$r');
    const fn = this.temp('rt.LuaFunction', '$fn');
    this.w.line(`if (${k} === 1 && ${f}!${p} === ${own}) ${r} = ${this.invoke(put, `(${f}!${p} as rt.LuaFunction)`, call, false, true)};`);
    this.w.line(`else if (${k} === 2 && ${m}!.view${p} === ${inherited}) ${r} = ${this.invoke(put, `(${m}!.view${p} as rt.LuaFunction)`, call, false, true)};`);
    this.w.line(`else {`);
    // (the callee is checked after the arguments, where Lua's call fails)
    this.w.line(`  ${fn} = ${k} === 0 ? rt.callee(${found}, ${calleeDesc}) : (${k} === 1 ? ${own} : ${inherited}) as rt.LuaFunction;`);
    this.w.line(`  ${r} = ${this.invoke(put, fn, call, false, true)};`);
    this.w.line(`}`);
    return r;
  }

  /**
   * A call of a local that always holds the same function: nothing to check, and the local
   * cannot change while the arguments run, so they are evaluated in place. The line and
   * call name are set after them (they may call).
   */
  private knownCall(e: AnyCall, args: Expression[], line: number, flat = false): string {
    if (flat) return this.flatKnownCall(e, args, line);
    if (this.isSilent(e.base)) {
      const plain = args.map((a, i) => (i === args.length - 1 && this.expands(a) ? `...${this.multi(a)}` : this.expr(a)));
      return `${this.expr(e.base)}(${plain.join(', ')})`;
    }
    const setup = this.setLine(line, callNameOf(e.base, this.res.refs));
    const argv = args.map((a, i) => {
      const multi = i === args.length - 1 && this.expands(a);
      const code = multi ? this.multi(a) : this.expr(a);
      if (i < args.length - 1) return code;
      const t = this.temp(multi ? 'rt.LuaValue[]' : 'rt.LuaValue', multi ? '$m' : '$');
      return `${multi ? '...' : ''}(${t} = ${code}, ${setup}, ${t})`;
    });
    const callee = this.expr(e.base);
    return argv.length === 0 ? `(${setup}, ${callee}())` : `${callee}(${argv.join(', ')})`;
  }

  /** A list's values as flat code, in order; the last one spread (`...`) when it expands. */
  private flatList(list: Expression[]): string[] {
    const last = list.length - 1;
    return this.orderedValues(list, (a, i) => (i === last && this.expands(a) ? `...${this.multi(a, true)}` : this.flatExpr(a)));
  }

  /** knownCall() as flat code: the arguments in order, then the position, then the call. */
  private flatKnownCall(e: AnyCall, args: Expression[], line: number): string {
    const argv = this.flatList(args);
    if (!this.isSilent(e.base)) {
      this.saveValues(argv, args);
      this.w.line(`${this.setLine(line, callNameOf(e.base, this.res.refs))};`);
    }
    return `${this.expr(e.base)}(${argv.join(', ')})`;
  }

  /** The callee is always a silent function (see ModuleContext.silent): no position to record. */
  private isSilent(e: Expression): boolean {
    const target = this.knownTarget(e);
    return target !== undefined && this.ctx.silent.has(target);
  }

  /**
   * A call or `...` whose values all go here (the last of a list): not a call of a function
   * proven to return exactly one value, which is then an ordinary value.
   */
  private expands(e: Expression): boolean {
    if (!isMultiValue(e)) return false;
    if (e.type === 'VarargLiteral') return true;
    const target = this.knownTarget((e as AnyCall).base);
    return target === undefined || !this.ctx.types.returnsOne(target);
  }

  /** The Lua function a callee always is (a local that only ever holds one function). */
  private knownTarget(e: Expression): FunctionDeclaration | undefined {
    return this.ctx.types.targetOf(e);
  }

  /** A callee proven to be a function (a local only ever assigned functions): no check needed. */
  private knownFunction(e: Expression): boolean {
    return e.type === 'Identifier' && this.res.refs.get(e)!.kind !== 'global' && only(this.ctx.types.of(e), FUNCTION);
  }

  /**
   * Evaluates fixed arguments into temps (in order, each step into `put`); the multi-value
   * tail stays a spread. `flat`: the steps are statements, so each argument may write its own.
   */
  private callArgs(args: Expression[], put: (part: string) => void, flat: boolean): CallArgs {
    const out: string[] = [];
    let result: string | undefined;
    args.forEach((a, i) => {
      if (i === args.length - 1 && this.expands(a) && isCall(a) && this.mode === 'sync') {
        // a call's values are passed on without packing a single value into an array
        result = this.temp('rt.LuaResult', '$r');
        put(`${result} = ${this.call(a, false, flat)}`);
        return;
      }
      if (i === args.length - 1 && this.expands(a)) {
        const t = this.temp('rt.LuaValue[]', '$m');
        put(`${t} = ${this.multi(a, flat)}`);
        out.push(`...${t}`);
        return;
      }
      const t = this.temp();
      put(`${t} = ${flat ? this.flatExpr(a) : this.expr(a)}`);
      out.push(t);
    });
    return { argv: out, result };
  }

  /** The call of `fnVar` itself, its steps before it into `put` (see call). */
  private invoke(put: (part: string) => void, fnVar: string, args: CallArgs, tail: boolean, flat: boolean): string {
    if (tail) put('$s.truncate($d)');
    const { argv, result } = args;
    if (tail && this.mode === 'sync') {
      // A JS call while few are pending, else the trampoline's (see runtime/compiled/tail.ts).
      this.tailCalls++;
      const saved = this.temp('number', '$t');
      const r = this.temp('rt.LuaResult', '$r');
      const call = result === undefined ? `${fnVar}(${argv.join(', ')})`
        : `(Array.isArray(${result}) ? ${fnVar}(${[...argv, `...${result}`].join(', ')}) : ${fnVar}(${[...argv, result].join(', ')}))`;
      const list = result === undefined ? `[${argv.join(', ')}]`
        : `(Array.isArray(${result}) ? [${[...argv, `...${result}`].join(', ')}] : [${[...argv, result].join(', ')}])`;
      const trampoline = `rt.tailCall($s, $tb, ${fnVar}, ${list})`;
      if (!flat) return `$s.tails < rt.TAIL_DEPTH ? (${saved} = $s.tails++, ${r} = ${call}, $s.tails = ${saved}, ${r}) : ${trampoline}`;
      this.w.open('if ($s.tails < rt.TAIL_DEPTH)');
      this.w.line(`${saved} = $s.tails++;`);
      this.w.line(`${r} = ${call};`);
      this.w.line(`$s.tails = ${saved};`);
      this.w.reopen('} else {');
      this.w.line(`${r} = ${trampoline};`);
      this.w.close();
      return r;
    }
    if (this.mode === 'co') return `(yield* rt.invoke(${fnVar}, [${argv.join(', ')}]))`;
    if (result === undefined) return `${fnVar}(${argv.join(', ')})`;
    const spread = `${fnVar}(${[...argv, `...${result}`].join(', ')})`;
    return `(Array.isArray(${result}) ? ${spread} : ${fnVar}(${[...argv, result].join(', ')}))`;
  }
}

// A value is a table iff it has the table's parts: no other Lua value (string, function,
// thread, userdata) has an `f` or `arr` property. A property load is one map check where the
// site sees tables, cheaper than instanceof's prototype walk.

/** The fields object of `o` if it is a table, else undefined. */
function fieldsOf(o: string): string {
  return `(${o} as rt.LuaTable)?.f`;
}

/** The array part of `o` if it is a table, else undefined. */
function arrayOf(o: string): string {
  return `(${o} as rt.LuaTable)?.arr`;
}

/**
 * `k - 1` is an array index (0, negative, fractional and NaN keys are not). Tested before the
 * array is read, because an element load with a key that is no index (arr[-1]) is a named
 * property lookup, and one such key turns the site's inline cache generic for all keys.
 */
function arrayIndex(k: string): string {
  return `(${k} - 1 >>> 0) === ${k} - 1`;
}

/** A temporary of type rt.LuaValue (`$12`): flat code's values that later code cannot change. */
function isValueTemp(code: string): boolean {
  return /^\$\d+$/.test(code);
}

/**
 * `code` as rt.LuaValue, for a temp: TS would narrow the temp by the value's static type and
 * then reject the tests of the fast paths.
 */
function asValue(code: string): string {
  return /^[\w$.]+$/.test(code) ? `${code} as rt.LuaValue` : `(${code}) as rt.LuaValue`;
}

/** Math functions that are V8 builtins as well (inlined by its compiler). */
const JS_MATH = new Set(['abs', 'floor', 'sqrt', 'tanh']);

/** Arguments evaluated into temporaries; `result`: a last argument that is a call's whole result. */
interface CallArgs {
  readonly argv: string[];
  readonly result?: string;
}

/** The test that the operands not known to be numbers are numbers. */
const numbers = (t: string[], known: boolean[]): string =>
  t.flatMap((x, i) => (known[i] ? [] : [`typeof ${x} === 'number'`])).join(' && ') || 'true';

/** Operators whose plain-operand case is written inline: the code given operand temps and the slow path. */
/** A string or number operand of `..` as the string it contributes. */
function concatPart(code: string, t: TypeMask): string {
  return only(t, STRING) ? code : only(t, NUMBER) ? `rt.numberToString(${code})` : `rt.concatPart(${code})`;
}

/** Binary operators fused with an item read operand (see fusedItemOperand). */
const FUSED_OPERATORS: Record<string, string | undefined> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'modulo', '^': 'pow', '<': 'lt', '<=': 'le' };

/** `text` with the list entry marked `mark` (first of an argument or parameter list) made `entry`, or dropped. */
function settleList(text: string, mark: string, entry: string | undefined): string {
  return entry !== undefined ? text.replaceAll(mark, entry) : text.replaceAll(`${mark}, `, '').replaceAll(mark, '');
}

/** Lua's `a % b` of two numbers: by a positive int32 literal through the smaller modBy. */
function modCall(a: string, b: string): string {
  return /^[1-9][0-9]{0,9}$/.test(b) && Number(b) <= 0x7fffffff ? `rt.modBy(${a}, ${b})` : `rt.mod(${a}, ${b})`;
}

/**
 * An inline operator's plain cases, given its operand temps: tests tried in order, each with
 * the value it gives; the runtime's operator (the slow path) when none holds.
 */
type FastArms = (t: string[], known: boolean[]) => [test: string, value: string][];

const ARMS: Record<string, FastArms> = {
  add: (t, known) => [[numbers(t, known), `${t[0]} + ${t[1]}`]],
  sub: (t, known) => [[numbers(t, known), `${t[0]} - ${t[1]}`]],
  mul: (t, known) => [[numbers(t, known), `${t[0]} * ${t[1]}`]],
  div: (t, known) => [[numbers(t, known), `${t[0]} / ${t[1]}`]],
  modulo: (t, known) => [[numbers(t, known), modCall(t[0], t[1])]],
  pow: (t, known) => [[numbers(t, known), `rt.powNum(${t[0]}, ${t[1]})`]],
  lt: (t, known) => [[numbers(t, known), `${t[0]} < ${t[1]}`]],
  le: (t, known) => [[numbers(t, known), `${t[0]} <= ${t[1]}`]],
  concat: ([a, b]) => [[`typeof ${a} === 'string' && typeof ${b} === 'string'`, `${a} + ${b}`]],
  unm: ([a], known) => [[numbers([a], known), `-${a}`]],
  // Lua 5.1: `#` of a table is its border, no __len
  len: ([a]) => [[`${arrayOf(a)} !== undefined`, `(${a} as rt.LuaTable).length()`], [`typeof ${a} === 'string'`, `${a}.length`]],
};

/** An operator's arms (ARMS) as one conditional expression ending in `slow`. */
const armsExpression = (arms: [string, string][], slow: string): string =>
  `(${arms.map(([test, value]) => `${test} ? ${value} : `).join('')}${slow})`;

const FAST_OPS: Record<string, (t: string[], slow: string, known: boolean[]) => string> = {
  ...Object.fromEntries(Object.entries(ARMS).map(([name, arms]) => [name, (t: string[], slow: string, known: boolean[]) => armsExpression(arms(t, known), slow)])),
  // only two tables or userdata can have __eq
  eq: ([a, b], slow) => `(${a} === ${b} || (typeof ${a} === 'object' && typeof ${b} === 'object' && ${slow}))`,
};

/** Whether a function body (not counting nested functions) calls anything or runs a generic `for`. */
function hasCallsOrIterators(body: Statement[]): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    const type = (n as { type?: string }).type;
    if (type === 'CallExpression' || type === 'StringCallExpression' || type === 'TableCallExpression' ||
        type === 'ForGenericStatement' || type === 'CallStatement') {
      found = true;
      return;
    }
    if (type === 'FunctionDeclaration') {
      // a nested function's body is its own; only its name's target belongs here
      visit((n as FunctionDeclaration).identifier);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && k !== 'range') visit(v);
  };
  visit(body);
  return found;
}

/** The constant key of `t.name` or `t["name"]` when it lives in a fields object, else undefined. */
function fieldName(e: Expression): string | undefined {
  if (e.type === 'MemberExpression') return isPlainKey(e.identifier.name) ? e.identifier.name : undefined;
  if (e.type !== 'IndexExpression') return undefined;
  const k = constantOf(e.index);
  return k !== undefined && typeof k.value === 'string' && isPlainKey(k.value) ? k.value : undefined;
}

/** A property access for a key: `.name` when it is an identifier, else `["..."]`. */
function property(name: string): string {
  // TS gives Object.prototype's names (constructor, toString...) their JS types: index by a string
  if (OBJECT_MEMBERS.has(name)) return `[${jsString(name)} as string]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${jsString(name)}]`;
}

const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

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
