// The emitted TypeScript of every corpus program type-checks with `tsc --strict --noEmit`,
// with unreachable code and unused labels as errors, and has no comma-expression chains
// (issue 11 item 4: steps are statements, no `return` after a `return`, no unused labels).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { compileModule } from '../../compiler/codegen/compile.js';
import { collectProgram, programFeatures } from '../../compiler/codegen/program.js';
import { commaChains, describeChain } from '../../compiler/tools/comma-chains.js';
import { CORPUS, ROOT } from '../support/paths.js';

it('emitted modules of the whole corpus pass tsc --strict --noEmit (no unreachable code, no unused labels) and have no comma chains', { timeout: 300_000 }, () => {
  // Inside dist/ so that the runtime's declarations resolve by a relative path.
  const dir = path.join(ROOT, 'dist/typecheck');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const chains: string[] = [];
  for (const program of readdirSync(CORPUS).filter((f) => f.endsWith('.lua')).sort()) {
    let modules;
    try {
      modules = collectProgram(path.join(CORPUS, program));
    } catch {
      continue; // programs that do not compile (syntax errors) are checked elsewhere
    }
    const features = programFeatures(modules);
    modules.forEach((m, i) => {
      const file = path.join(dir, `${program.replace(/\.lua$/, '')}_${i}.ts`);
      const code = compileModule(m, '../runtime/compiled/index.js', features).ts;
      writeFileSync(file, code);
      files.push(file);
      chains.push(...commaChains(file, code).map(describeChain));
    });
  }
  assert.ok(files.length >= 170, `only ${files.length} modules`);
  assert.deepEqual(chains, [], 'comma-expression chains in the emitted code');
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'ES2022', '--module', 'NodeNext',
      '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', '--allowUnreachableCode', 'false',
      '--allowUnusedLabels', 'false', ...files], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc reported errors:\n${(e as { stdout?: string }).stdout?.slice(0, 4000)}`);
  }
});
