// out/ holds the committed `roverc build` output of the example apps: it must be what the
// compiler produces today (run `npm run build:out` after changing the compiler or an app).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { buildExample, exampleApps } from '../../compiler/tools/build-out.js';
import { ROOT } from '../support/paths.js';

/** The generated files of a build folder (the copied runtime in roverc/ is not committed). */
function generated(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const p = path.join(rel, name);
    if (p === 'roverc') return [];
    return statSync(path.join(dir, p)).isDirectory() ? generated(dir, p) : [p];
  }).sort();
}

/**
 * A generated file's text as it compares: a source map names its Lua file relative to its own
 * folder, so that name is compared as the absolute path it stands for.
 */
function comparable(dir: string, f: string): string {
  const text = readFileSync(path.join(dir, f), 'utf8');
  if (!f.endsWith('.map')) return text;
  const map = JSON.parse(text) as { sources: string[] };
  map.sources = map.sources.map((s) => path.resolve(path.dirname(path.join(dir, f)), s));
  return JSON.stringify(map);
}

it('out/ matches a fresh build of every example app', () => {
  const cwd = process.cwd();
  const tmp = mkdtempSync(path.join(tmpdir(), 'roverc-out-'));
  process.chdir(ROOT);
  try {
    const apps = exampleApps();
    assert.ok(apps.length >= 5, `expected at least five example apps, found ${apps.join(', ')}`);
    for (const app of apps) {
      const fresh = path.join(tmp, app);
      buildExample(app, fresh);
      const committed = path.join(ROOT, 'out', app);
      const files = generated(fresh);
      assert.deepEqual(generated(committed), files, `out/${app} has other files than a fresh build: run npm run build:out`);
      for (const f of files) {
        const [was, now] = [committed, fresh].map((d) => comparable(d, f));
        assert.equal(was, now, `out/${app}/${f} is stale: run npm run build:out`);
      }
    }
  } finally {
    process.chdir(cwd);
    rmSync(tmp, { recursive: true, force: true });
  }
});
