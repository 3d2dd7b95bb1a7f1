// `npm run build:out`: rebuilds out/<app>/ from every example app in fixtures/http (the
// committed build output; a test fails when it is stale). Run from the repository root.
import { readdirSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from '../build.js';

export const FIXTURES = 'fixtures/http';
/** Fixtures that exist to test failures, not to show an app. */
const SKIP = new Set(['exit', 'load-errors']);

/** The example apps: fixtures/http/<name>/app.lua. */
export function exampleApps(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => !SKIP.has(name) && existsSync(path.join(FIXTURES, name, 'app.lua')))
    .sort();
}

/** Builds one example app into `outDir` (its paths are relative to the repository root). */
export function buildExample(name: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  build(path.join(FIXTURES, name, 'app.lua'), outDir);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const name of exampleApps()) {
    buildExample(name, path.join('out', name));
    console.log(`built out/${name}`);
  }
}
