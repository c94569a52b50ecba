/** The export worker: makes one CSV file per request, off the page's thread (exportFiles.ts). */

import { errorMessage } from '../shared/errorMessage';
import { csvBlob, type ExportRequest, type ExportResponse } from './exportFiles';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = ({ data }: MessageEvent<ExportRequest>) => {
  let answer: ExportResponse;
  try {
    answer = { id: data.id, blob: csvBlob(data.kind, data.frames, data.info) };
  } catch (error) {
    answer = { id: data.id, error: errorMessage(error) };
  }
  self.postMessage(answer);
};
