import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('seeded streams', () => {
  it('repeats the same sequence for the same seed and name', () => {
    const a = createRng(42, 'index');
    const b = createRng(42, 'index');
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different streams to different names and seeds', () => {
    const first = (seed: number, name: string) => createRng(seed, name).next();
    expect(first(1, 'index')).not.toBe(first(1, 'noise'));
    expect(first(1, 'index')).not.toBe(first(2, 'index'));
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and variance 1', () => {
    const r = createRng(7, 'test');
    let sum = 0;
    let sumSq = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const z = r.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.03);
  });
});
