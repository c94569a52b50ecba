/** Writes export lines (see scenario/export) to files, in chunks. */

import { closeSync, openSync, writeSync } from 'node:fs';

/** Writes lines to a file (created or replaced), each ending in a newline, in ~1 MB chunks. */
export function writeLines(path: string, lines: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [];
    let size = 0;
    for (const line of lines) {
      chunk.push(line);
      size += line.length + 1;
      if (size >= 1 << 20) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}
