// The `os` library as LuaJIT 2.1 on glibc has it: os.date is glibc 2.36's strftime in the
// C locale, local time comes from the system's TZif files (as glibc reads them), and
// os.time normalises its table with glibc's mktime algorithm.
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, openSync, readFileSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { argError, libError } from '../lua/errors.js';
import { NONE } from '../lua/multi.js';
import { index, toNumber } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { truthy, typeName, type LuaResult, type LuaValue } from '../lua/value.js';
import { checkNumber, checkString, makeLib } from './args.js';
import { fileResult } from './errno.js';

/**
 * Thrown by os.exit: the host (CLI) catches it, flushes its output and exits the process
 * with `code`. It is not a LuaError, so pcall does not catch it. luajit passes the int to
 * C's exit(), so the process status is `code & 255`.
 */
export class ExitRequest {
  constructor(public readonly code: number) {}
}

export interface OsOptions {
  /** Called before os.execute runs a command, so buffered output comes out first. */
  flush?: () => void;
}

// ---- conversions as luajit's C code does them ----

/** (int32_t)n on x86 (cvttsd2si): NaN and out-of-range give -2^31. */
function toInt32(n: number): number {
  return n > -2147483649 && n < 2147483648 ? Math.trunc(n) | 0 : -2147483648;
}

/** (time_t)n on x86-64: truncation; NaN and out-of-range give -2^63 (which no date has). */
function toTimeT(n: number): number | undefined {
  return n > -9223372036854775808 && n < 9223372036854775808 ? Math.trunc(n) : undefined;
}

/** (int)(lua_Integer)n: the low 32 bits of the 64-bit truncation. */
function toCInt(n: number): number {
  const t = toTimeT(n);
  if (t === undefined) return 0;
  if (t > -2147483649 && t < 2147483648) return t | 0;
  return Number(BigInt.asIntN(32, BigInt(t)));
}

