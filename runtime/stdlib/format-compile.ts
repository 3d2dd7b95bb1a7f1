// string.format's often-used formats compiled to JS functions.
//
// format.ts reads a parsed format spec by spec and switches on each conversion at every call.
// A format used often is turned here into one function (new Function) that writes its literal
// text and calls format.ts's writer for each conversion directly, with the arguments' common
// cases (a string for %s, a non-negative int32 for %d) inline, so that V8 optimizes each format
// on its own instead of one loop over every kind. The conversions themselves stay in
// format.ts; a call with too few arguments goes to its loop, which raises the error.
import type { LuaValue } from '../lua/value.js';
import type { ByteBuilder } from './byte-builder.js';
import { F_ZERO, type ParsedFormat } from './format-spec.js';

type Writer = (c: number, flags: number, width: number, prec: number, v: LuaValue, arg: number) => void;

/** What compiled formats call: format.ts's buffer and writers. */
export interface FormatHelpers {
  out: ByteBuilder;
  digitCount(v: number): number;
  writeString(v: LuaValue, flags: number, width: number, prec: number): void;
  writeInteger: Writer;
  writeFloat: Writer;
  writeConversion: Writer;
  formatParsed(parsed: ParsedFormat, args: LuaValue[]): string;
  /** One conversion's text as a string (format.ts's convert). */
  convert: (c: number, flags: number, width: number, prec: number, v: LuaValue, arg: number) => string;
  /** Paddings: ZEROS[k] and SPACES[k] are k zeros or spaces, k <= 32. */
  zeros: readonly string[];
  spaces: readonly string[];
}

/** JS statements writing conversion k of `parsed`, whose value is in `v`. */
function conversion(parsed: ParsedFormat, k: number): string {
  const { conv: c, flags, width, prec } = parsed.specs[k];
  const call = (writer: string) => `${writer}(${c}, ${flags}, ${width}, ${prec}, v, ${k + 2});`;
  switch (c) {
    case 115: // s
      if (flags === 0 && width === 0 && prec < 0) return `if (typeof v === 'string') out.append(v); else writeString(v, 0, 0, -1);`;
      return `writeString(v, ${flags}, ${width}, ${prec});`;
    case 100: case 105: // d i: what writeInteger writes for a non-negative int32 without flags
      if (flags === 0 && width === 0 && prec < 0) {
        return `if (typeof v === 'number' && (v | 0) === v && v >= 0) out.digits(v, digitCount(v)); else ${call('writeInteger')}`;
      }
      return call('writeInteger');
    case 117: case 111: case 120: case 88: // u o x X
      return call('writeInteger');
    case 101: case 69: case 102: case 70: case 103: case 71: // e E f F g G
      return call('writeFloat');
    default:
      return call('writeConversion');
  }
}

/** JS statements writing the literal text s. */
function literal(s: string): string {
  if (s.length > 2) return `out.append(${JSON.stringify(s)});`;
  let js = '';
  for (let i = 0; i < s.length; i++) js += `out.byte(${s.charCodeAt(i)});`;
  return js;
}

/** Floating-point conversions (e E f F g G a A): written as bytes, their digits without a string each. */
function isFloat(c: number): boolean {
  switch (c | 0x20) {
    case 97: case 101: case 102: case 103: return true;
  }
  return false;
}

/**
 * A JS expression for the text of conversion k, whose value is in `v`: the common cases (a
 * string for a plain %s, an int32 for %d, a non-negative one with a width) inline, the rest
 * by format.ts's convert.
 */
function part(parsed: ParsedFormat, k: number, v: string): string {
  const { conv: c, flags, width, prec } = parsed.specs[k];
  const slow = `convert(${c}, ${flags}, ${width}, ${prec}, ${v}, ${k + 2})`;
  switch (c) {
    case 115: // s
      return flags === 0 && width === 0 && prec < 0 ? `(typeof ${v} === 'string' ? ${v} : ${slow})` : slow;
    case 100: case 105: // d i: as String(v) for an int32 (-0 gives "0")
      if (prec >= 0 || (flags & ~F_ZERO) !== 0) return slow;
      if (width <= 1) return `((${v} | 0) === ${v} ? "" + ${v} : ${slow})`;
      if (width > 32) return slow;
      // a non-negative one padded to the width, with zeros or spaces (t: a scratch variable)
      return `((${v} >>> 0) === ${v} ? ((t = "" + ${v}).length >= ${width} ? t : ${flags & F_ZERO ? 'zeros' : 'spaces'}[${width} - t.length] + t) : ${slow})`;
    default:
      return slow;
  }
}

/**
 * How a compiled format gets its values: from an array (`args[k]`, the library's call, which
 * checks the count first) or as parameters `a0, a1...` (compiled code's calls of a constant
 * format, whose guard checked the count and the values' types: see positionalFormat).
 */
type Params = 'array' | 'positional';

function valueOf(params: Params, k: number): string {
  return params === 'array' ? `args[${k}]` : `a${k}`;
}

