/** The three charts, each in a titled panel. React lays them out; D3 draws inside. */

import { useMemo, type ReactNode } from 'react';
import {
  createDepthChart,
  createHeatmapChart,
  createPriceChart,
  type BaseChartOptions,
  type FuelColumn,
  type HeatmapChartOptions,
  type PriceChartEvents,
} from '../charts';
import { selectIsLoading, selectIsStale } from '../state/selectors';
import { useApp, useAppStore } from '../state/react';
import { ChartHost } from './ChartHost';
import { ChartTable } from './ChartTable';
import { ErrorBoundary } from './ErrorBoundary';
import { EstimateFigures, MapToggle } from './EstimateView';
import { EventLog } from './EventLog';
import { MarkerLegend } from './MarkerLegend';
import { PriceReadout } from './PriceReadout';
import { StartHint } from './StartHint';
import { Term } from './teach/Term';

// Module-level, so ChartHost's effect sees the same factory on every render.
const priceChart = (el: HTMLElement, o: BaseChartOptions & PriceChartEvents) =>
  createPriceChart(el, o);
const heatmapChart = (el: HTMLElement, o: BaseChartOptions & HeatmapChartOptions) =>
  createHeatmapChart(el, o);
// One options object per map: switching maps re-creates the heatmap, drawing the other column.
const HEATMAP_MAPS: Record<FuelColumn, HeatmapChartOptions> = {
  predicted: { fuel: 'predicted' },
  estimated: { fuel: 'estimated' },
};
const depthChart = (el: HTMLElement, o: BaseChartOptions) => createDepthChart(el, o);

function Panel({
  title,
  caption,
  children,
  footer,
  className = '',
}: {
  title: string;
  caption: ReactNode;
  children: ReactNode;
  /** Below the chart: its legend, its data table. */
  footer?: ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`min-w-0 rounded-lg border border-slate-800 bg-slate-900/60 p-3 ${className}`}
    >
      <h2 className="text-base font-semibold text-slate-100">{title}</h2>
      <p className="mb-2 text-sm text-slate-400 max-sm:sr-only">{caption}</p>
      <ErrorBoundary what={`The ${title.toLowerCase()} chart`}>{children}</ErrorBoundary>
      {footer}
    </section>
  );
}

export function ChartsGrid() {
  // The price chart tells the store which minute is under the pointer; the readout shows it.
  const setHoverStep = useAppStore((s) => s.setHoverStep);
  const priceEvents = useMemo(() => ({ onHover: setHoverStep }), [setHoverStep]);
  // Until a new run is set up, the old run's charts stay, dimmed.
  const stale = useAppStore(selectIsStale);
  const loading = useAppStore(selectIsLoading);
  // Which map the heatmap shows is a view key (`map=estimated`), so a link and a tour stage set it.
  const heatmapFuel: FuelColumn = useAppStore((s) =>
    s.teach.map === 'estimated' ? 'estimated' : 'predicted',
  );
  const { store } = useApp();
  const setHeatmapFuel = (fuel: FuelColumn) => {
    const { teach, setTeach } = store.getState();
    const rest = { ...teach };
    delete rest.map;
    setTeach(fuel === 'estimated' ? { ...rest, map: 'estimated' } : rest);
  };
  return (
    <div
      className={`grid min-w-0 grid-cols-1 gap-3 transition-opacity xl:grid-cols-2 ${stale ? 'opacity-50' : ''}`}
      aria-busy={loading}
      data-testid="charts"
    >
      <div className="flex min-w-0 flex-col gap-3 xl:col-span-2 xl:flex-row">
        <Panel
          title="Price"
          caption={
            <>
              Last trade, <Term k="mark-price">mark</Term> and <Term k="index">index</Term> price;
              dashed: the same market without liquidations.
            </>
          }
          className="xl:flex-1"
          footer={
            <>
              <PriceReadout />
              <MarkerLegend />
              <ChartTable kind="price" title="Price" />
            </>
          }
        >
          <div className="relative">
            <ChartHost create={priceChart} options={priceEvents} className="h-72 sm:h-80" />
            <StartHint />
          </div>
        </Panel>
        <div className="xl:w-64 xl:shrink-0">
          <EventLog />
        </div>
      </div>
      <Panel
        title="Liquidation heatmap"
        caption={
          <>
            Where open positions would be liquidated (their{' '}
            <Term k="liquidation-price">liquidation prices</Term>, background) and where they were
            (bright).
          </>
        }
        footer={
          <>
            <EstimateFigures />
            <ChartTable kind="heatmap" title="Liquidations" />
          </>
        }
      >
        <MapToggle fuel={heatmapFuel} onChange={setHeatmapFuel} />
        <ChartHost create={heatmapChart} options={HEATMAP_MAPS[heatmapFuel]} className="h-80" />
      </Panel>
      <Panel
        title="Order-book depletion"
        caption={
          <>
            Resting depth by price against its baseline, and the share missing over time (
            <Term k="depletion">depletion</Term>).
          </>
        }
        footer={<ChartTable kind="depth" title="Order book" />}
      >
        <ChartHost create={depthChart} className="h-80" />
      </Panel>
    </div>
  );
}
