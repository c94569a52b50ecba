import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLines } from './csv';

describe('writeLines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every line, newline-terminated, across chunks', () => {
    const path = join(dir, 'big.csv');
    const lines = Array.from({ length: 200_000 }, (_, i) => `${i},${'x'.repeat(10)}`);
    writeLines(path, lines);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('199999,xxxxxxxxxx\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(200_001);
  });
});
