/**
 * fast-check arbitraries for scenarios, read from the parameter table. For tests only (the app
 * never imports this file); shared so every property test draws scenarios the same way.
 */

import fc from 'fast-check';
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

/** Problems that make a scenario invalid (empty when it is valid), for property assertions. */
export function scenarioProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const values = s as unknown as Record<string, unknown>;
  const keys = Object.keys(values);
  if (keys.join() !== PARAM_KEYS.join()) problems.push(`keys are ${keys.join()}`);
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
  return problems;
}
