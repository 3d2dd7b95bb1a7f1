// JS names for Lua locals: Lua names are kept, renamed only when they clash with a JS/TS
// reserved word or with another local that could be visible in the same JS scope.
import type { BlockScope, FunctionInfo, LocalVar } from '../frontend/resolve.js';

const RESERVED = new Set([
  'arguments', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'enum', 'eval', 'export', 'extends', 'false', 'finally', 'for', 'function',
  'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package',
  'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'undefined', 'NaN', 'Infinity',
  // the namespaces emitted modules import (runtime, route-handler helpers)
  'rt', 'rh',
  'any', 'as', 'async', 'boolean', 'constructor', 'declare', 'get', 'module', 'namespace', 'never',
  'number', 'object', 'of', 'readonly', 'require', 'set', 'string', 'symbol', 'type', 'unknown',
  'globalThis', 'Array', 'Math', 'Object', 'String', 'Number', 'Symbol', 'Error', 'JSON', 'Map', 'Set',
]);

/**
 * Assigns each local a JS identifier. A local keeps its Lua name unless another local of the
 * same JS name could be visible where it is: one of the same function (Lua allows redeclaring
 * names; a JS block does not) or of a function that encloses it or that it encloses (an inner
 * declaration would shadow the outer variable the inner code may also use). Locals of
 * unrelated functions share names, and so do two of one function whose blocks are apart (two
 * `for i` loops one after the other: each is declared in the JS block of its own Lua block, so
 * neither can see the other; not when one's block encloses the other's, even before the inner
 * declaration, since a JS `let` covers its whole block), and an outer function's local and an
 * inner function's when the inner function is defined outside the outer local's block.
 * `apart` false keeps every pair of related functions' locals apart (variable accessors).
 */
export class Names {
  private readonly byVar = new Map<LocalVar, string>();
  private readonly holders = new Map<string, LocalVar[]>();

  constructor(private readonly apart = true) {}

  of(v: LocalVar): string {
    let name = this.byVar.get(v);
    if (name === undefined) {
      const base = RESERVED.has(v.name) ? `${v.name}_` : v.name;
      for (let n = 0; ; n++) {
        name = n === 0 ? base : `${base}_${n}`;
        const holders = this.holders.get(name);
        if (holders === undefined) {
          this.holders.set(name, [v]);
          break;
        }
        if (!holders.some((w) => this.clash(w, v))) {
          holders.push(v);
          break;
        }
      }
      this.byVar.set(v, name);
    }
    return name;
  }

  /** Whether two locals of one name could both be visible somewhere. */
  private clash(a: LocalVar, b: LocalVar): boolean {
    if (a.fn === b.fn) return !this.apart || nested(a.block, b.block);
    if (encloses(a.fn, b.fn)) return this.reaches(a, b.fn);
    if (encloses(b.fn, a.fn)) return this.reaches(b, a.fn);
    return false;
  }

  /** Whether `inner` (a function nested in outer's) is defined where `outer` is in scope. */
  private reaches(outer: LocalVar, inner: FunctionInfo): boolean {
    if (!this.apart) return true;
    let f = inner;
    while (f.parent !== outer.fn) f = f.parent!;
    return f.block === undefined || within(f.block, outer.block);
  }
}

/** The same block, or one encloses the other. */
function nested(a: BlockScope, b: BlockScope): boolean {
  return within(a, b) || within(b, a);
}

function within(inner: BlockScope, outer: BlockScope): boolean {
  for (let s: BlockScope | undefined = inner; s !== undefined; s = s.parent) if (s === outer) return true;
  return false;
}

function encloses(outer: FunctionInfo, inner: FunctionInfo): boolean {
  for (let f: FunctionInfo | undefined = inner; f !== undefined; f = f.parent) if (f === outer) return true;
  return false;
}

/** A Lua byte string as a JS string literal (bytes over 0x7e as \xNN escapes). */
export function jsString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c > 0x7e) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += s[i];
  }
  return out + '"';
}

export function jsNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '-0';
  return n < 0 ? `(${String(n)})` : String(n);
}
