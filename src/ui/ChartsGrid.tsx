/** The three charts, each in a titled panel. React lays them out; D3 draws inside. */

import { useMemo, type ReactNode } from 'react';
import {
  createDepthChart,
  createHeatmapChart,
  createPriceChart,
  type BaseChartOptions,
  type Chart,
  type FuelColumn,
  type HeatmapChartOptions,
  type PriceChartEvents,
} from '../charts';
import { historyUpTo } from '../state/history';
import { selectIsComparing, selectIsLoading, selectIsStale } from '../state/selectors';
import { COMPARE_RUN, PRIMARY_RUN, lockstepCount } from '../state/slices';
import { useApp, useAppStore } from '../state/react';
import { ChartHost } from './ChartHost';
import { ChartTable } from './ChartTable';
import { TOUR_CHART_IDS } from './chartIds';
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
  id,
}: {
  title: string;
  /** The element id a tour's "Show the …" button scrolls to (TOUR_CHART_IDS). */
  id?: string;
  caption: ReactNode;
  children: ReactNode;
  /** Below the chart: its legend, its data table. */
  footer?: ReactNode;
  className?: string;
}) {
  return (
    <section
      id={id}
      tabIndex={id ? -1 : undefined}
      // Scrolled to, it stops below the pinned playback bar (and, on a phone, the figures).
      className={`min-w-0 scroll-mt-28 rounded-lg border border-slate-800 bg-slate-900/60 p-3 outline-none focus-visible:ring-2 focus-visible:ring-sky-500 max-lg:scroll-mt-64 ${className}`}
    >
      <h2 className="text-base font-semibold text-slate-100">{title}</h2>
      <p className="mb-2 text-sm text-slate-400 max-sm:sr-only">{caption}</p>
      <ErrorBoundary what={`The ${title.toLowerCase()} chart`}>{children}</ErrorBoundary>
      {footer}
    </section>
  );
}

/** A chart of run A and, in compare mode, the same chart of run B beside it (small multiples). */
function PerRun<O extends object>({
  create,
  options,
  comparing,
}: {
  create: (el: HTMLElement, o: BaseChartOptions & O) => Chart;
  options?: O;
  comparing: boolean;
}) {
  if (!comparing) return <ChartHost create={create} options={options} className="h-80" />;
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="small-multiples">
      {[PRIMARY_RUN, COMPARE_RUN].map((id) => (
        <figure key={id} className="min-w-0">
          <figcaption
            className={`text-xs font-semibold ${id === PRIMARY_RUN ? 'text-slate-100' : 'text-pink-300'}`}
          >
            {id === PRIMARY_RUN ? 'A' : 'B'}
          </figcaption>
          <ChartHost create={create} options={options} runId={id} className="h-64" />
        </figure>
      ))}
    </div>
  );
}

/** Compare mode's legend of the price chart: which line is which run. */
function CompareLegend() {
  return (
    <p className="text-xs text-slate-300" data-testid="compare-legend">
      <b className="text-slate-50">━ A</b> (the sidebar) · <b className="text-pink-400">━ B</b>{' '}
      (compare) · <b className="text-slate-400">┅</b> A without liquidations
    </p>
  );
}

export function ChartsGrid() {
  // The price chart tells the store which minute is under the pointer; the readout shows it.
  const setHoverStep = useAppStore((s) => s.setHoverStep);
  const { store } = useApp();
  const comparing = useAppStore(selectIsComparing);
  const priceEvents = useMemo(
    () =>
      comparing
        ? {
            onHover: setHoverStep,
            // One line per run: A's close, B's close, and A's path without liquidations.
            showMark: false,
            showIndex: false,
            compare: () => {
              const s = store.getState();
              const b = s.runs[COMPARE_RUN]?.frames;
              return b ? historyUpTo(b, lockstepCount(s) - 1) : null;
            },
          }
        : { onHover: setHoverStep },
    [setHoverStep, comparing, store],
  );
  // Until a new run is set up, the old run's charts stay, dimmed.
  const stale = useAppStore(selectIsStale);
  const loading = useAppStore(selectIsLoading);
  // Which map the heatmap shows is a view key (`map=estimated`), so a link and a tour stage set it.
  const heatmapFuel: FuelColumn = useAppStore((s) =>
    s.teach.map === 'estimated' ? 'estimated' : 'predicted',
  );
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
              {comparing && <CompareLegend />}
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
        id={TOUR_CHART_IDS.heatmap}
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
        <PerRun create={heatmapChart} options={HEATMAP_MAPS[heatmapFuel]} comparing={comparing} />
      </Panel>
      <Panel
        id={TOUR_CHART_IDS.book}
        title="Order-book depletion"
        caption={
          <>
            Resting depth by price against its baseline, and the share missing over time (
            <Term k="depletion">depletion</Term>).
          </>
        }
        footer={<ChartTable kind="depth" title="Order book" />}
      >
        <PerRun create={depthChart} comparing={comparing} />
      </Panel>
    </div>
  );
}
