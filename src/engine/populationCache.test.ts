import { describe, expect, it } from 'vitest';
import { defaultScenario, PARAMS, PARAM_KEYS } from '../scenario/params';
import type { ParamKey, Scenario } from './types';
import {
  drawSortedPopulation,
  POPULATION_PARAMS,
  PopulationCache,
  populationKey,
  type SortedPopulation,
} from './populationCache';

const base: Scenario = { ...defaultScenario(), positions: 1500, seed: 3 };

/** Another valid value of a parameter than the default scenario's. */
function otherValue(name: ParamKey): Scenario[ParamKey] {
  const spec = PARAMS[name];
  const now = base[name];
  if (spec.kind === 'bool') return !now;
  if (spec.kind === 'enum') return spec.options.find((o) => o !== now)!;
  return now === spec.max ? spec.min : spec.max;
}

/** Every column and both sort orders, as bytes. */
function bytes(p: SortedPopulation): Buffer[] {
  const cols = [p.population.longs, p.population.shorts].flatMap((c) => [
    c.qty,
    c.entry,
    c.leverage,
    c.tier,
    c.liq,
  ]);
  return [...cols, p.longOrder, p.shortOrder].map((a) =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  );
}

describe('population cache', () => {
  const reference = bytes(drawSortedPopulation(base));
  const keyed = new Set<string>(POPULATION_PARAMS);

  it('keys on every parameter the population depends on: the others leave it bit for bit', () => {
    const others = PARAM_KEYS.filter((name) => !keyed.has(name));
    expect(others).toContain('shock');
    for (const name of others) {
      const s = { ...base, [name]: otherValue(name) } as Scenario;
      expect(populationKey(s), name).toBe(populationKey(base));
      expect(bytes(drawSortedPopulation(s)), name).toEqual(reference);
    }
  });

  it('tells apart scenarios that differ in a keyed parameter', () => {
    for (const name of POPULATION_PARAMS) {
      const s = { ...base, [name]: name === 'seed' ? 4 : otherValue(name) } as Scenario;
      expect(populationKey(s), name).not.toBe(populationKey(base));
    }
  });

  it('draws once per key and hands back the same population', () => {
    const cache = new PopulationCache();
    const a = cache.get({ ...base, shock: -3 });
    const b = cache.get({ ...base, shock: -12, breaker: 5 });
    expect(b).toBe(a);
    expect(bytes(a)).toEqual(reference);
    expect(cache.get({ ...base, seed: 4 })).not.toBe(a);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('evicts the least recently used population past its byte budget', () => {
    // Room for two populations of 1,500 positions.
    const cache = new PopulationCache(2 * 1500 * 37);
    const one = cache.get({ ...base, seed: 1 });
    cache.get({ ...base, seed: 2 });
    cache.get({ ...base, seed: 1 }); // seed 2 is now the least recently used
    cache.get({ ...base, seed: 3 });
    expect(cache.get({ ...base, seed: 1 })).toBe(one);
    expect(cache.misses).toBe(3);
    cache.get({ ...base, seed: 2 });
    expect(cache.misses).toBe(4);
  });
});
