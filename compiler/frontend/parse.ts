// Parsing with luaparse (LuaJIT dialect), turning its errors into diagnostics.
import luaparse from 'luaparse';
import { markInParens, rangeOf, type Chunk, type Node } from './ast.js';
import { Diagnostic, positionAt } from './diagnostics.js';

interface LuaparseError extends SyntaxError {
  index: number;
}

interface Token {
  type: number;
  value: string | boolean | null;
  range: [number, number];
}

const OPTIONS = {
  luaVersion: 'LuaJIT',
  locations: true,
  ranges: true,
  scope: false,
  comments: false,
  encodingMode: 'pseudo-latin1',
} as const;

const TOKEN_EOF = 1;
const TOKEN_IDENTIFIER = 8;
const TOKEN_PUNCTUATOR = 32;

/**
 * Parses a chunk given as a byte string. String literal values stay byte strings
 * ('pseudo-latin1': each source byte is one char, escapes produce raw bytes).
 */
export function parseChunk(file: string, text: string): Chunk {
  // Every newline sequence (\r\n, \n\r, \r) is one '\n', in long strings too, as in luajit.
  if (text.includes('\r')) text = text.replace(/\r\n|\n\r|\r/g, '\n');
  let chunk: Chunk;
  for (;;) {
    try {
      chunk = luaparse.parse(text, OPTIONS) as unknown as Chunk;
      break;
    } catch (e) {
      const patched = patchHexFraction(e, text);
      if (patched === undefined) throw toDiagnostic(e, file, text);
      text = patched;
    }
  }
  rejectUnsupported(file, text, chunk);
  markParenthesized(text, chunk);
  return chunk;
}

/**
 * luaparse requires a digit before the point of a hex number; luajit accepts `0x.8`.
 * Returns the source with a 0 inserted there (same lines; columns after it shift by one).
 */
function patchHexFraction(e: unknown, text: string): string | undefined {
  if (!(e instanceof SyntaxError) || typeof (e as LuaparseError).index !== 'number') return undefined;
  const i = (e as LuaparseError).index;
  if (!/^0[xX]\.[0-9a-fA-F]/.test(text.slice(i - 2, i + 2))) return undefined;
  return text.slice(0, i) + '0' + text.slice(i);
}

function toDiagnostic(e: unknown, file: string, text: string): unknown {
  {
    if (e instanceof SyntaxError && typeof (e as LuaparseError).index === 'number') {
      const err = e as LuaparseError;
      let message = luajitWording(err.message.replace(/^\[\d+:\d+\] /, ''));
      if (ESCAPE_ERROR.test(message)) {
        const near = stringReadBefore(text, err.index);
        if (near !== undefined) message = `invalid escape sequence near '${near}'`;
      }
      // luajit names the end of input when a string runs into it.
      if (err.index >= text.length) message = message.replace(/^(unfinished (?:long )?string.*) near '.*'$/s, "$1 near '<eof>'");
      // luajit 2.1 does not say where a long string or comment started, and reports a string
      // cut by a newline on the line it started
      message = message.replace(/^(unfinished long (?:string|comment)) \(starting at line \d+\)/, '$1');
      let index = err.index;
      if (message.startsWith('unfinished string') && (text[index - 1] === '\n' || text[index - 1] === '\r')) index--;
      return new Diagnostic(file, positionAt(text, index), message, text);
    }
    return e;
  }
}

/** luaparse's messages about one bad escape; luajit has one message for them all. */
const ESCAPE_ERROR = /^(?:invalid escape sequence|hexadecimal digit expected|decimal escape too large|UTF-8 value too large|missing '[{}]') near /s;

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/**
 * What luajit's lexer holds when it meets the bad escape at `at`: the string's opening quote
 * and the characters decoded before the escape (luajit prints that as the "near" token).
 * Comments and long strings are skipped to find the quoted string that contains `at`.
 */