/** Lua strings are bytes; the host's environment and file names are UTF-8. */
function toHost(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

function fromHost(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

// ---- the proleptic Gregorian calendar ----

const MONTH_DAYS_BEFORE = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Days from 1970-01-01 to the first day of year y. */
function daysBeforeYear(y: number): number {
  const p = y - 1;
  return 365 * (y - 1970) + Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400) - 477;
}

/** struct tm, with tm_year as the year itself (int32 wrap is applied where C does it). */
interface Tm {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  mon: number; // 0..11
  year: number; // tm_year + 1900, exact
  wday: number; // 0 = Sunday
  yday: number; // 0-based
  isdst: number;
  gmtoff: number;
  zone: string;
}

/** glibc __offtime: the broken-down time of t + offset; undefined when tm_year overflows int. */
function offtime(t: number | bigint, offset: number): Tm | undefined {
  let days: number;
  let rem: number;
  if (typeof t === 'number' && Math.abs(t) < 2 ** 52) {
    const s = t + offset;
    days = Math.floor(s / 86400);
    rem = s - days * 86400;
  } else {
    const s = BigInt(t) + BigInt(offset);
    let d = s / 86400n;
    let r = s % 86400n;
    if (r < 0n) {
      r += 86400n;
      d -= 1n;
    }
    days = Number(d);
    rem = Number(r);
  }
  // Estimate the year from the days, then correct it.
  let y = 1970 + Math.floor(days / 365.2425);
  while (daysBeforeYear(y) > days) y--;
  while (daysBeforeYear(y + 1) <= days) y++;
  if (y - 1900 > 2147483647 || y - 1900 < -2147483648) return undefined;
  const yday = days - daysBeforeYear(y);
  const table = MONTH_DAYS_BEFORE[isLeap(y) ? 1 : 0];
  let mon = 0;
  while (yday >= table[mon + 1]) mon++;
  return {
    sec: rem % 60,
    min: Math.floor(rem / 60) % 60,
    hour: Math.floor(rem / 3600),
    mday: yday - table[mon] + 1,
    mon,
    year: y,
    wday: (((days + 4) % 7) + 7) % 7,
    yday,
    isdst: 0,
    gmtoff: offset,
    zone: 'GMT',
  };
}

// ---- time zones: TZif files and POSIX TZ rules, read as glibc reads them ----

interface ZoneType {
  off: number; // seconds east of UTC
  isdst: boolean;
  abbr: string;
}

interface RuleDate {
  kind: 'J' | 'D' | 'M';
  n: number; // J: 1..365, D: 0..365
  m: number; // M: month 1..12
  w: number; // M: week 1..5
  d: number; // M: weekday 0..6
  secs: number; // local time of the change
}

interface PosixRule {
  std: ZoneType;
  dst: ZoneType | undefined;
  start: RuleDate | undefined;
  end: RuleDate | undefined;
  /** A DST name came without rules. */
  defaulted?: boolean;
}

interface Zone {
  transitions: number[];
  typeIdx: number[];
  types: ZoneType[];
  rule: PosixRule | undefined;
}

/** C's int division and remainder truncate toward zero; ints wrap. */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

/**
 * glibc's compute_change: when a rule's change happens in year y (seconds, UTC). Its day
 * count is C int arithmetic, so it wraps for far-away years, and it is 0 for years up to
 * 1970; the weekday comes from Zeller's congruence with C division.
 */
function ruleChange(r: RuleDate, y: number, offset: number): number {
  let days = 0;
  if (y > 1970) {
    days = (Math.imul(y - 1970, 365) + (cdiv(y - 1, 4) - 492)) | 0;
    days = (days - (cdiv(y - 1, 100) - 19)) | 0;
    days = (days + (cdiv(y - 1, 400) - 4)) | 0;
  }
  let t = days * 86400;
  const leap = isLeap(y);
  if (r.kind === 'J') {
    t += (r.n - 1) * 86400;
    if (r.n >= 60 && leap) t += 86400;
  } else if (r.kind === 'D') {
    t += r.n * 86400;
  } else {
    const table = MONTH_DAYS_BEFORE[leap ? 1 : 0];
    t += table[r.m - 1] * 86400;
    const m1 = ((r.m + 9) % 12) + 1;
    const yy0 = r.m <= 2 ? (y - 1) | 0 : y;
    const yy1 = cdiv(yy0, 100);
    const yy2 = yy0 % 100;
    let dow = (cdiv(26 * m1 - 2, 10) + 1 + yy2 + cdiv(yy2, 4) + cdiv(yy1, 4) - 2 * yy1) % 7;
    if (dow < 0) dow += 7;
    let d = r.d - dow;
    if (d < 0) d += 7;
    for (let i = 1; i < r.w; i++) {
      if (d + 7 >= table[r.m] - table[r.m - 1]) break;
      d += 7;
    }
    t += d * 86400;
  }
  return t - offset + r.secs;
}

/** The zone type of the POSIX rule at t; undefined when t's UTC year does not fit an int. */
function ruleInfo(rule: PosixRule, t: number): ZoneType | undefined {
  const tm = offtime(t, 0);
  if (tm === undefined) return undefined;
  if (rule.dst === undefined || rule.start === undefined || rule.end === undefined) return rule.std;
  const year = tm.year | 0;
  const start = ruleChange(rule.start, year, rule.std.off);
  const end = ruleChange(rule.end, year, rule.dst.off);
  const isdst = start > end ? t < end || t >= start : t >= start && t < end;
  return isdst ? rule.dst : rule.std;
}

/** glibc's parse of a POSIX TZ string; `partial` keeps a name whose offset failed. */
function parsePosixTz(s: string): PosixRule {
  let i = 0;
  const name = (): string | undefined => {
    if (s[i] === '<') {
      const close = s.indexOf('>', i);
      if (close < 0) return undefined;
      const n = s.slice(i + 1, close);
      if (!/^[A-Za-z0-9+-]{3,}$/.test(n)) return undefined;
      i = close + 1;
      return n;
    }
    const m = /^[A-Za-z]{3,}/.exec(s.slice(i));
    if (m === null) return undefined;
    i += m[0].length;
    return m[0];
  };
  const hms = (signed: boolean): number | undefined => {
    const m = (signed ? /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/ : /^()(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/).exec(s.slice(i));
    if (m === null) return undefined;
    i += m[0].length;
    const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === '-' ? -v : v;
  };
  const date = (): RuleDate | undefined => {
    let r: RuleDate;
    let m: RegExpExecArray | null;
    if ((m = /^J(\d{1,3})/.exec(s.slice(i))) !== null) {
      r = { kind: 'J', n: Number(m[1]), m: 0, w: 0, d: 0, secs: 7200 };
    } else if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(s.slice(i))) !== null) {
      r = { kind: 'M', n: 0, m: Number(m[1]), w: Number(m[2]), d: Number(m[3]), secs: 7200 };
      if (r.m < 1 || r.m > 12 || r.w < 1 || r.w > 5 || r.d > 6) return undefined;
    } else if ((m = /^(\d{1,3})/.exec(s.slice(i))) !== null) {
      r = { kind: 'D', n: Number(m[1]), m: 0, w: 0, d: 0, secs: 7200 };
    } else {
      return undefined;
    }
    i += m[0].length;
    if (s[i] === '/') {
      i++;
      const secs = hms(true);
      if (secs === undefined) return undefined;
      r.secs = secs;
    }
    return r;
  };
  const rule: PosixRule = { std: { off: 0, isdst: false, abbr: '' }, dst: undefined, start: undefined, end: undefined };
  const stdName = name();
  if (stdName === undefined) return rule;
  rule.std.abbr = stdName;
  const stdOff = hms(true);
  if (stdOff === undefined) return rule;
  rule.std.off = -stdOff;
  if (i >= s.length) return rule;
  const dstName = name();
  if (dstName === undefined) return rule;
  let dstOff = rule.std.off + 3600;
  if (s[i] !== ',' && i < s.length) {
    const o = hms(true);
    if (o !== undefined) dstOff = -o;
  }
  rule.dst = { off: dstOff, isdst: true, abbr: dstName };
  if (s[i] === ',') {
    i++;
    rule.start = date();
    if (s[i] === ',') {
      i++;
      rule.end = date();
    }
  }
  if (rule.start === undefined || rule.end === undefined) {
    // No rules: glibc takes them from the "posixrules" file (see posixRulesZone), else
    // from the US default.
    rule.start = { kind: 'M', n: 0, m: 3, w: 2, d: 0, secs: 7200 };
    rule.end = { kind: 'M', n: 0, m: 11, w: 1, d: 0, secs: 7200 };
    rule.defaulted = true;
  }
  return rule;
}

