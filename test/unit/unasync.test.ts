// The plain interpreter (compile-sync.ts) is generated from the coroutine template; it must be current.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { OUTPUT_PATH, TEMPLATE_PATH, unasync } from '../../compiler/tools/unasync.js';
import { ROOT } from '../support/paths.js';

it('compile-sync.ts is generated from compile-co.ts (run `npm run generate`)', () => {
  const template = readFileSync(path.join(ROOT, TEMPLATE_PATH), 'utf8');
  const committed = readFileSync(path.join(ROOT, OUTPUT_PATH), 'utf8');
  assert.equal(committed, unasync(template));
});

it('drops generator syntax and applies @sync lines', () => {
  const out = unasync('// header\nfunction* f() {\n  return yield* g(); // @sync: return g();\n}\nconst x = yield* h(1);\nimport { a } from \'./invoke-co.js\';\n');
  assert.equal(out.split('\n').slice(2).join('\n'), 'function f() {\n  return g();\n}\nconst x = h(1);\nimport { a } from \'./invoke-sync.js\';\n');
});
