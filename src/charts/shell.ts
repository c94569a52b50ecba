/**
 * A chart's place on the page: the root element it adds inside the container React owns, its
 * size, and the SVG layer with its groups in drawing order.
 */

import { select, type Selection } from 'd3';
import { PALETTE } from './colors';

export type SvgSel = Selection<SVGSVGElement, unknown, null, undefined>;
export type GSel = Selection<SVGGElement, unknown, null, undefined>;

export interface Shell {
  root: HTMLDivElement;
  svg: SvgSel;
  width: number;
  height: number;
  /** Reads the container's size; true if it changed. */
  measure(): boolean;
  setLabel(text: string): void;
  destroy(): void;
}

/**
 * Adds the chart's root inside `el`: a positioned box filling el's content box, with
 * role="img" and an aria-label, and an SVG layer. If `el` has no height of its own (height
 * auto), the chart takes `aspect` × its width, between 200 and 480 px.
 */
export function createShell(el: HTMLElement, name: string, label: string, aspect = 0.55): Shell {
  const root = document.createElement('div');
  root.className = `cascade-chart cascade-chart-${name}`;
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', label);
  Object.assign(root.style, {
    position: 'relative',
    width: '100%',
    height: '100%',
    overflow: 'hidden',
    color: PALETTE.text,
    fontVariantNumeric: 'tabular-nums',
  });
  el.appendChild(root);
  const svg = select(root)
    .append('svg')
    .attr('aria-hidden', 'true')
    .style('position', 'absolute')
    .style('left', '0')
    .style('top', '0')
    .style('display', 'block')
    .style('overflow', 'visible')
    .style('font-family', 'inherit');

  const shell: Shell = {
    root,
    svg,
    width: 0,
    height: 0,
    measure() {
      root.style.height = '100%';
      const w = Math.floor(root.clientWidth || el.clientWidth);
      let h = Math.floor(root.clientHeight || el.clientHeight);
      if (h < 1 && w > 0) {
        h = Math.max(200, Math.min(480, Math.round(w * aspect)));
        root.style.height = `${h}px`;
      }
      const changed = w !== shell.width || h !== shell.height;
      shell.width = w;
      shell.height = h;
      svg.attr('width', w).attr('height', h).attr('viewBox', `0 0 ${w} ${h}`);
      return changed;
    },
    setLabel(text) {
      if (root.getAttribute('aria-label') !== text) root.setAttribute('aria-label', text);
    },
    destroy() {
      root.remove();
    },
  };
  return shell;
}

/** A layer group, found or created once, in drawing order. */
export function layer(parent: SvgSel | GSel, name: string): GSel {
  const found = parent.select<SVGGElement>(`g.${name}`);
  return found.empty() ? parent.append('g').attr('class', name) : found;
}
