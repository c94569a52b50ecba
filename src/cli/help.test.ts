import { describe, expect, it } from 'vitest';
import { columns, helpText, rangeText, wrap } from './help';
import { PARAMS, PARAM_KEYS } from '../scenario/params';

describe('help text', () => {
  const text = helpText();
  const lines = text.split('\n');

  it('lists every parameter of the table with its key, label, range, unit and default', () => {
    for (const key of PARAM_KEYS) {
      const spec = PARAMS[key];
      const row = lines.find((l) => l.startsWith(`  ${key} `));
      expect(row, key).toBeDefined();
      expect(row).toContain(spec.label);
      expect(row).toContain(rangeText(spec));
      expect(row).toContain(spec.unit);
      expect(
        row!
          .trimEnd()
          .endsWith(spec.kind === 'bool' ? (spec.default ? '1' : '0') : String(spec.default)),
      ).toBe(true);
    }
  });

  it('aligns the parameter columns', () => {
    const rows = PARAM_KEYS.map((k) => lines.find((l) => l.startsWith(`  ${k} `))!);
    const labelAt = rows.map((r, i) => r.indexOf(PARAMS[PARAM_KEYS[i]].label));
    expect(new Set(labelAt).size).toBe(1);
  });

  it('includes each parameter help text and mentions that bucket columns are not in --frames', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const key of PARAM_KEYS) expect(flat).toContain(PARAMS[key].help);
    expect(flat).toContain('per-price-bucket columns are not in this file');
  });

  it('keeps lines within 100 characters apart from the parameter rows', () => {
    const tooLong = lines.filter(
      (l) => l.length > 100 && !PARAM_KEYS.some((k) => l.startsWith(`  ${k} `)),
    );
    expect(tooLong).toEqual([]);
  });

  it('shows ranges of numbers, switches and choices', () => {
    expect(rangeText(PARAMS.leverage)).toBe('1 to 125');
    expect(rangeText(PARAMS.breaker)).toBe('0 to 50 (0: off)');
    expect(rangeText(PARAMS.mark)).toBe('last | smoothed');
    expect(rangeText(PARAMS.partial)).toBe('0 | 1');
  });
});

describe('layout helpers', () => {
  it('pads columns to their widest cell', () => {
    expect(
      columns([
        ['a', 'bb', 'c'],
        ['ccc', 'd', ''],
      ]),
    ).toEqual(['  a    bb  c', '  ccc  d']);
  });

  it('wraps at word boundaries', () => {
    expect(wrap('one two three four', 10, '> ')).toEqual(['> one two', '> three', '> four']);
  });
});
