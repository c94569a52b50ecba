/**
 * The criticality lab's phase diagram: shock across, another parameter up, each cell coloured
 * by a 0..1 figure over seeds (P(cascade) or the liquidated share), the critical shock of each
 * row with its interval drawn over the cells. SVG: a lab grid is a few hundred cells at most.
 *
 * Cells are focusable with a roving tab stop (one Tab into the grid, arrows move within it),
 * and carry their figures as data attributes, so a test reads what a user reads.
 */

import { scaleBand, scaleLinear, select } from 'd3';
import { PALETTE } from './colors';
import { cellColor } from './labColors';

export interface PhaseCell {
  /** 0..1, or null while the cell's runs are not all done. */
  value: number | null;
  /** Attributes set on the cell (`data-…`), e.g. its figures for the readout and tests. */
  data: Record<string, string>;
  /** Its accessible name: what the readout says. */
  label: string;
}

export interface PhaseCritical {
  /** The row's parameter value. */
  other: number;
  shock: number | null;
  low: number | null;
  high: number | null;
  /** 'atOrBelow': P >= 1/2 already at the grid's smallest shock (drawn as a bound). */
  bound: 'inside' | 'atOrBelow' | 'above';
}

export interface PhaseModel {
  shocks: readonly number[];
  others: readonly number[];
  xTitle: string;
  yTitle: string;
  /** Row-major from the first `others` value: cells[o * shocks.length + s]. */
  cells: readonly PhaseCell[];
  critical: readonly PhaseCritical[];
}

export interface PhaseEvents {
  /** A cell is hovered or focused (its index), or none is (null). */
  onHighlight(index: number | null): void;
  /** A cell is clicked or Enter is pressed on it. */
  onOpen(index: number): void;
}

const MARGIN = { top: 8, right: 12, bottom: 42, left: 58 };
const fmt = (v: number) => String(Number(v.toPrecision(4)));

export interface PhaseDiagram {
  draw(model: PhaseModel, width: number, height: number): void;
  destroy(): void;
}

