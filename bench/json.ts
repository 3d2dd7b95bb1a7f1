// The json group: the seed's serialization table. Each value is built as a Lua table (as a
// table constructor would build it) and serialized by the generic encoder and by the
// serializer roverc generates for its shape; the same value as a plain JS object goes
// through JSON.stringify and, for reference, fast-json-stringify with the equivalent schema.
// Every contestant's bytes must be identical before any is timed.
import fastJson from 'fast-json-stringify';
import { serializerSource } from '../compiler/codegen/serializer.js';
import { encodeJson } from '../runtime/http/json.js';
import * as writer from '../runtime/http/json-writer.js';
import type { Shape } from '../runtime/http/response-shape.js';
import { LuaTable } from '../runtime/lua/table.js';
import type { LuaValue } from '../runtime/lua/value.js';
import { BenchGroup, parseBenchArgs } from './lib/index.js';

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

interface JsonCase {
  name: string;
  section: string;
  detail: string;
  value: Plain;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function flat(n: number): Plain {
  const o: Record<string, Plain> = {};
  for (const i of range(n)) o[`field_${i}`] = i % 3 === 0 ? `value number ${i}` : i % 3 === 1 ? i * 7 : i % 2 === 0;
  return o;
}

function nested(depth: number): Plain {
  let v: Plain = { value: 'leaf', n: depth };
  for (let i = depth - 1; i >= 1; i--) v = { level: i, child: v };
  return v;
}

const item = (i: number): Plain => ({ id: i, name: `item ${i}`, price: i * 1.25, in_stock: i % 3 !== 0, tags: ['sale', `tag${i % 5}`] });

const CASES: JsonCase[] = [
  { name: 'simple object', section: 'objects', detail: '5 fields', value: { id: 42, name: 'Alice Smith', email: 'alice@example.com', active: true, score: 98.5 } },
  {
    name: 'complex nested', section: 'objects', detail: 'a user with a profile, 10 posts with stats and tags, metadata',
    value: {
      user: { id: 7, name: 'Bob', profile: { bio: 'Writes Lua for a living', location: 'Oslo', links: ['https://example.com', 'https://example.org'] } },
      posts: range(10).map((i) => ({ id: i, title: `Post number ${i}`, tags: ['lua', 'http', `t${i}`], stats: { views: i * 1000 + 17, likes: i * 13, ratio: i / 8 } })),
      meta: { page: 1, per_page: 10, total: 123, next: '/posts?page=2' },
    },
  },
  ...[10, 50, 100, 200, 500].map((n) => ({ name: `flat object ${n}`, section: 'flat objects', detail: `${n} fields: strings, integers, booleans`, value: flat(n) })),
  ...[10, 50, 100, 500, 1000].map((n) => ({ name: `number array ${n}`, section: 'arrays of numbers', detail: `${n} integers`, value: range(n).map((i) => i * 3) })),
  { name: 'float array 100', section: 'arrays of numbers', detail: '100 non-integral numbers', value: range(100).map((i) => i * 1.37 + 0.01) },
  ...[10, 50, 100, 200].map((n) => ({ name: `object array ${n}`, section: 'arrays of objects', detail: `${n} objects of 5 fields (one a 2-string array)`, value: range(n).map(item) })),
  ...[5, 10, 20, 32, 50].map((n) => ({ name: `nesting depth ${n}`, section: 'nesting', detail: `${n} levels of { level, child }`, value: nested(n) })),
  {
    name: 'string escaping', section: 'strings', detail: 'quotes, backslashes, newlines, tabs, control bytes',
    value: { plain: 'nothing to escape here at all', quoted: 'she said "hi" and left', path: 'C:\\Users\\lua\\file.txt', lines: 'one\ntwo\nthree\r\n', tabs: 'a\tb\tc', control: 'bell\u0007 nul\u0000 esc\u001b', mixed: '{"json": "inside", "n": [1, 2]}\n' },
  },
];

/** The value as Lua builds it: a sequence for an array, fields in order for an object. */
function toLua(v: Plain): LuaValue {
  if (Array.isArray(v)) return new LuaTable(v.map(toLua));
  if (typeof v === 'object') {
    const t = new LuaTable();
    for (const [k, x] of Object.entries(v)) t.set(k, toLua(x));
    return t;
  }
  return v;
}

/** The shape roverc proves for a constructor of this value. */
function shapeOf(v: Plain): Shape {
  if (Array.isArray(v)) return { kind: 'array', items: shapeOf(v[0]!) };
  if (typeof v === 'object') return { kind: 'object', fields: Object.entries(v).map(([name, x]) => ({ name, shape: shapeOf(x), optional: false })) };
  return { kind: typeof v as 'string' | 'number' | 'boolean' };
}

/** The JSON Schema fast-json-stringify needs for the same value. */
function schemaOf(s: Shape): Record<string, unknown> {
  switch (s.kind) {
    case 'array': return { type: 'array', items: schemaOf(s.items) };
    case 'object': return { type: 'object', properties: Object.fromEntries(s.fields.map((f) => [f.name, schemaOf(f.shape)])), required: s.fields.map((f) => f.name) };
    case 'string': case 'number': case 'boolean': return { type: s.kind };
    default: throw new Error(`no schema for ${s.kind}`);
  }
}

function generated(shape: Shape): writer.JsonSerializer {
  const source = serializerSource(shape);
  if (source === undefined) throw new Error('no serializer for this shape');
  return new Function('j', `return ${source}(j);`)(writer) as writer.JsonSerializer;
}

const { common } = parseBenchArgs();
const g = new BenchGroup({
  group: 'json',
  title: 'JSON serialization',
  description: 'One response value serialized: the generic Lua-table encoder, the serializer roverc generates for the proven shape (both read the same Lua table), and JSON.stringify and fast-json-stringify of the same value as a plain JS object.',
  unit: 'ns/op',
  contestants: ['generic', 'generated', 'JSON.stringify', 'fast-json-stringify'],
  baseline: 'generated',
  comparisons: [['generic', 'generated'], ['JSON.stringify', 'generated'], ['fast-json-stringify', 'generated']],
}, common);
g.note('Ratios are cost over the generated serializer\'s cost: above 1 means the generated serializer is faster.');
g.note('JSON.stringify and fast-json-stringify read plain JS objects, which the server never has: compiled handlers build Lua tables. They are the speed a serializer of plain objects gets, not an alternative path.');

for (const c of g.select(CASES)) {
  const lua = toLua(c.value);
  const shape = shapeOf(c.value);
  const serialize = generated(shape);
  const fjs = fastJson(schemaOf(shape) as unknown as Parameters<typeof fastJson>[0]);
  const js = c.value;
  g.measure({
    name: c.name, section: c.section, detail: c.detail,
    fns: {
      generic: () => encodeJson(lua),
      generated: () => serialize(lua),
      'JSON.stringify': () => JSON.stringify(js),
      'fast-json-stringify': () => fjs(js),
    },
  });
}
g.finish();
