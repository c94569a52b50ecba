import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from './link';
import { defaultScenario, PARAM_KEYS } from './params';
import { parseQuery } from './query';
import { findPreset } from './presets';
import { TOURS, findTour, stageScenario } from './tours';
import { TOUR_NOTES } from './tourNotes';
import { decodeView, encodeView, VIEW_KEYS, type View } from './viewKeys';

const scenario = defaultScenario();
const read = (query: string) => decodeView(parseQuery(query), scenario);
const messages = (query: string) => read(query).corrections.map((c) => c.message);

/** A view with every key set to something other than its default. */
const everyKey: Required<View> = {
  t: 42,
  show: ['leverage', 'liquidity'],
  lock: ['shock'],
  tour: 'anatomy',
  stage: 3,
  embed: true,
  autoplay: true,
  preset: 'calm',
  present: true,
  map: 'estimated',
};
/** A preset's label holds only while the link's values are the preset's. */
const calm = findPreset('calm')!.scenario;

describe('teaching view keys', () => {
  it('every view key round-trips through a link', () => {
    expect(Object.keys(everyKey).sort()).toEqual([...VIEW_KEYS].sort());
    for (const key of VIEW_KEYS) {
      const view: View = { [key]: everyKey[key] } as View;
      if (key === 'stage') view.tour = 'anatomy';
      const s = key === 'preset' ? calm : scenario;
      const decoded = decodeLink(encodeLink(s, view));
      expect(decoded).toEqual({ ok: true, scenario: s, view, corrections: [] });
    }
    const all = decodeLink(encodeLink(calm, everyKey));
    expect(all.ok && all.view).toEqual(everyKey);
  });

  it('round-trips any valid view', () => {
    const keys = fc.subarray([...PARAM_KEYS], { minLength: 1 });
    const tourStage = fc.constantFrom(...TOURS).chain((t) =>
      fc.record({
        tour: fc.constant(t.name),
        stage: fc.integer({ min: 1, max: t.stages.length }),
      }),
    );
    const view = fc.record(
      {
        t: fc.integer({ min: 1, max: scenario.steps }),
        show: keys,
        lock: keys,
        embed: fc.constant(true),
        autoplay: fc.constant(true),
        map: fc.constant('estimated' as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(view, fc.option(tourStage, { nil: undefined }), (v, ts) => {
        const given: View = { ...v, ...ts };
        const decoded = read(
          encodeView(given)
            .map(([k, x]) => `${k}=${encodeURIComponent(x)}`)
            .join('&'),
        );
        expect(decoded.corrections).toEqual([]);
        expect(decoded.view).toEqual(given);
      }),
      { numRuns: 200, interruptAfterTimeLimit: 5000 },
    );
  });

  it('writes control lists with plain commas', () => {
    expect(encodeLink(scenario, { show: ['liquidity', 'leverage'] })).toMatch(
      /&show=leverage,liquidity$/,
    );
  });

  it('reads show and lock, ignoring names that are not controls, with a hint', () => {
    expect(read('show=leverage,levrage,shock').view).toEqual({ show: ['leverage', 'shock'] });
    expect(messages('show=leverage,levrage')).toEqual([
      'show: "levrage" is not a control (did you mean leverage?); ignored',
    ]);
    expect(read('lock=nothing').view).toEqual({});
    expect(read('show=none').view).toEqual({ show: [] });
    expect(encodeView({ show: [] })).toEqual([['show', 'none']]);
    expect(messages('lock=')).toEqual(['lock: no control is named; ignored']);
  });

  it('reads a tour and its stage, clamping and rounding the stage', () => {
    const stages = findTour('anatomy')!.stages.length;
    expect(read('tour=anatomy&stage=2').view).toEqual({ tour: 'anatomy', stage: 2 });
    expect(read('stage=2&tour=anatomy').view).toEqual({ tour: 'anatomy', stage: 2 });
    expect(read('tour=anatomy&stage=99')).toMatchObject({ view: { stage: stages } });
    expect(messages('tour=anatomy&stage=99')).toEqual([
      `stage: "99" is not a stage of this tour (1 to ${stages}); at stage ${stages}`,
    ]);
    expect(messages('tour=anatomy&stage=2.4')).toEqual([
      'stage: "2.4" is not a whole number; at stage 2',
    ]);
    expect(read('tour=anatomy&stage=x').view).toEqual({ tour: 'anatomy', stage: 1 });
    expect(read('tour=anatomy&stage=0').view.stage).toBe(1);
  });

  it('drops an unknown tour and a stage without one, saying so', () => {
    expect(read('tour=anatomie&stage=2').view).toEqual({});
    expect(messages('tour=anatomie&stage=2')).toEqual([
      'tour: "anatomie" is not a tour (did you mean anatomy?); ignored',
      'stage: only with a tour; ignored',
    ]);
  });

  it('reads embed and autoplay as flags', () => {
    expect(read('embed=1&autoplay=true').view).toEqual({ embed: true, autoplay: true });
    expect(read('embed').view).toEqual({ embed: true });
    expect(read('embed=0').view).toEqual({ embed: false });
    expect(encodeView({ embed: false, autoplay: false })).toEqual([]);
    expect(messages('autoplay=maybe')).toEqual(['autoplay: "maybe" is not 1 or 0; ignored']);
  });

  it('reads the heatmap map: true is the default, anything else is reported', () => {
    expect(read('map=estimated').view).toEqual({ map: 'estimated' });
    expect(read('map=ESTIMATED').view).toEqual({ map: 'estimated' });
    expect(read('map=true').view).toEqual({});
    expect(encodeView({ map: 'estimated' })).toEqual([['map', 'estimated']]);
    expect(messages('map=guess')).toEqual([
      'map: "guess" is not true or estimated; showing the true map',
    ]);
  });

  it('keeps the first of a repeated key', () => {
    expect(read('embed=1&embed=0').view).toEqual({ embed: true });
    expect(messages('tour=anatomy&tour=safeguards')).toEqual([
      'tour: given more than once; keeping the first value, ignoring "safeguards"',
    ]);
  });

  it('never enters the scenario, and never throws on junk', () => {
    const decoded = decodeLink('v=2&seed=4&show=__proto__&tour=constructor&stage=%E0&embed=%');
    expect(decoded.ok && decoded.scenario).toEqual({ ...scenario, seed: 4 });
    expect(decoded.ok && decoded.view).toEqual({});
  });
});

describe('tours', () => {
  it('every stage names a preset and shown controls that exist; the last is the sandbox', () => {
    for (const tour of TOURS) {
      for (const stage of tour.stages) {
        expect(() => stageScenario(stage)).not.toThrow();
        if (stage.show !== 'all') for (const k of stage.show) expect(PARAM_KEYS).toContain(k);
      }
      const last = tour.stages.at(-1)!;
      expect(last.show).toBe('all');
      expect(last.moments).toEqual([]);
    }
  });
});

describe('tour notes', () => {
  it('one for each stage of each tour, the sandbox last', () => {
    expect(Object.keys(TOUR_NOTES).sort()).toEqual(TOURS.map((t) => t.name).sort());
    for (const tour of TOURS) {
      expect(TOUR_NOTES[tour.name]).toHaveLength(tour.stages.length);
      expect(TOUR_NOTES[tour.name].at(-1)).toMatch(/^Every control is here now/);
    }
  });
});

describe('tour stages', () => {
  it('stop at moments their scenario reaches, in order, where the notes say', async () => {
    const { runScenario } = await import('../engine/run');
    const { EVENT } = await import('../engine/frame');
    const cache = new Map<string, Float64Array>();
    const firsts: Record<string, number[]> = {};
    for (const tour of TOURS) {
      firsts[tour.name] = [];
      for (const stage of tour.stages) {
        const s = stageScenario(stage);
        const key = JSON.stringify(s);
        if (!cache.has(key)) cache.set(key, runScenario(s).frames.scalars.events);
        const events = cache.get(key)!;
        const steps = stage.moments.map((m) => events.findIndex((e) => (e & EVENT[m]) !== 0));
        expect(steps.every((step) => step >= 0)).toBe(true);
        expect(steps).toEqual([...steps].sort((a, b) => a - b));
        if (tour.name === 'anatomy') firsts.anatomy.push(...steps);
      }
    }
    // The anatomy notes name these minutes: shock, first wave, dry book, fund, ADL; then, with
    // the makers pulling half their depth, the change and ADL.
    expect(firsts.anatomy).toEqual([60, 62, 63, 80, 80, 70, 94]);
  });

  it("the heatmap tour's notes give the run's miss and invent shares at the minute they stop", async () => {
    const { runScenario } = await import('../engine/run');
    const { EVENT } = await import('../engine/frame');
    const runs = new Map<string, ReturnType<typeof runScenario>>();
    let checked = 0;
    for (const [i, stage] of findTour('heatmaps')!.stages.entries()) {
      const note = TOUR_NOTES.heatmaps[i];
      const miss = /misses (\d+) %/.exec(note);
      const invent = /invents (\d+) %/.exec(note);
      if (!miss || stage.moments.length === 0) continue;
      const s = stageScenario(stage);
      const key = JSON.stringify(s);
      if (!runs.has(key)) runs.set(key, runScenario(s));
      const { scalars } = runs.get(key)!.frames;
      const step = scalars.events.findIndex((e) => (e & EVENT[stage.moments[0]]) !== 0);
      expect(Math.round(scalars.estimateMiss5[step] * 100)).toBe(Number(miss[1]));
      if (invent) expect(Math.round(scalars.estimateInvent5[step] * 100)).toBe(Number(invent[1]));
      // "the last price printed 51,930 at minute 84 … never fell below 54,185": the run's lows.
      const printed = /printed ([\d,]+) at minute (\d+)/.exec(note);
      const floor = /never fell below ([\d,]+)/.exec(note);
      if (printed && floor) {
        const n = runs.get(key)!.frames.count;
        const lows = Array.from(scalars.low.subarray(0, n));
        const marks = Array.from(scalars.mark.subarray(0, n));
        expect(lows.indexOf(Math.min(...lows))).toBe(Number(printed[2]));
        expect(Math.round(Math.min(...lows))).toBe(Number(printed[1].replace(/,/g, '')));
        expect(Math.floor(Math.min(...marks))).toBe(Number(floor[1].replace(/,/g, '')));
      }
      checked++;
    }
    expect(checked).toBe(3);
  });
});

describe('the safeguards tour', () => {
  it("the venue-engine stage's note gives its run's figures", async () => {
    const { runScenario } = await import('../engine/run');
    const stages = findTour('safeguards')!.stages;
    const i = stages.findIndex((s) => s.preset === 'crowded-venue-engine');
    const note = TOUR_NOTES.safeguards[i];
    const r = runScenario(stageScenario(stages[i])).report;
    const pct = (x: number) => (x * 100).toFixed(1);
    const musd = (x: number, digits: number) => (x / 1e6).toFixed(digits);
    // "The fall is 7.4 %, almost the 7.2 % without liquidations, and no bad debt."
    expect(note).toContain(`The fall is ${pct(r.maxDrawdown)} %`);
    expect(note).toContain(`the ${pct(r.counterfactualDrawdown)} % without liquidations`);
    expect(r.badDebt).toBeLessThan(1);
    // "$5 M of it (all its equity can carry), and ADL closes the other $60.6 M".
    expect(note).toContain(`$${musd(r.peakFundStock, 0)} M of it`);
    expect(note).toContain(`ADL closes the other $${musd(r.adlNotional, 1)} M`);
    // "$126 M is still liquidated, but it never piles up into an overhang."
    expect(note).toContain(`$${musd(r.liquidatedNotional, 0)} M is still liquidated`);
    expect(r.peakQueued).toBe(0);
  });
});

describe('the scripted stage', () => {
  it("gives the run's figures, with the makers' pull and without", async () => {
    const { runScenario } = await import('../engine/run');
    const { EVENT } = await import('../engine/frame');
    const anatomy = findTour('anatomy')!;
    const i = anatomy.stages.findIndex((s) => s.values?.changes);
    const stage = anatomy.stages[i];
    const note = TOUR_NOTES.anatomy[i];
    const scenario = stageScenario(stage);
    expect(scenario.changes).toEqual([{ step: 70, param: 'liquidity', factor: 0.5 }]);
    const pulled = runScenario(scenario);
    const plain = runScenario({ ...scenario, changes: undefined });
    // "Minute 70 …": the change applies, and is flagged, there.
    expect(note).toMatch(/^Minute 70, /);
    expect(pulled.frames.scalars.events.findIndex((e) => (e & EVENT.CHANGE) !== 0)).toBe(70);
    // The figures, pulled against plain: "falls 24 % instead of 19 % (2.3× …, not 1.9×)".
    const pct = (x: number) => Math.round(x * 100);
    const fall = /falls (\d+) % instead of (\d+) % \(([\d.]+)× amplification, not ([\d.]+)×\)/.exec(
      note,
    )!;
    expect([pct(pulled.report.maxDrawdown), pct(plain.report.maxDrawdown)]).toEqual([
      Number(fall[1]),
      Number(fall[2]),
    ]);
    expect(pulled.report.amplification.toFixed(1)).toBe(fall[3]);
    expect(plain.report.amplification.toFixed(1)).toBe(fall[4]);
    // "the dashed line falls 10 % either way".
    const ghost = Number(/dashed line falls (\d+) % either way/.exec(note)![1]);
    expect(pct(pulled.report.counterfactualDrawdown)).toBe(ghost);
    expect(pct(plain.report.counterfactualDrawdown)).toBe(ghost);
    const millions = (x: number) => Math.round(x / 1e6);
    const liq = /\$(\d+) M is liquidated instead of \$(\d+) M/.exec(note)!;
    expect(millions(pulled.report.liquidatedNotional)).toBe(Number(liq[1]));
    expect(millions(plain.report.liquidatedNotional)).toBe(Number(liq[2]));
    const adl = /ADL, from minute (\d+), closes \$(\d+) M instead of \$(\d+) M/.exec(note)!;
    expect(pulled.frames.scalars.events.findIndex((e) => (e & EVENT.ADL) !== 0)).toBe(
      Number(adl[1]),
    );
    expect(millions(pulled.report.adlNotional)).toBe(Number(adl[2]));
    expect(millions(plain.report.adlNotional)).toBe(Number(adl[3]));
  });
});
