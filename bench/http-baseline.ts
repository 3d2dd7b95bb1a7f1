// The ceiling for the server group (bench/server.ts): the hand-written routes of
// bench/http/baseline-routes.ts on one uWS App. No request log: a hand-written server
// usually has none.
//   node dist/bench/http-baseline.js [--host H] [--port P]
import { parseArgs } from 'node:util';
import uWS from 'uwebsockets';
import { BASELINE_ROUTES } from './http/baseline-routes.js';

const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '0' } } });

const app = uWS.App();
// a route written for several fixtures (the same code) is registered once
const paths = new Set<string>();
for (const r of BASELINE_ROUTES) {
  if (paths.has(r.path)) continue;
  paths.add(r.path);
  app[r.method](r.path, r.handler);
}
app.listen(values.host, Number(values.port), (socket) => {
  if (!socket) {
    console.error(`http-baseline: cannot listen on ${values.host}:${values.port}`);
    process.exit(1);
  }
  console.log(`listening on http://${values.host}:${uWS.us_socket_local_port(socket)}`);
});
