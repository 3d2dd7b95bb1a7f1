// Paired A/B of HTTP servers, for changes smaller than the noise of one `npm run bench` row:
// several servers started at once on core 0, wrk on core 1 against each in turn, in rounds
// whose order rotates, server CPU µs per request from /proc (as bench/server.ts measures it).
// The ratio to the first server is taken round by round, so that a drift of the machine
// between rounds cancels out.
//   node dist/bench/server-ab.js --path /users/42 --rounds 10 --seconds 2 \
//     new='node out/small/server.js --port {port}' old='node /tmp/old/small/server.js --port {port}'
// Each server is `name=command`, run by sh with {port} replaced; it must answer GET --path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, stopServer, treeCpuSeconds, type Server } from './http/servers.js';
import { missingTools, runWrk, WRK_REPORT_SCRIPT } from './http/wrk.js';
import { median } from './lib/index.js';

const SERVER_CORE = '0';
const LOAD_CORE = '1';

interface Contestant { name: string; command: string; server?: Server; cpuUs: number[] }

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      path: { type: 'string', default: '/' }, rounds: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '2' }, connections: { type: 'string', default: '64' },
    },
  });
  const missing = missingTools();
  if (missing.length > 0) throw new Error(`server-ab cannot run here: ${missing.join('; ')}`);
  const contestants: Contestant[] = positionals.map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new Error(`expected name='command', got ${p}`);
    return { name: p.slice(0, eq), command: p.slice(eq + 1), cpuUs: [] };
  });
  if (contestants.length < 2) throw new Error('give two servers or more');
  const urlPath = values.path!;
  const rounds = Number(values.rounds), seconds = Number(values.seconds), connections = Number(values.connections);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'roverc-ab-'));
  const script = path.join(tmp, 'report.lua');
  writeFileSync(script, WRK_REPORT_SCRIPT);
  try {
    for (const c of contestants) {
      c.server = await startServer(SERVER_CORE, (port) => ({ command: 'sh', args: ['-c', `exec ${c.command.replaceAll('{port}', String(port))}`] }), urlPath);
      await runWrk(LOAD_CORE, script, c.server.port, urlPath, 2, connections); // warm-up
    }
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < contestants.length; i++) {
        const c = contestants[(i + r) % contestants.length]!;
        const before = treeCpuSeconds(c.server!.pid);
        const report = await runWrk(LOAD_CORE, script, c.server!.port, urlPath, seconds, connections);
        c.cpuUs.push(((treeCpuSeconds(c.server!.pid) - before) * 1e6) / report.requests);
      }
      console.log(`round ${r + 1}: ${contestants.map((c) => `${c.name} ${c.cpuUs[r]!.toFixed(2)}`).join('  ')}`);
    }
  } finally {
    for (const c of contestants) if (c.server !== undefined) await stopServer(c.server.child);
    rmSync(tmp, { recursive: true, force: true });
  }
  const [first, ...others] = contestants as [Contestant, ...Contestant[]];
  console.log(`\nserver CPU µs per request, median of ${rounds} rounds: ${contestants.map((c) => `${c.name} ${median(c.cpuUs).toFixed(2)}`).join('  ')}`);
  for (const c of others) {
    const ratios = c.cpuUs.map((v, i) => v / first.cpuUs[i]!);
    console.log(`${c.name}/${first.name}: median of the rounds' ratios ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}), ratio of medians ${(median(c.cpuUs) / median(first.cpuUs)).toFixed(3)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
