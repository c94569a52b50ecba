/**
 * fast-check arbitraries for scenarios, read from the parameter table. For tests only (the app
 * never imports this file); shared so every property test draws scenarios the same way.
 */

import fc from 'fast-check';
import {
  FACTOR_RANGE,
  MAX_CHANGES,
  SCRIPTABLE,
  isScriptedChange,
  type ScriptedChange,
} from '../engine/script';
import { PARAMS, PARAM_KEYS } from './params';
import type { NumberParam, ParamSpec, Scenario } from './params';

function numberArbitrary(spec: NumberParam): fc.Arbitrary<number> {
  const { min, max } = spec;
  const range =
    spec.kind === 'int'
      ? fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number)
      : fc.double({ min, max, noNaN: true }).map((x) => (x === 0 ? 0 : x));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(spec.default, min, max) },
    { weight: 4, arbitrary: range },
  );
}

/** Any valid value of one parameter, with its default and bounds drawn more often. */
export function valueArbitrary(spec: ParamSpec): fc.Arbitrary<number | string | boolean> {
  if (spec.kind === 'bool') return fc.boolean();
  if (spec.kind === 'enum') return fc.constantFrom(...spec.options);
  return numberArbitrary(spec);
}

/** Any valid scenario: every value within the table's range, and the shock within the run. */
export function scenarioArbitrary(): fc.Arbitrary<Scenario> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of PARAM_KEYS) fields[key] = valueArbitrary(PARAMS[key]);
  return fc
    .record(fields)
    .map((s) => s as unknown as Scenario)
    .map((s) => ({ ...s, shockStep: s.shockStep % s.steps }));
}

/** Any valid list of scripted changes within a run of `steps`, in step order. */
export function changesArbitrary(steps: number): fc.Arbitrary<ScriptedChange[]> {
  const change = fc.constantFrom(...SCRIPTABLE).chain((param) =>
    fc.record({
      step: fc.integer({ min: 0, max: steps - 1 }),
      param: fc.constant(param),
      factor: fc.double({ min: FACTOR_RANGE[param][0], max: FACTOR_RANGE[param][1], noNaN: true }),
    }),
  );
  return fc
    .array(change, { minLength: 1, maxLength: MAX_CHANGES })
    .map((list) => list.sort((a, b) => a.step - b.step));
}

/** Any valid scenario, with scripted changes in about half of them. */
export function scenarioWithChangesArbitrary(): fc.Arbitrary<Scenario> {
  return scenarioArbitrary().chain((s) =>
    fc.option(changesArbitrary(s.steps)).map((changes) => (changes ? { ...s, changes } : s)),
  );
}

/** Problems that make a scenario invalid (empty when it is valid), for property assertions. */
export function scenarioProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const values = s as unknown as Record<string, unknown>;
  const keys0 = Object.keys(values);
  // `changes`, when there are any, comes last.
  const keys = keys0.at(-1) === 'changes' ? keys0.slice(0, -1) : keys0;
  if (keys.join() !== PARAM_KEYS.join()) problems.push(`keys are ${keys0.join()}`);
  if (Object.getPrototypeOf(s) !== Object.prototype) problems.push('prototype is not Object');
  for (const key of PARAM_KEYS) {
    const spec: ParamSpec = PARAMS[key];
    const v = values[key];
    if (spec.kind === 'bool') {
      if (typeof v !== 'boolean') problems.push(`${key} is not a boolean`);
    } else if (spec.kind === 'enum') {
      if (typeof v !== 'string' || !spec.options.includes(v)) problems.push(`${key} not an option`);
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push(`${key} is not a finite number`);
    } else {
      if (v < spec.min || v > spec.max) problems.push(`${key}=${v} is out of range`);
      if (spec.kind === 'int' && !Number.isInteger(v)) problems.push(`${key}=${v} is not whole`);
      if (Object.is(v, -0)) problems.push(`${key} is -0`);
    }
  }
  if (s.shockStep >= s.steps) problems.push('shockStep is not before steps');
  if ('changes' in s) problems.push(...changesProblems(s.changes, s.steps));
  return problems;
}

/** Problems of a scenario's `changes`: present, it is a non-empty list of valid changes in step order. */
function changesProblems(changes: unknown, steps: number): string[] {
  if (!Array.isArray(changes) || changes.length === 0) return ['changes is not a non-empty list'];
  const problems: string[] = [];
  if (changes.length > MAX_CHANGES) problems.push('more changes than a run holds');
  changes.forEach((c: unknown, i) => {
    if (!isScriptedChange(c, steps)) problems.push(`change ${i} is not valid`);
    else if (Object.keys(c).join() !== 'step,param,factor')
      problems.push(`change ${i} has extra keys`);
    else if (i > 0 && (changes[i - 1] as ScriptedChange).step > c.step)
      problems.push('changes are not in step order');
  });
  return problems;
}
