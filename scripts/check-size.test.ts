import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, checkSize, measure, onDemandFiles } from './check-size.mjs';

describe('checkSize', () => {
  it('passes at the budget exactly and lists each file, largest first, then the total', () => {
    const { ok, total, lines } = checkSize(
      [
        { file: 'assets/small.css', bytes: 3000, gzip: 1000 },
        { file: 'assets/index.js', bytes: 9000, gzip: 3000 },
      ],
      4000,
    );
    expect(ok).toBe(true);
    expect(total).toBe(4000);
    expect(lines[1]).toMatch(/^assets\/index\.js\s+8\.8 KB\s+2\.9 KB$/);
    expect(lines[2]).toMatch(/^assets\/small\.css/);
    expect(lines[3]).toMatch(/^total\s+11\.7 KB\s+3\.9 KB$/);
  });

  it('fails one byte over, saying the total, the budget and by how much', () => {
    const { ok, lines } = checkSize([{ file: 'a.js', bytes: 9000, gzip: 4001 }], 4000);
    expect(ok).toBe(false);
    expect(lines.at(-1)).toBe(
      'check-size: the built JS and CSS are 3.9 KB gzipped (4001 bytes), over the budget of 3.9 KB (4000 bytes) by 1 bytes.',
    );
  });

  it('fails when there is nothing to measure, rather than passing an empty build', () => {
    const { ok, lines } = checkSize([]);
    expect(ok).toBe(false);
    expect(lines.at(-1)).toMatch(/no JS or CSS files found/);
  });

  it('has a budget of 175 KB, counted in KiB', () => {
    expect(BUDGET_BYTES).toBe(179_200);
  });
});

describe('measure', () => {
  it('gzips every JS and CSS file under dist, in subfolders too, and nothing else', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dist, 'assets'));
    const js = 'export const x = 1;\n'.repeat(200);
    writeFileSync(join(dist, 'assets', 'index.js'), js);
    writeFileSync(join(dist, 'assets', 'index.css'), 'body{margin:0}');
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    writeFileSync(join(dist, 'logo.svg'), '<svg/>');
    const sizes = measure(dist);
    expect(sizes.map((s) => s.file)).toEqual([
      join('assets', 'index.css'),
      join('assets', 'index.js'),
    ]);
    const jsSize = sizes[1];
    expect(jsSize.bytes).toBe(js.length);
    expect(jsSize.gzip).toBe(gzipSync(js).length);
    expect(jsSize.gzip).toBeLessThan(jsSize.bytes);
  });
});

describe('loaded on demand', () => {
  it('counts apart only what a dynamic import alone reaches', () => {
    const texts = new Map([
      ['index.html', '<script type="module">import "./assets/index.js";</script>'],
      [
        'index.js',
        'import{a}from"./shared.js";new URL(`worker.js`,import.meta.url);import(`./View.js`)',
      ],
      ['worker.js', 'import{b}from"./loop.js";'],
      ['View.js', 'import{a}from"./shared.js";import{c}from"./viewOnly.js";import(`./loop.js`)'],
      ['shared.js', ''],
      ['loop.js', ''],
      ['viewOnly.js', ''],
      ['sw.js', ''],
    ]);
    expect([...onDemandFiles(texts)].sort()).toEqual(['View.js', 'viewOnly.js']);
  });

  it('fails when the on-demand chunks pass their own budget, and leaves them out of the total', () => {
    const sizes = [
      { file: 'a.js', bytes: 9000, gzip: 3000 },
      { file: 'lazy.js', bytes: 9000, gzip: 2001, onDemand: true },
    ];
    expect(checkSize(sizes, 4000, 3000)).toMatchObject({ ok: true, total: 3000 });
    const over = checkSize(sizes, 4000, 2000);
    expect(over.ok).toBe(false);
    expect(over.lines.at(-1)).toMatch(/loaded on demand are 2\.0 KB .* by 1 bytes/);
  });
});
