// string.format's format strings as lj_strfmt_parse reads them, parsed once per string.
import type { LuaValue } from '../lua/value.js';

/** The flags of a conversion spec. */
export const F_LEFT = 1, F_PLUS = 2, F_ZERO = 4, F_SPACE = 8, F_ALT = 16;

/** The conversions luajit accepts (strfmt_map). */
function isConversion(c: number): boolean {
  switch (c) {
    case 65: case 69: case 70: case 71: case 88: // A E F G X
    case 97: case 99: case 100: case 101: case 102: case 103: case 105: case 111: case 112:
    case 113: case 115: case 117: case 120: // a c d e f g i o p q s u x
      return true;
  }
  return false;
}

/** One conversion of a parsed format, with the literal text before it. */
export interface Spec {
  /** The text before this conversion ('%%' already folded into '%'). */
  readonly before: string;
  /** The conversion letter's code, or 0 for an invalid option (then `error` says which). */
  readonly conv: number;
  readonly flags: number;
  readonly width: number;
  readonly prec: number;
  readonly error: string;
}

/** A format string parsed once: its conversions in order and the text after the last one. */
export interface ParsedFormat {
  readonly specs: readonly Spec[];
  readonly tail: string;
  /** How often it has been used, and its compiled form once it is used often. */
  uses: number;
  compiled: ((args: LuaValue[]) => string) | undefined;
}

/** Formats seen so far (a program uses a few, mostly constants); cleared when it grows large. */
const parsedFormats = new Map<string, ParsedFormat>();
const MAX_PARSED_FORMATS = 512;

/**
 * Parses a format as lj_strfmt_parse reads it. An invalid option becomes a spec that raises
 * its error when formatting reaches it, so that earlier arguments are checked first.
 */
function parseFormat(fmt: string): ParsedFormat {
  const specs: Spec[] = [];
  const n = fmt.length;
  let before = '';
  let i = 0;
  while (i < n) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      before += i === 0 ? fmt : fmt.slice(i);
      break;
    }
    if (pct > i) before += fmt.slice(i, pct);
    let p = pct + 1;
    let c = p < n ? fmt.charCodeAt(p) : 0;
    if (c === 37) {
      before += '%';
      i = p + 1;
      continue;
    }
    let flags = 0;
    for (;; c = ++p < n ? fmt.charCodeAt(p) : 0) {
      if (c === 45) flags |= F_LEFT;
      else if (c === 43) flags |= F_PLUS;
      else if (c === 48) flags |= F_ZERO;
      else if (c === 32) flags |= F_SPACE;
      else if (c === 35) flags |= F_ALT;
      else break;
    }
    let width = 0;
    if (c >= 48 && c <= 57) {
      width = c - 48;
      c = ++p < n ? fmt.charCodeAt(p) : 0;
      if (c >= 48 && c <= 57) {
        width = width * 10 + c - 48;
        c = ++p < n ? fmt.charCodeAt(p) : 0;
      }
    }
    let prec = -1;
    if (c === 46) {
      prec = 0;
      c = ++p < n ? fmt.charCodeAt(p) : 0;
      if (c >= 48 && c <= 57) {
        prec = c - 48;
        c = ++p < n ? fmt.charCodeAt(p) : 0;
        if (c >= 48 && c <= 57) {
          prec = prec * 10 + c - 48;
          c = ++p < n ? fmt.charCodeAt(p) : 0;
        }
      }
    }
    if (!isConversion(c)) {
      if (c >= 32) p++;
      // nothing after an invalid option is read
      specs.push({ before, conv: 0, flags, width, prec, error: `invalid option '${fmt.slice(pct, p)}' to 'format'` });
      return { specs, tail: '', uses: 0, compiled: undefined };
    }
    specs.push({ before, conv: c, flags, width, prec, error: '' });
    before = '';
    i = p + 1;
  }
  return { specs, tail: before, uses: 0, compiled: undefined };
}

let lastFormat = '';
let lastParsed: ParsedFormat = parseFormat('');

/** `fmt` parsed (once: formats are kept, mostly constants of a program). */
export function parsedFormat(fmt: string): ParsedFormat {
  if (fmt === lastFormat) return lastParsed; // a loop formats with the same string
  let parsed = parsedFormats.get(fmt);
  if (parsed === undefined) {
    if (parsedFormats.size >= MAX_PARSED_FORMATS) parsedFormats.clear();
    parsed = parseFormat(fmt);
    parsedFormats.set(fmt, parsed);
  }
  lastFormat = fmt;
  lastParsed = parsed;
  return parsed;
}