function parseTzif(buf: Buffer): Zone | undefined {
  if (buf.length < 44 || buf.toString('latin1', 0, 4) !== 'TZif') return undefined;
  const version = buf[4];
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((k) => buf.readUInt32BE(at + 20 + 4 * k));
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0);
  let at = 44;
  let wide = false;
  if (version >= 0x32) {
    // Skip the 32-bit block; the 64-bit one follows with its own header.
    at += timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(at);
    at += 44;
    wide = true;
  }
  const transitions: number[] = [];
  for (let k = 0; k < timecnt; k++) {
    transitions.push(wide ? Number(buf.readBigInt64BE(at + 8 * k)) : buf.readInt32BE(at + 4 * k));
  }
  at += timecnt * (wide ? 8 : 4);
  const typeIdx: number[] = [];
  for (let k = 0; k < timecnt; k++) typeIdx.push(buf[at + k]);
  at += timecnt;
  const raw: [number, boolean, number][] = [];
  for (let k = 0; k < typecnt; k++) raw.push([buf.readInt32BE(at + 6 * k), buf[at + 6 * k + 4] !== 0, buf[at + 6 * k + 5]]);
  at += typecnt * 6;
  const chars = buf.toString('latin1', at, at + charcnt);
  at += charcnt + leap * (wide ? 12 : 8) + isstd + isut;
  const types = raw.map(([off, isdst, ai]) => ({ off, isdst, abbr: chars.slice(ai, chars.indexOf('\0', ai) < 0 ? undefined : chars.indexOf('\0', ai)) }));
  let rule: PosixRule | undefined;
  if (wide && buf[at] === 0x0a) {
    const endAt = buf.indexOf(0x0a, at + 1);
    const spec = buf.toString('latin1', at + 1, endAt < 0 ? buf.length : endAt);
    if (spec !== '') rule = parsePosixTz(spec);
  }
  if (types.length === 0) return undefined;
  return { transitions, typeIdx, types, rule };
}

/**
 * glibc's __tzfile_default: a TZ string with DST names but no rules takes the transitions
 * of the posixrules file, shifted to the requested offsets, and keeps that file's own TZ
 * string for later times. The shifts are what glibc 2.36 does: daylight offsets are
 * compared with a stale value (0 at first, then the previous parse's DST offset).
 */
function posixRulesZone(rule: PosixRule, path: string): Zone | undefined {
  const file = readZoneFile(path);
  if (file === undefined || file.types.length < 2 || rule.dst === undefined) return undefined;
  let ruleStd = 0;
  for (let i = file.transitions.length - 1; i >= 0; i--) {
    const ty = file.types[file.typeIdx[i]];
    if (!ty.isdst) {
      ruleStd = ty.off;
      break;
    }
  }
  const transitions: number[] = [];
  const typeIdx: number[] = [];
  let isdst = false;
  for (let i = 0; i < file.transitions.length; i++) {
    transitions.push(file.transitions[i] + (isdst ? rule.dst.off - posixRulesDst : rule.std.off - ruleStd));
    isdst = file.types[file.typeIdx[i]].isdst;
    typeIdx.push(isdst ? 1 : 0);
  }
  posixRulesDst = rule.dst.off;
  return { transitions, typeIdx, types: [rule.std, rule.dst], rule: file.rule };
}

