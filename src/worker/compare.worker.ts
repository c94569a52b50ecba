/** The paired comparison's worker: the bootstrap of `sim compare`, off the page's thread. */

import { answerCompare, type CompareRequest } from './compareClient';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = ({ data }: MessageEvent<CompareRequest>) => self.postMessage(answerCompare(data));
