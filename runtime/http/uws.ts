// Loading uWebSockets.js. A build folder carries its own copy (roverc/node_modules/uwebsockets)
// with the binary for the platform and Node it was built with; on another platform or Node
// that copy cannot load, and one installed in the build folder (`npm install` there, which
// fetches every binary of the pinned version) is used instead. Neither: the error says the
// one command to run.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type UWS = typeof import('uwebsockets');

/** uWebSockets.js could not be loaded; the message names the command that fixes it. */
export class UwsMissingError extends Error {}

/** The folder above roverc/runtime (a build folder, or the repository above dist/). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function loadUws(): Promise<UWS> {
  let first: unknown;
  try {
    return (await import('uwebsockets')).default;
  } catch (e) {
    first = e;
  }
  try {
    return createRequire(path.join(ROOT, 'package.json'))('uwebsockets') as UWS;
  } catch {
    // reported below, with the first failure
  }
  const why = reason(first);
  const dir = path.relative(process.cwd(), ROOT) || '.';
  throw new UwsMissingError([
    `uWebSockets.js cannot be loaded for ${process.platform}-${process.arch} with Node ${process.version} (${why}).`,
    'Install it in the build folder with:',
    `  cd ${/^[\w./-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, "'\\''")}'`} && npm install`,
  ].join('\n'));
}

/** The line of a load failure that says what is wrong (uws.js wraps it in a generic message and a require stack). */
function reason(e: unknown): string {
  const lines = (e instanceof Error ? e.message : String(e)).split('\n').map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('- ') && !l.startsWith('Require stack'));
  const line = lines.find((l) => !l.startsWith('This version of uWS.js')) ?? lines[0] ?? String(e);
  return line.replace(/^Error: /, '');
}
