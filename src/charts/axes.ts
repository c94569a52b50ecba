/**
 * The charts' axes, drawn from a model's ticks: y gridlines and labels; the x axis line, tick
 * marks, labels and title.
 */

import { PALETTE } from './colors';
import type { Rect, Tick } from './scales';
import type { GSel } from './shell';

/** Horizontal gridlines and right-aligned labels left of `plot`. */
export function drawYAxis(g: GSel, ticks: Tick[], plot: Rect, fs: number, grid = true): void {
  g.selectAll('line')
    .data(grid ? ticks : [])
    .join('line')
    .attr('x1', plot.x)
    .attr('x2', plot.x + plot.width)
    .attr('y1', (t) => t.pos)
    .attr('y2', (t) => t.pos)
    .attr('stroke', PALETTE.grid);
  g.selectAll('text')
    .data(ticks)
    .join('text')
    .attr('x', plot.x - 6)
    .attr('y', (t) => t.pos)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .attr('font-size', fs)
    .attr('fill', PALETTE.muted)
    .text((t) => t.label);
}

/** The axis line under `plot`, tick marks, centred labels and a right-aligned title. */
export function drawXAxis(
  g: GSel,
  ticks: Tick[],
  plot: Rect,
  fs: number,
  title?: { x: number; y: number; text: string },
): void {
  const y = plot.y + plot.height;
  g.selectAll('path.domain')
    .data([0])
    .join('path')
    .attr('class', 'domain')
    .attr('d', `M${plot.x},${y + 0.5}H${plot.x + plot.width}`)
    .attr('stroke', PALETTE.axis);
  g.selectAll('line')
    .data(ticks)
    .join('line')
    .attr('x1', (t) => t.pos)
    .attr('x2', (t) => t.pos)
    .attr('y1', y)
    .attr('y2', y + 4)
    .attr('stroke', PALETTE.axis);
  g.selectAll('text.tick')
    .data(ticks)
    .join('text')
    .attr('class', 'tick')
    .attr('x', (t) => t.pos)
    .attr('y', y + 4 + fs)
    .attr('text-anchor', 'middle')
    .attr('font-size', fs)
    .attr('fill', PALETTE.muted)
    .text((t) => t.label);
  g.selectAll('text.title')
    .data(title ? [title] : [])
    .join('text')
    .attr('class', 'title')
    .attr('x', (t) => t.x)
    .attr('y', (t) => t.y)
    .attr('text-anchor', 'end')
    .attr('font-size', fs)
    .attr('fill', PALETTE.muted)
    .text((t) => t.text);
}
