// The code of direct reads and JSON templates (compiler/analysis/direct-plan.ts), hooked
// into the function emitter. Generated code imports runtime/http/direct.js as `rh`.
//
// A handler with JSON templates starts with `const $json = rh.claim(ctx)`: true only in the
// call the server made for its route. In that call a template return computes its leaves
// (in the order Lua evaluates them), and returns rh.JsonText, its JSON written as bytes into
// a reused buffer (rh.JsonBytes), when each has the type it needs; otherwise it builds the
// very table the handler would have built, from the same values. A loop array writes each
// item's JSON as bytes instead of making a table, copied into the response's when returned.
import type { AssignmentStatement, Expression, FunctionDeclaration, Node, ReturnStatement, Statement } from '../frontend/ast.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';
import type { Types } from '../analysis/types.js';
import { directPlan, type DirectPlan, type HandlerPlan, type JsonReturn, type Operand, type Template } from '../analysis/direct-plan.js';
import { encodeNumber, encodeString } from '../../runtime/http/json.js';
import { numberToString } from '../../runtime/lua/number.js';
import { jsString } from './names.js';
import { constantOf } from '../frontend/constants.js';

export type Mode = 'sync' | 'co';

/** What a hook may ask of the function emitter. */
export interface HookEmitter {
  readonly mode: Mode;
  /** The function being emitted (null: the main chunk). */
  readonly fn: FunctionDeclaration | null;
  expr(e: Expression): string;
  /** expr() of a value that a statement of its own takes: it may write statements before it. */
  flatExpr(e: Expression): string;
  /** The hooked expression may write statements that run before it (flatExpr). */
  readonly flat: boolean;
  temp(type?: string): string;
  line(s: string): void;
  open(s: string): void;
  close(s?: string): void;
  reopen(s: string): void;
  nameOf(v: LocalVar): string;
  /** What follows `return ` to leave the function with `value` (the emitter settles how its frame is left). */
  leave(value: string): string;
  /** Emits with these expressions replaced by the given code. */
  withOverrides<T>(values: ReadonlyMap<Node, string>, f: () => T): T;
}

/** The emitter's hooks (all optional; no hook: the emitter's own code). */
export interface EmitHooks {
  /**
   * An expression's code, or undefined. `plain` gives the emitter's own code for it;
   * `inBranch`: it goes alone in a branch of the hook's statements (it may then write its own).
   */
  expression(e: Expression, em: HookEmitter, plain: (inBranch?: boolean) => string): string | undefined;
  /** Declarations at the top of a function's body. */
  prologue(fn: FunctionDeclaration | null, em: HookEmitter): string[];
  /** The function expression stored for `fn`. */
  closure(fn: FunctionDeclaration, code: string): string;
  /** Emits a statement (true); `plain` emits the emitter's own code for it. */
  statement(s: Statement, em: HookEmitter, plain: () => void): boolean;
  /** Whether any code used `rh` (the module then imports it). */
  readonly used: boolean;
}

/** Hooks for a module, or undefined when it has no route handler to specialise. */
export function directHooks(res: Resolution, types: Types): EmitHooks | undefined {
  const plan = directPlan(res, types);
  if (plan.reads.size === 0 && plan.handlers.size === 0) return undefined;
  return new DirectHooks(plan);
}

const JSON_FLAG = '$json';

class DirectHooks implements EmitHooks {
  used = false;
  /** The plan of each loop array local. */
  private readonly loopOwner = new Map<LocalVar, HandlerPlan>();

  constructor(private readonly plan: DirectPlan) {
    for (const h of plan.handlers.values()) for (const v of h.loopLocals.values()) this.loopOwner.set(v, h);
  }

  expression(e: Expression, em: HookEmitter, plain: (inBranch?: boolean) => string): string | undefined {
    const read = this.plan.reads.get(e);
    if (read === undefined) return undefined;
    this.used = true;
    const ctx = em.nameOf(read.ctx);
    const c = `(${ctx} as rh.RequestContext)`;
    const direct = read.kind === 'method' ? `${c}.method`
      : read.kind === 'path' ? `${c}.path()`
      : read.kind === 'param' ? `${c}.param(${jsString(read.key)})`
      : read.kind === 'header' ? `${c}.header(${jsString(read.key)})`
      : `${c}.queryValue(${jsString(read.key)})`;
    if (!em.flat) return `(rh.pristineContext(${ctx}) ? ${direct} : ${plain()})`;
    // as statements: the emitter's code (with its own statements) in the else branch
    const v = em.temp();
    em.line(`if (rh.pristineContext(${ctx})) ${v} = ${direct};`);
    em.open('else');
    em.line(`${v} = ${plain(true)};`);
    em.close();
    return v;
  }

