/**
 * The page: a header, the controls in a sidebar (below the charts on a phone), and the main
 * column with messages, playback, the live figures and the charts.
 */

import { useController } from '../state/react';
import { Announcer } from './Announcer';
import { ChartsGrid } from './ChartsGrid';
import { ControlsPanel } from './controls/ControlsPanel';
import { FiguresPanel } from './FiguresPanel';
import { ErrorBanner, LinkNotice } from './Notices';
import { PlaybackBar } from './PlaybackBar';
import { Scrubber } from './Scrubber';
import { useKeyboard } from './useKeyboard';

export function App() {
  useKeyboard(useController());
  return (
    <div className="min-h-screen bg-slate-950 text-slate-100">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-slate-800 px-4 py-2">
        <h1 className="text-2xl font-semibold tracking-tight">Cascade Lab</h1>
        <p className="min-w-0 flex-1 basis-80 text-sm text-slate-300">
          Watch how a price shock turns into a liquidation cascade in a leveraged perpetual futures
          market: press play, then move a slider and run the same market again.
        </p>
      </header>
      <div className="flex flex-col lg:flex-row">
        <main className="order-1 min-w-0 flex-1 space-y-3 p-3 lg:order-2">
          <ErrorBanner />
          <LinkNotice />
          <div className="sticky top-0 z-10 -mx-3 bg-slate-950/90 px-3 py-1 backdrop-blur">
            <PlaybackBar />
            <div className="mt-1 rounded-lg border border-slate-800 bg-slate-900/95 px-3 py-1">
              <Scrubber />
            </div>
          </div>
          <FiguresPanel />
          <ChartsGrid />
          <Announcer />
        </main>
        <aside
          aria-label="Scenario"
          className="order-2 border-slate-800 p-3 lg:order-1 lg:sticky lg:top-0 lg:h-screen lg:w-80 lg:shrink-0 lg:overflow-y-auto lg:border-r"
        >
          <h2 className="mb-2 text-base font-semibold">Scenario</h2>
          <ControlsPanel />
        </aside>
      </div>
    </div>
  );
}
