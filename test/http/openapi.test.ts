// The API description of every example app: GET /openapi.json validates as OpenAPI 3.1, its
// schemas compile as JSON Schema 2020-12, it lists every route the compiler finds with what
// it proved, it is the same in both modes and the same as the openapi.json `roverc build`
// wrote to out/; GET /docs shows every route; `docs = false` turns both off.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { collectProgram } from '../../compiler/codegen/program.js';
import { analyzeRoutes, type AnalyzedRoute } from '../../compiler/route-table.js';
import { exampleApps } from '../../compiler/tools/build-out.js';
import { templatePath, type JsonObject } from '../../runtime/http/openapi.js';
import { ROOT } from '../support/paths.js';
import { HTTP_FIXTURES, MODES, send, startServer, type RunningServer } from './support.js';

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

/** Runs `f` from the repository root (fixture paths, and the files routes name, are relative to it). */
function inRoot<T>(f: () => T): T {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return f();
  } finally {
    process.chdir(cwd);
  }
}

type Doc = JsonObject & { paths: Record<string, Record<string, JsonObject>>; components: { schemas: Record<string, unknown> } };

/** Every schema of the document: parameters, request and response bodies, components. */
function schemasOf(doc: Doc): { where: string; schema: unknown }[] {
  const out: { where: string; schema: unknown }[] = [];
  const content = (where: string, c: unknown) => {
    for (const [type, media] of Object.entries((c ?? {}) as Record<string, { schema?: unknown }>)) out.push({ where: `${where} ${type}`, schema: media.schema });
  };
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const where = `${method} ${p}`;
      for (const param of (op.parameters ?? []) as { name: string; schema: unknown }[]) out.push({ where: `${where} parameter ${param.name}`, schema: param.schema });
      content(`${where} request`, (op.requestBody as { content?: unknown } | undefined)?.content);
      for (const [status, r] of Object.entries(op.responses as Record<string, { content?: unknown }>)) content(`${where} ${status}`, r.content);
    }
  }
  for (const [name, schema] of Object.entries(doc.components.schemas)) out.push({ where: `component ${name}`, schema });
  return out;
}

/** A strict JSON Schema 2020-12 compiler that resolves the document's component references. */
function schemaCompiler(doc: Doc): (schema: unknown) => ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
  const local = (s: unknown): JsonObject => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"http://localhost/components#/$defs/')) as JsonObject;
  ajv.addSchema({ $id: 'http://localhost/components', $defs: local(doc.components.schemas) });
  return (schema) => ajv.compile(local(schema));
}

function operations(doc: Doc): string[] {
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)).sort();
}

function decode(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

const apps = inRoot(() => exampleApps());

it('the example apps include one with docs = false and one with its own /docs', () => {
  assert.ok(apps.includes('docs-off') && apps.includes('docs-own'), apps.join(', '));
});

for (const app of apps.filter((a) => a !== 'docs-off')) {
  describe(`API description of ${app}`, () => {
    const file = path.join(HTTP_FIXTURES, app, 'app.lua');
    let servers: RunningServer[] = [];
    let text = '';
    let doc: Doc;
    let declared: AnalyzedRoute[];

    before(async () => {
      declared = inRoot(() => analyzeRoutes(collectProgram(file)));
      servers = await Promise.all(MODES.map((m) => startServer(file, m)));
      const replies = await Promise.all(servers.map((s) => send(s.url, { path: '/openapi.json' })));
      for (const r of replies) {
        assert.equal(r.status, 200, r.body);
        assert.equal(r.type, JSON_TYPE);
      }
      assert.equal(replies[1].body, replies[0].body, 'the compiled and interpreted documents differ');
      text = replies[0].body;
      doc = JSON.parse(text) as Doc;
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.stop()));
    });

    it('validates as OpenAPI 3.1', async () => {
      assert.equal(doc.openapi, '3.1.0');
      const result = await new Validator().validate(doc);
      assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
    });

    it('has schemas that compile as strict JSON Schema 2020-12', () => {
      const compile = schemaCompiler(doc);
      for (const { where, schema } of schemasOf(doc)) assert.doesNotThrow(() => compile(schema), where);
    });

    it('lists every route the compiler finds, with its proven responses and request body', () => {
      const keys = new Set(declared.map((r) => `${r.method} ${templatePath(r.path)}`));
      assert.deepEqual(operations(doc), [...keys].sort());
      for (const r of declared) {
        const op = doc.paths[templatePath(r.path)][r.method.toLowerCase()];
        assert.equal(op.operationId, r.luaPath);
        const twice = declared.filter((x) => x.method === r.method && x.path === r.path).length > 1;
        if (twice) continue; // which declaration runs cannot be told statically
        assert.match(String(op.description), new RegExp(`${r.file}:${r.line}\\.$`));
        const responses = op.responses as Record<string, { content?: Record<string, unknown> }>;
        for (const x of r.responses) assert.ok(responses[String(x.status)]?.content?.[JSON_TYPE], `${r.method} ${r.path} ${x.status}`);
        assert.ok(responses['500'] && responses.default, `${r.method} ${r.path}: 500 and default`);
        if (r.body === undefined) {
          assert.equal(op.requestBody, undefined);
        } else {
          const body = op.requestBody as { required: boolean; content: Record<string, { schema: { properties: object } }> };
          assert.equal(body.required, true);
          assert.deepEqual(Object.keys(body.content[JSON_TYPE].schema.properties), r.body.map((f) => decode(f.name)));
          assert.ok(responses['400'] && responses['413']);
        }
        const params = [...r.path.matchAll(/:([^/]+)/g)].map((m) => m[1]);
        assert.deepEqual(((op.parameters ?? []) as { name: string; in: string }[]).map((p) => `${p.in} ${p.name}`), params.map((p) => `path ${p}`));
      }
    });

    it('is the openapi.json roverc build wrote to out/', () => {
      assert.equal(readFileSync(path.join(ROOT, 'out', app, 'openapi.json'), 'utf8'), text);
    });

    it('is shown on GET /docs (both modes alike), every route on it', async () => {
      const replies = await Promise.all(servers.map((s) => send(s.url, { path: '/docs' })));
      assert.equal(replies[1].body, replies[0].body);
      const page = replies[0];
      if (app === 'docs-own') {
        assert.equal(page.body, '<h1>Our own docs</h1>');
        return;
      }
      assert.equal(page.status, 200);
      assert.equal(page.type, HTML_TYPE);
      assert.match(page.body, /^<!doctype html>/);
      assert.doesNotMatch(page.body, /<script|<link|src=|https?:\/\//, 'self-contained');
      for (const op of operations(doc)) {
        const [method, p] = op.split(' ');
        assert.ok(page.body.includes(`${method}</span><code>${p}</code>`), `${op} is on the page`);
      }
    });
  });
}

