/**
 * The lab's one-dimensional view: P(cascade), the mean liquidated share (left axis, 0..1) and
 * the mean amplification (right axis) against the shock, with the critical shock and its
 * interval as a shaded band. Points appear as their grid cells finish.
 */

import { line, scaleLinear, select } from 'd3';
import { PALETTE } from './colors';
import { formatPct } from './format';

export interface CurvePointDatum {
  shock: number;
  pCascade: number;
  liquidatedShare: number;
  amplification: number;
}

export interface ShockCurvesModel {
  shocks: readonly number[];
  /** Finished points only, in shock order. */
  points: readonly CurvePointDatum[];
  critical: { shock: number | null; low: number | null; high: number | null } | null;
}

const MARGIN = { top: 10, right: 48, bottom: 36, left: 48 };

export const CURVE_SERIES = [
  { key: 'pCascade', label: 'P(cascade)', color: PALETTE.close, right: false },
  { key: 'liquidatedShare', label: 'liquidated share', color: PALETTE.long, right: false },
  { key: 'amplification', label: 'amplification', color: PALETTE.index, right: true },
] as const;

export function drawShockCurves(
  svgElement: SVGSVGElement,
  model: ShockCurvesModel,
  width: number,
  height: number,
): void {
  const svg = select(svgElement);
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const [a, b] = [model.shocks[0], model.shocks[model.shocks.length - 1]];
  const x = scaleLinear()
    .domain(a === b ? [a, a - 1] : [a, b])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const ampMax = Math.max(1.5, ...model.points.map((p) => p.amplification));
  const yRight = scaleLinear()
    .domain([1, ampMax])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);

  const band = model.critical?.shock != null ? [model.critical] : [];
  svg
    .selectAll('rect.critical')
    .data(band)
    .join('rect')
    .attr('class', 'critical')
    .attr('x', (c) => Math.min(x(c.low ?? c.shock!), x(c.high ?? c.shock!)))
    .attr('width', (c) => Math.max(2, Math.abs(x(c.high ?? c.shock!) - x(c.low ?? c.shock!))))
    .attr('y', MARGIN.top)
    .attr('height', height - MARGIN.top - MARGIN.bottom)
    .attr('fill', PALETTE.shock)
    .attr('fill-opacity', 0.25);

  svg
    .selectAll('path.series')
    .data(CURVE_SERIES)
    .join('path')
    .attr('class', 'series')
    .attr('fill', 'none')
    .attr('stroke', (s) => s.color)
    .attr('stroke-width', 2)
    .attr('d', (s) =>
      line<CurvePointDatum>()
        .x((p) => x(p.shock))
        .y((p) => (s.right ? yRight : y)(p[s.key]))(model.points as CurvePointDatum[]),
    );

  const axis = svg.selectAll('g.axis').data([0]).join('g').attr('class', 'axis');
  const tick = (cls: string, data: number[]) =>
    axis
      .selectAll<SVGTextElement, number>(`text.${cls}`)
      .data(data)
      .join('text')
      .attr('class', cls)
      .attr('font-size', 11)
      .attr('fill', PALETTE.muted);
  tick('x', x.ticks(Math.max(2, Math.floor(width / 70))))
    .attr('x', (v) => x(v))
    .attr('y', height - MARGIN.bottom + 14)
    .attr('text-anchor', 'middle')
    .text((v) => `${v} %`);
  tick('y', y.ticks(4))
    .attr('x', MARGIN.left - 6)
    .attr('y', (v) => y(v))
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((v) => formatPct(v, 0));
  tick('yr', yRight.ticks(4))
    .attr('x', width - MARGIN.right + 6)
    .attr('y', (v) => yRight(v))
    .attr('dy', '0.32em')
    .attr('fill', PALETTE.index)
    .text((v) => `${v}×`);
  tick('t', [0])
    .attr('x', width - MARGIN.right)
    .attr('y', height - 4)
    .attr('text-anchor', 'end')
    .attr('fill', PALETTE.text)
    .text('Shock (%)');
}
