/**
 * What the lab's charts draw, from the sweep's rows: cells with their figures (as data
 * attributes and an accessible label), the critical shock per row of complete cells, and the
 * one-dimensional curves.
 */

import type { PhaseCell, PhaseCritical, PhaseModel } from '../../charts/phaseDiagram';
import type { ShockCurvesModel } from '../../charts/shockCurves';
import { PARAMS } from '../../scenario';
import type { LabPlan } from '../../scenario/analysis/labGrid';
import type { CriticalEntry, SweepRow } from '../../scenario/analysis/sweepRows';

export type ColourBy = 'pCascade' | 'liquidatedShare';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const num = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '–');

/** The readout of one grid point, as a sentence. */
export function describeCell(plan: LabPlan, index: number, row: SweepRow | null): string {
  const point = plan.points[index];
  const where = [
    `shock ${point.shock} %`,
    ...(plan.other
      ? [`${PARAMS[plan.other.name].label.toLowerCase()} ${point[plan.other.name]}`]
      : []),
  ].join(', ');
  if (!row) return `${where}: not run yet`;
  const hits = row.cascaded.filter(Boolean).length;
  const f = row.figures;
  return (
    `${where}: P(cascade) ${num(row.pCascade)} (${hits} of ${row.seeds} seeds), ` +
    `liquidated share ${pct(f.liquidatedShare.mean)} mean (${pct(f.liquidatedShare.p10)}–${pct(f.liquidatedShare.p90)}), ` +
    `amplification ${num(f.amplification.mean)}, endogenous share ${num(f.endogenousShare.mean)}, ` +
    `branching ratio ${num(f.branchingRatio.mean)}, drawdown ${pct(f.maxDrawdown.p50)} median`
  );
}

/**
 * A done cell's drawing, kept per row: a row never changes once done, and a render of a running
 * sweep would otherwise rebuild every done cell's label and figures again.
 */
const doneCells = new WeakMap<SweepRow, Partial<Record<ColourBy, PhaseCell>>>();

function cell(plan: LabPlan, index: number, row: SweepRow | null, by: ColourBy): PhaseCell {
  if (!row) return buildCell(plan, index, null, by);
  const cached = doneCells.get(row) ?? {};
  doneCells.set(row, cached);
  return (cached[by] ??= buildCell(plan, index, row, by));
}

function buildCell(plan: LabPlan, index: number, row: SweepRow | null, by: ColourBy): PhaseCell {
  const point = plan.points[index];
  const data: Record<string, string> = {
    state: row ? 'done' : 'pending',
    shock: String(point.shock),
  };
  if (plan.other) data.other = String(point[plan.other.name]);
  if (row) {
    data['p-cascade'] = String(row.pCascade);
    data.cascaded = row.cascaded.map((c) => (c ? 1 : 0)).join('');
    data['liquidated-share'] = String(row.figures.liquidatedShare.mean);
    data.figures = JSON.stringify(row.figures);
  }
  const value = row ? (by === 'pCascade' ? row.pCascade : row.figures.liquidatedShare.mean) : null;
  return { value, data, label: describeCell(plan, index, row) };
}

/** `critical`: the critical shocks of the complete rows (labProgress). */
export function phaseModel(
  plan: LabPlan,
  rows: readonly (SweepRow | null)[],
  criticalShocks: readonly CriticalEntry[],
  by: ColourBy,
): PhaseModel {
  const name = plan.other?.name;
  const critical: PhaseCritical[] = criticalShocks.map((c) => ({
    other: name ? (c.point[name] ?? 0) : 0,
    shock: c.criticalShock,
    low: c.ciLow,
    high: c.ciHigh,
    bound: c.bound,
  }));
  return {
    shocks: plan.shocks,
    others: plan.other?.values ?? [0],
    xTitle: 'Shock (%)',
    yTitle: name
      ? `${PARAMS[name].label}${PARAMS[name].unit ? ` (${PARAMS[name].unit})` : ''}`
      : '',
    cells: plan.points.map((_, i) => cell(plan, i, rows[i] ?? null, by)),
    critical,
  };
}

export function curvesModel(
  plan: LabPlan,
  rows: readonly (SweepRow | null)[],
  criticalShocks: readonly CriticalEntry[],
): ShockCurvesModel {
  const points = rows.flatMap((row) =>
    row
      ? [
          {
            shock: row.point.shock ?? 0,
            pCascade: row.pCascade,
            liquidatedShare: row.figures.liquidatedShare.mean,
            amplification: row.figures.amplification.mean,
          },
        ]
      : [],
  );
  const [critical] = criticalShocks;
  return {
    shocks: plan.shocks,
    points,
    critical: critical
      ? { shock: critical.criticalShock, low: critical.ciLow, high: critical.ciHigh }
      : null,
  };
}
