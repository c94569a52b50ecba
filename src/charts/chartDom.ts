/**
 * What the three charts share on the page: the root element they add inside the container
 * React owns, its size, the SVG layer, the tooltip, axes and legends drawn from a model's plain
 * data. Kept thin: layout decisions live in the *Model.ts files, which tests cover.
 */

import { select, type Selection } from 'd3';
import type { FrameBatch, RunInfo } from '../engine/frame';
import { GHOST_DASH, PALETTE } from './colors';
import { SWATCH_WIDTH, type LegendLayout } from './legend';
import type { FrameScheduler } from '../shared/frameScheduler';
import type { Rect, Tick } from './scales';

/** What every chart returns; ChartHost calls these. */
export interface Chart {
  /** The run's frames so far (rows 0..count-1). A new `info` or a smaller count is a new run. */
  update(frames: FrameBatch, info: RunInfo): void;
  /** The container changed size (call from a ResizeObserver). */
  resize(): void;
  /** Removes everything the chart added and cancels a pending draw. */
  destroy(): void;
}

/** Options every chart takes. */
export interface BaseChartOptions {
  /** Where redraws are queued (default requestAnimationFrame); tests pass a manual one. */
  scheduler?: FrameScheduler;
  /**
   * Called with an error thrown while drawing (inside the animation frame, where no caller could
   * catch it). Without it, the error is thrown from the frame callback as before.
   */
  onError?: (error: unknown) => void;
}

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

let nextId = 0;
/** A document-unique id for SVG defs (patterns, gradients) of one chart instance. */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
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

/** A plain-text tooltip inside the chart's root; data goes in as textContent, never HTML. */
export interface Tooltip {
  show(lines: string[], x: number, y: number): void;
  hide(): void;
}

export function createTooltip(root: HTMLElement): Tooltip {
  const tip = document.createElement('div');
  tip.className = 'cascade-chart-tooltip';
  Object.assign(tip.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    display: 'none',
    pointerEvents: 'none',
    zIndex: '1',
    whiteSpace: 'pre',
    background: 'rgba(15, 23, 42, 0.95)',
    border: '1px solid #334155',
    borderRadius: '4px',
    padding: '4px 6px',
    fontSize: '12px',
    lineHeight: '1.35',
    color: PALETTE.text,
  });
  root.appendChild(tip);
  return {
    show(lines, x, y) {
      tip.textContent = lines.join('\n');
      tip.style.display = 'block';
      const w = tip.offsetWidth;
      const h = tip.offsetHeight;
      const left = x + 12 + w > root.clientWidth ? Math.max(0, x - 12 - w) : x + 12;
      const top = y + 12 + h > root.clientHeight ? Math.max(0, y - 12 - h) : y + 12;
      tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    },
    hide() {
      tip.style.display = 'none';
    },
  };
}

/** Tracks which run a chart shows: a different info object or fewer rows means a new run. */
export function createRunTracker(): { isNewRun(frames: FrameBatch, info: RunInfo): boolean } {
  let seen: RunInfo | null = null;
  let rows = 0;
  return {
    isNewRun(frames, info) {
      const fresh = info !== seen || frames.count < rows;
      seen = info;
      rows = frames.count;
      return fresh;
    },
  };
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
