import { describe, expect, it } from 'vitest';
import { describeChange, describeChangesAt, formatChanges, readChanges } from './changes';
import { decodeScenario, encodeScenario } from './codec';
import { reportJson } from './export';
import { decodeScenarioFile, encodeScenarioFile } from './file';
import { defaultScenario, type Scenario } from './params';

const PULL = { step: 70, param: 'liquidity', factor: 0.5 } as const;
const DROP = { step: 90, param: 'index', factor: 0.97 } as const;

function decoded(text: string) {
  const r = decodeScenario(text);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('scripted changes in a link', () => {
  it('reads and writes change=STEP:PARAM*FACTOR, colons and commas unescaped', () => {
    const s: Scenario = { ...defaultScenario(), changes: [PULL, DROP] };
    const link = encodeScenario(s);
    expect(link).toMatch(/&change=70:liquidity\*0\.5,90:index\*0\.97$/);
    expect(decoded(link)).toEqual({ ok: true, scenario: s, corrections: [] });
    // Escaped as a browser might: the same scenario.
    expect(decoded(link.replace(/:/g, '%3A').replace(/,/g, '%2C')).scenario).toEqual(s);
  });

  it('writes nothing without changes, and reads none back', () => {
    const link = encodeScenario(defaultScenario());
    expect(link).not.toContain('change');
    expect('changes' in decoded(link).scenario).toBe(false);
    expect(
      'changes' in decoded(encodeScenario({ ...defaultScenario(), changes: [] })).scenario,
    ).toBe(false);
  });

  it('puts changes in step order, keeping the order within a step', () => {
    const r = readChanges('90:index*0.97,70:liquidity*0.5,70:liquidity*2', 600);
    expect(r.corrections).toEqual([]);
    expect(formatChanges(r.changes)).toBe('70:liquidity*0.5,70:liquidity*2,90:index*0.97');
  });

  it('drops what it cannot read, clamps factors, and says so', () => {
    const r = decoded(
      'v=2&steps=100&change=50:liqudity*0.5,100:noise*2,x:noise*2,5:noise*0,5:noise,10:index*3,20:volatility*2',
    );
    expect(r.scenario.changes).toEqual([
      { step: 10, param: 'index', factor: 1.5 },
      { step: 20, param: 'volatility', factor: 2 },
    ]);
    expect(r.corrections.map((c) => c.message)).toEqual([
      'change: "50:liqudity*0.5" cannot change: only liquidity, resilience, withdrawal, volatility, noise, index may; did you mean liquidity?; dropping it',
      'change: "100:noise*2" is not before the end of the run (steps = 100); dropping it',
      'change: "x:noise*2" has no step: a whole minute from 0; dropping it',
      'change: "5:noise*0" has no factor: a number above 0; dropping it',
      'change: "5:noise" is not STEP:PARAM*FACTOR (such as 70:liquidity*0.5); dropping it',
      'change: "10:index*3" has a factor above the maximum 1.5; using 10:index*1.5',
    ]);
    expect(r.corrections.every((c) => c.field === 'change')).toBe(true);
  });

  it('reads the run length wherever it stands in the link', () => {
    const r = decoded('change=150:noise*2&steps=100');
    expect(r.scenario.changes).toBeUndefined();
    expect(r.corrections).toHaveLength(1);
  });

  it('keeps at most eight changes', () => {
    const many = Array.from({ length: 10 }, (_, i) => `${i}:noise*2`).join(',');
    const r = decoded(`change=${many}`);
    expect(r.scenario.changes).toHaveLength(8);
    expect(r.corrections.map((c) => c.given)).toEqual(['8:noise*2', '9:noise*2']);
  });

  it('reports a second change key as a duplicate and keeps the first', () => {
    const r = decoded('change=70:liquidity*0.5&change=10:noise*2');
    expect(r.scenario.changes).toEqual([PULL]);
    expect(r.corrections.map((c) => c.kind)).toEqual(['duplicate']);
    expect(r.corrections[0].used).toBe('70:liquidity*0.5');
  });

  it('an empty change key is reported, not an error', () => {
    const r = decoded('change=');
    expect(r.scenario.changes).toBeUndefined();
    expect(r.corrections.map((c) => c.kind)).toEqual(['invalid']);
  });
});

describe('scripted changes in a scenario file', () => {
  it('round-trips and checks them with the link rules', () => {
    const s: Scenario = { ...defaultScenario(), changes: [PULL] };
    expect(decodeScenarioFile(encodeScenarioFile(s))).toMatchObject({ ok: true, scenario: s });
    const text = JSON.stringify({
      format: 'cascade-lab-scenario',
      v: 2,
      scenario: { changes: [PULL, { step: 5, param: 'seed', factor: 2 }, 'x'] },
    });
    const back = decodeScenarioFile(text);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.scenario.changes).toEqual([PULL]);
    expect(back.corrections).toHaveLength(2);
  });
});

describe('scripted changes in exports', () => {
  it('the report JSON carries the scenario with its changes', () => {
    const s: Scenario = { ...defaultScenario(), changes: [PULL] };
    const json = JSON.parse(reportJson({ maxDrawdown: 0.1 } as never, s));
    expect(json.scenario.changes).toEqual([PULL]);
    expect(decoded(encodeScenario(json.scenario)).scenario).toEqual(s);
  });
});

describe('scripted changes in words', () => {
  it('says what changes', () => {
    expect(describeChange(PULL)).toBe('makers pull half their depth');
    expect(describeChange({ ...PULL, factor: 0.25 })).toBe('makers pull 75 % of their depth');
    expect(describeChange({ ...PULL, factor: 2 })).toBe('makers quote 2× their depth');
    expect(describeChange(DROP)).toBe('the index drops 3 %');
    expect(describeChange({ ...DROP, factor: 1.1 })).toBe('the index jumps 10 %');
    expect(describeChange({ step: 1, param: 'noise', factor: 3 })).toBe(
      'noise traders trade 3× as much',
    );
    expect(describeChangesAt([PULL, DROP, { ...DROP, step: 70 }], 70)).toBe(
      'makers pull half their depth; the index drops 3 %',
    );
    expect(describeChangesAt(undefined, 70)).toBe('');
  });
});