  prologue(fn: FunctionDeclaration | null, em: HookEmitter): string[] {
    const h = fn === null ? undefined : this.plan.handlers.get(fn);
    if (h === undefined) return [];
    this.used = true;
    // generator twins run inside coroutines, never as the server's call
    return [em.mode === 'sync' ? `const ${JSON_FLAG}: boolean = rh.claim(${em.nameOf(h.ctx)});` : `const ${JSON_FLAG} = false;`];
  }

  closure(fn: FunctionDeclaration, code: string): string {
    return this.plan.handlers.has(fn) ? `rh.jsonHandler((${code}) as rt.LuaFunction)` : code;
  }

  statement(s: Statement, em: HookEmitter, plain: () => void): boolean {
    if (em.mode !== 'sync' || em.fn === null) return false;
    const h = this.plan.handlers.get(em.fn);
    if (h === undefined) return false;
    if (s.type === 'ReturnStatement') {
      const r = h.returns.get(s as ReturnStatement);
      if (r === undefined) return false;
      this.jsonReturn(r, em);
      plain();
      return true;
    }
    if (s.type === 'LocalStatement') {
      const v = h.loopLocals.get(s);
      if (v === undefined) return false;
      plain();
      em.line(`const ${em.nameOf(v)}$w: rh.JsonBytes | undefined = ${JSON_FLAG} ? rh.jsonBytes() : undefined;`);
      em.line(`let ${em.nameOf(v)}$n = 0;`);
      return true;
    }
    if (s.type === 'AssignmentStatement') {
      const a = h.appends.get(s as AssignmentStatement);
      if (a === undefined) return false;
      const name = em.nameOf(a.v);
      em.open(`if (${JSON_FLAG})`);
      em.line(`const ${WRITER} = ${name}$w!;`);
      const parts = merge(this.parts(a.item, em, new Map(), [], true));
      const first = parts[0];
      if ('text' in first) {
        // the comma before each item but the first goes in the item's first run of stores
        em.line(bytesComment(`,${first.text} | ${first.text}`));
        em.line(`if (${name}$n++ !== 0) ${constantBytes(',' + first.text)} else ${constantBytes(first.text)}`);
        writeBytes(parts.slice(1), em);
      } else {
        em.line(`if (${name}$n++ !== 0) ${WRITER}.byte(0x2c);`);
        writeBytes(parts, em);
      }
      em.reopen('} else {');
      plain();
      em.close();
      return true;
    }
    return false;
  }

  /**
   * `if ($json) { leaves...; if (they have their types) return JsonText; return the table }`,
   * before the emitter's own return.
   */
  private jsonReturn(r: JsonReturn, em: HookEmitter): void {
    em.open(`if (${JSON_FLAG})`);
    const overrides = new Map<Node, string>();
    const checks: string[] = [];
    if (r.builder !== undefined) {
      const b = em.temp();
      em.line(`${b} = ${em.flatExpr(r.builder.callee)};`);
      overrides.set(r.builder.callee, b);
      checks.push(`rh.isJsonBuilder(${b})`);
    }
    const parts = this.parts(r.template, em, overrides, checks);
    // bytes in a reused buffer (a loop array's are copied in): no string to join, to check
    // for non-ASCII characters and to convert again in uWS
    // with nothing to check the bytes are the answer (no table after them: it could not run)
    const checked = checks.length > 0;
    if (checked) em.open(`if (${checks.join(' && ')})`);
    em.line(`const ${WRITER} = rh.jsonBytes();`);
    writeBytes(parts, em);
    em.line(`return ${em.leave(`new rh.JsonText(200, ${WRITER}.view()) as unknown as rt.LuaValue`)};`);
    if (checked) {
      em.close();
      // the same values, as the table the handler builds
      em.withOverrides(overrides, () => em.line(`return ${em.leave(em.flatExpr(r.builder?.call ?? r.table))};`));
    }
    em.close();
  }

  /**
   * The JSON of a template as parts (constant text or code). `inline`: leaves are proven and
   * computed inside the text expression (loop items); else each leaf goes into a temp first,
   * in order, and an unproven one adds its test to `checks` (return templates).
   */
  private parts(t: Template, em: HookEmitter, overrides: Map<Node, string>, checks: string[], inline = false): Part[] {
    switch (t.kind) {
      case 'object': {
        const out: Part[] = [];
        // the table's key order: constant fields first (luajit's template), then the others, as in tableLayout
        const constant = (f: (typeof t.fields)[number]) => f.value.kind === 'leaf' && constantOf(f.value.expr) !== undefined;
        [...t.fields.filter(constant), ...t.fields.filter((f) => !constant(f))].forEach((f, i) => {
          out.push({ text: (i === 0 ? '{' : ',') + encodeString(f.name) + ':' }, ...this.parts(f.value, em, overrides, checks, inline));
        });
        out.push({ text: '}' });
        return out;
      }
      case 'array': {
        const out: Part[] = [];
        t.items.forEach((item, i) => out.push({ text: i === 0 ? '[' : ',' }, ...this.parts(item, em, overrides, checks, inline)));
        out.push({ text: ']' });
        return out;
      }
      case 'loop': {
        const name = em.nameOf(t.v);
        // no item: the table (empty here) decides between [] and {}
        checks.push(`${name}$n !== 0`);
        return [{ text: '[' }, { loop: `${name}$w!` }, { text: ']' }];
      }
      case 'count': {
        const v = em.temp('number');
        em.line(`${v} = ${em.nameOf(t.v)}$n;`);
        overrides.set(t.expr, v);
        return [{ code: v, as: 'number' }];
      }
      case 'leaf': {
        const e = t.expr;
        const c = constantOf(e);
        if (c !== undefined) {
          const v = c.value;
          return [{ text: typeof v === 'string' ? encodeString(v) : typeof v === 'number' ? encodeNumber(v) : v ? 'true' : 'false' }];
        }
        if (inline && t.concat !== undefined) return concatParts(t.concat, em);
        if (inline) return [{ code: em.expr(e), as: t.type! }];
        const v = em.temp();
        em.line(`${v} = ${em.flatExpr(e)};`);
        overrides.set(e, v);
        if (t.type !== undefined) return [{ code: v, as: t.type }];
        checks.push(`rh.isScalar(${v})`);
        return [{ code: v, as: 'scalar' }];
      }
    }
  }
}

