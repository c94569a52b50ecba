/**
 * The bare view of `embed=1`, for slides and course pages: the figures and the price chart,
 * with play and the tour's note if the link opens one — no header, no controls. A link opens
 * the full lab on the same scenario.
 */

import { useMemo } from 'react';
import { createPriceChart, type BaseChartOptions, type PriceChartEvents } from '../../charts';
import { useApp, useAppStore } from '../../state/react';
import { selectStatus } from '../../state/selectors';
import { shareUrl, teachView } from '../../state/urlSync';
import { Announcer } from '../Announcer';
import { ChartHost } from '../ChartHost';
import { ErrorBoundary } from '../ErrorBoundary';
import { FiguresPanel } from '../FiguresPanel';
import { ErrorBanner, LinkNotice } from '../Notices';
import { PriceReadout } from '../PriceReadout';
import { menuButton } from '../share/styles';
import { TourPanel } from './TourPanel';

const priceChart = (el: HTMLElement, o: BaseChartOptions & PriceChartEvents) =>
  createPriceChart(el, o);

export function EmbedView() {
  const { controller } = useApp();
  const playing = useAppStore(selectStatus) === 'playing';
  const setHoverStep = useAppStore((s) => s.setHoverStep);
  const events = useMemo(() => ({ onHover: setHoverStep }), [setHoverStep]);
  const scenario = useAppStore((s) => s.scenario);
  const teach = useAppStore((s) => s.teach);
  const present = useAppStore((s) => s.present);
  // Every view key in force (the preset label and presentation mode too), less the bare view's.
  const view = { ...teachView({ scenario, teach, present }), embed: false, autoplay: false };
  const full = shareUrl(scenario, view, window.location);
  return (
    <main className="min-h-screen space-y-2 bg-slate-950 p-2 text-slate-100" data-testid="embed">
      <h1 className="sr-only">Cascade Lab</h1>
      <ErrorBanner />
      <LinkNotice />
      <div className="flex items-center gap-2">
        <button type="button" className={menuButton} onClick={() => controller.togglePlay()}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <a
          className="ml-auto text-sm text-sky-300 underline"
          href={full}
          target="_blank"
          rel="noreferrer"
        >
          Open in Cascade Lab
        </a>
      </div>
      <TourPanel />
      <FiguresPanel />
      <section aria-label="Price" className="rounded-lg border border-slate-800 p-2">
        <ErrorBoundary what="The price chart">
          <ChartHost create={priceChart} options={events} className="h-72 sm:h-96" />
        </ErrorBoundary>
        <PriceReadout />
      </section>
      <Announcer />
    </main>
  );
}
