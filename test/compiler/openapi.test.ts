// The OpenAPI document's pieces: proven shapes and guard rules as JSON Schema, operations
// from routes with and without static information, and the /docs page's escaping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { docsPage } from '../../runtime/http/docs-page.js';
import { declaredRoutes, fieldsSchema, openApiDocument, responseSchema, ruleSchema, shapeSchema, templatePath, type JsonObject } from '../../runtime/http/openapi.js';
import type { StaticRoute } from '../../runtime/http/request-use.js';
import type { GuardRule, Shape } from '../../runtime/http/response-shape.js';

const S: Shape = { kind: 'string' };
const N: Shape = { kind: 'number' };
const B: Shape = { kind: 'boolean' };

describe('shapes as JSON Schema', () => {
  const cases: [string, Shape, JsonObject][] = [
    ['string', S, { type: 'string' }],
    ['number', N, { type: 'number' }],
    ['boolean', B, { type: 'boolean' }],
    ['object: optional fields are not required (absent, never null)',
      { kind: 'object', fields: [{ name: 'id', shape: N, optional: false }, { name: 'note', shape: S, optional: true }] },
      { type: 'object', properties: { id: { type: 'number' }, note: { type: 'string' } }, required: ['id'] }],
    ['object with only optional fields', { kind: 'object', fields: [{ name: 'a', shape: S, optional: true }] },
      { type: 'object', properties: { a: { type: 'string' } } }],
    ['empty object', { kind: 'object', fields: [] }, { type: 'object' }],
    ['array', { kind: 'array', items: N }, { type: 'array', items: { type: 'number' } }],
    ['union', { kind: 'union', options: [{ kind: 'object', fields: [] }, { kind: 'array', items: S }] },
      { anyOf: [{ type: 'object' }, { type: 'array', items: { type: 'string' } }] }],
    ['dynamic: any value, with the reason and where', { kind: 'dynamic', reason: 'the result of a call', line: 7 },
      { description: 'Any JSON value. Not proven at app.lua:7: the result of a call.' }],
    ['field names are UTF-8 text', { kind: 'object', fields: [{ name: Buffer.from('é', 'utf8').toString('latin1'), shape: S, optional: false }] },
      { type: 'object', properties: { é: { type: 'string' } }, required: ['é'] }],
  ];
  for (const [name, shape, schema] of cases) it(name, () => assert.deepEqual(shapeSchema(shape, 'app.lua'), schema));

  it('api:error bodies: the Error component, or any error value and caught validation errors', () => {
    const errorBody: Shape = { kind: 'object', fields: [{ name: 'error', shape: S, optional: false }] };
    assert.deepEqual(responseSchema({ status: 404, shape: errorBody, via: 'error' }, 'app.lua'), { $ref: '#/components/schemas/Error' });
    assert.deepEqual(responseSchema({ status: 409, shape: { kind: 'dynamic', reason: 'r', line: 1 }, via: 'error' }, 'app.lua'), {
      anyOf: [
        { type: 'object', properties: { error: { description: 'Any JSON value. Not proven at app.lua:1: r.' } }, required: ['error'] },
        { $ref: '#/components/schemas/ValidationErrors' },
      ],
    });
    assert.deepEqual(responseSchema({ status: 200, shape: errorBody, via: 'json' }, 'app.lua'), shapeSchema(errorBody, 'app.lua'));
  });
});

const rule = (type: GuardRule['type'], more: Partial<GuardRule> = {}): GuardRule => ({ type, required: false, nullable: false, ...more });

describe('guard rules as JSON Schema', () => {
  const cases: [string, GuardRule, JsonObject][] = [
    ['optional: null counts as missing', rule('string'), { type: ['string', 'null'] }],
    ['required', rule('string', { required: true }), { type: 'string' }],
    ['required and nullable', rule('number', { required: true, nullable: true }), { type: ['number', 'null'] }],
    ['integer', rule('integer', { required: true }), { type: 'integer' }],
    ['boolean with a default', rule('boolean', { default: { value: false } }), { type: ['boolean', 'null'], default: false }],
    ['required with a default: null takes the default', rule('string', { required: true, default: { value: 'x' } }), { type: ['string', 'null'], default: 'x' }],
    ['a nil or infinite default is no default', rule('number', { required: true, default: { value: Infinity } }), { type: ['number', 'null'] }],
    ['enum (null allowed as a missing value)', rule('string', { enum: ['a', 'b', 'a'] }), { type: ['string', 'null'], enum: ['a', 'b', null] }],
    ['required enum', rule('integer', { required: true, enum: [1, 2] }), { type: 'integer', enum: [1, 2] }],
    ['array of required elements', rule('array', { required: true, element: rule('string', { required: true }) }), { type: 'array', items: { type: 'string' } }],
    ['array elements may be null unless required', rule('array', { element: rule('number') }), { type: ['array', 'null'], items: { type: ['number', 'null'] } }],
    ['nested object', rule('object', { required: true, fields: [{ name: 'city', rule: rule('string', { required: true }) }, { name: 'zip', rule: rule('string') }] }),
      { type: 'object', properties: { city: { type: 'string' }, zip: { type: ['string', 'null'] } }, required: ['city'] }],
    ['optional nested object', rule('object', { fields: [{ name: 'a', rule: rule('boolean') }] }),
      { type: ['object', 'null'], properties: { a: { type: ['boolean', 'null'] } } }],
    ['UTF-8 enum values and defaults', rule('string', { required: true, enum: ['caf\xc3\xa9'], default: { value: 'caf\xc3\xa9' } }),
      { type: ['string', 'null'], enum: ['café', null], default: 'café' }],
  ];
  for (const [name, r, schema] of cases) it(name, () => assert.deepEqual(ruleSchema(r), schema));

  it('a schema table: required fields without a default, unknown fields allowed (the guard drops them)', () => {
    assert.deepEqual(fieldsSchema([
      { name: 'name', rule: rule('string', { required: true }) },
      { name: 'role', rule: rule('string', { required: true, default: { value: 'user' } }) },
    ]), { type: 'object', properties: { name: { type: 'string' }, role: { type: ['string', 'null'], default: 'user' } }, required: ['name'] });
    assert.deepEqual(fieldsSchema([]), { type: 'object' });
  });
});