/**
 * Constant JSON text, a leaf's code (`as`: what it is proven to be, or `scalar` for a string,
 * number or boolean checked at run time), or a loop array's writer.
 */
type Part = { text: string } | { code: string; as: 'string' | 'number' | 'boolean' | 'scalar' | Piece } | { loop: string };

/** A piece of a JSON string written as bytes: a string's escaped bytes, or a number as `..` writes it. */
type Piece = 'chars' | 'luanum';

/**
 * A string leaf that is a `..` chain of strings and numbers (loop items, written as bytes):
 * its operands written one by one inside the quotes, in Lua's order, with no string made.
 */
function concatParts(operands: readonly Operand[], em: HookEmitter): Part[] {
  const out: Part[] = [{ text: '"' }];
  for (const o of operands) {
    const c = constantOf(o.expr);
    if (c !== undefined) out.push({ text: typeof c.value === 'number' ? numberToString(c.value) : encodeString(c.value as string).slice(1, -1) });
    else out.push({ code: em.expr(o.expr), as: o.type === 'number' ? 'luanum' : 'chars' });
  }
  out.push({ text: '"' });
  return out;
}

/** The writer generated byte-writing code appends to (a const in each block that writes). */
const WRITER = '$w';
/** Constant runs up to this long are stored byte by byte (a native copy costs more per call). */
const UNROLLED = 64;

/** Adjacent constants as one. */
function merge(parts: Part[]): Part[] {
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if ('text' in p && last !== undefined && 'text' in last) last.text += p.text;
    else merged.push('text' in p ? { text: p.text } : p);
  }
  return merged;
}

/** Statements appending the parts to the writer `$w`, in order. */
function writeBytes(parts: Part[], em: HookEmitter): void {
  const merged = merge(parts);
  for (let i = 0; i < merged.length; i++) {
    const p = merged[i];
    if ('loop' in p) em.line(`${WRITER}.append(${p.loop});`);
    else if ('text' in p) {
      if (p.text.length <= UNROLLED) em.line(bytesComment(p.text));
      em.line(constantBytes(p.text));
    }
    else if (p.as === 'string') em.line(`${WRITER}.str(${p.code} as string);`);
    else if (p.as === 'number') em.line(`${WRITER}.num(${p.code} as number);`);
    else if (p.as === 'scalar') em.line(`${WRITER}.scalar(${p.code} as string | number | boolean);`);
    else if (p.as === 'chars') em.line(`${WRITER}.chars(${p.code} as string);`);
    else if (p.as === 'luanum') em.line(`${WRITER}.luaNum(${p.code} as number);`);
    else {
      // a boolean and the constant after it: one run of stores in each branch
      const next = merged[i + 1];
      let after = '';
      if (next !== undefined && 'text' in next) {
        after = next.text;
        i++;
      }
      em.line(bytesComment(`true${after} | false${after}`));
      em.line(`if (${p.code}) ${constantBytes('true' + after)} else ${constantBytes('false' + after)}`);
    }
  }
}

/** The JSON text a run of byte stores writes, for a reader of the emitted code. */
function bytesComment(text: string): string {
  return `// writes ${text}`;
}

/** Constant JSON text (a byte string) appended to `$w`: short runs as stores, with room made once. */
function constantBytes(text: string): string {
  if (text.length > UNROLLED) return `${WRITER}.raw(${jsString(text)});`;
  const stores = [...text].map((c, i) => `$b[$p${i === 0 ? '' : ` + ${i}`}] = ${c.charCodeAt(0)};`);
  return `{ const $b = ${WRITER}.room(${text.length}), $p = ${WRITER}.p; ${stores.join(' ')} ${WRITER}.p = $p + ${text.length}; }`;
}
