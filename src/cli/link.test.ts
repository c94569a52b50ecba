import { describe, expect, it } from 'vitest';
import { scenarioFromLink } from './link';
import { defaultScenario } from '../scenario/params';
import { V1_DEFAULTS } from '../scenario/versions';

describe('scenarioFromLink', () => {
  it('runs the default scenario without a link', () => {
    expect(scenarioFromLink(undefined)).toEqual({
      ok: true,
      scenario: defaultScenario(),
      warnings: [],
    });
  });

  it('reads a share link', () => {
    const outcome = scenarioFromLink('https://cascade.example/lab?v=1&seed=9&shock=-12');
    expect(outcome).toEqual({
      ok: true,
      // A v=1 link: what it leaves out takes the v=1 defaults.
      scenario: { ...defaultScenario(), ...V1_DEFAULTS, seed: 9, shock: -12 },
      warnings: [],
    });
  });

  it('refuses a value that is not a number, naming the field', () => {
    expect(scenarioFromLink('leverage=abc')).toEqual({
      ok: false,
      message: 'leverage: "abc" is not a number',
    });
  });

  it('refuses a value out of range instead of clamping it', () => {
    expect(scenarioFromLink('leverage=500')).toEqual({
      ok: false,
      message: 'leverage: 500 is above the maximum 125 ×',
    });
  });

  it('refuses an unknown key', () => {
    expect(scenarioFromLink('levrage=5')).toEqual({
      ok: false,
      message: '"levrage" is not a parameter (did you mean leverage?)',
    });
  });

  it('names the first problem and counts the others, in one line', () => {
    const outcome = scenarioFromLink('seed=x&mark=fast&a%0Ab=1');
    expect(outcome).toEqual({
      ok: false,
      message: 'seed: "x" is not a number (and 2 more: mark, "a\\nb")',
    });
  });

  it('refuses a link from a newer version', () => {
    expect(scenarioFromLink('v=3&seed=1')).toEqual({
      ok: false,
      message: 'This link was made by a newer version of Cascade Lab (v=3); this one reads v=2.',
    });
  });

  it('only warns about rounded whole numbers and repeated keys', () => {
    const outcome = scenarioFromLink('positions=1000.4&seed=2&seed=3');
    expect(outcome).toEqual({
      ok: true,
      scenario: { ...defaultScenario(), positions: 1000, seed: 2 },
      warnings: [
        'positions: 1000.4 is not a whole number; using 1000',
        'seed: given more than once; keeping the first value, ignoring "3"',
      ],
    });
  });
});

describe('scenarioFromLink and view keys', () => {
  it('runs a link with view keys, noting that they are ignored', () => {
    const outcome = scenarioFromLink(
      'v=2&seed=3&t=40&show=leverage,shock&tour=anatomy&stage=2&embed=1',
    );
    expect(outcome).toEqual({
      ok: true,
      scenario: { ...defaultScenario(), seed: 3 },
      warnings: ["t, show, tour, stage, embed: view keys, for the app's page; ignored here"],
    });
  });
});

describe('scenarioFromLink and compare keys', () => {
  it('runs the base scenario of a compare link, noting that B is ignored', () => {
    const outcome = scenarioFromLink('v=2&seed=3&leverage=20&b.leverage=10&b.mark=smoothed');
    expect(outcome).toEqual({
      ok: true,
      scenario: { ...defaultScenario(), seed: 3, leverage: 20 },
      warnings: [
        "b.leverage, b.mark: compare mode's scenario B, for the app's page; ignored here (use `sim compare`)",
      ],
    });
  });
});
