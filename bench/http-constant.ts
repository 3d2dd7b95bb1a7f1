// The ceiling of this machine's HTTP path for the server group (bench/server.ts): uWS.js
// answering every GET with a body read once at start-up, with the headers a Rover JSON
// response carries (a fresh request id, the security headers). No routing work, no JSON.
//   node dist/bench/http-constant.js --body-file F [--type T] [--host H] [--port P]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import uWS from 'uwebsockets';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '0' },
    'body-file': { type: 'string' }, type: { type: 'string', default: 'application/json' },
  },
});
if (values['body-file'] === undefined) {
  console.error('http-constant: --body-file is required');
  process.exit(2);
}
const body = readFileSync(values['body-file']);
const type = values.type;

uWS.App().get('/*', (res) => {
  res.writeHeader('content-type', type)
    .writeHeader('x-request-id', randomUUID())
    .writeHeader('x-content-type-options', 'nosniff')
    .writeHeader('x-frame-options', 'DENY')
    .writeHeader('referrer-policy', 'strict-origin-when-cross-origin')
    .end(body);
}).listen(values.host, Number(values.port), (socket) => {
  if (!socket) {
    console.error(`http-constant: cannot listen on ${values.host}:${values.port}`);
    process.exit(1);
  }
  console.log(`listening on http://${values.host}:${uWS.us_socket_local_port(socket)}`);
});
