// HTTPS through uWS's SSLApp: a self-signed certificate made at test time with openssl,
// requests over loopback in both modes; missing files and a key that does not match its
// certificate stop the server at start-up with a message naming the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MODES, runCli, startServer, type RunningServer } from './support.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-tls-'));

function makeCert(name: string): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { cert, key };
}

function app(name: string, cert: string, key: string): string {
  const file = path.join(dir, `${name}.lua`);
  writeFileSync(file, `-- HTTPS with the test's certificate
local api = rover.server {
  log_level = "nope",
  tls = { cert_file = ${JSON.stringify(cert)}, key_file = ${JSON.stringify(key)} },
}

function api.secure.get(ctx)
  return { secure = true, path = ctx.path }
end

return api
`);
  return file;
}

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    https.get({ host: u.hostname, port: u.port, path: u.pathname, ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });
}

describe('TLS', () => {
  const good = makeCert('good');
  const other = makeCert('other');
  let servers: RunningServer[] = [];
  before(async () => {
    servers = await Promise.all(MODES.map((m) => startServer(app('good', good.cert, good.key), m)));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('serves HTTPS with the certificate, the same reply in both modes', async () => {
    const bodies = [];
    for (const s of servers) {
      assert.match(s.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const r = await get(`${s.url}/secure`, readFileSync(good.cert));
      assert.deepEqual(r, { status: 200, body: '{"secure":true,"path":"/secure"}' }, s.mode);
      bodies.push(r.body);
    }
    assert.equal(bodies[1], bodies[0]);
  });

  it('a client that does not trust the certificate is refused by TLS', async () => {
    await assert.rejects(get(`${servers[0].url}/secure`, readFileSync(other.cert)));
  });

  for (const mode of MODES) {
    it(`${mode}: a key that does not match its certificate is a start-up error`, async () => {
      const r = await runCli(['serve', app('mismatch', good.cert, other.key), '--mode', mode, '--port', '0']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^roverc: .*mismatch\\.lua: tls\\.key_file '${other.key.replace(/[.]/g, '\\.')}' does not match the certificate in tls\\.cert_file '`));
      assert.equal(r.stdout, '');
    });
    it(`${mode}: a missing certificate file is a start-up error naming it`, async () => {
      const missing = path.join(dir, 'missing.crt');
      const r = await runCli(['serve', app('missing', missing, good.key), '--mode', mode, '--port', '0']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`tls\\.cert_file '${missing.replace(/[.]/g, '\\.')}' cannot be read \\(no such file\\)\\n$`));
    });
  }
});
