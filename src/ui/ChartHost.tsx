/**
 * Mounts one D3 chart into a container React owns: creates it once, feeds it the run's frames
 * straight from the store (a vanilla subscription, so React never re-renders per step), tells it
 * when the container resizes, and destroys it on unmount.
 */

import { useEffect, useRef } from 'react';
import type { Chart } from '../charts';
import { useApp } from '../state/react';

export interface ChartHostProps {
  create: (el: HTMLElement) => Chart;
  className?: string;
}

export function ChartHost({ create, className }: ChartHostProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { store } = useApp();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = create(el);
    const feed = () => {
      const { frames, info } = store.getState();
      if (frames && info) chart.update(frames, info);
    };
    feed();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.framesVersion !== prev.framesVersion || s.info !== prev.info) feed();
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      unsubscribe();
      chart.destroy();
    };
  }, [create, store]);

  return <div ref={ref} className={className} />;
}