/** The function's head: its parameters and, for an array, the count check. */
function head(parsed: ParsedFormat, params: Params): string[] {
  const n = parsed.specs.length;
  if (params === 'positional') return [`return function format(${Array.from({ length: n }, (_, k) => `a${k}`).join(', ')}) {`];
  // too few arguments: the loop converts the ones there are, then raises the error
  return ['return function format(args) {', `if (args.length < ${n}) return formatParsed(parsed, args);`];
}

function build(parsed: ParsedFormat, h: FormatHelpers, lines: string[]): (...args: never[]) => string {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('h', 'parsed', lines.join('\n')) as (h: FormatHelpers, parsed: ParsedFormat) => (...args: never[]) => string;
  return factory(h, parsed);
}

/**
 * A format without floating-point conversions as one concatenation of its parts (V8 joins
 * short strings cheaply); the compiled function is small, so it is quick to optimize.
 */
function compileConcat(parsed: ParsedFormat, h: FormatHelpers, params: Params): (...args: never[]) => string {
  const specs = parsed.specs;
  const lines = [
    '"use strict";',
    'const { convert, zeros, spaces, formatParsed } = h;',
    // what flat-string.ts's flatten does, inline (one function less to optimize)
    'let sink = 0;',
    ...head(parsed, params),
    'let t;',
  ];
  const terms: string[] = [];
  for (let k = 0; k < specs.length; k++) {
    // parts in order: a __tostring called by %s runs before the later conversions
    lines.push(`const p${k} = ${part(parsed, k, valueOf(params, k))};`);
    if (specs[k].before !== '') terms.push(JSON.stringify(specs[k].before));
    terms.push(`p${k}`);
  }
  if (parsed.tail !== '') terms.push(JSON.stringify(parsed.tail));
  if (terms.length === 0) terms.push('""');
  lines.push(`const r = ${terms.join(' + ')};`, 'sink ^= r.charCodeAt(0);', 'return r;', '};');
  return build(parsed, h, lines);
}

/** Formats with a floating-point conversion: written into format.ts's buffer. */
function compileBuffer(parsed: ParsedFormat, h: FormatHelpers, params: Params): (...args: never[]) => string {
  const specs = parsed.specs;
  const lines = [
    '"use strict";',
    'const { out, digitCount, writeString, writeInteger, writeFloat, writeConversion, formatParsed } = h;',
    ...head(parsed, params),
  ];
  lines.push('const start = out.len;', 'try {', 'let v;');
  for (let k = 0; k < specs.length; k++) {
    lines.push(literal(specs[k].before));
    lines.push(`v = ${valueOf(params, k)};`, conversion(parsed, k));
  }
  lines.push(literal(parsed.tail));
  lines.push('return out.slice(start);', '} finally {', 'out.truncate(start);', '}', '};');
  return build(parsed, h, lines);
}

/** A function doing what format.ts's loop does for `parsed`, or undefined (an invalid option: the loop raises it). */
export function compileFormat(parsed: ParsedFormat, h: FormatHelpers): ((args: LuaValue[]) => string) | undefined {
  const specs = parsed.specs;
  if (specs.length === 0 || specs.some((s) => s.conv === 0)) return undefined;
  // one value's text alone: format.ts's loop gives it as a string, without the buffer
  if (specs.length === 1 && specs[0].before === '' && parsed.tail === '') return undefined;
  const compile = specs.some((s) => isFloat(s.conv)) ? compileBuffer : compileConcat;
  return compile(parsed, h, 'array') as (args: LuaValue[]) => string;
}

/**
 * What each value of a constant format must be for its compiled function to give what the
 * library gives, with no metamethod to call and no error to raise: 'string or number' for %s,
 * 'number' for the numeric conversions. Undefined for formats that have another conversion
 * (%c %p %q) or an invalid option: compiled code calls the library for those.
 */
export function positionalKinds(parsed: ParsedFormat): ('string or number' | 'number')[] | undefined {
  const kinds: ('string or number' | 'number')[] = [];
  for (const s of parsed.specs) {
    switch (s.conv) {
      case 115: kinds.push('string or number'); break;
      case 100: case 105: case 117: case 111: case 120: case 88: // d i u o x X
      case 101: case 69: case 102: case 70: case 103: case 71: case 97: case 65: // e E f F g G a A
        kinds.push('number');
        break;
      default:
        return undefined;
    }
  }
  return kinds;
}

/**
 * `parsed` as a function of its values as parameters, for compiled code's `string.format`
 * with a constant format; only for the values positionalKinds allows (the caller checks).
 */
export function compilePositional(parsed: ParsedFormat, h: FormatHelpers): (...values: LuaValue[]) => string {
  const specs = parsed.specs;
  if (specs.length === 1 && specs[0].before === '' && parsed.tail === '') {
    // one value's text alone, as format.ts's loop gives it
    const { conv, flags, width, prec } = specs[0];
    return (v: LuaValue) => h.convert(conv, flags, width, prec, v, 2);
  }
  const compile = specs.some((s) => isFloat(s.conv)) ? compileBuffer : compileConcat;
  return compile(parsed, h, 'positional') as (...values: LuaValue[]) => string;
}
