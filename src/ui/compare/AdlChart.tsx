/**
 * Who pays under ADL, A beside B: the haircut (share of quantity closed) of each decile of ADL's
 * candidates, by profit and by leverage, from the run reports; with the total ADL closed and what
 * it closed beyond the shortfall it had to cover. Plain SVG bars: ten per run, nothing to zoom.
 */

import { formatPct, formatUsd } from '../../charts';
import type { RunReport } from '../../engine/report';

const A_COLOR = '#f8fafc';
const B_COLOR = '#f472b6';

function Bars({ title, a, b }: { title: string; a: number[]; b: number[] }) {
  const w = 220;
  const h = 64;
  const n = Math.max(a.length, b.length, 10);
  const max = Math.max(1e-9, ...a, ...b);
  const slot = w / n;
  const bar = Math.max(1, slot / 2 - 1);
  const y = (v: number) => h - (Math.max(0, v) / max) * (h - 4);
  const label = (xs: number[]) => xs.map(formatPct).join(', ');
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs text-slate-400">{title}</figcaption>
      <svg
        viewBox={`0 0 ${w} ${h}`}
        className="h-20 w-full max-w-xs"
        role="img"
        aria-label={`${title}. A: ${label(a)}. B: ${label(b)}.`}
      >
        {Array.from({ length: n }, (_, i) => (
          <g key={i}>
            <rect
              x={i * slot}
              y={y(a[i] ?? 0)}
              width={bar}
              height={h - y(a[i] ?? 0)}
              fill={A_COLOR}
            />
            <rect
              x={i * slot + bar + 1}
              y={y(b[i] ?? 0)}
              width={bar}
              height={h - y(b[i] ?? 0)}
              fill={B_COLOR}
            />
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function AdlChart({ a, b }: { a: RunReport | null; b: RunReport | null }) {
  if (!a || !b)
    return (
      <p className="text-sm text-slate-400">Who pays under ADL: after the runs have a report.</p>
    );
  if (a.adlNotional === 0 && b.adlNotional === 0) {
    return (
      <p className="text-sm text-slate-400" data-testid="adl-none">
        Who pays under ADL: neither run has auto-deleveraged anyone (so far).
      </p>
    );
  }
  return (
    <div data-testid="adl-chart">
      <h3 className="text-sm font-semibold text-slate-100">Who pays under ADL</h3>
      <div className="flex flex-wrap gap-4">
        <Bars
          title="Haircut by profit decile"
          a={a.adlHaircutByProfitDecile}
          b={b.adlHaircutByProfitDecile}
        />
        <Bars
          title="Haircut by leverage decile"
          a={a.adlHaircutByLeverageDecile}
          b={b.adlHaircutByLeverageDecile}
        />
      </div>
      <p className="text-xs text-slate-300 tabular-nums">
        Deciles lowest to highest. Closed: A {formatUsd(a.adlNotional)} (
        {formatUsd(a.adlExcessNotional)} beyond the shortfall), B {formatUsd(b.adlNotional)} (
        {formatUsd(b.adlExcessNotional)} beyond).
      </p>
    </div>
  );
}
