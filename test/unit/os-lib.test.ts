// Differential tests of the os library against luajit (see luajit-diff.ts): os.date and
// os.time under several TZ settings, with fixed timestamps only.
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaFunction, LuaValue } from '../../runtime/lua/value.js';
import { createOsLib, ExitRequest } from '../../runtime/stdlib/os.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { call, line, lit, luajitAvailable, pcall, rng, runDiff, type DiffCase } from './luajit-diff.js';

const OS = createOsLib();
const rand = rng(2024);
const int = (n: number): number => Math.floor(rand() * n);
const fn = (name: string): LuaFunction => OS.get(name) as LuaFunction;

const PRELUDE = String.raw`
local function tm(t)
  if type(t) ~= 'table' then return t end
  return string.format('%d-%d-%d %d:%d:%d w%d y%d %s', t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, tostring(t.isdst))
end
`;

function tmString(v: LuaValue): LuaValue {
  if (!(v instanceof LuaTable)) return v;
  const g = (k: string): string => String(v.get(k));
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('min')}:${g('sec')} w${g('wday')} y${g('yday')} ${g('isdst')}`;
}

const CONVERSIONS = 'aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%';
const JUNK = 'EOQqfiJKLNvo+:1 ';

function randomFormat(): string {
  let s = '';
  const parts = 1 + int(4);
  for (let p = 0; p < parts; p++) {
    if (rand() < 0.2) s += ['x', ' ', '-', 'abc', ':', '\t'][int(6)];
    s += '%';
    if (rand() < 0.4) {
      const n = 1 + int(2);
      for (let k = 0; k < n; k++) s += '_-0^#'[int(5)];
    }
    if (rand() < 0.3) s += String([0, 1, 2, 3, 5, 8, 10, 12, 20][int(9)]);
    if (rand() < 0.15) s += 'EO'[int(2)];
    s += rand() < 0.9 ? CONVERSIONS[int(CONVERSIONS.length)] : JUNK[int(JUNK.length)];
  }
  if (rand() < 0.05) s += '%';
  return s;
}

const TIMES = [0, -1, 1, 86399, 86400, 951782400, 951868800, 1700000000, 1690000000, 1711846800, 1730613600,
  1104537600, 1230768000, 1262304000, 1293753600, 1009843200, 2147483647, 2147483648, -2147483648, 4102444800,
  -2208988800, -5000000000, -62135596800, -62198755200, -62198755200 - 86400 * 400, -46430755200, 253402300799,
  253402300800, 1e12, -1e12, 1e15, -1e15, 67767976233532799, -67768040609740800, 6.7768036191677e16, 1e100, NaN,
  1.9, -1.9, 1700000000.5, 1677378600, 1698541200, 1679792400, 1667091600, 1635638400];

function dateCase(cases: DiffCase[], fmt: LuaValue, t?: LuaValue, nargs = 2): void {
  const args: LuaValue[] = nargs === 1 ? [fmt] : [fmt, t];
  const direct = typeof fmt !== 'string' || !fmt.endsWith('*t');
  cases.push({
    lua: direct
      ? `call(os.date, ${args.map(lit).join(', ')})`
      : `out(pcall(function(...) return tm(os.date(...)) end, ${args.map(lit).join(', ')}))`,
    js: () => {
      const r = pcall(fn('date'), ...args);
      return line(r[0], tmString(r[1]));
    },
  });
}

function timeCase(cases: DiffCase[], fields: Record<string, LuaValue>): void {
  const entries = Object.entries(fields);
  cases.push({
    lua: `call(os.time, {${entries.map(([k, v]) => `${k} = ${lit(v)}`).join(', ')}})`,
    js: () => {
      const t = new LuaTable();
      for (const [k, v] of entries) t.set(k, v);
      return call(fn('time'), t);
    },
  });
}

function zoneCases(full: boolean): DiffCase[] {
  const cases: DiffCase[] = [];
  const fmts = ['%c', '%Z %z', '%s', '*t', '!*t', '%x %X %p %j %U %W %V %G %g %u %w', '!%c %Z %z %s'];
  for (const t of TIMES) for (const f of fmts) dateCase(cases, f, t);
  // Normal and ambiguous local times, with and without isdst hints.
  timeCase(cases, { year: 2023, month: 6, day: 1 });
  for (const [month, day, hour, min] of [[3, 12, 2, 30], [3, 12, 1, 59], [3, 12, 3, 0], [11, 5, 1, 30], [11, 5, 0, 59],
    [11, 5, 2, 0], [3, 26, 2, 30], [10, 29, 2, 30], [10, 1, 2, 30], [4, 2, 2, 30], [7, 1, 12, 0], [1, 1, 0, 0]]) {
    for (const isdst of [undefined, true, false]) {
      timeCase(cases, { year: 2023, month: 6, day: 1 });
      timeCase(cases, isdst === undefined ? { year: 2023, month, day, hour, min } : { year: 2023, month, day, hour, min, isdst });
    }
  }
  const n = full ? 150 : 40;
  for (let i = 0; i < n; i++) {
    const fields: Record<string, LuaValue> = {
      year: [1970, 2000, 2023, 2024, 1900, 1800, 2100, 2038, 1969][int(9)],
      month: int(3) === 0 ? int(30) - 8 : 1 + int(12),
      day: int(3) === 0 ? int(80) - 20 : 1 + int(28),
    };
    if (rand() < 0.7) fields.hour = int(3) === 0 ? int(60) - 10 : int(24);
    if (rand() < 0.6) fields.min = int(3) === 0 ? int(200) - 60 : int(60);
    if (rand() < 0.6) fields.sec = int(3) === 0 ? int(200) - 60 : int(60);
    if (rand() < 0.2) fields.isdst = rand() < 0.5;
    timeCase(cases, fields);
  }
  return cases;
}

// ---- UTC: every strftime conversion, flag, width and modifier ----

const utc: DiffCase[] = zoneCases(true);
for (let i = 0; i < 1500; i++) {
  const f = randomFormat();
  dateCase(utc, rand() < 0.5 ? f : '!' + f, TIMES[int(TIMES.length)]);
}
for (const c of CONVERSIONS + JUNK) {
  for (const pre of ['', 'E', 'O', '#', '^', '_', '-', '0', '10', '-10', '_10', '010', '#E', '#O', '^#']) {
    dateCase(utc, `%${pre}${c}`, 1700000000);
    dateCase(utc, `!%${pre}${c}`, -62198755200 - 86400 * 400);
  }
}
for (const f of ['', '!', '%', 'abc%', '%E', '%O', '%5', '%100d', '%1000d', '%260d', '%255d', '%256d', '%2147483647d',
  '%99999999999d', 'x%30Yx%30Yx', '*t', '!*t', '%*t', 5, 12.5]) {
  dateCase(utc, f, 1700000000);
  // Without a time only formats whose output does not depend on the clock.
  if (typeof f !== 'string' || !/%[0-9]*[a-zA-Z]|\*t/.test(f) || /^%[0-9]{4,}d$/.test(f)) dateCase(utc, f, undefined, 1);
}
dateCase(utc, '%c', 'x');
dateCase(utc, '%c', '1700000000');
dateCase(utc, new LuaTable() as LuaValue, 0);
dateCase(utc, undefined, 86400);
for (const bad of [[{ year: 2023, month: 11 }], [{ year: 2023, day: 1 }], [{ month: 1, day: 1 }], [{ year: 'x', month: 1, day: 1 }]]) {
  timeCase(utc, bad[0] as Record<string, LuaValue>);
}
for (const fields of [
  { year: '2023', month: '1', day: '1.7' }, { year: 2023, month: 1, day: 1, hour: 'x' },
  { year: 2023, month: 1, day: 1, hour: 1.9, min: -1.9 }, { year: 2023, month: 1, day: 1, isdst: 0 },
  { year: 1e10, month: 1, day: 1 }, { year: 2 ** 31 + 5, month: 1, day: 1 }, { year: -(2 ** 31), month: 1, day: 1 },
  { year: 2023, month: 2 ** 32 + 1, day: 1 }, { year: 2023, month: 1, day: 1, sec: 2 ** 31 },
  { year: 1900, month: 1, day: 1 }, { year: 0, month: 1, day: 1 }, { year: -1000000, month: 1, day: 1 },
  { year: 2147483647 + 1900, month: 12, day: 31, hour: 23, min: 59, sec: 59 }, { year: 2147483647 + 1900, month: 12, day: 32 },
  { year: 1969, month: 12, day: 31, hour: 23, min: 59, sec: 59 }, { year: 2023, month: 1, day: 1, sec: 1e300 },
  { year: 2023, month: 1, day: 1, min: NaN }, { year: 2023, month: 14, day: -3, hour: 25, min: 61, sec: -1 },
] as Record<string, LuaValue>[]) {
  timeCase(utc, fields);
}
for (const args of [['x'], [undefined]] as LuaValue[][]) {
  if (args[0] === undefined) continue;
  utc.push({ lua: `call(os.time, ${args.map(lit).join(', ')})`, js: () => call(fn('time'), ...args) });
}
// difftime, getenv, remove, rename, setlocale (stateful, in order), exit's argument check.
for (const args of [[1.5, 0.5], [5], [1, 'x'], ['10', '4'], [2 ** 53, 1], [-1.9, 1.9]] as LuaValue[][]) {
  utc.push({ lua: `call(os.difftime, ${args.map(lit).join(', ')})`, js: () => call(fn('difftime'), ...args) });
}
utc.push({ lua: 'out(pcall(os.difftime))', js: () => call(fn('difftime')) });
for (const args of [['ROVERC_TEST_VAR'], ['ROVERC_SURELY_UNSET'], [1], [undefined]] as LuaValue[][]) {
  utc.push({ lua: `call(os.getenv, ${args.map(lit).join(', ')})`, js: () => call(fn('getenv'), ...args) });
}
utc.push({ lua: 'out(pcall(os.getenv))', js: () => call(fn('getenv')) });
for (const [name, args] of [['remove', ['/tmp/roverc-surely-missing']], ['rename', ['/tmp/roverc-surely-missing', '/tmp/x']],
  ['rename', ['a']], ['remove', [{}]], ['remove', ['/tmp/roverc-missing-dir/x']]] as [string, LuaValue[]][]) {
  utc.push({
    lua: `call(os.${name}, ${args.map((a) => (typeof a === 'object' ? '{}' : lit(a))).join(', ')})`,
    js: () => call(fn(name), ...args.map((a) => (typeof a === 'object' ? new LuaTable() : a))),
  });
}
utc.push({ lua: 'out(pcall(os.remove))', js: () => call(fn('remove')) });
for (const args of [[], ['C'], ['POSIX'], [undefined, 'time'], ['xx'], [undefined, 'bad'], ['C', 'numeric'], [''],
  [], [undefined, 'ctype'], ['C', 'numeric'], [], [undefined, '\xff'], ['C.utf8'], ['C.UTF-8'], ['C'], [], [undefined, 1]] as LuaValue[][]) {
  utc.push({
    lua: args.length === 0 ? 'out(pcall(os.setlocale))' : `call(os.setlocale, ${args.map(lit).join(', ')})`,
    js: () => call(fn('setlocale'), ...args),
  });
}
utc.push({ lua: 'call(os.exit, "x")', js: () => call(fn('exit'), 'x') });
utc.push({ lua: 'call(os.execute, {})', js: () => call(fn('execute'), new LuaTable()) });
for (const cmd of [undefined, 'exit 3', 'true', 'kill -9 $$']) {
  utc.push({ lua: `call(os.execute, ${lit(cmd)})`, js: () => call(fn('execute'), cmd) });
}
utc.push({
  lua: "do local n = os.tmpname() out(n:match('^/tmp/lua_%w%w%w%w%w%w$') ~= nil, os.remove(n)) end",
  js: () => {
    const n = fn('tmpname')() as string;
    return line(/^\/tmp\/lua_\w{6}$/.test(n), fn('remove')(n) as LuaValue);
  },
});
utc.push({
  lua: "out(type(os.clock()), os.clock() >= 0, type(os.time()), type(os.date()))",
  js: () => line(typeof fn('clock')() === 'number' ? 'number' : 'x', (fn('clock')() as number) >= 0,
    typeof fn('time')() === 'number' ? 'number' : 'x', typeof fn('date')() === 'string' ? 'string' : 'x'),
});

// The environment both sides see (recorded outputs must not depend on the machine).
const ENV = { ROVERC_TEST_VAR: 'caf\u00e9 42', LC_ALL: 'C.UTF-8' };

function inZone(tz: string, cases: DiffCase[]): DiffCase[] {
  return cases.map((c) => ({ ...c, js: () => { Object.assign(process.env, ENV, { TZ: tz }); return c.js(); } }));
}

runDiff('os-lib-utc', PRELUDE, inZone('UTC', utc), { ...ENV, TZ: 'UTC' });
const zones: [string, string][] = [
  ['new-york', 'America/New_York'], ['berlin', 'Europe/Berlin'], ['sydney', 'Australia/Sydney'],
  ['dublin', 'Europe/Dublin'], ['kolkata', 'Asia/Kolkata'], ['st-johns', 'America/St_Johns'],
  ['posix-rule', 'XYZ3ABC,M3.2.0,M11.1.0/3'], ['posix-fixed', '<+03>-3'], ['posix-norule', 'CET-1CEST'],
  ['posix-julian', 'AAA-2BBB,J60/1,J300/-1'], ['bogus', 'Foo/Bar'], ['empty', ''], ['colon', ':Europe/London'],
];
// Local times come from the system's zone files; recorded results assume the same tzdata.
const haveZones = luajitAvailable() || existsSync('/usr/share/zoneinfo/America/New_York');
for (const [name, tz] of haveZones ? zones : []) {
  runDiff(`os-lib-${name}`, PRELUDE, inZone(tz, zoneCases(name === 'new-york')), { ...ENV, TZ: tz });
}

test('os.exit throws ExitRequest with the C exit code', () => {
  const codes: [LuaValue[], number][] = [[[], 0], [[true], 0], [[false], 1], [[3.9], 3], [['5'], 5], [[-1], -1],
    [[263], 263], [[undefined], 0], [[2 ** 40], -2147483648], [[1, true], 1]];
  for (const [args, code] of codes) {
    assert.throws(() => fn('exit')(...args), (e: unknown) => e instanceof ExitRequest && e.code === code);
  }
});
