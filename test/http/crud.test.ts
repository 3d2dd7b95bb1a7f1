// The CRUD fixture: a REST API over an in-memory store split across required modules
// (lib/users.lua requires lib/store.lua), with validation on create and update.
import path from 'node:path';
import { describeApp, HTTP_FIXTURES } from './support.js';

const JSON_TYPE = 'application/json';
const json = (v: unknown) => ({ body: JSON.stringify(v), headers: { 'content-type': 'application/json' } });

describeApp('CRUD app', path.join(HTTP_FIXTURES, 'crud/app.lua'), [
  { name: 'empty list', path: '/users', status: 200, type: JSON_TYPE, json: { users: {}, count: 0 } },
  { name: 'create', method: 'POST', path: '/users', ...json({ name: 'Ada', email: 'ada@example.com' }), status: 201, type: JSON_TYPE, json: { id: 1, name: 'Ada', email: 'ada@example.com', role: 'member' } },
  { name: 'create with a role, unknown fields dropped', method: 'POST', path: '/users', ...json({ name: 'Linus', email: 'l@example.com', role: 'admin', extra: true }), status: 201, json: { id: 2, name: 'Linus', email: 'l@example.com', role: 'admin' } },
  { name: 'create with UTF-8 text', method: 'POST', path: '/users', ...json({ name: 'Zoë ✓', email: 'z@example.com' }), status: 201, json: { id: 3, name: 'Zoë ✓', email: 'z@example.com', role: 'member' } },
  { name: 'create without a name', method: 'POST', path: '/users', ...json({ email: 'x@example.com', role: 'root' }), status: 400, type: JSON_TYPE,
    json: { errors: [{ field: 'name', message: 'Name is required', type: 'required' }, { field: 'role', message: "Must be one of: admin, member. Got: 'root'", type: 'enum' }] } },
  { name: 'create with a body that is not JSON', method: 'POST', path: '/users', body: 'name=Ada', status: 400, type: JSON_TYPE, text: /^\{"error":"Invalid JSON in request body: / },
  { name: 'create with a JSON array', method: 'POST', path: '/users', body: '[1,2]', status: 400, json: { error: 'Request body must be a JSON object' } },
  { name: 'create without a body', method: 'POST', path: '/users', status: 400, json: { error: 'Request has no body' } },
  { name: 'list', path: '/users', status: 200, json: { count: 3, users: [
    { id: 1, name: 'Ada', email: 'ada@example.com', role: 'member' },
    { id: 2, name: 'Linus', email: 'l@example.com', role: 'admin' },
    { id: 3, name: 'Zoë ✓', email: 'z@example.com', role: 'member' },
  ] } },
  { name: 'list with a limit', path: '/users?limit=1', status: 200, json: { count: 1, users: [{ id: 1, name: 'Ada', email: 'ada@example.com', role: 'member' }] } },
  { name: 'read', path: '/users/2', status: 200, json: { id: 2, name: 'Linus', email: 'l@example.com', role: 'admin' } },
  { name: 'read a missing user', path: '/users/99', status: 404, type: JSON_TYPE, json: { error: 'User not found' } },
  { name: 'read with a non-numeric id', path: '/users/abc', status: 404, json: { error: 'User not found' } },
  { name: 'update', method: 'PUT', path: '/users/1', ...json({ role: 'admin' }), status: 200, json: { id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' } },
  { name: 'update with a wrong type', method: 'PUT', path: '/users/1', ...json({ name: 5 }), status: 400, json: { errors: [{ field: 'name', message: 'Must be a string, got number', type: 'type' }] } },
  { name: 'delete', method: 'DELETE', path: '/users/2', status: 204, type: null, text: '' },
  { name: 'delete again', method: 'DELETE', path: '/users/2', status: 404, json: { error: 'User not found' } },
  { name: 'read the deleted user', path: '/users/2', status: 404 },
  { name: 'list after delete', path: '/users', status: 200, json: { count: 2, users: [
    { id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' },
    { id: 3, name: 'Zoë ✓', email: 'z@example.com', role: 'member' },
  ] } },
  { name: 'PATCH is not a route here', method: 'PATCH', path: '/users/1', status: 405, headers_out: { allow: 'GET, HEAD, PUT, DELETE' } },
]);
