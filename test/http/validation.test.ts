// The validation fixture: every rover.guard type and modifier through ctx:body():expect,
// pcall + api:error, tostring of the error, and rover.guard on a plain table.
import path from 'node:path';
import { describeApp, HTTP_FIXTURES } from './support.js';

const JSON_TYPE = 'application/json';
const post = (p: string, v: unknown) => ({ method: 'POST', path: p, body: typeof v === 'string' ? v : JSON.stringify(v) });

describeApp('validation app', path.join(HTTP_FIXTURES, 'validation/app.lua'), [
  { name: 'minimal valid body: defaults applied, absent optionals stay nil', ...post('/signup', { name: 'Ada' }), status: 201, type: JSON_TYPE,
    json: { name: 'Ada', active: true, role: 'user' } },
  { name: 'full valid body', ...post('/signup', {
    name: 'Ada', age: 36, score: 9.5, active: false, role: 'admin', tags: ['a', 'b'], addr: { city: 'London', zip: 'N1' },
    nickname: null, contacts: [{ kind: 'email', value: 'a@b.c' }], ignored: 1,
  }), status: 201, json: {
    name: 'Ada', age: 36, score: 9.5, active: false, role: 'admin', tags: ['a', 'b'], addr: { city: 'London', zip: 'N1' },
    contacts: [{ kind: 'email', value: 'a@b.c' }],
  } },
  { name: 'integral floats are integers', ...post('/signup', { name: 'A', age: 2.0 }), status: 201, json: { name: 'A', age: 2, active: true, role: 'user' } },
  { name: 'every error is collected, with field paths', ...post('/signup', {
    age: 2.5, score: 'high', active: 'yes', role: 'root', tags: ['ok', 7, true], addr: { zip: 12 }, contacts: [{ kind: 'fax', value: 'x' }, { value: 1 }, 'str'],
  }), status: 400, type: JSON_TYPE, json: { errors: [
    { field: 'name', message: 'Missing name', type: 'required' },
    { field: 'age', message: 'Must be an integer, got float 2.5', type: 'type' },
    { field: 'score', message: 'Must be a number, got string', type: 'type' },
    { field: 'active', message: 'Must be a boolean, got string', type: 'type' },
    { field: 'role', message: "Must be one of: admin, user. Got: 'root'", type: 'enum' },
    { field: 'tags[2]', message: 'Must be a string, got number', type: 'type' },
    { field: 'tags[3]', message: 'Must be a string, got boolean', type: 'type' },
    { field: 'addr.city', message: "Field 'addr.city' is required", type: 'required' },
    { field: 'addr.zip', message: 'Must be a string, got number', type: 'type' },
    { field: 'contacts[1].kind', message: "Must be one of: email, phone. Got: 'fax'", type: 'enum' },
    { field: 'contacts[2].kind', message: "Field 'contacts[2].kind' is required", type: 'required' },
    { field: 'contacts[2].value', message: 'Must be a string, got number', type: 'type' },
    { field: 'contacts[3]', message: 'Must be an object, got string', type: 'type' },
  ] } },
  { name: 'arrays and objects are told apart', ...post('/signup', { name: 'A', tags: { a: 1 }, addr: ['x'] }), status: 400, json: { errors: [
    { field: 'tags', message: 'Must be an array, got object', type: 'type' },
    { field: 'addr', message: 'Must be an object, got array', type: 'type' },
  ] } },
  { name: 'null is missing unless nullable', ...post('/signup', { name: null, nickname: null, role: null }), status: 400, json: { errors: [
    { field: 'name', message: 'Missing name', type: 'required' },
  ] } },
  { name: 'empty arrays are arrays', ...post('/signup', { name: 'A', tags: [] }), status: 201, json: { name: 'A', tags: {}, active: true, role: 'user' } },
  { name: 'invalid JSON', ...post('/signup', '{"name": "Ada",}'), status: 400, type: JSON_TYPE, text: /^\{"error":"Invalid JSON in request body: .+"\}$/ },
  { name: 'a JSON string is not an object', ...post('/signup', '"Ada"'), status: 400, json: { error: 'Request body must be a JSON object' } },
  { name: 'null is not an object', ...post('/signup', 'null'), status: 400, json: { error: 'Request body must be a JSON object' } },
  { name: 'invalid UTF-8 is a 400', method: 'POST', path: '/signup', body: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, json: { error: 'Request body is not valid UTF-8' } },
  { name: 'pcall + api:error gives the same errors body', ...post('/checked', { age: 'x' }), status: 422, type: JSON_TYPE, json: { errors: [
    { field: 'name', message: "Field 'name' is required", type: 'required' },
    { field: 'age', message: 'Must be an integer, got string', type: 'type' },
  ] } },
  { name: 'tostring of a validation error is readable text', ...post('/checked?format=text', { age: 1.5 }), status: 422, type: 'text/plain',
    text: "Validation failed (2 errors):\n  - name: Field 'name' is required\n  - age: Must be an integer, got float 1.5" },
  { name: 'valid body through pcall', ...post('/checked', { name: 'A', age: 3 }), status: 200, json: { name: 'A', age: 3 } },
  { name: 'rover.guard on a table, with default', path: '/direct?name=Ada', status: 200, json: { name: 'Ada', page: 1 } },
  { name: 'rover.guard failure', path: '/direct?page=2.5', status: 400, json: { errors: [
    { field: 'name', message: "Field 'name' is required", type: 'required' },
    { field: 'page', message: 'Must be an integer, got float 2.5', type: 'type' },
  ] } },
  { name: 'body text and as_string keep the bytes', ...post('/body/as_text', 'héllo\nwörld'), status: 200, json: { text: 'héllo\nwörld', same: true, bytes: 13 } },
  { name: 'body json: arrays are 1-based, null is nil', ...post('/body/as_json', '[null, 2, 3]'), status: 200, json: { kind: 'table', n: 3 } },
  { name: 'body json: first element', ...post('/body/as_json', '["x", {"a": null}]'), status: 200, json: { kind: 'table', first: 'x', n: 2 } },
  { name: 'body json: object', ...post('/body/as_json', '{"name": "Zoë", "extra": null}'), status: 200, json: { kind: 'table', name: 'Zoë', n: 0 } },
  { name: 'body json: scalar', ...post('/body/as_json', '12.5'), status: 200, json: { kind: 'number' } },
]);
