// JS names for Lua locals: Lua names are kept, renamed only when they clash with a JS/TS
// reserved word or with another local visible in the same JS function.
import type { LocalVar } from '../frontend/resolve.js';

const RESERVED = new Set([
  'arguments', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'enum', 'eval', 'export', 'extends', 'false', 'finally', 'for', 'function',
  'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package',
  'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'undefined', 'NaN', 'Infinity', 'rt',
  'any', 'as', 'async', 'boolean', 'constructor', 'declare', 'get', 'module', 'namespace', 'never',
  'number', 'object', 'of', 'readonly', 'require', 'set', 'string', 'symbol', 'type', 'unknown',
  'globalThis', 'Array', 'Math', 'Object', 'String', 'Number', 'Symbol', 'Error', 'JSON', 'Map', 'Set',
]);

/** Assigns each local a JS identifier, unique within the module (Lua allows redeclaring names). */
export class Names {
  private readonly byVar = new Map<LocalVar, string>();
  private readonly used = new Map<string, number>();

  of(v: LocalVar): string {
    let name = this.byVar.get(v);
    if (name === undefined) {
      const base = RESERVED.has(v.name) ? `${v.name}_` : v.name;
      const n = this.used.get(base) ?? 0;
      this.used.set(base, n + 1);
      name = n === 0 ? base : `${base}_${n}`;
      this.byVar.set(v, name);
    }
    return name;
  }
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