function zoneInfo(z: Zone, t: number): ZoneType {
  const tr = z.transitions;
  if (tr.length === 0 || t < tr[0]) {
    // Before any transition: the first standard-time type.
    const std = z.types.find((ty) => !ty.isdst);
    return std ?? z.types[0];
  }
  if (t >= tr[tr.length - 1] && z.rule !== undefined) {
    return ruleInfo(z.rule, t) ?? z.types[z.typeIdx[tr.length - 1]];
  }
  let lo = 0;
  let hi = tr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tr[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return z.types[z.typeIdx[lo]];
}

let zoneKey: string | undefined | null = null;
let zoneReparse = false;
/** glibc's rule_dstoff as __tzfile_default finds it: 0 at first, then the last DST offset. */
let posixRulesDst = 0;
let zoneLookup: (t: number) => ZoneType | undefined = () => UTC;
const UTC: ZoneType = { off: 0, isdst: false, abbr: 'UTC' };

function readZoneFile(path: string): Zone | undefined {
  try {
    return parseTzif(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The local time zone from TZ, re-read when TZ changes (glibc's tzset). */
function localZone(tzset = false): (t: number) => ZoneType | undefined {
  const tz = process.env.TZ;
  if (tz === zoneKey && !(tzset && zoneReparse)) return zoneLookup;
  zoneKey = tz;
  zoneReparse = false;
  if (tz === undefined) {
    const z = readZoneFile('/etc/localtime');
    // glibc falls back to UTC; a system without zone files (Windows) has only the JS clock.
    zoneLookup = z !== undefined ? (t) => zoneInfo(z, t) : process.platform === 'win32' ? jsZone : () => UTC;
    return zoneLookup;
  }
  let spec = tz === '' ? 'Universal' : tz;
  if (spec.startsWith(':')) spec = spec.slice(1);
  const dir = process.env.TZDIR ?? '/usr/share/zoneinfo';
  const z = spec === '' ? undefined : readZoneFile(spec.startsWith('/') ? spec : `${dir}/${spec}`);
  if (z !== undefined) {
    zoneLookup = (t) => zoneInfo(z, t);
  } else if (spec === '') {
    zoneLookup = () => UTC;
  } else {
    // Not a zone file: a POSIX TZ string such as "EST5EDT,M3.2.0,M11.1.0".
    const rule = parsePosixTz(spec);
    const pz = rule.defaulted ? posixRulesZone(rule, `${dir}/posixrules`) : undefined;
    // glibc forgets such a TZ after parsing it, so the next tzset() parses it again.
    if (pz !== undefined) zoneReparse = true;
    zoneLookup = pz !== undefined ? (t) => zoneInfo(pz, t) : (t) => ruleInfo(rule, t);
  }
  return zoneLookup;
}

function jsZone(t: number): ZoneType {
  const ms = Math.max(-8.64e15, Math.min(8.64e15, t * 1000));
  const d = new Date(ms);
  const off = -Math.round(d.getTimezoneOffset() * 60);
  const y = d.getFullYear();
  const jan = -new Date(y, 0, 1).getTimezoneOffset() * 60;
  const jul = -new Date(y, 6, 1).getTimezoneOffset() * 60;
  return { off, isdst: off > Math.min(jan, jul), abbr: '' };
}

/** localtime(t), or undefined when the year does not fit a C int. */
function localtime(t: number): Tm | undefined {
  const info = localZone()(t);
  if (info === undefined) return undefined;
  const tm = offtime(t, info.off);
  if (tm === undefined) return undefined;
  tm.isdst = info.isdst ? 1 : 0;
  tm.zone = info.abbr;
  return tm;
}

function gmtime(t: number): Tm | undefined {
  return offtime(t, 0);
}

// ---- mktime: glibc's search for the time whose local breakdown is the requested one ----

interface TmRequest {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  mon: number;
  year: number; // tm_year (years since 1900), a C int
  isdst: number;
}

/** glibc remembers the last offset found as the next first guess. */
let mktimeGuess = 0;

/** Seconds from the epoch to a (tm_year, yday, h, m, s) read as UTC; BigInt for exactness. */
function ydhms(year: number, yday: number, hour: number, min: number, sec: number): bigint {
  const y = year + 1900;
  return BigInt(daysBeforeYear(y) + yday) * 86400n + BigInt(hour) * 3600n + BigInt(min) * 60n + BigInt(sec);
}

interface Probe {
  ls: bigint; // t's local broken-down time as seconds (t + UTC offset)
  isdst: boolean;
}

/** localtime(t) for mktime: undefined when the result overflows (EOVERFLOW). */
function convert(t: bigint): Probe | undefined {
  const info = localZone()(Number(t));
  if (info === undefined || offtime(t, info.off) === undefined) return undefined;
  return { ls: t + BigInt(info.off), isdst: info.isdst };
}

const TIME_MIN = -(2n ** 63n);
const TIME_MAX = 2n ** 63n - 1n;

/** glibc's ranged_convert: where t overflows, the convertible time nearest to it toward 0. */
function rangedConvert(t: bigint): { t: bigint; p: Probe } | undefined {
  const t1 = t < TIME_MIN ? TIME_MIN : t > TIME_MAX ? TIME_MAX : t;
  const p = convert(t1);
  if (p !== undefined) return { t: t1, p };
  let bad = t1;
  let ok = 0n;
  let okp: Probe | undefined;
  for (;;) {
    const mid = (ok >> 1n) + (bad >> 1n) + ((ok | bad) & 1n);
    if (mid === ok || mid === bad) break;
    const m = convert(mid);
    if (m !== undefined) {
      ok = mid;
      okp = m;
    } else {
      bad = mid;
    }
  }
  return okp === undefined ? undefined : { t: ok, p: okp };
}

/** glibc's __mktime_internal (the C int tm fields arrive already wrapped). */
function mktime(req: TmRequest): bigint | undefined {
  localZone(true); // mktime calls tzset()
  const secRequested = req.sec;
  const sec = Math.max(0, Math.min(59, secRequested));
  // Months beyond 0..11 carry into the year (C division truncates toward zero).
  const monRem = req.mon % 12;
  const negRem = monRem < 0 ? 1 : 0;
  const year = req.year + Math.trunc(req.mon / 12) - negRem;
  const yday = MONTH_DAYS_BEFORE[isLeap(year + 1900) ? 1 : 0][monRem + 12 * negRem] - 1 + req.mday;
  const L = ydhms(year, yday, req.hour, req.min, sec);
  const t0 = L + BigInt(mktimeGuess);
  let t = t0;
  let t1 = t0;
  let t2 = t0;
  let probes = 6;
  let cur: Probe;
  search: {
    for (;;) {
      const r = rangedConvert(t);
      if (r === undefined) return undefined;
      t = r.t;
      cur = r.p;
      const dt = L - cur.ls;
      if (dt === 0n) break;
      // Oscillating across a spring-forward gap: stop on the side whose isdst differs
      // from the requested one (DST when none was requested).
      if (t === t1 && t !== t2 && (req.isdst < 0 ? cur.isdst : (req.isdst !== 0) !== cur.isdst)) break search;
      if (--probes === 0) return undefined;
      t1 = t2;
      t2 = t;
      t += dt;
    }
    if (req.isdst >= 0 && (req.isdst !== 0) !== cur.isdst) {
      // Wrong isdst: use the offset of a nearby time that has the requested one.
      const stride = 601200;
      const bound = 457243200 / 2 + stride;
      for (let delta = stride; delta < bound; delta += stride) {
        for (const dir of [-1, 1]) {
          const o = rangedConvert(t + BigInt(delta * dir));
          if (o === undefined) return undefined;
          if (o.p.isdst === (req.isdst !== 0)) {
            const gt = o.t + (L - o.p.ls);
            const g = gt >= TIME_MIN && gt <= TIME_MAX ? convert(gt) : undefined;
            if (g !== undefined) {
              t = gt;
              cur = g;
              break search;
            }
          }
        }
      }
      t += BigInt(3600 * ((req.isdst === 0 ? 1 : 0) - (cur.isdst ? 0 : 1)));
      const g = convert(t);
      if (g === undefined) return undefined;
      cur = g;
    }
  }
  mktimeGuess = Number(t - L);
  const tmSec = Number(((cur.ls % 60n) + 60n) % 60n);
  if (secRequested !== tmSec) {
    t += BigInt(secRequested - sec);
    if (convert(t) === undefined) return undefined;
  }
  return t;
}

// ---- strftime: glibc 2.36 in the C locale ----

const WDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

class TooLong {}

function isoWeekDays(yday: number, wday: number): number {
  const big = (Math.trunc(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + big) % 7) + 3;
}

/** strftime into at most `max` bytes (counting the NUL); throws TooLong beyond. */
function strftime(fmt: string, tm: Tm, upcase: boolean, max: number): string {
  let out = '';
  const push = (s: string): void => {
    if (out.length + s.length >= max) throw new TooLong();
    out += s;
  };
  for (let f = 0; f < fmt.length; f++) {
    if (fmt[f] !== '%') {
      push(fmt[f]);
      continue;
    }
    let pad = '';
    let width = -1;
    let toUpper = upcase;
    let toLower = false;
    let changeCase = false;
    for (;;) {
      const c = fmt[++f];
      if (c === '_' || c === '-' || c === '0') pad = c;
      else if (c === '^') toUpper = true;
      else if (c === '#') changeCase = true;
      else break;
    }
    if (f < fmt.length && fmt[f] >= '0' && fmt[f] <= '9') {
      width = 0;
      do {
        width = Math.min(width * 10 + (fmt.charCodeAt(f) - 48), 2147483647);
        f++;
      } while (f < fmt.length && fmt[f] >= '0' && fmt[f] <= '9');
    }
    let modifier = '';
    if (fmt[f] === 'E' || fmt[f] === 'O') modifier = fmt[f++];

    /** glibc's add(): pads to the field width with spaces, or zeros for the 0 flag. */
    const add = (s: string): void => {
      const delta = width - s.length;
      if (delta > 0) {
        if (out.length + delta >= max) throw new TooLong();
        push((pad === '0' ? '0' : ' ').repeat(delta));
      }
      push(s);
    };
    const cpy = (s: string): void => add(toLower ? s.toLowerCase() : toUpper ? s.toUpperCase() : s);
    const number = (digits: number, value: number, spacepad = false): void => {
      if (spacepad && pad !== '0' && pad !== '-') pad = '_';
      digits = digits > width ? digits : width;
      const negative = value < 0;
      let s = String(Math.abs(value));
      if (negative) s = '-' + s;
      if (pad !== '-') {
        const padding = digits - s.length;
        if (padding > 0) {
          if (out.length + padding >= max) throw new TooLong();
          if (pad === '_') {
            push(' '.repeat(padding));
            width = width > padding ? width - padding : 0;
          } else {
            if (negative) {
              push('-');
              s = s.slice(1);
            }
            push('0'.repeat(padding));
            width = 0;
          }
        }
      }
      cpy(s);
    };
    const sub = (subfmt: string): void => {
      let s = strftime(subfmt, tm, toUpper, Infinity);
      if (toUpper) s = s.toUpperCase();
      add(s);
    };
    const badFormat = (): void => {
      let from = f;
      while (fmt[from] !== '%') from--;
      cpy(fmt.slice(from, f + 1));
    };
    const year = tm.year | 0; // tm_year + 1900 computed in a C int
    const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
    const c = fmt[f];
    switch (c) {
      case '%':
        if (modifier !== '') badFormat();
        else add('%');
        break;
      case 'a':
        if (modifier !== '') { badFormat(); break; }
        if (changeCase) { toUpper = true; toLower = false; }
        cpy(WDAY[tm.wday].slice(0, 3));
        break;
      case 'A':
        if (modifier !== '') { badFormat(); break; }
        if (changeCase) { toUpper = true; toLower = false; }
        cpy(WDAY[tm.wday]);
        break;
      case 'b':
      case 'h':
        if (changeCase) { toUpper = true; toLower = false; }
        if (modifier === 'E') { badFormat(); break; }
        cpy(MONTH[tm.mon].slice(0, 3));
        break;
      case 'B':
        if (changeCase) { toUpper = true; toLower = false; }
        if (modifier === 'E') { badFormat(); break; }
        cpy(MONTH[tm.mon]);
        break;
      case 'c':
        if (modifier === 'O') badFormat();
        else sub('%a %b %e %H:%M:%S %Y');
        break;
      case 'C':
        number(1, Math.trunc(year / 100) - (year % 100 < 0 ? 1 : 0));
        break;
      case 'x':
        if (modifier === 'O') badFormat();
        else sub('%m/%d/%y');
        break;
      case 'D':
        if (modifier !== '') badFormat();
        else sub('%m/%d/%y');
        break;
      case 'd':
        if (modifier === 'E') badFormat();
        else number(2, tm.mday);
        break;
      case 'e':
        if (modifier === 'E') badFormat();
        else number(2, tm.mday, true);
        break;
      case 'F':
        if (modifier !== '') badFormat();
        else sub('%Y-%m-%d');
        break;
      case 'H':
        if (modifier === 'E') badFormat();
        else number(2, tm.hour);
        break;
      case 'I':
        if (modifier === 'E') badFormat();
        else number(2, hour12);
        break;
      case 'k':
        if (modifier === 'E') badFormat();
        else number(2, tm.hour, true);
        break;
      case 'l':
        if (modifier === 'E') badFormat();
        else number(2, hour12, true);
        break;
      case 'j':
        if (modifier === 'E') badFormat();
        else number(3, 1 + tm.yday);
        break;
      case 'M':
        if (modifier === 'E') badFormat();
        else number(2, tm.min);
        break;
      case 'm':
        if (modifier === 'E') badFormat();
        else number(2, tm.mon + 1);
        break;
      case 'n':
        add('\n');
        break;
      case 't':
        add('\t');
        break;
      case 'P':
      case 'p':
        if (c === 'P') toLower = true;
        if (changeCase) { toUpper = false; toLower = true; }
        cpy(tm.hour > 11 ? 'PM' : 'AM');
        break;
      case 'R':
        sub('%H:%M');
        break;
      case 'r':
        sub('%I:%M:%S %p');
        break;
      case 'S':
        if (modifier === 'E') badFormat();
        else number(2, tm.sec);
        break;
      case 's': {
        // mktime of the broken-down time (local time, even for a "!" format).
        const t = mktime({ sec: tm.sec, min: tm.min, hour: tm.hour, mday: tm.mday, mon: tm.mon, year: tm.year - 1900, isdst: tm.isdst });
        cpy(String(t ?? -1n));
        break;
      }
      case 'X':
        if (modifier === 'O') badFormat();
        else sub('%H:%M:%S');
        break;
      case 'T':
        sub('%H:%M:%S');
        break;
      case 'u':
        number(1, ((tm.wday - 1 + 7) % 7) + 1);
        break;
      case 'U':
        if (modifier === 'E') badFormat();
        else number(2, Math.trunc((tm.yday - tm.wday + 7) / 7));
        break;
      case 'V':
      case 'g':
      case 'G': {
        if (modifier === 'E') { badFormat(); break; }
        let y = year;
        let days = isoWeekDays(tm.yday, tm.wday);
        if (days < 0) {
          y = (y - 1) | 0;
          days = isoWeekDays(tm.yday + (365 + (isLeap(y) ? 1 : 0)), tm.wday);
        } else {
          const d = isoWeekDays(tm.yday - (365 + (isLeap(y) ? 1 : 0)), tm.wday);
          if (d >= 0) {
            y = (y + 1) | 0;
            days = d;
          }
        }
        if (c === 'g') number(2, ((y % 100) + 100) % 100);
        else if (c === 'G') number(1, y);
        else number(2, Math.trunc(days / 7) + 1);
        break;
      }
      case 'W':
        if (modifier === 'E') badFormat();
        else number(2, Math.trunc((tm.yday - ((tm.wday - 1 + 7) % 7) + 7) / 7));
        break;
      case 'w':
        if (modifier === 'E') badFormat();
        else number(1, tm.wday);
        break;
      case 'Y':
        if (modifier === 'O') badFormat();
        else number(1, year);
        break;
      case 'y':
        number(2, ((((tm.year - 1900) | 0) % 100) + 100) % 100);
        break;
      case 'Z':
        if (changeCase) { toUpper = false; toLower = true; }
        cpy(tm.zone);
        break;
      case 'z': {
        let diff = tm.gmtoff;
        if (diff < 0) {
          add('-');
          diff = -diff;
        } else {
          add('+');
        }
        diff = Math.trunc(diff / 60);
        number(4, Math.trunc(diff / 60) * 100 + (diff % 60));
        break;
      }
      case undefined:
        f--; // a lone '%' at the end
        badFormat();
        break;
      default:
        badFormat();
    }
  }
  return out;
}

// ---- errno text for os.remove / os.rename (glibc's strerror) ----

// ---- setlocale: only the C locales exist for luajit's string functions ----

const LC_NAMES = ['LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES', 'LC_ALL',
  'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT', 'LC_IDENTIFICATION'];
const LC_OPTIONS = ['ctype', 'numeric', 'time', 'collate', 'monetary', '\xff', 'all'];

function knownLocale(name: string): string | undefined {
  if (name === 'C' || name === 'POSIX') return 'C';
  if (name === 'C.UTF-8' || name === 'C.utf8') return name;
  try {
    lstatSync(`/usr/lib/locale/${toHost(name)}`);
    return name;
  } catch {
    return undefined;
  }
}

// ---- the library ----

function checkInt32(v: LuaValue, arg: number, nargs?: number): number {
  return toInt32(checkNumber(v, arg, nargs));
}

/** getfield of Lua 5.1's os.time: a number (or numeric string) field, or the default. */
function dateField(t: LuaTable, key: string, d: number): number {
  const v = index(t, key);
  const n = toNumber(v);
  if (n !== undefined) return toCInt(n);
  if (d < 0) throw libError(`field '${key}' missing in date table`);
  return d;
}

/** The output size limits luajit tries for strftime: buffers of 32 << k bytes. */
function dateBufferLimit(fmt: string): number {
  let sz = 0;
  for (let i = 0; i < fmt.length; i++) sz += fmt[i] === '%' ? 30 : 1;
  sz >>>= 0;
  let size = 32;
  for (let k = 0; k < 3; k++) sz += sz | 1;
  while (size < sz) size *= 2;
  return size;
}

export function createOsLib(options: OsOptions = {}): LuaTable {
  const cpuStart = process.cpuUsage();
  const locale: string[] = LC_NAMES.map(() => 'C');

  const lib = makeLib({
    execute: (...args: LuaValue[]) => {
      const cmd = args[0] === undefined ? undefined : checkString(args[0], 1);
      if (cmd === undefined) return 1;
      options.flush?.();
      const r = spawnSync('/bin/sh', ['-c', toHost(cmd)], { stdio: 'inherit' });
      if (r.error !== undefined) return 127 << 8;
      if (r.signal !== null) {
        const signals: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6,
          SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 };
        return signals[r.signal] ?? 0;
      }
      return (r.status ?? 0) << 8;
    },
    remove: (...args: LuaValue[]) => {
      const name = checkString(args[0], 1, args.length);
      const path = toHost(name);
      try {
        try {
          unlinkSync(path);
        } catch (e) {
          // C's remove() falls back to rmdir for directories.
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'EISDIR' && code !== 'EPERM') throw e;
          if (!lstatSync(path).isDirectory()) throw e;
          rmdirSync(path);
        }
        return true;
      } catch (e) {
        return fileResult(e, name);
      }
    },
    rename: (...args: LuaValue[]) => {
      const from = checkString(args[0], 1, args.length);
      const to = checkString(args[1], 2, args.length);
      try {
        renameSync(toHost(from), toHost(to));
        return true;
      } catch (e) {
        return fileResult(e, from);
      }
    },
    tmpname: () => {
      const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
      for (let attempt = 0; attempt < 100; attempt++) {
        const bytes = randomBytes(6);
        let name = '/tmp/lua_';
        for (const b of bytes) name += chars[b % chars.length];
        try {
          closeSync(openSync(name, 'wx', 0o600));
          return name;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break;
        }
      }
      throw libError('unable to generate a unique filename');
    },
    getenv: (...args: LuaValue[]) => {
      const v = process.env[toHost(checkString(args[0], 1, args.length))];
      return v === undefined ? undefined : fromHost(v);
    },
    exit: (...args: LuaValue[]) => {
      const v = args[0];
      const code = typeof v === 'boolean' ? (v ? 0 : 1) : v === undefined ? 0 : checkInt32(v, 1);
      throw new ExitRequest(code);
    },
    clock: () => {
      const u = process.cpuUsage(cpuStart);
      return (u.user + u.system) / 1e6;
    },
    date: (...args: LuaValue[]): LuaResult => {
      let fmt = args[0] === undefined ? '%c' : checkString(args[0], 1);
      let t: number | undefined;
      if (args[1] === undefined) t = Math.floor(Date.now() / 1000);
      else t = toTimeT(checkNumber(args[1], 2));
      let tm: Tm | undefined;
      if (fmt.startsWith('!')) {
        fmt = fmt.slice(1);
        tm = t === undefined ? undefined : gmtime(t);
      } else {
        tm = t === undefined ? undefined : localtime(t);
      }
      if (tm === undefined) return undefined;
      if (fmt === '*t') {
        const r = new LuaTable();
        r.set('sec', tm.sec);
        r.set('min', tm.min);
        r.set('hour', tm.hour);
        r.set('day', tm.mday);
        r.set('month', tm.mon + 1);
        r.set('year', tm.year | 0); // tm_year + 1900 in a C int
        r.set('wday', tm.wday + 1);
        r.set('yday', tm.yday + 1);
        r.set('isdst', tm.isdst !== 0);
        return r;
      }
      if (fmt === '') return '';
      try {
        const s = strftime(fmt, tm, false, dateBufferLimit(fmt));
        if (s !== '') return s;
      } catch (e) {
        if (!(e instanceof TooLong)) throw e;
      }
      // strftime never fitted: luajit returns whatever is on top of its stack, the last argument.
      return args.length > 0 ? args[args.length - 1] : NONE;
    },
    time: (...args: LuaValue[]) => {
      const v = args[0];
      if (v === undefined) return Math.floor(Date.now() / 1000);
      if (!(v instanceof LuaTable)) throw argError(1, `table expected, got ${typeName(v)}`);
      const sec = dateField(v, 'sec', 0);
      const min = dateField(v, 'min', 0);
      const hour = dateField(v, 'hour', 12);
      const mday = dateField(v, 'day', -1);
      const mon = (dateField(v, 'month', -1) - 1) | 0;
      const year = (dateField(v, 'year', -1) - 1900) | 0;
      const d = index(v, 'isdst');
      const isdst = d === undefined ? -1 : truthy(d) ? 1 : 0;
      const t = mktime({ sec, min, hour, mday, mon, year, isdst });
      return t === undefined || t === -1n ? undefined : Number(t);
    },
    difftime: (...args: LuaValue[]) => {
      // luajit's C call evaluates the second argument first, so it is the one reported
      const t1 = args[1] === undefined ? 0 : toTimeT(checkNumber(args[1], 2));
      const t2 = toTimeT(checkNumber(args[0], 1, args.length));
      return (t2 ?? -(2 ** 63)) - (t1 ?? -(2 ** 63));
    },
    setlocale: (...args: LuaValue[]) => {
      const name = args[0] === undefined ? undefined : checkString(args[0], 1);
      let opt = 6;
      if (args[1] !== undefined) {
        const o = checkString(args[1], 2);
        opt = LC_OPTIONS.indexOf(o);
        if (opt < 0) throw argError(2, `invalid option '${o}'`);
      }
      const cats = opt === 6 ? LC_NAMES.map((_, i) => i).filter((i) => i !== 6) : [opt];
      if (name !== undefined) {
        const resolved: string[] = [];
        for (const c of cats) {
          let n = name;
          if (n === '') n = fromHost(process.env.LC_ALL || process.env[LC_NAMES[c]] || process.env.LANG || 'C');
          const k = knownLocale(n);
          if (k === undefined) return undefined;
          resolved.push(k);
        }
        cats.forEach((c, i) => { locale[c] = resolved[i]; });
      }
      if (opt !== 6) return locale[opt];
      const all = LC_NAMES.map((_, i) => i).filter((i) => i !== 6);
      if (all.every((i) => locale[i] === locale[0])) return locale[0];
      return all.map((i) => `${LC_NAMES[i]}=${locale[i]}`).join(';');
    },
  });
  const ids: Record<string, number> = { execute: 116, remove: 117, rename: 118, tmpname: 119, getenv: 120, exit: 121,
    clock: 122, date: 123, time: 124, difftime: 125, setlocale: 126 };
  for (const [name, id] of Object.entries(ids)) (lib.get(name) as { builtin?: number }).builtin = id;
  return lib;
}
