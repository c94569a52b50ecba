import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { defaultScenario } from '../scenario';
import { endAnnouncement } from './Announcer';
import { reportFigures } from './figures';

describe('the end-of-run announcement', () => {
  it('gives the run’s length and the headline figures as the panel shows them', () => {
    const scenario = { ...defaultScenario(), positions: 500, steps: 80, shockStep: 10 };
    const { report } = runScenario(scenario);
    const text = endAnnouncement({ report, scenario });
    const value = (key: string) =>
      reportFigures(report, scenario).find((f) => f.key === key)!.value;
    expect(text).toMatch(/^Run finished after 80 minutes: /);
    expect(text).toContain(`Drawdown ${value('drawdown')}`);
    expect(text).toContain(`Amplification ${value('amplification')}`);
    expect(text).toContain(`Bad debt ${value('bad-debt')}`);
  });
});
