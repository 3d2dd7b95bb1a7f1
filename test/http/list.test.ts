// The list fixture: a handler that builds 100 objects in a loop.

import path from 'node:path';
import { describeApp, HTTP_FIXTURES } from './support.js';

const items = (n: number) => Array.from({ length: n }, (_, k) => {
  const i = k + 1;
  return { id: i, name: `item ${i}`, price: i * 1.5, in_stock: i % 3 !== 0, tags: [`tag${i % 5}`, 'all'] };
});

describeApp('list app', path.join(HTTP_FIXTURES, 'list/app.lua'), [
  { name: '100 objects', path: '/items', status: 200, type: 'application/json', json: { count: 100, items: items(100) } },
  { name: 'one object', path: '/items?n=1', status: 200, json: { count: 1, items: items(1) } },
  { name: 'zero objects: a proven sequence that is empty is []', path: '/items?n=0', status: 200, json: { count: 0, items: [] } },
  { name: '2000 objects', path: '/items?n=2000', status: 200, json: { count: 2000, items: items(2000) } },
]);

