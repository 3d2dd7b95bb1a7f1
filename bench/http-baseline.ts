// The ceiling for bench/http.ts: the fixture routes written by hand the way a good
// uWebSockets.js developer would (one App, native routing, JSON.stringify, no framework).
// Each answers the same status, headers and body bytes as the Rover route; http.ts checks
// that before timing. No request log: a hand-written server usually has none.
//   node dist/bench/http-baseline.js [--host H] [--port P]
import { parseArgs } from 'node:util';
import uWS from 'uwebsockets';

const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '0' } } });

uWS.App()
  // fixtures/http/hello: api.hello.get
  .get('/hello', (res) => {
    res.writeHeader('content-type', 'application/json').end(JSON.stringify({ message: 'Hello World' }));
  })
  // fixtures/http/hello: api.users.p_id.get (keys in the order Rover's encoder emits them)
  .get('/users/:id', (res, req) => {
    res.writeHeader('content-type', 'application/json').end(JSON.stringify({ static: false, id: req.getParameter(0) }));
  })
  // fixtures/http/list: api.items.get
  .get('/items', (res, req) => {
    const n = Number(req.getQuery('n') ?? '') || 100;
    const items = [];
    for (let i = 1; i <= n; i++) {
      items.push({ id: i, name: `item ${i}`, price: i * 1.5, in_stock: i % 3 !== 0, tags: [`tag${i % 5}`, 'all'] });
    }
    res.writeHeader('content-type', 'application/json').end(JSON.stringify({ count: items.length, items }));
  })
  .listen(values.host, Number(values.port), (socket) => {
    if (!socket) {
      console.error(`http-baseline: cannot listen on ${values.host}:${values.port}`);
      process.exit(1);
    }
    console.log(`listening on http://${values.host}:${uWS.us_socket_local_port(socket)}`);
  });