describe('docs = false', () => {
  let servers: RunningServer[] = [];
  before(async () => {
    servers = await Promise.all(MODES.map((m) => startServer(path.join(HTTP_FIXTURES, 'docs-off/app.lua'), m)));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  it('serves neither /openapi.json nor /docs', async () => {
    for (const s of servers) {
      assert.equal((await send(s.url, { path: '/ping' })).status, 200);
      for (const p of ['/openapi.json', '/docs']) {
        const r = await send(s.url, { path: p });
        assert.deepEqual([r.status, r.body], [404, 'Route not found'], `${s.mode} ${p}`);
      }
    }
  });
});

describe('an app with its own GET /docs', () => {
  let servers: RunningServer[] = [];
  before(async () => {
    servers = await Promise.all(MODES.map((m) => startServer(path.join(HTTP_FIXTURES, 'docs-own/app.lua'), m)));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  it('keeps it, and the server answers GET and HEAD of /openapi.json beside the app\'s POST', async () => {
    for (const s of servers) {
      assert.equal((await send(s.url, { method: 'HEAD', path: '/docs' })).type, 'text/html');
      assert.equal((await send(s.url, { method: 'POST', path: '/openapi.json' })).body, '{"posted":true}');
      const head = await send(s.url, { method: 'HEAD', path: '/openapi.json' });
      assert.deepEqual([head.status, head.type, head.body], [200, JSON_TYPE, '']);
      assert.equal(Number(head.headers['content-length']), Buffer.byteLength((await send(s.url, { path: '/openapi.json' })).body));
      const wrong = await send(s.url, { method: 'PUT', path: '/openapi.json' });
      assert.equal(wrong.status, 405);
      assert.equal(wrong.headers.allow, 'GET, HEAD, POST');
    }
  });
});

describe('the validation app\'s description', () => {
  let server: RunningServer;
  let doc: Doc;
  before(async () => {
    server = await startServer(path.join(HTTP_FIXTURES, 'validation/app.lua'), 'compiled');
    doc = JSON.parse((await send(server.url, { path: '/openapi.json' })).body) as Doc;
  });
  after(async () => {
    await server.stop();
  });

  it('describes the signup body as the guard checks it', () => {
    const body = doc.paths['/signup'].post.requestBody as { content: Record<string, { schema: JsonObject }> };
    const schema = body.content[JSON_TYPE].schema;
    const p = schema.properties as Record<string, JsonObject>;
    assert.deepEqual(schema.required, ['name']);
    assert.deepEqual(p.name, { type: 'string' });
    assert.deepEqual(p.age, { type: ['integer', 'null'] });
    assert.deepEqual(p.role, { type: ['string', 'null'], enum: ['admin', 'user', null], default: 'user' });
    assert.deepEqual(p.active, { type: ['boolean', 'null'], default: true });
    assert.deepEqual(p.tags, { type: ['array', 'null'], items: { type: ['string', 'null'] } });
    assert.deepEqual(p.addr, {
      type: ['object', 'null'],
      properties: { city: { type: 'string' }, zip: { type: ['string', 'null'] } },
      required: ['city'],
    });
    assert.equal(schema.additionalProperties, undefined, 'unknown fields are dropped, not refused');
  });

  it('accepts what the server accepts, and the server answers what it describes', async () => {
    const compile = schemaCompiler(doc);
    const op = doc.paths['/signup'].post as { requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: unknown }> }> };
    const request = compile(op.requestBody.content[JSON_TYPE].schema);
    const ok = { name: 'Ada', age: 36, nickname: null, tags: ['x'], addr: { city: 'London' }, extra: 1 };
    assert.ok(request(ok), JSON.stringify(request.errors));
    for (const bad of [{}, { name: 1 }, { name: 'a', age: 2.5 }, { name: 'a', role: 'root' }, { name: 'a', addr: {} }]) {
      assert.ok(!request(bad), JSON.stringify(bad));
      const reply = await send(server.url, { method: 'POST', path: '/signup', body: JSON.stringify(bad) });
      assert.equal(reply.status, 400, JSON.stringify(bad));
      const errors = compile(op.responses['400'].content[JSON_TYPE].schema);
      assert.ok(errors(JSON.parse(reply.body)), reply.body);
    }
    const reply = await send(server.url, { method: 'POST', path: '/signup', body: JSON.stringify(ok) });
    assert.equal(reply.status, 201);
    const created = compile(op.responses['201'].content[JSON_TYPE].schema);
    assert.ok(created(JSON.parse(reply.body)), `${reply.body}: ${JSON.stringify(created.errors)}`);
  });
});
