/**
 * SVG definitions a chart refers to by url(): clip rectangles and hatch patterns, with ids
 * unique in the document.
 */

import type { Rect } from './scales';
import { layer, type SvgSel } from './shell';

let nextId = 0;
/** A document-unique id for SVG defs (patterns, gradients) of one chart instance. */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/**
 * A clip rectangle for layers that must stay inside the plot (lines whose values can leave the
 * axis, e.g. a price below the heatmap's bucket grid). Returns the url() and a setter.
 */
export function clipRect(svg: SvgSel, id: string): { url: string; set(r: Rect): void } {
  const rect = svg.append('defs').append('clipPath').attr('id', id).append('rect');
  return {
    url: `url(#${id})`,
    set(r) {
      rect.attr('x', r.x).attr('y', r.y).attr('width', r.width).attr('height', r.height);
    },
  };
}

/** A diagonal hatch pattern in `color`, for "missing" areas. Returns its url(). */
export function hatchPattern(svg: SvgSel, id: string, color: string): string {
  const defs = layer(svg, 'defs-holder').selectAll('defs').data([0]).join('defs');
  const p = defs
    .selectAll<SVGPatternElement, string>(`pattern#${id}`)
    .data([id])
    .join('pattern')
    .attr('id', id)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)');
  p.selectAll('rect')
    .data([0])
    .join('rect')
    .attr('width', 6)
    .attr('height', 6)
    .attr('fill', color)
    .attr('fill-opacity', 0.18);
  p.selectAll('line')
    .data([0])
    .join('line')
    .attr('x1', 0)
    .attr('y1', 0)
    .attr('x2', 0)
    .attr('y2', 6)
    .attr('stroke', color)
    .attr('stroke-width', 2);
  return `url(#${id})`;
}
