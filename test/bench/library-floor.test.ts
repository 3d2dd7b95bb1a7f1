// The floor programs of bench/library-floor.ts (bench/ceiling.ts's measure of what the shared
// library costs) must do the work of their Lua programs: each prints what luajit prints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

const floorJs = path.join(ROOT, 'dist', 'bench', 'library-floor.js');
/** Sizes as `npm run bench -- --quick` passes them (bench/compute.ts). */
const SIZES: Record<string, string> = {
  text_patterns: '1000', string_format: '5000', string_build: '5000', hash_strings: '10000', table_array: '50000',
  binary_trees: '8',
};

describe('bench/library-floor.ts', () => {
  const listed = spawnSync(process.execPath, [floorJs, '--list'], { encoding: 'utf8' }).stdout.trim().split('\n');

  it('has a floor program for each compute program bound by the library or its tables', () => {
    assert.deepEqual([...listed].sort(), Object.keys(SIZES).sort());
  });

  for (const name of Object.keys(SIZES)) {
    it(`${name} prints what luajit prints`, () => {
      const lua = spawnSync('luajit', [path.join(ROOT, 'bench', 'lua', `${name}.lua`), SIZES[name]!], { encoding: 'latin1' });
      const floor = spawnSync(process.execPath, [floorJs, name, SIZES[name]!], { encoding: 'latin1' });
      assert.equal(floor.status, 0, floor.stderr);
      assert.equal(floor.stdout, lua.stdout);
    });
  }
});
