import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../params';
import { labScenarios, planLab } from './labGrid';

describe('lab grid', () => {
  it('puts the other parameter outside and the shock inside, seeds 1..N per point', () => {
    const plan = planLab('-1:-3:1', 'leverage', '5,10', 2);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.names).toEqual(['leverage', 'shock']);
    expect(plan.value.shocks).toEqual([-1, -2, -3]);
    expect(plan.value.other).toEqual({ name: 'leverage', values: [5, 10] });
    expect(plan.value.points[1]).toEqual({ leverage: 5, shock: -2 });
    const runs = labScenarios(defaultScenario(), plan.value, 1, 2);
    expect(runs.map((s) => [s.leverage, s.shock, s.seed])).toEqual([
      [5, -2, 1],
      [5, -2, 2],
    ]);
  });

  it('says what is wrong with an axis or the seeds, as the CLI would', () => {
    const message = (r: ReturnType<typeof planLab>) => (r.ok ? '' : r.message);
    expect(message(planLab('-1:-3:0', null, '', 4))).toBe('shock: the step is 0');
    expect(message(planLab('-1', 'leverage', '5,5', 4))).toBe('leverage: a value is repeated');
    expect(message(planLab('-1', 'leverage', '', 4))).toBe(
      'leverage: the range is empty (no values)',
    );
    expect(message(planLab('-1', 'shock', '1', 4))).toBe('The y axis must not be the shock');
    expect(message(planLab('-1', null, '', 0))).toMatch(/^Seeds: a whole number/);
    expect(planLab('-1,-2', null, 'ignored', 8).ok).toBe(true);
  });
});