function declared(method: string, path: string, more: Partial<StaticRoute> = {}): StaticRoute {
  return {
    method, path, luaPath: `api${path.replaceAll('/:', '/p_').replaceAll('/', '.')}.${method.toLowerCase()}`, file: 'app.lua', line: 3,
    uses: { headers: 'none', query: 'none', params: false, body: false }, responses: [], ...more,
  };
}

describe('the document', () => {
  it('templates paths', () => {
    assert.equal(templatePath('/users/:id/posts/:postId'), '/users/{id}/posts/{postId}');
    assert.equal(templatePath('/'), '/');
  });

  it('orders paths and methods, with path parameters, and keeps no static information for a route declared twice', async () => {
    const routes = declaredRoutes([
      declared('POST', '/users', { body: [{ name: 'name', rule: rule('string', { required: true }) }] }),
      declared('GET', '/users/:id', { responses: [{ status: 200, shape: { kind: 'object', fields: [{ name: 'id', shape: S, optional: false }] }, via: 'json' }] }),
      declared('GET', '/users'),
      declared('DELETE', '/users/:id'),
      declared('DELETE', '/users/:id', { line: 9 }),
    ]);
    const doc = openApiDocument(routes);
    assert.ok((await new Validator().validate(doc)).valid);
    const paths = doc.paths as Record<string, Record<string, JsonObject>>;
    assert.deepEqual(Object.entries(paths).map(([p, item]) => [p, Object.keys(item)]), [['/users', ['get', 'post']], ['/users/{id}', ['get', 'delete']]]);
    const get = paths['/users/{id}'].get;
    assert.deepEqual(get.parameters, [{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } }]);
    assert.deepEqual(Object.keys(get.responses as object), ['200', '500', 'default']);
    const post = paths['/users'].post;
    assert.deepEqual(Object.keys(post.responses as object), ['400', '413', '500', 'default']);
    assert.deepEqual((post.responses as Record<string, { content: { 'application/json': { schema: unknown } } }>)['400'].content['application/json'].schema,
      { anyOf: [{ $ref: '#/components/schemas/ValidationErrors' }, { $ref: '#/components/schemas/Error' }] });
    const twice = paths['/users/{id}'].delete;
    assert.match(String(twice.description), /declared more than once/);
    assert.deepEqual(Object.keys(twice.responses as object), ['500', 'default']);
  });

  it('describes a route the source does not show with a generic response', () => {
    const doc = openApiDocument([{ method: 'get', path: '/x', luaPath: 'api.x.get' }]);
    const op = (doc.paths as Record<string, Record<string, JsonObject>>)['/x'].get;
    assert.equal(op.operationId, 'api.x.get');
    assert.deepEqual(Object.keys(op.responses as object), ['500', 'default']);
  });

  it('merges a status the handler writes with the server\'s own', () => {
    const doc = openApiDocument(declaredRoutes([declared('GET', '/x', { responses: [{ status: 500, shape: { kind: 'object', fields: [] }, via: 'json' }] })]));
    const op = (doc.paths as Record<string, Record<string, JsonObject>>)['/x'].get;
    assert.deepEqual((op.responses as Record<string, { content: { 'application/json': { schema: unknown } } }>)['500'].content['application/json'].schema,
      { anyOf: [{ type: 'object' }, { $ref: '#/components/schemas/Error' }] });
  });
});

describe('the /docs page', () => {
  it('escapes every text of the document', () => {
    const evil = '<script>alert("x")</script>';
    const doc = openApiDocument(declaredRoutes([declared('POST', '/x', {
      luaPath: `api["${evil}"].post`,
      body: [{ name: evil, rule: rule('string', { enum: [evil], default: { value: `'${evil}` } }) }],
      responses: [{ status: 200, shape: { kind: 'dynamic', reason: evil, line: 1 }, via: 'json' }],
    })]), { title: evil, version: '&' });
    const page = docsPage(doc, '/openapi.json');
    assert.doesNotMatch(page, /<script|alert\("x"\)/);
    assert.match(page, /&#60;script&#62;alert\(&#34;x&#34;\)/);
    assert.match(page, /<title>&#60;script/);
  });

  it('shows types, optional fields, defaults and component links', () => {
    const doc = openApiDocument(declaredRoutes([declared('POST', '/users/:id', {
      body: [{ name: 'name', rule: rule('string', { required: true }) }, { name: 'role', rule: rule('string', { enum: ['a', 'b'], default: { value: 'a' } }) },
        { name: 'tags', rule: rule('array', { element: rule('string', { required: true }) }) }],
    })]));
    const page = docsPage(doc, undefined);
    assert.match(page, /<span class="m post">POST<\/span><code>\/users\/\{id\}<\/code>/);
    assert.match(page, /  name: string;\n  role\?: &#34;a&#34; \| &#34;b&#34; \| null = &#34;a&#34;;\n  tags\?: string\[\] \| null;/);
    assert.match(page, /<a href="#schema-ValidationErrors">ValidationErrors<\/a>/);
    assert.doesNotMatch(page, /openapi\.json/);
  });
});
