/**
 * Reading and writing single parameter values as link text, with the reason a value could not
 * be used as given. The codec turns these reasons into corrections; nothing here throws.
 */

import type { BoolParam, EnumParam, NumberParam, ParamSpec } from './params';

export type ParamValue = number | string | boolean;

/** How a value was read: as given, or changed for a reason (a sentence starting after `key: `). */
export type ValueRead =
  | { status: 'ok'; value: ParamValue }
  | { status: 'invalid' | 'clamped' | 'rounded'; value: ParamValue; reason: string };

/** Decimal numbers as `Number()` reads them, minus what a link should never carry: blanks,
 * hex/octal/binary prefixes, `Infinity`, and surrounding whitespace. `1e3` and `.5` are fine. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const MAX_SHOWN = 40;

/** A given value as it may appear in a message: at most 40 characters, control characters
 * escaped (JSON quoting), so one correction is always one line of plain text. */
export function quote(text: string): string {
  const chars = Array.from(text.slice(0, MAX_SHOWN * 2));
  const cut = chars.length > MAX_SHOWN || text.length > MAX_SHOWN * 2;
  return JSON.stringify(cut ? chars.slice(0, MAX_SHOWN).join('') + '…' : text);
}

/** A number followed by its unit, as messages and `--help` show it: `125 ×`, `0.7`. */
export function withUnit(value: number | string, unit: string): string {
  return unit === '' ? String(value) : `${value} ${unit}`;
}

/** The link text of a value: numbers as their shortest round-trip text, booleans as 1/0. */
export function formatValue(spec: ParamSpec, value: ParamValue): string {
  if (spec.kind === 'bool') return value ? '1' : '0';
  return String(value);
}

/** A strictly read decimal number, or why the text is not one. `-0` reads as 0. */
export function parseDecimal(
  text: string,
): { ok: true; value: number } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: false, reason: 'no value given' };
  if (!DECIMAL.test(text)) {
    const infinite = /^[+-]?Infinity$/.test(text);
    return {
      ok: false,
      reason: `${quote(text)} is not ${infinite ? 'a finite number' : 'a number'}`,
    };
  }
  const n = Number(text);
  if (!Number.isFinite(n)) return { ok: false, reason: `${quote(text)} is not a finite number` };
  return { ok: true, value: n === 0 ? 0 : n };
}

function readNumber(spec: NumberParam, text: string): ValueRead {
  const parsed = parseDecimal(text);
  if (!parsed.ok) return { status: 'invalid', value: spec.default, reason: parsed.reason };
  const n = parsed.value;
  const shown = quote(text).slice(1, -1);
  // Ints are rounded before clamping; the table's int bounds are whole, so the order only
  // decides which single correction is reported, and clamping is the one that matters more.
  const rounded = spec.kind === 'int' ? Math.round(n) : n;
  const whole = rounded === 0 ? 0 : rounded; // Math.round(-0.4) is -0
  if (whole > spec.max) {
    const reason = `${shown} is above the maximum ${withUnit(spec.max, spec.unit)}`;
    return { status: 'clamped', value: spec.max, reason };
  }
  if (whole < spec.min) {
    const reason = `${shown} is below the minimum ${withUnit(spec.min, spec.unit)}`;
    return { status: 'clamped', value: spec.min, reason };
  }
  if (whole !== n)
    return { status: 'rounded', value: whole, reason: `${shown} is not a whole number` };
  return { status: 'ok', value: n };
}

function readEnum(spec: EnumParam, text: string): ValueRead {
  if (spec.options.includes(text)) return { status: 'ok', value: text };
  const reason = `${quote(text)} is not one of ${spec.options.join(', ')}`;
  return { status: 'invalid', value: spec.default, reason };
}

function readBool(spec: BoolParam, text: string): ValueRead {
  if (text === '1' || text === 'true') return { status: 'ok', value: true };
  if (text === '0' || text === 'false') return { status: 'ok', value: false };
  return { status: 'invalid', value: spec.default, reason: `${quote(text)} is not 1 or 0` };
}

/** Reads one value of a parameter from link text: as given, corrected, or the default. */
export function readValue(spec: ParamSpec, text: string): ValueRead {
  if (spec.kind === 'enum') return readEnum(spec, text);
  if (spec.kind === 'bool') return readBool(spec, text);
  return readNumber(spec, text);
}

/** Edit distance, for "did you mean" on unknown keys (short keys only: it is quadratic). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = row;
  }
  return prev[b.length];
}

/** The known key closest to an unknown one, if it is close enough to be a likely typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length === 0 || key.length > 40) return undefined;
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}
