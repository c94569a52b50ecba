/** Hosts of the lab's two charts (D3 draws into an SVG the component owns) and the legend. */

import { useCallback, useEffect, useRef, useState } from 'react';
import { cellGradient } from '../../charts/labColors';
import { createPhaseDiagram, type PhaseDiagram, type PhaseModel } from '../../charts/phaseDiagram';
import { CURVE_SERIES, drawShockCurves, type ShockCurvesModel } from '../../charts/shockCurves';

/** The width (px) of an element, kept up to date as it resizes. */
function useWidth<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function PhaseChart({
  model,
  onHighlight,
  onOpen,
}: {
  model: PhaseModel;
  onHighlight: (index: number | null) => void;
  onOpen: (index: number) => void;
}) {
  const [box, width] = useWidth<HTMLDivElement>();
  const svg = useRef<SVGSVGElement>(null);
  const chart = useRef<PhaseDiagram | null>(null);
  // The chart keeps the first handlers: route them through a ref so they stay current.
  const handlers = useRef({ onHighlight, onOpen });
  useEffect(() => {
    handlers.current = { onHighlight, onOpen };
  }, [onHighlight, onOpen]);
  useEffect(() => {
    if (!svg.current) return;
    const c = createPhaseDiagram(svg.current, {
      onHighlight: (i) => handlers.current.onHighlight(i),
      onOpen: (i) => handlers.current.onOpen(i),
    });
    chart.current = c;
    return () => c.destroy();
  }, []);
  const height = Math.round(Math.min(420, Math.max(220, width * 0.5)));
  useEffect(() => {
    if (width > 0) chart.current?.draw(model, width, height);
  }, [model, width, height]);
  return (
    <div ref={box} className="w-full">
      <svg ref={svg} className="block" data-testid="phase-diagram" />
    </div>
  );
}

export function CurvesChart({ model }: { model: ShockCurvesModel }) {
  const [box, width] = useWidth<HTMLDivElement>();
  const svg = useRef<SVGSVGElement>(null);
  const height = Math.round(Math.min(360, Math.max(200, width * 0.45)));
  useEffect(() => {
    if (svg.current && width > 0) drawShockCurves(svg.current, model, width, height);
  }, [model, width, height]);
  return (
    <div ref={box} className="w-full">
      <svg
        ref={svg}
        className="block"
        role="img"
        aria-label="P(cascade), liquidated share and amplification against the shock"
      />
      <ul className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-300">
        {CURVE_SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-0.5 w-4" style={{ background: s.color }} />
            {s.label}
            {s.right ? ' (right axis)' : ''}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-4 bg-violet-400/30" />
          critical shock, 95 % interval
        </li>
      </ul>
    </div>
  );
}

export function CellLegend({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-2 text-xs text-slate-300">
      <span>0</span>
      <span
        aria-hidden
        className="inline-block h-3 w-32 rounded"
        style={{ background: cellGradient() }}
      />
      <span>1</span>
      <span>{label}</span>
      <span className="ml-3 flex items-center gap-1">
        <span aria-hidden className="inline-block h-0.5 w-5 bg-slate-50" />
        critical shock (P crosses ½), bar: 95 % interval, hollow: a bound
      </span>
    </div>
  );
}
