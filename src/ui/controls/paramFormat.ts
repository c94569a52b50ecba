/** How a parameter's value reads next to its slider: number and unit, "off", or a named option. */

import { formatUsdPrecise } from '../../charts';
import { withUnit, type ParamSpec } from '../../scenario';

/** Readable names of enum options (the link keeps the short ones). */
export const OPTION_LABELS: Record<string, string> = {
  last: 'Last trade',
  smoothed: 'Smoothed (index + basis)',
  queue: 'Ranking queue',
  prorata: 'Pro-rata haircut',
};

export function optionLabel(option: string): string {
  return OPTION_LABELS[option] ?? option;
}

function plain(value: number, int: boolean): string {
  if (int || Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Dollars as people write them: "$0", "$4.50", "$990", "$1,000", "$20M" (no "$990.00"). */
function usd(v: number): string {
  if (v === 0) return '$0';
  if (Math.abs(v) >= 100 && Math.abs(v) < 1e6)
    return `${v < 0 ? '−' : ''}$${Math.round(Math.abs(v)).toLocaleString('en-US')}`;
  return formatUsdPrecise(v);
}

export function formatParamValue(spec: ParamSpec, value: number | string | boolean): string {
  if (spec.kind === 'bool') return value ? 'on' : 'off';
  if (spec.kind === 'enum') return optionLabel(String(value));
  const v = Number(value);
  if (spec.zeroIsOff && v === 0) return 'off';
  switch (spec.unit) {
    case 'USD':
      return usd(v);
    case 'USD/step':
      return `${usd(v)}/step`;
    // A moment of the run reads as a minute; a count of one as singular.
    case 'step':
      return `minute ${plain(v, true)}`;
    case 'steps':
      return v === 1 ? '1 step' : withUnit(plain(v, true), 'steps');
    default:
      return withUnit(plain(v, spec.kind === 'int'), spec.unit);
  }
}
