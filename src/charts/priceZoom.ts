/**
 * Zooming the price chart's time axis: the wheel around the pointer, a mouse drag across the
 * plot (a brush: the minutes under it fill the axis), two fingers pinching, and the keys + and −
 * (around the minute under the pointer, else the middle) and 0 while the chart has focus; a
 * double click or 0 shows the whole run again.
 */

import { PALETTE } from './colors';
import { MIN_SPAN, zoomSpan, type TimeSpan } from './crosshair';
import type { Rect } from './scales';
import type { Shell } from './shell';

/** What the chart shows now, and how to change it. */
export interface ZoomTarget {
  /** The plot, the minutes on its axis, the run's length and the minute hovered (or null). */
  view(): { plot: Rect; span: TimeSpan; steps: number; hovered: number | null } | null;
  /** Shows `span` (null: the whole run) and redraws. */
  setZoom(span: TimeSpan | null): void;
}

/** How far a key zooms, and the narrowest drag (px) that counts as a brush, not a click. */
const KEY_FACTOR = 0.5;
const MIN_BRUSH_PX = 5;

/** The minutes between two x positions (px) on the plot, in order and inside the run. */
export function brushSpan(
  plot: Rect,
  span: TimeSpan,
  steps: number,
  x0: number,
  x1: number,
): TimeSpan | null {
  const at = (x: number) => {
    const share = Math.max(0, Math.min(1, (x - plot.x) / plot.width));
    return span[0] + share * (span[1] - span[0]);
  };
  const [a, b] = [at(Math.min(x0, x1)), at(Math.max(x0, x1))];
  // No narrower than a wheel zoom goes, around the brush's middle.
  const width = Math.min(steps, Math.max(Math.min(MIN_SPAN, steps), b - a));
  if (width >= steps) return null;
  const from = Math.max(0, Math.min(steps - width, (a + b) / 2 - width / 2));
  return [from, from + width];
}

export function attachPriceZoom(shell: Shell, hit: SVGRectElement, target: ZoomTarget): () => void {
  const root = shell.root;
  const brush = shell.svg
    .append('rect')
    .attr('class', 'brush')
    .attr('fill', PALETTE.text)
    .attr('fill-opacity', 0.15)
    .style('pointer-events', 'none')
    .style('display', 'none');
  // Vertical swipes still scroll the page on a phone; a pinch comes here.
  hit.style.touchAction = 'pan-y';
  root.tabIndex = 0;
  root.setAttribute('aria-keyshortcuts', '+ - 0');

  const xOf = (e: MouseEvent) => e.clientX - root.getBoundingClientRect().left;
  /** Zooms by `factor` around the minute at `x` (px), else the one hovered, else the middle. */
  function zoomBy(factor: number, x?: number): void {
    const v = target.view();
    if (!v) return;
    const [t0, t1] = v.span;
    const at =
      x !== undefined
        ? t0 + ((x - v.plot.x) / v.plot.width) * (t1 - t0)
        : (v.hovered ?? (t0 + t1) / 2 - 0.5) + 0.5;
    target.setZoom(zoomSpan(v.span, at, factor, v.steps));
  }

  let brushFrom: number | null = null;
  /** Fingers down on the plot, by pointer id: their x (px). */
  const touches = new Map<number, number>();

  const handlers: Record<string, (e: never) => void> = {
    wheel(e: WheelEvent) {
      if (e.deltaY === 0) return;
      e.preventDefault(); // the page does not scroll while the chart zooms
      zoomBy(e.deltaY < 0 ? 0.8 : 1.25, xOf(e));
    },
    pointerdown(e: PointerEvent) {
      if (e.pointerType === 'touch') touches.set(e.pointerId, xOf(e));
      else if (e.button === 0) {
        brushFrom = xOf(e);
        hit.setPointerCapture?.(e.pointerId);
      }
    },
    pointermove(e: PointerEvent) {
      const x = xOf(e);
      const v = target.view();
      if (touches.has(e.pointerId)) {
        // Two fingers: the span scales with their distance, around the point between them.
        const [a, b] = [...touches.values()];
        touches.set(e.pointerId, x);
        const [c, d] = [...touches.values()];
        const was = Math.abs(a - b);
        const now = Math.abs(c - d);
        if (touches.size === 2 && was > 10 && now > 10) zoomBy(was / now, (c + d) / 2);
      } else if (brushFrom !== null && v) {
        const lo = Math.max(v.plot.x, Math.min(brushFrom, x));
        const hi = Math.min(v.plot.x + v.plot.width, Math.max(brushFrom, x));
        brush
          .style('display', 'inline')
          .attr('x', lo)
          .attr('width', Math.max(0, hi - lo))
          .attr('y', v.plot.y)
          .attr('height', v.plot.height);
      }
    },
    pointerup(e: PointerEvent) {
      touches.delete(e.pointerId);
      const v = target.view();
      const from = brushFrom;
      brushFrom = null;
      brush.style('display', 'none');
      if (from !== null && v && Math.abs(xOf(e) - from) >= MIN_BRUSH_PX)
        target.setZoom(brushSpan(v.plot, v.span, v.steps, from, xOf(e)));
    },
    dblclick: () => target.setZoom(null),
  };
  handlers.pointercancel = handlers.pointerup;
  const onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '0') target.setZoom(null);
    else if ('+='.includes(e.key)) zoomBy(KEY_FACTOR);
    else if ('-_'.includes(e.key)) zoomBy(1 / KEY_FACTOR);
    else return;
    e.preventDefault();
  };

  for (const [type, fn] of Object.entries(handlers))
    hit.addEventListener(type, fn as EventListener, { passive: false });
  root.addEventListener('keydown', onKey);
  return () => {
    for (const [type, fn] of Object.entries(handlers))
      hit.removeEventListener(type, fn as EventListener);
    root.removeEventListener('keydown', onKey);
  };
}
