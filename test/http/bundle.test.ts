// `roverc build` output is a folder that runs on its own: built outside the repository,
// copied elsewhere, started with plain node with no node_modules anywhere above it, it serves
// (uWebSockets.js and its binary for this platform are inside) and loads no parser,
// resolver, interpreter or compiler. Without a usable binary it says the one command to run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { CLI, ROOT } from '../support/paths.js';
import { COMPILER_MODULES, loadedModules, traceArgs } from '../support/load-trace.js';
import { startBuiltServer } from './support.js';

let built: string;
let copy: string;
const temps: string[] = [];

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** The folders above `dir` that hold a node_modules (where node would look for packages). */
function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) found.push(d);
    if (path.dirname(d) === d) return found;
  }
}

/** Plain environment: no NODE_PATH or NODE_OPTIONS that could point node at the repository. */
function plainEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME };
}

before(() => {
  built = path.join(temp('roverc-bundle-'), 'app');
  assert.ok(!path.resolve(built).startsWith(ROOT + path.sep), 'the build must be outside the repository');
  const r = spawnSync(process.execPath, [CLI, 'build', path.join(ROOT, 'fixtures/http/crud/app.lua'), '--out', built], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  copy = path.join(temp('roverc-deploy-'), 'srv');
  cpSync(built, copy, { recursive: true });
  rmSync(built, { recursive: true, force: true }); // nothing may point back at the build
});

after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

it('a copied build starts with plain node and serves, with no parser, interpreter or compiler loaded', async () => {
  assert.deepEqual(nodeModulesAbove(copy), [], 'the test needs a temporary folder with no node_modules above it');
  const server = await startBuiltServer('server.js', [], copy, traceArgs(), plainEnv());
  try {
    const created = await fetch(`${server.url}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', email: 'ada@example.com' }),
    });
    assert.equal(created.status, 201);
    const list = await fetch(`${server.url}/users`);
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { count: number }).count, 1);
  } finally {
    const { code } = await server.stop('SIGTERM');
    assert.equal(code, 0);
  }
  const modules = loadedModules(server.stderr());
  const uws = modules.filter((m) => m.includes('uwebsockets'));
  assert.ok(uws.length > 0 && uws.every((m) => m.startsWith(`file://${copy}/roverc/node_modules/uwebsockets/`) || m.startsWith(`require:${copy}/roverc/node_modules/uwebsockets/`)),
    `uWebSockets.js must come from the copy:\n${uws.join('\n')}`);
  assert.ok(modules.every((m) => !m.startsWith('file://') || m.startsWith(`file://${copy}/`)), `a module outside the copy was loaded:\n${modules.join('\n')}`);
  assert.deepEqual(modules.filter((m) => COMPILER_MODULES.test(m)), []);
});

it('holds uWebSockets.js with only the binary for this platform and Node', () => {
  const dir = path.join(copy, 'roverc/node_modules/uwebsockets');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.node')), [`uws_${process.platform}_${process.arch}_${process.versions.modules}.node`]);
});

it('without a binary for this Node, it exits 1 and prints the command that installs one', () => {
  const broken = path.join(temp('roverc-broken-'), 'srv');
  cpSync(copy, broken, { recursive: true });
  const dir = path.join(broken, 'roverc/node_modules/uwebsockets');
  for (const f of readdirSync(dir)) if (f.endsWith('.node')) rmSync(path.join(dir, f));
  const r = spawnSync(process.execPath, ['server.js', '--port', '0'], { cwd: broken, env: plainEnv(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^roverc: uWebSockets.js cannot be loaded for ${process.platform}-${process.arch} with Node ${process.version.replace(/\./g, '\\.')} \\(Cannot find module '\\./uws_${process.platform}_${process.arch}_${process.versions.modules}\\.node'\\)\\.\nInstall it in the build folder with:\n  cd \\. && npm install\n$`));
});