function stringReadBefore(text: string, at: number): string | undefined {
  const longBracket = (i: number): number | undefined => {
    const m = /^\[(=*)\[/.exec(text.slice(i, i + 64));
    if (m === null) return undefined;
    const close = text.indexOf(`]${m[1]}]`, i + m[0].length);
    return close < 0 ? text.length : close + m[1].length + 2;
  };
  let i = 0;
  while (i < text.length && i <= at) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const end = longBracket(i + 2);
      if (end !== undefined) i = end;
      else { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl + 1; }
    } else if (c === '[') {
      i = longBracket(i) ?? i + 1;
    } else if (c === '"' || c === "'") {
      let buf = c;
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') {
        if (text[j] !== '\\') { buf += text[j++]; continue; }
        if (j <= at && !text.slice(j + 1, at + 1).includes('\\')) return buf; // the bad escape
        const e = text[j + 1];
        if (e in SIMPLE_ESCAPES) { buf += SIMPLE_ESCAPES[e]; j += 2; }
        else if (e === '\n' || e === '\r') { buf += '\n'; j += text[j + 2] !== e && (text[j + 2] === '\n' || text[j + 2] === '\r') ? 3 : 2; }
        else if (e === 'x') { buf += String.fromCharCode(parseInt(text.slice(j + 2, j + 4), 16)); j += 4; }
        else if (e === 'z') { j += 2; while (j < text.length && /\s/.test(text[j])) j++; }
        else if (e === 'u') { const close = text.indexOf('}', j); buf += Buffer.from(String.fromCodePoint(parseInt(text.slice(j + 3, close), 16)), 'utf8').toString('latin1'); j = close + 1; }
        else {
          const d = /^\d{1,3}/.exec(text.slice(j + 1));
          if (d === null) return undefined;
          buf += String.fromCharCode(Number(d[0]));
          j += 1 + d[0].length;
        }
      }
      i = j + 1;
    } else {
      i++;
    }
  }
  return undefined;
}

/** Words luaparse's messages the way luajit does where the two differ only in wording. */
function luajitWording(message: string): string {
  return message
    .replace(/^<expression> expected near /, 'unexpected symbol near ')
    .replace(/^unexpected (?:number|symbol) ('.*') near '.*'$/s, 'unexpected symbol near $1')
    .replace(/^no visible label '(.*)' for <goto>$/, "undefined label '$1'")
    .replace(/^label '(.*)' already defined on line \d+$/, "duplicate label '$1'")
    .replace(/^<name> expected near /, "'<name>' expected near ");
}

function lex(text: string): Token[] {
  const parser = luaparse.parse({ ...OPTIONS, wait: true }) as unknown as {
    write(s: string): void;
    lex(): Token;
  };
  parser.write(text);
  const tokens: Token[] = [];
  for (;;) {
    const t = parser.lex();
    if (t.type === TOKEN_EOF) return tokens;
    tokens.push(t);
  }
}

/**
 * luaparse does not record parentheses, but `(f())` and `(...)` keep only the first value.
 * A call or vararg is parenthesized when the token before it is a '(' that opens a
 * parenthesized expression, i.e. one not preceded by something a call could follow.
 */
function markParenthesized(text: string, chunk: Chunk): void {
  let tokens: Token[] | undefined;
  const starts: number[] = [];
  walk(chunk, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'StringCallExpression' &&
        node.type !== 'TableCallExpression' && node.type !== 'VarargLiteral') return;
    if (tokens === undefined) {
      tokens = lex(text);
      for (const t of tokens) starts.push(t.range[0]);
    }
    const i = lowerBound(starts, rangeOf(node)[0]) - 1;
    const open = tokens[i];
    if (open === undefined || open.type !== TOKEN_PUNCTUATOR || open.value !== '(') return;
    const before = tokens[i - 1];
    const opensCallArgs = before !== undefined &&
      (before.type === TOKEN_IDENTIFIER || (before.type === TOKEN_PUNCTUATOR && (before.value === ')' || before.value === ']')));
    if (opensCallArgs) return;
    const after = tokens[lowerBound(starts, rangeOf(node)[1])];
    if (after !== undefined && after.type === TOKEN_PUNCTUATOR && after.value === ')') markInParens(node);
  });
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** LuaJIT's FFI number literals (1LL, 2ULL, 3i) need cdata, which roverc does not have. */
function rejectUnsupported(file: string, text: string, chunk: Chunk): void {
  walk(chunk, (node) => {
    if (node.type === 'NumericLiteral' && /[iIlLuU]$/.test(node.raw)) {
      throw new Diagnostic(file, positionAt(text, rangeOf(node)[0]),
        `unsupported LuaJIT FFI number literal '${node.raw}' (roverc has no cdata)`, text);
    }
  });
}

/** Each node's parent in the tree under `root`. */
export function parentMap(root: Node): Map<Node, Node> {
  const parents = new Map<Node, Node>();
  walk(root, (node) => {
    for (const key in node) {
      if (key === 'loc' || key === 'range') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c !== null && typeof c === 'object' && typeof (c as Node).type === 'string') parents.set(c as Node, node);
      }
    }
  });
  return parents;
}

/** Calls `visit` on every node of the tree, parents before children; `visit` returning false skips a node's children. */
export function walk(node: Node, visit: (node: Node) => void | boolean): void {
  if (visit(node) === false) return;
  for (const key in node) {
    if (key === 'loc' || key === 'range') continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c !== null && typeof c === 'object' && typeof (c as Node).type === 'string') walk(c as Node, visit);
    } else if (child !== null && typeof child === 'object' && typeof (child as Node).type === 'string') {
      walk(child as Node, visit);
    }
  }
}
