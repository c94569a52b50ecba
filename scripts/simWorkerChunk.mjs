/**
 * The simulation worker as a chunk of the app's own build rather than a separate worker bundle,
 * so the worker and the in-process fallback (src/worker/inProcess.ts) share one copy of the run
 * loop and the engine instead of shipping it twice (about 15 KB gzipped of the size budget).
 *
 * `virtual:sim-worker-url` exports the URL of the worker's entry. In a build it is an emitted
 * chunk, resolved by the bundler against the chunk that imports it, so it stays right under any
 * base folder; in dev it is the source file, which the dev server transforms like Vite's own
 * `new Worker(new URL(…))` does.
 */

import { fileURLToPath } from 'node:url';

const SIM_WORKER_URL_ID = 'virtual:sim-worker-url';
const RESOLVED_ID = `\0${SIM_WORKER_URL_ID}`;
const ENTRY = fileURLToPath(new URL('../src/worker/sim.worker.ts', import.meta.url));

/** @returns {import('vite').Plugin} */
export function simWorkerChunk() {
  let building = false;
  return {
    name: 'sim-worker-chunk',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (source) => (source === SIM_WORKER_URL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      if (!building) return `export default '/src/worker/sim.worker.ts?worker_file&type=module';`;
      const ref = this.emitFile({ type: 'chunk', id: ENTRY, name: 'sim-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
