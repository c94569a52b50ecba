import { describe, expect, it } from 'vitest';
import { flowLegend, type LegendItem } from './legend';

const items: LegendItem[] = ['last', 'mark', 'index', 'without liquidations', 'shock'].map(
  (label) => ({ key: label, label, swatch: 'line', color: '#fff' }),
);

describe('flowLegend', () => {
  it('fits on one row on a wide screen', () => {
    const l = flowLegend(items, 1200, 12);
    expect(new Set(l.items.map((i) => i.y)).size).toBe(1);
    expect(l.height).toBe(18);
  });

  it('wraps on a phone without any item running past the width', () => {
    const l = flowLegend(items, 200, 11);
    expect(l.height).toBeGreaterThan(17);
    for (const it of l.items) expect(it.x === 0 || it.x + it.width <= 200).toBe(true);
  });

  it('takes no room when empty', () => {
    expect(flowLegend([], 300, 12).height).toBe(0);
  });
});
