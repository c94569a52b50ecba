/**
 * The page: a header, the controls in a sidebar (a bottom sheet on a phone, so a slider and the
 * charts are on screen together), and the main column with messages, then, pinned, playback,
 * the scrubber and the figures, then the charts.
 */

import { useEffect, useState } from 'react';
import { useAppStore, useController } from '../state/react';
import { shownControls } from '../state/tour';
import { Announcer } from './Announcer';
import { ChartsGrid } from './ChartsGrid';
import { CompareEntry } from './compare/CompareEntry';
import { CriticalityGauge } from './CriticalityGauge';
import { ControlsPanel } from './controls/ControlsPanel';
import { FiguresPanel } from './FiguresPanel';
import { LabButton } from './lab/LabButton';
import { ErrorBanner, LinkNotice } from './Notices';
import { PlaybackBar } from './PlaybackBar';
import { ShareBar } from './share/ShareBar';
import { Scrubber } from './Scrubber';
import { LearnBar } from './teach/LearnBar';
import './teach/present.css';
import { PresetMenu } from './teach/PresetMenu';
import { useKeyboard } from './useKeyboard';
import { useHeight } from './useHeight';
import { useNarrow } from './useNarrow';
import { EmbedView } from './teach/EmbedView';
import { EpisodeSlot } from './teach/EpisodeSlot';
import { TeachBar } from './teach/TeachBar';
import { TourPanel } from './teach/TourPanel';

export function App() {
  useKeyboard(useController());
  const narrow = useNarrow();
  const [pinned, pinnedHeight] = useHeight<HTMLDivElement>();
  const [sheetShown, setSheetShown] = useState(true);
  // Presentation mode hides the controls: the preset menu moves to the header.
  const present = useAppStore((s) => s.present);
  // The sheet folds away on a phone only; beside the charts the controls are always there.
  const sheetOpen = !present && (sheetShown || !narrow);
  const embed = useAppStore((s) => s.teach.embed === true);
  // A preset replaces every value: not where a link shows or locks controls, or in a tour.
  const presetsFree = useAppStore(
    (s) => shownControls(s.teach) === null && !s.teach.lock?.length && !s.teach.tour,
  );
  // On the root element, so popovers and dialogs outside the app's tree take the theme too.
  useEffect(() => {
    document.documentElement.classList.toggle('present', present);
  }, [present]);
  if (embed) return <EmbedView />;
  return (
    <div className="min-h-screen bg-slate-950 text-slate-100">
      {/* Above the sidebar (z-20): the header's menus open over it when the header wraps. */}
      <header className="relative z-30 flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-slate-800 px-4 py-2">
        <h1 className="text-2xl font-semibold tracking-tight">Cascade Lab</h1>
        {present ? (
          <div className="min-w-0 flex-1 basis-64">{presetsFree && <PresetMenu />}</div>
        ) : (
          // On a phone the header keeps to its buttons, so a chart shows above the sheet.
          <p className="min-w-0 flex-1 basis-80 text-sm text-slate-300 max-sm:hidden">
            Watch how a price shock turns into a liquidation cascade in a leveraged perpetual
            futures market: press play, then move a slider and run the same market again.
          </p>
        )}
        <LearnBar />
        {!present && <TeachBar />}
        {!present && <LabButton />}
        {!present && <ShareBar />}
      </header>
      <div className="flex flex-col lg:flex-row">
        <main
          className={`order-1 min-w-0 flex-1 space-y-3 p-3 lg:order-2 lg:pb-3 ${sheetOpen ? 'pb-[38vh]' : present ? 'pb-3' : 'pb-16'}`}
        >
          <ErrorBanner />
          <LinkNotice />
          <div ref={pinned} className="sticky top-0 z-10 -mx-3 space-y-1 bg-slate-950 px-3 py-1">
            <PlaybackBar />
            <div className="rounded-lg border border-slate-800 bg-slate-900/95 px-3 py-1">
              <Scrubber />
            </div>
          </div>
          {/* Pinned under the playback bar on a phone, where the charts are short; opaque, so
              what scrolls under it does not show through. */}
          <div
            className="-mx-3 px-3 py-1 max-lg:sticky max-lg:z-10 max-lg:bg-slate-950"
            style={{ top: pinnedHeight }}
          >
            <FiguresPanel />
          </div>
          {/* Not pinned: on a phone the figures already take a quarter of the screen. Presentation
              mode keeps the price chart above the fold at 1024×768. */}
          {!present && <CriticalityGauge />}
          <CompareEntry />
          <TourPanel />
          <EpisodeSlot collapsed={present || narrow} />
          <ChartsGrid />
          <Announcer />
        </main>
        <aside
          aria-label="Scenario"
          hidden={present}
          className={`fixed inset-x-0 bottom-0 z-20 overflow-y-auto border-t border-slate-700 bg-slate-950/95 p-3 pt-2 backdrop-blur lg:static lg:order-1 lg:sticky lg:top-0 lg:h-screen lg:max-h-none lg:w-80 lg:shrink-0 lg:border-t-0 lg:border-r lg:border-slate-800 lg:bg-slate-950 lg:pt-3 ${sheetOpen ? 'max-h-[36vh]' : 'max-h-14'}`}
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-base font-semibold">Scenario</h2>
            {narrow && (
              <button
                type="button"
                className="rounded-md border border-slate-600 px-2 py-0.5 text-sm text-slate-200"
                aria-expanded={sheetOpen}
                aria-controls="scenario-controls"
                onClick={() => setSheetShown((shown) => !shown)}
              >
                {sheetOpen ? 'Hide' : 'Show'}
              </button>
            )}
          </div>
          <div id="scenario-controls" hidden={!sheetOpen} className="space-y-2">
            {presetsFree && !present && <PresetMenu />}
            <ControlsPanel />
          </div>
        </aside>
      </div>
    </div>
  );
}
