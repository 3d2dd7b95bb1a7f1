// `roverc build` exports each statically placed route as a typed function of routes.ts: another
// TS module imports it with its types and calls it with a context it builds (the import test).
// The types are checked for real: the test modules pass `tsc --strict --noEmit` against the
// generated .ts files, and their @ts-expect-error lines fail it when a wrong use type-checks.
// Also the start-up check: a route that Lua code replaced or removed at run time is served
// from the app table (with a warning), in the built server.js and in `roverc serve --mode compiled`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { build } from '../../compiler/build.js';
import { buildExample } from '../../compiler/tools/build-out.js';
import { ROOT } from '../support/paths.js';
import { startBuiltServer, startServer, type RunningServer } from './support.js';

const run = promisify(execFile);

/** Uses the list app's fully proven response type. */
const LIST_TEST = `
import assert from 'node:assert/strict';
import { itemsGet, makeRequestContext, type ItemsGetResponse } from './routes.js';

const answer = itemsGet(makeRequestContext({ path: '/items', query: { n: '2' } }));
assert.equal(answer.status, 200);
assert.equal(answer.contentType, 'application/json');
const body: ItemsGetResponse = answer.json(200);
const price: number = body.items[1].price;
assert.equal(price, 3);
assert.deepEqual(body.items[0].tags, ['tag1', 'all']);
assert.equal(answer.text, '{"count":2,"items":[{"id":1,"name":"item 1","price":1.5,"in_stock":true,"tags":["tag1","all"]},' +
  '{"id":2,"name":"item 2","price":3,"in_stock":true,"tags":["tag2","all"]}]}');
// an empty list proven a sequence is [] as the server writes it (the generic encoder alone writes {})
const empty = process.env.ROVERC_JSON === 'generic' ? '{}' : '[]';
assert.equal(itemsGet(makeRequestContext({ path: '/items', query: { n: '0' } })).text, '{"count":0,"items":' + empty + '}');
// uses that must not type-check (never called)
export function typeErrors(): void {
  // @ts-expect-error: 'nme' is not a field of the proven item type
  void body.items[0].nme;
  // @ts-expect-error: the handler is proven to answer 200 only
  answer.json(404);
  // @ts-expect-error: count is a number
  const wrong: string = body.count;
  void wrong;
}
console.log('list ok');
`;

/** Handlers that share the app's module state (the store of a required module, a local function). */
const CRUD_TEST = `
import assert from 'node:assert/strict';
import { HandlerError, makeRequestContext, usersGet, usersIdGet, usersPost, type RequestContext, type UsersIdGetResponses } from './routes.js';

const created = usersPost(makeRequestContext({ method: 'POST', path: '/users', body: { name: 'Ada', email: 'ada@example.com' } }));
assert.equal(created.status, 201);
const user = created.json(201) as { id: number };
const ctx: RequestContext = makeRequestContext({ path: '/users/' + user.id, params: { id: String(user.id) } });
const read = usersIdGet(ctx);
assert.equal(read.status, 200);
assert.deepEqual(read.json(200), { id: user.id, name: 'Ada', email: 'ada@example.com', role: 'member' });
const missing = usersIdGet(makeRequestContext({ path: '/users/999', params: { id: '999' } }));
assert.equal(missing.status, 404);
const notFound: UsersIdGetResponses[404] = missing.json(404);
assert.equal(notFound.error, 'User not found');
assert.equal(usersGet(makeRequestContext({ path: '/users' })).json(200).count, 1);
// a body that fails validation: the server would answer 400
assert.throws(() => usersPost(makeRequestContext({ method: 'POST', path: '/users', body: { name: 1 } })),
  (e: unknown) => e instanceof HandlerError && e.status === 400);
export function typeErrors(): void {
  // @ts-expect-error: the 404 body has 'error', not 'message'
  void missing.json(404).message;
  // @ts-expect-error: the handler takes a request context
  usersGet({ path: '/users' });
}
console.log('crud ok');
`;

/** Routes the app table changes at run time, beside ones it keeps. */
const CHANGED_APP = `local api = rover.server { log_level = "nope" }
local greeting = "hello"
function api.hello.get(ctx) print("called") return { message = greeting } end
function api.swap.get(ctx) return { who = "static" } end
local method = "get"
api.swap[method] = function(ctx) return { who = "dynamic", agent = ctx:headers()["x-agent"] } end
function api.gone.get(ctx) return { gone = false } end
api.gone = nil
if greeting == "never" then
  function api.never.get(ctx) return {} end
end
if greeting == "hello" then
  function api.pick.get(ctx) return { n = 1 } end
else
  function api.pick.get(ctx) return { n = 2 } end
end
greeting = "hi"
print("loaded")
return api
`;

