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
    .attr('fill-opacity', 0.12)
    .attr('stroke', PALETTE.text)
    .attr('stroke-opacity', 0.5)
    .style('pointer-events', 'none')
    .style('display', 'none');
  // Vertical swipes still scroll the page on a phone; a pinch comes here.
  hit.style.touchAction = 'pan-y';
  root.tabIndex = 0;
  root.setAttribute('aria-keyshortcuts', '+ - 0');
  root.style.outlineOffset = '-2px';

  const xOf = (e: { clientX: number }) => e.clientX - root.getBoundingClientRect().left;
  const minuteAt = (plot: Rect, span: TimeSpan, x: number) =>
    span[0] + ((x - plot.x) / plot.width) * (span[1] - span[0]);

  const onWheel = (e: WheelEvent): void => {
    const v = target.view();
    if (!v || e.deltaY === 0) return;
    e.preventDefault(); // the page does not scroll while the chart zooms
    const at = minuteAt(v.plot, v.span, xOf(e));
    target.setZoom(zoomSpan(v.span, at, e.deltaY < 0 ? 0.8 : 1.25, v.steps));
  };

  let brushFrom: number | null = null;
  /** Touch points down on the plot, by pointer id: their x (px). */
  const touches = new Map<number, number>();

  const onDown = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') {
      touches.set(e.pointerId, xOf(e));
      return;
    }
    if (e.button !== 0) return;
    brushFrom = xOf(e);
    hit.setPointerCapture?.(e.pointerId);
  };
  const onMove = (e: PointerEvent): void => {
    const v = target.view();
    if (!v) return;
    if (e.pointerType === 'touch' && touches.has(e.pointerId)) {
      pinch(v, e.pointerId, xOf(e));
      return;
    }
    if (brushFrom === null) return;
    const lo = Math.max(v.plot.x, Math.min(brushFrom, xOf(e)));
    const hi = Math.min(v.plot.x + v.plot.width, Math.max(brushFrom, xOf(e)));
    brush
      .style('display', hi - lo >= MIN_BRUSH_PX ? 'inline' : 'none')
      .attr('x', lo)
      .attr('width', hi - lo)
      .attr('y', v.plot.y)
      .attr('height', v.plot.height);
  };
  const onUp = (e: PointerEvent): void => {
    touches.delete(e.pointerId);
    if (brushFrom === null || e.pointerType === 'touch') return;
    const from = brushFrom;
    brushFrom = null;
    brush.style('display', 'none');
    const v = target.view();
    const x = xOf(e);
    if (!v || Math.abs(x - from) < MIN_BRUSH_PX) return;
    target.setZoom(brushSpan(v.plot, v.span, v.steps, from, x));
  };

  /** Two fingers: the span scales with their distance, around the point between them. */
  function pinch(v: NonNullable<ReturnType<ZoomTarget['view']>>, id: number, x: number): void {
    const before = [...touches.values()];
    touches.set(id, x);
    if (touches.size !== 2) return;
    const after = [...touches.values()];
    const was = Math.abs(before[0] - before[1]);
    const now = Math.abs(after[0] - after[1]);
    if (was < 10 || now < 10 || was === now) return;
    const at = minuteAt(v.plot, v.span, (after[0] + after[1]) / 2);
    target.setZoom(zoomSpan(v.span, at, was / now, v.steps));
  }

  const onDoubleClick = (): void => target.setZoom(null);

  const onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const v = target.view();
    if (!v) return;
    const at = v.hovered !== null ? v.hovered + 0.5 : (v.span[0] + v.span[1]) / 2;
    if (e.key === '+' || e.key === '=') target.setZoom(zoomSpan(v.span, at, KEY_FACTOR, v.steps));
    else if (e.key === '-' || e.key === '_')
      target.setZoom(zoomSpan(v.span, at, 1 / KEY_FACTOR, v.steps));
    else if (e.key === '0') target.setZoom(null);
    else return;
    e.preventDefault();
  };

  const listeners: [EventTarget, string, EventListener, AddEventListenerOptions?][] = [
    [hit, 'wheel', onWheel as EventListener, { passive: false }],
    [hit, 'pointerdown', onDown as EventListener],
    [hit, 'pointermove', onMove as EventListener],
    [hit, 'pointerup', onUp as EventListener],
    [hit, 'pointercancel', onUp as EventListener],
    [hit, 'dblclick', onDoubleClick],
    [root, 'keydown', onKey as EventListener],
  ];
  for (const [el, type, fn, o] of listeners) el.addEventListener(type, fn, o);
  return () => {
    for (const [el, type, fn] of listeners) el.removeEventListener(type, fn);
  };
}