export function createPhaseDiagram(svgElement: SVGSVGElement, events: PhaseEvents): PhaseDiagram {
  const svg = select(svgElement);
  const cellsG = svg.append('g').attr('role', 'grid').attr('aria-label', 'Phase diagram cells');
  const overlay = svg.append('g').attr('pointer-events', 'none');
  const axes = svg.append('g').attr('aria-hidden', 'true');
  let focusIndex = 0;
  let columns = 1;
  let count = 0;

  const focusCell = (i: number) => {
    focusIndex = Math.max(0, Math.min(count - 1, i));
    cellsG
      .selectAll<SVGRectElement, unknown>('rect')
      .attr('tabindex', (_, k) => (k === focusIndex ? 0 : -1));
    cellsG
      .select<SVGRectElement>(`rect:nth-of-type(${focusIndex + 1})`)
      .node()
      ?.focus();
  };

  cellsG.on('keydown', (event: KeyboardEvent) => {
    // Rows are drawn bottom-up (larger values higher), so Up is the next row.
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowUp: columns,
      ArrowDown: -columns,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = focusIndex + moves[event.key];
      if (event.key === 'ArrowRight' && next % columns === 0) return;
      if (event.key === 'ArrowLeft' && focusIndex % columns === 0) return;
      if (next >= 0 && next < count) focusCell(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      events.onOpen(focusIndex);
    }
  });

  function draw(model: PhaseModel, width: number, height: number): void {
    const { shocks, others, cells } = model;
    columns = shocks.length;
    count = cells.length;
    focusIndex = Math.min(focusIndex, Math.max(0, count - 1));
    svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
    const x = scaleBand<number>()
      .domain(shocks)
      .range([MARGIN.left, width - MARGIN.right])
      .paddingInner(0.06);
    const y = scaleBand<number>()
      .domain(others)
      .range([height - MARGIN.bottom, MARGIN.top])
      .paddingInner(0.06);
    // A critical shock lies between grid shocks: place it by the cells' centres.
    const centre = (s: number) => (x(s) ?? 0) + x.bandwidth() / 2;
    const shockX = scaleLinear()
      .domain(shocks.length > 1 ? shocks : [shocks[0], shocks[0] - 1])
      .range(shocks.length > 1 ? shocks.map(centre) : [centre(shocks[0]), centre(shocks[0]) + 1]);

    cellsG
      .selectAll<SVGRectElement, PhaseCell>('rect')
      .data(cells)
      .join((enter) =>
        enter
          .append('rect')
          .attr('role', 'gridcell')
          .on('mouseenter', function () {
            events.onHighlight(Number(this.getAttribute('data-index')));
          })
          .on('mouseleave', () => events.onHighlight(null))
          .on('focus', function () {
            const i = Number(this.getAttribute('data-index'));
            focusIndex = i;
            events.onHighlight(i);
          })
          .on('click', function () {
            const i = Number(this.getAttribute('data-index'));
            focusCell(i);
            events.onOpen(i);
          }),
      )
      .attr('data-index', (_, i) => i)
      .attr('x', (_, i) => x(shocks[i % columns]) ?? 0)
      .attr('y', (_, i) => y(others[Math.floor(i / columns)]) ?? 0)
      .attr('width', x.bandwidth())
      .attr('height', y.bandwidth())
      .attr('rx', 2)
      .attr('tabindex', (_, i) => (i === focusIndex ? 0 : -1))
      .attr('aria-label', (d) => d.label)
      .attr('fill', (d) => (d.value === null ? PALETTE.heatEmpty : cellColor(d.value)))
      .attr('stroke', (d) => (d.value === null ? PALETTE.axis : 'none'))
      .attr('stroke-dasharray', '3 3')
      .each(function (d) {
        for (const [k, v] of Object.entries(d.data)) this.setAttribute(`data-${k}`, v);
      });
    // Re-bind the hover index: the join reuses nodes whose datum changed.
    cellsG.selectAll<SVGRectElement, PhaseCell>('rect').on('mouseenter', function () {
      events.onHighlight(Number(this.getAttribute('data-index')));
    });

    const rowY = (o: number) => (y(o) ?? 0) + y.bandwidth() / 2;
    const placed = model.critical.filter((c) => c.shock !== null && others.includes(c.other));
    overlay
      .selectAll('path.critical')
      .data(placed.length > 1 ? [placed] : [])
      .join('path')
      .attr('class', 'critical')
      .attr('fill', 'none')
      .attr('stroke', PALETTE.close)
      .attr('stroke-width', 2)
      .attr('d', (ps) => 'M' + ps.map((c) => `${shockX(c.shock!)},${rowY(c.other)}`).join('L'));
    const whiskers = overlay
      .selectAll<SVGGElement, PhaseCritical>('g.interval')
      .data(placed)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'interval');
        g.append('line').attr('stroke', PALETTE.close).attr('stroke-width', 1.5);
        g.append('circle')
          .attr('r', 4)
          .attr('stroke', PALETTE.background)
          .attr('stroke-width', 1.5);
        return g;
      });
    whiskers
      .select('line')
      .attr('x1', (c) => shockX(c.low ?? c.shock!))
      .attr('x2', (c) => shockX(c.high ?? c.shock!))
      .attr('y1', (c) => rowY(c.other))
      .attr('y2', (c) => rowY(c.other));
    whiskers
      .select('circle')
      .attr('cx', (c) => shockX(c.shock!))
      .attr('cy', (c) => rowY(c.other))
      .attr('fill', (c) => (c.bound === 'inside' ? PALETTE.close : PALETTE.background));

    drawAxes(model, x, y, width, height);
  }

  function drawAxes(
    model: PhaseModel,
    x: ReturnType<typeof scaleBand<number>>,
    y: ReturnType<typeof scaleBand<number>>,
    width: number,
    height: number,
  ): void {
    // Thin out labels so they never overlap: about one per 44 px across, 18 px up.
    const everyX = Math.max(1, Math.ceil(44 / Math.max(1, x.step())));
    const everyY = Math.max(1, Math.ceil(18 / Math.max(1, y.step())));
    axes
      .selectAll('text.x')
      .data(model.shocks.filter((_, i) => i % everyX === 0))
      .join('text')
      .attr('class', 'x')
      .attr('x', (s) => (x(s) ?? 0) + x.bandwidth() / 2)
      .attr('y', height - MARGIN.bottom + 14)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .attr('fill', PALETTE.muted)
      .text(fmt);
    axes
      .selectAll('text.y')
      .data(model.others.filter((_, i) => i % everyY === 0))
      .join('text')
      .attr('class', 'y')
      .attr('x', MARGIN.left - 6)
      .attr('y', (o) => (y(o) ?? 0) + y.bandwidth() / 2)
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .attr('font-size', 11)
      .attr('fill', PALETTE.muted)
      .text(fmt);
    axes
      .selectAll('text.title')
      .data([
        { t: model.xTitle, x: width - MARGIN.right, y: height - 6, r: 0 },
        { t: model.yTitle, x: 12, y: MARGIN.top, r: -90 },
      ])
      .join('text')
      .attr('class', 'title')
      .attr('font-size', 12)
      .attr('fill', PALETTE.text)
      .attr('text-anchor', 'end')
      .attr('transform', (d) => `translate(${d.x},${d.y}) rotate(${d.r})`)
      .text((d) => d.t);
  }

  return {
    draw,
    destroy: () => svg.selectAll('*').remove(),
  };
}