const CHANGED_TEST = `
import assert from 'node:assert/strict';
import { helloGet, makeRequestContext, neverGet, pickGet, pickGet2, swapGet } from './routes.js';

// the handler reads the chunk's local as the chunk left it
assert.equal(helloGet(makeRequestContext({ path: '/hello' })).text, '{"message":"hi"}');
assert.equal(helloGet(makeRequestContext({ path: '/hello' })).status, 200);
assert.throws(() => swapGet(makeRequestContext({ path: '/swap' })), /GET \\/swap \\(api\\.swap\\.get, .*app\\.lua:4\\): the app table holds another function/);
assert.throws(() => neverGet(makeRequestContext({ path: '/never' })), /GET \\/never .*: its definition did not run/);
// two definitions of one route, one of them run: that one is the route
assert.equal(pickGet(makeRequestContext({ path: '/pick' })).text, '{"n":1}');
assert.throws(() => pickGet2(makeRequestContext({ path: '/pick' })), /GET \\/pick .*app\\.lua:15\\): its definition did not run/);
console.log('changed ok');
`;

let root: string;
const dirs: Record<string, string> = {};

before(() => {
  // Inside the repository, so that tsc finds @types/node and node finds uwebsockets.
  root = mkdtempSync(path.join(ROOT, 'out', '.test-import-'));
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    for (const app of ['list', 'crud']) {
      dirs[app] = path.join(root, app);
      buildExample(app, dirs[app]);
    }
    dirs.changed = path.join(root, 'changed');
    mkdirSync(path.join(root, 'changed-src'));
    writeFileSync(path.join(root, 'changed-src', 'app.lua'), CHANGED_APP);
    build(path.join(root, 'changed-src', 'app.lua'), dirs.changed);
  } finally {
    process.chdir(cwd);
  }
  writeFileSync(path.join(dirs.list, 'unit.ts'), LIST_TEST);
  writeFileSync(path.join(dirs.crud, 'unit.ts'), CRUD_TEST);
  writeFileSync(path.join(dirs.changed, 'unit.ts'), CHANGED_TEST);
});

after(() => {
  rmSync(root, { recursive: true, force: true });
});

it('the test modules importing the handlers pass tsc --strict --noEmit (and their wrong uses fail it)', { timeout: 120_000 }, async () => {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const files = Object.values(dirs).map((d) => path.join(d, 'unit.ts'));
  try {
    await run(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'ES2022', '--module', 'NodeNext',
      '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', ...files], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc reported errors:\n${(e as { stdout?: string }).stdout?.slice(0, 4000)}`);
  }
});

describe('calling an imported handler', () => {
  const runUnit = async (app: string, env: NodeJS.ProcessEnv = {}) => {
    const dir = dirs[app];
    const js = ts.transpileModule(ts.sys.readFile(path.join(dir, 'unit.ts'))!, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(path.join(dir, 'unit.js'), js);
    const { stdout } = await run(process.execPath, [path.join(dir, 'unit.js')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    return stdout;
  };
  for (const app of ['list', 'crud', 'changed']) {
    it(`${app}: the handlers answer as the server would`, { timeout: 60_000 }, async () => {
      // the main chunk ran once, on import; what Lua printed is out by the time a call returns
      assert.equal(await runUnit(app), app === 'changed' ? 'loaded\ncalled\ncalled\nchanged ok\n' : `${app} ok\n`);
    });
  }
  it('list: the same bytes with ROVERC_JSON=generic', { timeout: 60_000 }, async () => {
    assert.equal(await runUnit('list', { ROVERC_JSON: 'generic' }), 'list ok\n');
  });
});

describe('start-up check of the static routes against the app table', () => {
  const servers: RunningServer[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
  });
  const check = async (server: RunningServer) => {
    servers.push(server);
    const err = server.stderr();
    assert.match(err, /roverc: warning: GET \/swap \(api\.swap\.get, .*app\.lua:4\): the app table holds another function than the one defined at .*app\.lua:4 \(replaced at run time\): served from the app table with the whole request/);
    assert.match(err, /roverc: warning: GET \/gone \(api\.gone\.get, .*app\.lua:7\): defined when the app loaded, but the app table has no such route afterwards \(removed at run time\): not served/);
    assert.doesNotMatch(err, /never|pick/);
    assert.equal(await (await fetch(`${server.url}/pick`)).text(), '{"n":1}');
    // the replacement gets the whole request: the header the static definition never read is there
    const swap = await fetch(`${server.url}/swap`, { headers: { 'x-agent': 't' } });
    assert.equal(await swap.text(), '{"who":"dynamic","agent":"t"}');
    assert.equal(await (await fetch(`${server.url}/hello`)).text(), '{"message":"hi"}');
    assert.equal((await fetch(`${server.url}/gone`)).status, 404);
  };
  it('server.js of the build', { timeout: 60_000 }, async () => {
    await check(await startBuiltServer(path.join(dirs.changed, 'server.js')));
  });
  it('roverc serve --mode compiled', { timeout: 120_000 }, async () => {
    await check(await startServer(path.join(root, 'changed-src', 'app.lua'), 'compiled'));
  });
});
