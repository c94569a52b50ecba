/**
 * Scripted changes in a link: `change=70:liquidity*0.5,90:index*0.97` — at minute 70 the makers'
 * depth is halved, at minute 90 the index drops 3 %. Each item is STEP:PARAM*FACTOR; what may
 * change, and why nothing else may, is in engine/script.ts.
 *
 * Reading never throws: an item that cannot be read (no such parameter, a step outside the run,
 * a factor that is not a positive number) is dropped, a factor out of range is clamped, and each
 * is reported as a correction. The changes come out in step order (stable: two changes at one
 * step keep their order, which sets the bits of a compounded factor).
 */

import {
  FACTOR_RANGE,
  MAX_CHANGES,
  SCRIPTABLE,
  type ScriptableParam,
  type ScriptedChange,
} from '../engine/script';
import { correction, type Correction } from './corrections';
import { parseDecimal, quote, suggestKey } from './values';

/** The link key of the scripted changes. */
export const CHANGE_KEY = 'change';

/** The link text of a list of changes. */
export const formatChanges = (changes: readonly ScriptedChange[]): string =>
  changes.map((c) => `${c.step}:${c.param}*${c.factor}`).join(',');

const ITEM = /^([^:]*):([^*]*)\*(.*)$/;

/** The changes a link's `change` text holds within a run of `steps`, and what was corrected. */
export function readChanges(
  text: string,
  steps: number,
): { changes: ScriptedChange[]; corrections: Correction[] } {
  const changes: ScriptedChange[] = [];
  const corrections: Correction[] = [];
  const drop = (item: string, why: string) =>
    corrections.push(
      correction(CHANGE_KEY, 'invalid', item, '', `change: ${quote(item)} ${why}`, 'dropping it'),
    );
  for (const item of text.split(',')) {
    const m = ITEM.exec(item.trim());
    if (!m) {
      drop(item, 'is not STEP:PARAM*FACTOR (such as 70:liquidity*0.5)');
      continue;
    }
    const [, stepText, param, factorText] = m;
    if (!(SCRIPTABLE as readonly string[]).includes(param)) {
      const hint = suggestKey(param, SCRIPTABLE);
      const also = hint ? `; did you mean ${hint}?` : '';
      drop(item, `cannot change: only ${SCRIPTABLE.join(', ')} may${also}`);
      continue;
    }
    const step = parseDecimal(stepText);
    if (!step.ok || !Number.isInteger(step.value) || step.value < 0) {
      drop(item, 'has no step: a whole minute from 0');
      continue;
    }
    if (step.value >= steps) {
      drop(item, `is not before the end of the run (steps = ${steps})`);
      continue;
    }
    const factor = parseDecimal(factorText);
    if (!factor.ok || !(factor.value > 0)) {
      drop(item, 'has no factor: a number above 0');
      continue;
    }
    if (changes.length === MAX_CHANGES) {
      drop(item, `is one more than the ${MAX_CHANGES} changes a run may hold`);
      continue;
    }
    const [lo, hi] = FACTOR_RANGE[param as ScriptableParam];
    const used = Math.min(hi, Math.max(lo, factor.value));
    const change = { step: step.value, param: param as ScriptableParam, factor: used };
    if (used !== factor.value) {
      const text = formatChanges([change]);
      const bound = used === hi ? `above the maximum ${hi}` : `below the minimum ${lo}`;
      corrections.push(
        correction(
          CHANGE_KEY,
          'clamped',
          item,
          text,
          `change: ${quote(item)} has a factor ${bound}`,
          `using ${text}`,
        ),
      );
    }
    changes.push(change);
  }
  changes.sort((a, b) => a.step - b.step);
  return { changes, corrections };
}

/** A change in words, for the event log and notes: "makers pull half their depth". */
export function describeChange({ param, factor: f }: ScriptedChange): string {
  const pct = `${Math.round(Math.abs(1 - f) * 100)} %`;
  switch (param) {
    case 'liquidity':
      if (f === 0.5) return 'makers pull half their depth';
      return f < 1 ? `makers pull ${pct} of their depth` : `makers quote ${f}× their depth`;
    case 'resilience':
      return `makers refill ${f}× as fast`;
    case 'withdrawal':
      return `makers withdraw ${f}× as hard under stress`;
    case 'volatility':
      return `the index turns ${f}× as volatile`;
    case 'noise':
      return `noise traders trade ${f}× as much`;
    case 'index':
      return `the index ${f < 1 ? 'drops' : 'jumps'} ${pct}`;
  }
}

/** What changes at `step`, in words ('' if nothing does). */
export const describeChangesAt = (changes: readonly ScriptedChange[] | undefined, step: number) =>
  (changes ?? [])
    .filter((c) => c.step === step)
    .map(describeChange)
    .join('; ');
