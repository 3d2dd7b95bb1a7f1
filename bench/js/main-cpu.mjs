// Preloaded by the benchmarks (`node --import <this file> bench/js/NAME.mjs`): writes the CPU
// time of the program itself (user and system, all threads, in seconds, from before its module
// loads to its exit) to the file ROVERC_MAIN_CPU names, as roverc's runs report their main
// chunk's, so that node's own start-up is left out by measure rather than by subtraction.
import { writeFileSync } from 'node:fs';

const file = process.env.ROVERC_MAIN_CPU;
if (file) {
  const start = process.cpuUsage();
  process.on('exit', () => {
    const t = process.cpuUsage(start);
    writeFileSync(file, String((t.user + t.system) / 1e6));
  });
}
