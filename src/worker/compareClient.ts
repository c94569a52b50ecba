/**
 * `compareReports` (2,000 bootstrap resamples per figure, some seventy figures: a few hundred ms)
 * in a worker of its own, so the paired run's last step never freezes the page. The reports go
 * over by structured clone, which keeps every number (NaN too), so the comparison is the one
 * `sim compare` makes. Where workers are missing or fail to start, it runs on this thread.
 */

import type { RunReport } from '../engine/report';
import { compareReports, type Comparison } from '../scenario/analysis/paired';
import { errorMessage } from '../shared/errorMessage';

export interface CompareRequest {
  id: number;
  a: readonly RunReport[];
  b: readonly RunReport[];
}

export type CompareResponse =
  { id: number; comparison: Comparison } | { id: number; error: string };

/** The worker's answer to a request (pure of any worker global: the fallback runs it too). */
export function answerCompare({ id, a, b }: CompareRequest): CompareResponse {
  try {
    return { id, comparison: compareReports(a, b) };
  } catch (error) {
    return { id, error: errorMessage(error) };
  }
}

/** What the client needs of a worker (a real one, or a test's). */
export interface CompareWorker {
  onmessage: ((event: MessageEvent<CompareResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: CompareRequest): void;
  terminate(): void;
}

function startWorker(): CompareWorker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./compare.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cascade-lab-compare',
    });
  } catch {
    return null;
  }
}

let nextId = 1;

const settle = (answer: CompareResponse): Comparison => {
  if ('error' in answer) throw new Error(`The paired comparison failed: ${answer.error}`);
  return answer.comparison;
};

/** The paired comparison of A's and B's reports (seed by seed), made in a worker ended after. */
export function compareInWorker(
  a: readonly RunReport[],
  b: readonly RunReport[],
  createWorker: () => CompareWorker | null = startWorker,
): Promise<Comparison> {
  const id = nextId++;
  const here = () => settle(answerCompare({ id, a, b }));
  const worker = createWorker();
  if (!worker) return Promise.resolve().then(here);
  return new Promise<Comparison>((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      worker.terminate();
      try {
        resolve(settle(data));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // The worker did not load (or died): the same comparison, made on this thread.
      try {
        resolve(here());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.postMessage({ id, a, b });
  });
}
