/** Draws a legend laid out by legend.ts: a swatch and a label per item, flowed in rows. */

import { GHOST_DASH, PALETTE } from './colors';
import { SWATCH_WIDTH, type LegendLayout } from './legend';
import type { GSel } from './shell';

/** Draws a flowed legend; `hatch` is the url() used by 'hatch' swatches. */
export function drawLegend(
  g: GSel,
  legend: LegendLayout & { x: number; y: number },
  fs: number,
  hatch = 'none',
): void {
  g.attr('transform', `translate(${legend.x},${legend.y})`);
  const items = g
    .selectAll<SVGGElement, (typeof legend.items)[number]>('g.item')
    .data(legend.items, (d) => d.key)
    .join((enter) => {
      const it = enter.append('g').attr('class', 'item');
      it.append('path');
      it.append('text');
      return it;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  const h = Math.round(fs * 0.7);
  items
    .select('path')
    .attr('d', (d) =>
      d.swatch === 'line' || d.swatch === 'dash'
        ? `M0,0.5H${SWATCH_WIDTH}`
        : `M0,${-h / 2}h${SWATCH_WIDTH}v${h}h${-SWATCH_WIDTH}Z`,
    )
    .attr('stroke', (d) => (d.swatch === 'box' || d.swatch === 'hatch' ? 'none' : d.color))
    .attr('stroke-width', (d) => (d.swatch === 'outline' ? 1.5 : 2))
    .attr('stroke-dasharray', (d) => (d.swatch === 'dash' ? GHOST_DASH : null))
    .attr('fill', (d) => (d.swatch === 'box' ? d.color : d.swatch === 'hatch' ? hatch : 'none'))
    .attr('fill-opacity', (d) => (d.swatch === 'box' ? 0.75 : 1));
  items
    .select('text')
    .attr('x', SWATCH_WIDTH + 4)
    .attr('dy', '0.32em')
    .attr('font-size', fs)
    .attr('fill', PALETTE.text)
    .text((d) => d.label);
}
