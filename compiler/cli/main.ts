// The roverc command line.
import { Command, InvalidArgumentError, Option } from 'commander';
import { colors as pc } from './colors.js';
import { runInWorker, type RunMode } from './worker-run.js';
import { checkFile } from './check.js';
import { reportAndExit } from './report.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n < 1 || n > 256) throw new InvalidArgumentError('expected a number of workers, 1-256');
  return n;
}

const program = new Command();
program
  .name('roverc')
  .description('Compiles Rover Lua route files to typed TypeScript; runs Lua through its own interpreter.')
  .version('0.1.0');

program
  .command('run')
  .description('run a Lua program and print what luajit would print')
  .argument('<file>', 'the Lua file to run')
  .argument('[args...]', 'arguments passed to the program (as `...` and `arg`)')
  .addOption(new Option('--mode <mode>', 'execution mode').choices(['interpreted', 'compiled']).default('interpreted'))
  .action(async (file: string, args: string[], opts: { mode: RunMode }) => {
    process.exitCode = await runInWorker(file, args, opts.mode);
  });

program
  .command('build')
  .description('compile a Lua program to TypeScript modules (+ JS) in a folder runnable with node')
  .argument('<entry>', 'the entry Lua file; the modules it requires are compiled too')
  .requiredOption('--out <dir>', 'output folder')
  .option('--explain', 'list the routes of a Rover app with the JSON shape each handler is proven to return')
  .action(async (entry: string, opts: { out: string; explain?: boolean }) => {
    const { build } = await import('../build.js');
    const result = build(entry, opts.out);
    process.stdout.write(`${pc.green('built')} ${result.files.filter((f) => f.endsWith('.ts')).length} module(s) into ${opts.out} (run: node ${opts.out}/run.js)\n`);
    if (opts.explain) process.stdout.write(result.explain.length === 0 ? 'no routes found\n' : result.explain.join('\n') + '\n');
  });

program
  .command('serve')
  .description('serve a Rover route file (rover.server app) over HTTP')
  .argument('<app>', 'the route file; it returns the table made by rover.server')
  .addOption(new Option('--mode <mode>', 'execution mode').choices(['interpreted', 'compiled']).default('interpreted'))
  .option('--host <host>', 'listen on this host (overrides the config)')
  .option('--port <port>', 'listen on this port, 0 for any free port (overrides the config)', parsePort)
  .option('--workers <n>', 'serve from n worker threads sharing the port (each with its own copy of the app)', parseWorkers, 1)
  .action(async (app: string, opts: { mode: RunMode; host?: string; port?: number; workers: number }) => {
    const { serveInWorker } = await import('./serve.js');
    const { workers, ...options } = opts;
    process.exit(await serveInWorker(app, options, workers));
  });

program
  .command('check')
  .description('report syntax and scope errors without running')
  .argument('<files...>', 'Lua files to check')
  .action((files: string[]) => {
    let failed = false;
    for (const file of files) {
      const problem = checkFile(file);
      if (problem !== undefined) {
        failed = true;
        process.stderr.write(problem + '\n');
      }
    }
    if (!failed) process.stdout.write(pc.green(`ok: ${files.length} file${files.length === 1 ? '' : 's'}\n`));
    process.exitCode = failed ? 1 : 0;
  });

program.parseAsync(process.argv).catch(reportAndExit);
