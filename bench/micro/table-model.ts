// The micro-benchmark behind docs/VALUE_MODEL.md: ways to store a Lua table's string keys,
// timed on what compiled code does with records (build one, read and write constant keys at
// one site, over one shape and over eight) and on what the runtime does (a key known only at
// run time). Run: `npm run build && node dist/bench/micro/table-model.js`.
// Each candidate is a minimal model of the storage, not a full Lua table.

type V = number | string | undefined;

// A: the former LuaTable hash part: slots {key, value} scanned (a Map past 8 keys).
class Slots {
  slots: { key: string; value: V }[] = [];
  get(k: string): V {
    const s = this.slots;
    for (let i = 0; i < s.length; i++) if (s[i]!.key === k) return s[i]!.value;
    return undefined;
  }
  set(k: string, v: V): void {
    const s = this.slots;
    for (let i = 0; i < s.length; i++) if (s[i]!.key === k) { s[i]!.value = v; return; }
    s.push({ key: k, value: v });
  }
}

// B: a Map per table.
class Mapped {
  m = new Map<string, V>();
}

// C: the fields object (what LuaTable does now): properties of a prototype-less object.
const NO_FIELDS = Object.create(null) as Record<string, V>;
const FieldsObject = function FieldsObject() {} as unknown as new () => Record<string, V>;
FieldsObject.prototype = NO_FIELDS;
class Fielded {
  f = new FieldsObject();
}

// D: a shape table of our own: keys per shape (shared, with transitions), values in an array.
class Shape {
  readonly index = new Map<string, number>();
  readonly next = new Map<string, Shape>();
  constructor(readonly keys: string[]) {
    keys.forEach((k, i) => this.index.set(k, i));
  }
  with(k: string): Shape {
    let s = this.next.get(k);
    if (s === undefined) this.next.set(k, (s = new Shape([...this.keys, k])));
    return s;
  }
}
const ROOT = new Shape([]);
class Shaped {
  shape = ROOT;
  values: V[] = [];
  get(k: string): V {
    const i = this.shape.index.get(k);
    return i === undefined ? undefined : this.values[i];
  }
  set(k: string, v: V): void {
    const i = this.shape.index.get(k);
    if (i !== undefined) this.values[i] = v;
    else { this.shape = this.shape.with(k); this.values.push(v); }
  }
}

const KEYS = ['x', 'y', 'vx', 'vy', 'mass', 'id', 'name', 'tag'];
const N = 256;

/** Tables of one shape {x, y, vx, vy}, or of eight shapes (each an extra key first). */
function records<T>(make: () => T, set: (t: T, k: string, v: V) => void, shapes: number): T[] {
  return Array.from({ length: N }, (_, i) => {
    const t = make();
    if (shapes > 1) set(t, KEYS[4 + (i % shapes) % 4]! + (i % shapes), 0);
    set(t, 'x', i); set(t, 'y', 1); set(t, 'vx', 0.5); set(t, 'vy', 0.25);
    return t;
  });
}

interface Candidate<T> {
  name: string;
  make: () => T;
  set: (t: T, k: string, v: V) => void;
  get: (t: T, k: string) => V;
  /** One site reading x and vx and writing x with constant keys, as compiled code can. */
  step: (ts: T[]) => number;
}

const candidates: Candidate<unknown>[] = [
  {
    name: 'slot scan (before)', make: () => new Slots(),
    set: (t, k, v) => (t as Slots).set(k, v), get: (t, k) => (t as Slots).get(k),
    step: (ts) => { let s = 0; for (const t of ts as Slots[]) { const x = t.get('x') as number; s += x + (t.get('vx') as number); t.set('x', x + 1); } return s; },
  },
  {
    name: 'Map per table', make: () => new Mapped(),
    set: (t, k, v) => (t as Mapped).m.set(k, v), get: (t, k) => (t as Mapped).m.get(k),
    step: (ts) => { let s = 0; for (const t of ts as Mapped[]) { const x = t.m.get('x') as number; s += x + (t.m.get('vx') as number); t.m.set('x', x + 1); } return s; },
  },
  {
    name: 'own shape table', make: () => new Shaped(),
    set: (t, k, v) => (t as Shaped).set(k, v), get: (t, k) => (t as Shaped).get(k),
    step: (ts) => { let s = 0; for (const t of ts as Shaped[]) { const x = t.get('x') as number; s += x + (t.get('vx') as number); t.set('x', x + 1); } return s; },
  },
  {
    name: 'fields object (now)', make: () => new Fielded(),
    set: (t, k, v) => { (t as Fielded).f[k] = v; }, get: (t, k) => (t as Fielded).f[k],
    step: (ts) => {
      let s = 0;
      for (const t of ts as Fielded[]) {
        let v: V;
        const x = (v = t.f.x) !== undefined ? v as number : 0;
        s += x + ((v = t.f.vx) !== undefined ? v as number : 0);
        if (t.f.x !== undefined) t.f.x = x + 1;
      }
      return s;
    },
  },
];

function time(fn: () => number, ops: number): number {
  for (let i = 0; i < 20; i++) fn(); // warm-up, optimized
  const samples: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    let sink = 0;
    for (let i = 0; i < 200; i++) sink += fn();
    const ns = Number(process.hrtime.bigint() - t0);
    if (sink === -1) console.log(sink);
    samples.push(ns / (200 * ops));
  }
  samples.sort((a, b) => a - b);
  return samples[3]!;
}

const rows: string[][] = [];
for (const c of candidates) {
  const one = records(c.make, c.set, 1);
  const eight = records(c.make, c.set, 8);
  const build = time(() => { let s = 0; for (let i = 0; i < N; i++) { const t = c.make(); c.set(t, 'x', i); c.set(t, 'y', 1); c.set(t, 'vx', 0.5); c.set(t, 'vy', 0.25); s += i; } return s; }, N);
  const site1 = time(() => c.step(one), N);
  const site8 = time(() => c.step(eight), N);
  const dyn = time(() => { let s = 0; for (let i = 0; i < N; i++) { const t = eight[i]!; s += (c.get(t, KEYS[i & 3]!) as number) ?? 0; } return s; }, N);
  rows.push([c.name, build.toFixed(1), site1.toFixed(1), site8.toFixed(1), dyn.toFixed(1)]);
}
const head = ['storage', 'build 4 fields', 'site, 1 shape', 'site, 8 shapes', 'runtime key'];
console.log('ns per table (median of 7 rounds; lower is better)\n');
console.log(`| ${head.join(' | ')} |`);
console.log(`|---|${head.slice(1).map(() => '--:').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
