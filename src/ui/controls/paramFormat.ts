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

export function formatParamValue(spec: ParamSpec, value: number | string | boolean): string {
  if (spec.kind === 'bool') return value ? 'on' : 'off';
  if (spec.kind === 'enum') return optionLabel(String(value));
  const v = Number(value);
  if (spec.zeroIsOff && v === 0) return 'off';
  switch (spec.unit) {
    case 'USD':
      return formatUsdPrecise(v);
    case 'USD/step':
      return `${formatUsdPrecise(v)}/step`;
    default:
      return withUnit(plain(v, spec.kind === 'int'), spec.unit);
  }
}
